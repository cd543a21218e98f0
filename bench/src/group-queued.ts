// Group 2: queued worker → main throughput — n emits, all delivered (the sum is verified).
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConnectionType, QObject } from '@sigslot/core';
import * as Comlink from 'comlink';
import { makeTable, type Table } from './model';
import { FloodThread, Gate } from './threads';
import { interleaved, median, timeout, triangle, WORKERS } from './util';

// comlink's Node adapter has no typed export path; it is a UMD file next to comlink's main.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeEndpoint = require('comlink/dist/umd/node-adapter.js') as (w: Worker) => Comlink.Endpoint;

/** The main-thread receiver of the sigslot rows: a QObject whose method is the slot (Qt's shape). */
export class Sink extends QObject {
  sum = -0; // a double from the start: the sum passes 2^31 (no deopt on the way)
  count = 0;
  target = 0;
  done: (() => void) | null = null;
  onValue(n: number): void {
    this.sum += n;
    if (++this.count === this.target) this.done?.();
  }
}

/** One trial's result: milliseconds from opening the gate to the last delivery. */
interface Trial {
  readonly ms: number;
  readonly ok: boolean;
  readonly extra?: Record<string, number>;
}

const LIMIT_MS = 120_000;

/** sigslot: a QThread's run() emits 1..n on a signal connected (QueuedConnection) to a main-thread QObject. */
export async function sigslotQueued(n: number): Promise<Trial> {
  const thread = new FloodThread();
  const gate = new Int32Array(new SharedArrayBuffer(Gate.Size * 4));
  thread.gate = gate.buffer as SharedArrayBuffer;
  thread.count = n;
  const sink = new Sink();
  sink.target = n;
  thread.value.connect(sink, sink.onValue, ConnectionType.QueuedConnection);
  const delivered = new Promise<void>((resolve) => (sink.done = resolve));
  const started = thread.started.once();
  thread.start();
  await timeout(started, LIMIT_MS, 'QThread start');
  const t0 = performance.now();
  Atomics.store(gate, Gate.Go, 1);
  Atomics.notify(gate, Gate.Go);
  await timeout(delivered, LIMIT_MS, `sigslot queued flood of ${n}`);
  const ms = performance.now() - t0;
  await thread.wait();
  sink.destroy();
  const workerNsPerEmit = (Atomics.load(gate, Gate.EmitUs) * 1e3) / n;
  return { ms, ok: sink.sum === triangle(n) && sink.count === n, extra: { workerNsPerEmit } };
}

/** Starts a peer worker with a gate, waits for its 'ready', and returns the gate opener. */
async function gatedWorker(
  file: string,
  workerData: Record<string, unknown>,
): Promise<{ worker: Worker; go: () => number; gate: Int32Array }> {
  const gate = new Int32Array(new SharedArrayBuffer(16));
  const worker = new Worker(path.join(WORKERS, file), { workerData: { ...workerData, gate: gate.buffer } });
  await timeout(
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    }),
    LIMIT_MS,
    `${file} start`,
  );
  return {
    worker,
    gate,
    go: () => {
      const t0 = performance.now();
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      return t0;
    },
  };
}

/** One postMessage({ i }) per emit. */
async function postEach(n: number): Promise<Trial> {
  const { worker, go } = await gatedWorker('queued-post-each.cjs', { n });
  let sum = 0;
  let count = 0;
  const done = new Promise<number>((resolve) => {
    worker.on('message', (m: { i: number }) => {
      sum += m.i;
      if (++count === n) resolve(performance.now());
    });
  });
  const t0 = go();
  const t1 = await timeout(done, LIMIT_MS, 'postMessage per emit');
  await worker.terminate();
  return { ms: t1 - t0, ok: sum === triangle(n) };
}

/** Arrays of 1,000 { i } per postMessage (naive batching, for reference). */
async function postBatch(n: number): Promise<Trial> {
  const { worker, go } = await gatedWorker('queued-post-batch.cjs', { n });
  let sum = 0;
  let count = 0;
  const done = new Promise<number>((resolve) => {
    worker.on('message', (batch: Array<{ i: number }>) => {
      for (let k = 0; k < batch.length; k++) sum += batch[k]!.i;
      count += batch.length;
      if (count === n) resolve(performance.now());
    });
  });
  const t0 = go();
  const t1 = await timeout(done, LIMIT_MS, 'batched postMessage');
  await worker.terminate();
  return { ms: t1 - t0, ok: sum === triangle(n) };
}

/**
 * A wire format by hand (no library): sigslot's former one (1,024 emits per message, an array per emit: [i]) or
 * its current one (runs: 4,096 emits per message, one number each).
 */
async function postWire(n: number, format: 'nested' | 'runs' | 'numbers'): Promise<Trial> {
  const { worker, go, gate } = await gatedWorker('queued-post-wire.cjs', { n, format });
  let sum = 0;
  let count = 0;
  const done = new Promise<number>((resolve) => {
    worker.on('message', (m: { type: string; batch: unknown[]; numbers?: Float64Array }) => {
      const batch = m.batch;
      if (m.numbers) {
        const numbers = m.numbers;
        for (let k = 0; k < numbers.length; k++) sum += numbers[k]!;
        count += batch[4] as number;
      } else if (format === 'nested') {
        for (let k = 0; k < batch.length; k += 3) sum += (batch[k + 2] as number[])[0]!;
        count += batch.length / 3;
      } else {
        for (let k = 4; k < batch.length; k++) sum += batch[k] as number;
        count += batch[3] as number;
      }
      if (count === n) resolve(performance.now());
    });
  });
  const t0 = go();
  const t1 = await timeout(done, LIMIT_MS, `sigslot wire format (${format})`);
  await worker.terminate();
  return { ms: t1 - t0, ok: sum === triangle(n), extra: { workerNsPerEmit: (Atomics.load(gate, 1) * 1e3) / n } };
}

/** The SharedArrayBuffer ring; the consumer drains synchronously, then sleeps in Atomics.waitAsync (50 ms guard). */
async function ring(n: number): Promise<Trial> {
  const CAP = 65536;
  const buffer = new SharedArrayBuffer(32 + CAP * 4);
  const ctl = new Int32Array(buffer, 0, 8);
  const data = new Int32Array(buffer, 32);
  const HEAD = 0;
  const TAIL = 1;
  const SLEEP = 2;
  const FULL_WAITS = 3;
  const MASK = CAP - 1;
  const { worker, go } = await gatedWorker('queued-ring.cjs', { n, ring: buffer });
  let tail = 0;
  let sum = 0;
  let sleeps = 0;
  let timeouts = 0;
  let resolveDone: (t: number) => void = () => {};
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  const drain = (): void => {
    for (;;) {
      const head = Atomics.load(ctl, HEAD);
      if (head !== tail) {
        for (; tail !== head; tail++) sum += data[tail & MASK]!;
        Atomics.store(ctl, TAIL, tail);
        Atomics.notify(ctl, TAIL);
        if (tail === n) return resolveDone(performance.now());
        continue;
      }
      Atomics.store(ctl, SLEEP, 1);
      if (Atomics.load(ctl, HEAD) !== tail) {
        Atomics.store(ctl, SLEEP, 0);
        continue;
      }
      const wait = Atomics.waitAsync(ctl, HEAD, tail, 50);
      if (!wait.async) {
        Atomics.store(ctl, SLEEP, 0);
        continue;
      }
      sleeps++;
      void wait.value.then((result) => {
        if (result === 'timed-out') timeouts++;
        Atomics.store(ctl, SLEEP, 0); // only the consumer clears its SLEEP flag
        drain();
      });
      return;
    }
  };
  const t0 = go();
  drain();
  const t1 = await timeout(done, LIMIT_MS, 'SAB ring');
  await worker.terminate();
  return {
    ms: t1 - t0,
    ok: sum === triangle(n),
    extra: { sleeps, timeouts, fullWaits: Atomics.load(ctl, FULL_WAITS) },
  };
}

/** comlink: one remote call per emit, fire-and-forget, the worker awaits the last. */
async function comlink(n: number): Promise<Trial> {
  const gate = new Int32Array(new SharedArrayBuffer(16));
  const worker = new Worker(path.join(WORKERS, 'queued-comlink.cjs'), { workerData: { n, gate: gate.buffer } });
  let sum = 0;
  let count = 0;
  let t0 = 0;
  let resolveDone: (t: number) => void = () => {};
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  Comlink.expose(
    {
      ready(): void {
        t0 = performance.now();
        Atomics.store(gate, 0, 1);
        Atomics.notify(gate, 0);
      },
      onValue(i: number): void {
        sum += i;
        if (++count === n) resolveDone(performance.now());
      },
    },
    nodeEndpoint(worker),
  );
  const t1 = await timeout(done, LIMIT_MS * 3, 'comlink calls');
  await worker.terminate();
  return { ms: t1 - t0, ok: sum === triangle(n) };
}

export interface QueuedOptions {
  readonly n: number;
  /** comlink is ~10 µs per call: it gets fewer emits (its figure is per emit, like every row). */
  readonly comlinkN: number;
  readonly rounds: number;
  readonly log: (line: string) => void;
}

const MODES = [
  'sigslot',
  'ring',
  'post-each',
  'post-batch',
  'wire-nested',
  'wire-runs',
  'wire-numbers',
  'comlink',
] as const;

/** Fresh worker per trial; rounds interleaved; the figure is ns per delivered emit (median of rounds). */
export async function runQueuedGroup(options: QueuedOptions): Promise<Table> {
  const { n, comlinkN, rounds, log } = options;
  const failures: string[] = [];
  const extras: Record<string, Record<string, number>[]> = {};
  const run: Record<(typeof MODES)[number], (n: number) => Promise<Trial>> = {
    sigslot: sigslotQueued,
    ring,
    'post-each': postEach,
    'post-batch': postBatch,
    'wire-nested': (count) => postWire(count, 'nested'),
    'wire-runs': (count) => postWire(count, 'runs'),
    'wire-numbers': (count) => postWire(count, 'numbers'),
    comlink,
  };
  const samples = await interleaved(
    MODES,
    rounds,
    async (mode) => {
      const count = mode === 'comlink' ? comlinkN : n;
      const trial = await run[mode](count);
      if (!trial.ok) failures.push(`${mode}: the sum of delivered values was wrong`);
      if (trial.extra) (extras[mode] ??= []).push(trial.extra);
      return (trial.ms * 1e6) / count; // ns per emit
    },
    log,
  );
  if (failures.length) throw new Error(`group 2: ${failures.join('; ')}`);
  const perEach = median(samples['post-each']);
  const labels: Record<(typeof MODES)[number], string> = {
    sigslot: 'sigslot QThread, QueuedConnection to a main-thread QObject',
    ring: 'raw SAB Int32 ring, notify only a sleeping consumer (ceiling)',
    'post-each': 'one postMessage({ i }) per emit',
    'post-batch': 'naive batching: 1,000 { i } per postMessage',
    'wire-nested': "sigslot's first wire format by hand, no library: 1,024 × [obj, sig, [i]] per postMessage",
    'wire-runs': "its second, by hand (the issue's floor): runs of 4,096, [obj, sig, 1, 4096, i, i, …] per postMessage",
    'wire-numbers': 'its format now, by hand: a run header, and 4,096 numbers in a transferred Float64Array',
    comlink: `comlink 4.4.2, one call per emit (${comlinkN.toLocaleString('en-US')} calls)`,
  };
  const sumOf = (mode: string, key: string): number => (extras[mode] ?? []).reduce((s, e) => s + (e[key] ?? 0), 0);
  return makeTable(
    {
      id: 'queued',
      title: `2. Queued worker → main throughput, ${n.toLocaleString('en-US')} emits, all delivered`,
      unit: 'ns/emit',
      better: 'lower',
      reference: 'ring',
      method:
        `Fresh worker per trial; the clock starts when main opens a SharedArrayBuffer gate the (started, waiting) ` +
        `worker blocks on, and stops when main's handler has seen the last value; the sum 1..n is verified. ` +
        `${rounds} interleaved rounds, median ns per emit (total ÷ n).`,
      notes: [
        `Time the worker spends in its emit loop ÷ n (every emit made and its batch serialised by postMessage): ` +
          (['sigslot', 'wire-nested', 'wire-runs', 'wire-numbers'] as const)
            .map((m) => `${m} ${median((extras[m] ?? []).map((e) => e.workerNsPerEmit ?? NaN)).toFixed(0)} ns`)
            .join(', ') +
          '. When it is close to the total, the worker (emit path + serialisation) is the bottleneck.',
        `ring: ${sumOf('ring', 'sleeps')} consumer sleeps, ${sumOf('ring', 'timeouts')} 50 ms guard timeouts (lost wake-ups would show here), ` +
          `${sumOf('ring', 'fullWaits')} producer waits on a full ring, over all rounds.`,
      ],
    },
    MODES.map((mode) => ({
      id: mode,
      label: labels[mode],
      samples: samples[mode],
      ...(mode === 'post-batch' || mode.startsWith('wire') ? { info: true } : {}),
      extra: {
        ...(extras[mode]?.length
          ? { worker_ns_per_emit: median(extras[mode].map((e) => e.workerNsPerEmit ?? NaN)) }
          : {}),
        M_emits_per_s: 1e3 / median(samples[mode]),
        x_faster_than_postMessage_per_emit: perEach / median(samples[mode]),
      },
    })),
    median,
  );
}
