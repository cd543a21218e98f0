// Group 5's measurements, each run in a fresh child process (`node --expose-gc memory-child.js <task> <json>`)
// so that one measurement's freed memory does not flatter the next. Prints one JSON line.
import { EventEmitter as NodeEventEmitter } from 'node:events';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConnectionType, QObject, Signal } from '@sigslot/core';
import EventEmitter3 from 'eventemitter3';
import mitt from 'mitt';
import { EventEmitter as Tseep } from 'tseep';
import { Signal as TypedSignal } from 'typed-signals';
import { FloodThread, Gate } from './threads';
import { collect, tick, timeout, triangle, WORKERS } from './util';

const heapUsed = (): number => {
  collect();
  return process.memoryUsage().heapUsed;
};
const rss = (): number => {
  collect();
  return process.memoryUsage.rss();
};

let acc = 0;
const slot = (x: number): void => {
  acc = (acc + x) & 0xfffff;
};
class Receiver extends QObject {
  sum = 0;
  count = 0;
  onValue(x: number): void {
    this.sum += x;
    this.count++;
  }
}

/** Bytes per connection: `emitters` emitters × `per` connections each, heap after GC, minus the empty emitters. */
function connections(emitters: number, per: number): Record<string, number> {
  const cases: Record<string, { make: () => unknown; connect: (e: unknown, i: number) => void }> = {
    sigslot: {
      make: () => new Signal<[number]>(new QObject(), 'value'),
      connect: (e) => void (e as Signal<[number]>).connect(slot),
    },
    'sigslot-receiver': {
      make: () => [new Signal<[number]>(new QObject(), 'value'), new Receiver()],
      connect: (e) => {
        const [signal, receiver] = e as [Signal<[number]>, Receiver];
        signal.connect(receiver, receiver.onValue);
      },
    },
    tseep: {
      make: () => new Tseep<{ value: (x: number) => void }>(),
      connect: (e) => void (e as Tseep<{ value: (x: number) => void }>).on('value', slot),
    },
    eventemitter3: { make: () => new EventEmitter3(), connect: (e) => void (e as EventEmitter3).on('value', slot) },
    'node-events': {
      make: () => new NodeEventEmitter(),
      connect: (e) => void (e as NodeEventEmitter).on('value', slot),
    },
    mitt: {
      make: () => mitt<{ value: number }>(),
      connect: (e) => (e as ReturnType<typeof mitt<{ value: number }>>).on('value', slot),
    },
    'typed-signals': {
      make: () => new TypedSignal<(x: number) => void>(),
      connect: (e) => void (e as TypedSignal<(x: number) => void>).connect(slot),
    },
  };
  const result: Record<string, number> = {};
  for (const [id, c] of Object.entries(cases)) {
    const all = Array.from({ length: emitters }, c.make);
    for (const e of all.slice(0, 10)) for (let i = 0; i < per; i++) c.connect(e, i); // warm the code paths
    const fresh = Array.from({ length: emitters }, c.make);
    const before = heapUsed();
    for (const e of fresh) for (let i = 0; i < per; i++) c.connect(e, i);
    const after = heapUsed();
    result[id] = (after - before) / (emitters * per);
    all.length = 0;
    fresh.length = 0;
  }
  return result;
}

/** Bytes per queued emit waiting in this thread's own event loop (QueuedConnection, same thread). */
async function inflightLocal(n: number): Promise<Record<string, number | boolean>> {
  const sender = new QObject();
  const signal = new Signal<[number]>(sender, 'value');
  const receiver = new Receiver();
  signal.connect(receiver, receiver.onValue, ConnectionType.QueuedConnection);
  for (let i = 0; i < 1000; i++) signal.emit(i); // warm up
  while (receiver.count < 1000) await tick();
  receiver.sum = 0;
  receiver.count = 0;
  const before = heapUsed();
  for (let i = 1; i <= n; i++) signal.emit(i);
  const after = heapUsed();
  while (receiver.count < n) await tick();
  return { bytesPerEmit: (after - before) / n, ok: receiver.sum === triangle(n) };
}

/**
 * Bytes per emit in flight worker → main: main blocks (Atomics.wait) while the worker makes all n emits, so
 * none is delivered; then (process RSS growth − the worker heap's growth) ÷ n. Then everything is delivered.
 */
async function inflightThread(mode: string, n: number): Promise<Record<string, number | boolean>> {
  let gate: Int32Array;
  let delivered: Promise<boolean>;
  let finish: () => Promise<void>;
  if (mode === 'sigslot') {
    const thread = new FloodThread();
    gate = new Int32Array(new SharedArrayBuffer(Gate.Size * 4));
    thread.gate = gate.buffer as SharedArrayBuffer;
    thread.count = n;
    // Main blocks on purpose until every emit is made, so every emit must stay in flight: backpressure would
    // (rightly) hold the worker back and never let it finish. This measures the bytes, so it is turned off.
    thread.maxPendingEmits = 0;
    const receiver = new Receiver();
    thread.value.connect(receiver, receiver.onValue, ConnectionType.QueuedConnection);
    const started = thread.started.once();
    thread.start();
    await timeout(started, 60_000, 'thread start');
    delivered = (async () => {
      while (receiver.count < n) await tick(1);
      return receiver.sum === triangle(n);
    })();
    finish = async () => void (await thread.wait());
  } else {
    gate = new Int32Array(new SharedArrayBuffer(16));
    const worker = new Worker(
      path.join(WORKERS, mode === 'post-each' ? 'queued-post-each.cjs' : 'queued-post-batch.cjs'),
      {
        workerData: { n, gate: gate.buffer },
      },
    );
    await new Promise((resolve) => worker.once('message', resolve));
    let sum = 0;
    let count = 0;
    worker.on('message', (m: { i: number } | Array<{ i: number }>) => {
      for (const x of Array.isArray(m) ? m : [m]) {
        sum += x.i;
        count++;
      }
    });
    delivered = (async () => {
      while (count < n) await tick(1);
      return sum === triangle(n);
    })();
    finish = async () => void (await worker.terminate());
  }
  const [heapBefore, heapAfter] = mode === 'sigslot' ? [Gate.HeapBefore, Gate.HeapAfter] : [2, 3];
  const rss0 = rss();
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  Atomics.wait(gate, 1, 0, 300_000); // main is blocked: nothing is delivered while the worker emits
  const rss1 = process.memoryUsage.rss();
  const workerHeapGrowth = (Atomics.load(gate, heapAfter) - Atomics.load(gate, heapBefore)) * 1024;
  const ok = await timeout(delivered, 300_000, 'delivery');
  await finish();
  return {
    bytesPerEmit: (rss1 - rss0 - workerHeapGrowth) / n,
    rssGrowthMb: (rss1 - rss0) / 1048576,
    workerHeapGrowthMb: workerHeapGrowth / 1048576,
    ok,
  };
}

/** A slot that takes about `us` microseconds. */
class SlowReceiver extends QObject {
  sum = 0;
  count = 0;
  inOrder = true;
  constructor(
    private readonly us: number,
    private readonly sample: (count: number) => void,
  ) {
    super();
  }
  onValue(x: number): void {
    this.sum += x;
    if (x !== this.count + 1) this.inOrder = false;
    if ((++this.count & 0x3ff) === 0) this.sample(this.count);
    const end = performance.now() + this.us / 1000;
    while (performance.now() < end) {
      // the receiver is slow on purpose
    }
  }
}

/**
 * A flood of n queued emits to a slow receiver, with the peak RSS, the main heap and the backlog. The backlog
 * (emits made, not yet delivered) is sampled every 1,024 slot calls as the larger of two lower bounds: the
 * worker's own count of emits made (it stores it every 65,536) minus the slot calls so far, and sigslot's count
 * of emits sent and not yet delivered (`QThread.pendingEmits()`, which misses the worker's unsent batch).
 */
async function flood(n: number, us: number, capMb: number): Promise<Record<string, number | boolean>> {
  const thread = new FloodThread();
  const gate = new Int32Array(new SharedArrayBuffer(Gate.Size * 4));
  thread.gate = gate.buffer as SharedArrayBuffer;
  thread.count = n;
  thread.rssCapMb = capMb;
  const baselineRss = rss();
  const baselineHeap = process.memoryUsage().heapUsed;
  let peakRss = baselineRss;
  let peakHeap = baselineHeap;
  let peakBacklog = 0;
  let emittedAt = 0;
  const t0 = performance.now();
  const sample = (count: number, last = false): void => {
    peakBacklog = Math.max(peakBacklog, Atomics.load(gate, Gate.Progress) - count, thread.pendingEmits());
    if (emittedAt === 0 && Atomics.load(gate, Gate.Emitted) === 1) emittedAt = performance.now() - t0;
    if ((count & 0xffff) !== 0 && !last) return;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const receiver = new SlowReceiver(us, sample);
  thread.value.connect(receiver, receiver.onValue, ConnectionType.QueuedConnection);
  const started = thread.started.once();
  thread.start();
  await timeout(started, 60_000, 'thread start');
  const start = performance.now();
  Atomics.store(gate, Gate.Go, 1);
  Atomics.notify(gate, Gate.Go);
  const ended = thread.finished.once();
  await timeout(ended, 1_800_000, 'flood');
  const seconds = (performance.now() - start) / 1000;
  sample(receiver.count, true);
  const made = Atomics.load(gate, Gate.Progress);
  await thread.wait();
  return {
    n,
    slotUs: us,
    capMb,
    made,
    delivered: receiver.count,
    stoppedAt: Atomics.load(gate, Gate.StoppedAt),
    ok: receiver.count === made && receiver.sum === triangle(made) && receiver.inOrder,
    seconds,
    emitSeconds: emittedAt / 1000,
    baselineRssMb: baselineRss / 1048576,
    peakRssMb: Math.max(peakRss / 1048576, Atomics.load(gate, Gate.PeakRssMb)),
    baselineHeapMb: baselineHeap / 1048576,
    peakHeapMb: peakHeap / 1048576,
    peakBacklog,
    maxPendingEmits: thread.maxPendingEmits,
  };
}

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const a = JSON.parse(json ?? '{}') as Record<string, number & string>;
  let result: unknown;
  if (task === 'connections') result = connections(a.emitters, a.per);
  else if (task === 'inflight-local') result = await inflightLocal(a.n);
  else if (task === 'inflight-thread') result = await inflightThread(a.mode, a.n);
  else if (task === 'flood') result = await flood(a.n, a.us, a.capMb);
  else throw new Error(`unknown task ${task}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
