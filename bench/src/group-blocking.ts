// Group 3: blocking round trip worker → main — the emitting worker waits until main has run the slot.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConnectionType, QObject } from '@sigslot/core';
import * as Comlink from 'comlink';
import { createSyncFn } from 'synckit';
import { makeTable, type Table } from './model';
import { PingThread } from './threads';
import { interleaved, median, nextMessage, timeout, WORKERS } from './util';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeEndpoint = require('comlink/dist/umd/node-adapter.js') as (w: Worker) => Comlink.Endpoint;

const LIMIT_MS = 180_000;

/** The main-thread receiver of the blocking pings. */
class Pong extends QObject {
  acc = 0;
  onPing(n: number): void {
    this.acc = (this.acc + n) & 0xfffff;
  }
}

/** µs per round trip. */
type Trial = (warmup: number, count: number) => Promise<number>;

/** sigslot: `ping` connected with BlockingQueuedConnection to a main-thread QObject; run() times its emits. */
const sigslot: Trial = async (warmup, count) => {
  const thread = new PingThread();
  thread.warmup = warmup;
  thread.count = count;
  const pong = new Pong();
  thread.ping.connect(pong, pong.onPing, ConnectionType.BlockingQueuedConnection);
  const done = new Promise<[number, number]>((resolve) => thread.done.connect((ms, n) => resolve([ms, n])));
  thread.start();
  const [ms, n] = await timeout(done, LIMIT_MS, 'sigslot blocking pings');
  await thread.wait();
  pong.destroy();
  return (ms * 1e3) / n;
};

/** Raw floor: worker Atomics.wait ↔ main answers from Atomics.waitAsync. */
const atomics: Trial = async (warmup, count) => {
  const sab = new SharedArrayBuffer(8);
  const ctl = new Int32Array(sab);
  const worker = new Worker(path.join(WORKERS, 'rtt-atomics.cjs'), { workerData: { warmup, count, sab } });
  let seen = 0;
  let acc = 0;
  let stopped = false;
  const serve = (): void => {
    for (;;) {
      if (stopped) return;
      const wait = Atomics.waitAsync(ctl, 0, seen);
      if (wait.async) {
        void wait.value.then(serve);
        return;
      }
      seen = Atomics.load(ctl, 0);
      acc = (acc + seen) & 0xfffff; // the "slot"
      Atomics.store(ctl, 1, seen);
      Atomics.notify(ctl, 1);
    }
  };
  serve();
  const result = await timeout(nextMessage<{ ms: number; count: number }>(worker), LIMIT_MS, 'Atomics ping-pong');
  stopped = true;
  Atomics.store(ctl, 0, -1); // release the pending waitAsync
  Atomics.notify(ctl, 0);
  await worker.terminate();
  return (result.ms * 1e3) / result.count;
};

/** sigslot's mechanism by hand: postMessage + Atomics.wait in the worker; main answers from 'message'. */
const postAtomics: Trial = async (warmup, count) => {
  const sab = new SharedArrayBuffer(4);
  const ctl = new Int32Array(sab);
  const worker = new Worker(path.join(WORKERS, 'rtt-post-atomics.cjs'), { workerData: { warmup, count, sab } });
  let acc = 0;
  const result = new Promise<{ ms: number; count: number }>((resolve) => {
    worker.on('message', (m: number | { ms: number; count: number }) => {
      if (typeof m !== 'number') return resolve(m);
      acc = (acc + m) & 0xfffff;
      Atomics.store(ctl, 0, 1);
      Atomics.notify(ctl, 0);
    });
  });
  const r = await timeout(result, LIMIT_MS, 'postMessage + Atomics.wait');
  await worker.terminate();
  return (r.ms * 1e3) / r.count + acc * 0;
};

/** synckit: main blocks in a createSyncFn function served by a worker (synckit's only direction: caller → worker). */
const synckit: Trial = async (warmup, count) => {
  const fn = createSyncFn<(x: number) => Promise<number>>(path.join(WORKERS, 'rtt-synckit.cjs'));
  let acc = 0;
  for (let i = 0; i < warmup; i++) acc = (acc + fn(i)) & 0xfffff;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) acc = (acc + fn(i)) & 0xfffff;
  const ms = performance.now() - t0;
  return (ms * 1e3) / count + acc * 0;
};

/** comlink: the worker awaits `main.f(i)` round trips (worker → main, as sigslot's direction). */
const comlink: Trial = async (warmup, count) => {
  const worker = new Worker(path.join(WORKERS, 'rtt-comlink.cjs'), { workerData: { warmup, count } });
  let acc = 0;
  const result = new Promise<number>((resolve) => {
    Comlink.expose(
      {
        f(i: number): number {
          acc = (acc + i) & 0xfffff;
          return acc;
        },
        report(ms: number, n: number): void {
          resolve((ms * 1e3) / n);
        },
      },
      nodeEndpoint(worker),
    );
  });
  const us = await timeout(result, LIMIT_MS, 'comlink round trips');
  await worker.terminate();
  return us;
};

export interface BlockingOptions {
  readonly warmup: number;
  readonly count: number;
  /** comlink and synckit are slower per trip: they may get fewer. */
  readonly peerCount: number;
  readonly rounds: number;
  readonly log: (line: string) => void;
}

const MODES = ['sigslot', 'atomics', 'post-atomics', 'synckit', 'comlink'] as const;

/** Rounds interleaved; each trial a fresh worker; the figure is µs per round trip (median of rounds). */
export async function runBlockingGroup(options: BlockingOptions): Promise<Table> {
  const trials: Record<(typeof MODES)[number], Trial> = {
    sigslot,
    atomics,
    'post-atomics': postAtomics,
    synckit,
    comlink,
  };
  const samples = await interleaved(
    MODES,
    options.rounds,
    (mode) => {
      const count = mode === 'synckit' || mode === 'comlink' ? options.peerCount : options.count;
      return trials[mode](options.warmup, count);
    },
    options.log,
  );
  const labels: Record<(typeof MODES)[number], string> = {
    sigslot: 'sigslot BlockingQueuedConnection, worker emit → main QObject slot',
    atomics: 'raw SAB: worker Atomics.wait ↔ main Atomics.waitAsync (floor)',
    'post-atomics': "raw postMessage + Atomics.wait (sigslot's mechanism, no library)",
    synckit: 'synckit 0.12.3 createSyncFn (main blocks, worker answers)',
    comlink: 'comlink 4.4.2, worker awaits main.f(i)',
  };
  return makeTable(
    {
      id: 'blocking',
      title: '3. Blocking round trip worker → main',
      unit: 'µs/round trip',
      better: 'lower',
      reference: 'atomics',
      method:
        `${options.warmup.toLocaleString('en-US')} warm-up trips, then ${options.count.toLocaleString('en-US')} timed ` +
        `(synckit and comlink: ${options.peerCount.toLocaleString('en-US')}), timed on the waiting side; fresh worker ` +
        `per trial, ${options.rounds} interleaved rounds, median µs per round trip. Any trip that wakes a sleeping ` +
        `thread costs ~50–60 µs on this VM class whatever the transport (anchors.md).`,
      notes: ['synckit can only block a caller on a worker that answers, so its direction is main → worker.'],
    },
    MODES.map((mode) => ({
      id: mode,
      label: labels[mode],
      samples: samples[mode],
      ...(mode === 'post-atomics' ? { info: true } : {}),
      extra: { k_round_trips_per_s: 1e3 / median(samples[mode]) },
    })),
    median,
  );
}
