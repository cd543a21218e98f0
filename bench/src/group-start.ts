// Group 4: thread start — QThread.start() to `started` on main, against `new Worker` to its first message.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { QThread } from '@sigslot/thread';
import { makeTable, type Table } from './model';
import { EmptyThread } from './threads';
import { interleaved, median, timeout, WORKERS } from './util';

const LIMIT_MS = 60_000;

/** ms from `new Worker` to its first message; the worker is terminated (untimed) before the next. */
async function bareWorker(file: string): Promise<number> {
  const t0 = performance.now();
  const worker = new Worker(path.join(WORKERS, file));
  await timeout(
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    }),
    LIMIT_MS,
    file,
  );
  const ms = performance.now() - t0;
  await worker.terminate();
  return ms;
}

/** ms from `start()` to `started` delivered on main; the thread ends by itself (untimed) before the next. */
async function qthread(): Promise<number> {
  const thread = new EmptyThread();
  const started = thread.started.once();
  const t0 = performance.now();
  thread.start();
  await timeout(started, LIMIT_MS, 'QThread start');
  const ms = performance.now() - t0;
  await thread.wait();
  return ms;
}

/**
 * ms from `start()` to `started` on a prepared worker (`QThread.prepareWorkers()`): the spare is ready before the
 * clock starts (untimed), and its replacement starts after `started`, while the thread ends (untimed).
 */
async function qthreadPrepared(): Promise<number> {
  await QThread.prepareWorkers(1);
  return qthread();
}

export interface StartOptions {
  /** Starts per trial (one after another); the trial's figure is their median. */
  readonly starts: number;
  readonly rounds: number;
  readonly log: (line: string) => void;
}

const MODES = ['qthread', 'qthread-prepared', 'bare', 'bare-require'] as const;

export async function runStartGroup(options: StartOptions): Promise<Table> {
  const one: Record<(typeof MODES)[number], () => Promise<number>> = {
    qthread,
    'qthread-prepared': qthreadPrepared,
    bare: () => bareWorker('start-bare.cjs'),
    'bare-require': () => bareWorker('start-require-sigslot.cjs'),
  };
  // Start-up of a first worker pays one-off costs (code caches); warm every mode once, untimed.
  for (const mode of MODES) await one[mode]();
  await QThread.releasePreparedWorkers();
  const samples = await interleaved(
    MODES,
    options.rounds,
    async (mode) => {
      const times: number[] = [];
      for (let i = 0; i < options.starts; i++) times.push(await one[mode]());
      // No spare may outlive its mode: the cold row would take it, and one starting would load the machine.
      await QThread.releasePreparedWorkers();
      return median(times);
    },
    options.log,
  );
  const labels: Record<(typeof MODES)[number], string> = {
    qthread: 'sigslot QThread.start() → started (CJS thread module)',
    'qthread-prepared': 'sigslot QThread.start() on a prepared worker → started',
    bare: 'new Worker(CJS file) → first message',
    'bare-require': 'new Worker(CJS file that requires @sigslot/thread) → first message',
  };
  return makeTable(
    {
      id: 'start',
      title: '4. Thread start (CommonJS modules)',
      unit: 'ms',
      better: 'lower',
      reference: 'bare',
      method:
        `${options.starts} sequential starts per trial (median), each worker stopped before the next (untimed); ` +
        `one untimed warm-up start per mode; ${options.rounds} interleaved rounds, median of the trials. ` +
        `"On a prepared worker": QThread.prepareWorkers(1) has a spare worker ready (untimed) before each start; ` +
        `the spare is released before the other modes run.`,
    },
    MODES.map((mode) => ({
      id: mode,
      label: labels[mode],
      samples: samples[mode],
      ...(mode === 'bare-require' ? { info: true } : {}),
    })),
    median,
  );
}
