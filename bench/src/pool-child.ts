// Group 7's measurements for one pool, run in a fresh child process (`node pool-child.js <peer> <json>`) so that no
// pool's workers, JIT state or garbage skews the next. Prints one JSON line (a PoolFigures).
import * as path from 'node:path';
import { QFutureWatcher, QThreadPool, QtConcurrent, taskModule, type QPromise } from '@sigslot/concurrent';
import { WORKERS } from './util';

export const POOL_PEERS = ['sigslot', 'piscina', 'tinypool', 'workerpool', 'poolifier'] as const;
export type PoolPeer = (typeof POOL_PEERS)[number];

/** The sizes of one measurement. */
export interface PoolSizes {
  /** Tasks submitted at once. */
  readonly n: number;
  /** Untimed tasks first (workers started, code warm). */
  readonly warmup: number;
  /** Sequential round trips for the latency percentiles. */
  readonly trips: number;
  /** Progress updates from one task (sigslot and workerpool only). */
  readonly progressN: number;
}

/** Progress of one task, delivered to main. */
export interface ProgressFigures {
  /** ms from submission until the result and the last progress update were delivered. */
  readonly ms: number;
  /** Progress deliveries main saw (watcher signals for sigslot, events for workerpool). */
  readonly deliveries: number;
  /** The last progress value main saw. */
  readonly last: number;
  /** The progress value main had seen when the result arrived (n: the result did not overtake the progress). */
  readonly atResult: number;
  /** Progress deliveries after the result. */
  readonly afterResult: number;
}

export interface PoolFigures {
  readonly tasksPerS: number;
  /** CPU time of the whole process (main and pool threads) per task during the burst. */
  readonly cpuUsPerTask: number;
  readonly rttP50Us: number;
  readonly rttP90Us: number;
  readonly progress?: ProgressFigures;
}

interface Tasks {
  echo(x: number): number;
  progress(promise: QPromise<number>, n: number): void;
}

interface Pool {
  run(x: number): PromiseLike<unknown>;
  progress?(n: number): Promise<ProgressFigures>;
  close(): Promise<unknown>;
}

const PEER_WORKER = path.join(WORKERS, 'pool-peer.cjs');

function sigslotPool(): Pool {
  const pool = new QThreadPool();
  pool.maxThreadCount = 2;
  const tasks = taskModule<Tasks>(path.join(WORKERS, 'pool-tasks.cjs'));
  return {
    run: (x) => QtConcurrent.run(pool, tasks.echo, x),
    progress: (n) =>
      new Promise((resolve) => {
        const watcher = new QFutureWatcher<number>();
        const seen = { deliveries: 0, last: -1, atResult: -1, afterResult: 0 };
        watcher.progressValueChanged.connect((value) => {
          seen.deliveries++;
          seen.last = value;
          if (seen.atResult >= 0) seen.afterResult++;
        });
        watcher.resultReadyAt.connect(() => void (seen.atResult = seen.last));
        const t0 = performance.now();
        watcher.finished.connect(() => {
          resolve({ ms: performance.now() - t0, ...seen });
          watcher.destroy();
        });
        watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.progress, n));
      }),
    close: () => pool.waitForDone(),
  };
}

async function workerpoolPool(): Promise<Pool> {
  process.env.SIGSLOT_POOL_PEER = 'workerpool';
  const workerpool = await import('workerpool');
  const pool = workerpool.pool(PEER_WORKER, { minWorkers: 2, maxWorkers: 2, workerType: 'thread' });
  return {
    run: (x) => pool.exec('echo', [x]),
    // workerpool's workerEmit: the only peer whose progress travels on the task's own channel (the others leave
    // users a side MessagePort, whose events the result overtakes).
    progress: async (n) => {
      const seen = { deliveries: 0, last: -1, atResult: -1, afterResult: 0 };
      const t0 = performance.now();
      await pool.exec('progress', [n], {
        on: (value: number) => {
          seen.deliveries++;
          seen.last = value;
        },
      });
      seen.atResult = seen.last;
      return { ms: performance.now() - t0, ...seen };
    },
    close: async () => void (await pool.terminate()),
  };
}

/** A pool of 2 threads; each peer's package is loaded only in its own process. */
async function makePool(peer: PoolPeer): Promise<Pool> {
  switch (peer) {
    case 'sigslot':
      return sigslotPool();
    case 'piscina': {
      const { Piscina } = await import('piscina');
      const pool = new Piscina({ filename: PEER_WORKER, minThreads: 2, maxThreads: 2, workerData: { peer } });
      return { run: (x) => pool.run(x), close: () => pool.destroy() };
    }
    case 'tinypool': {
      const { Tinypool } = await import('tinypool');
      const pool = new Tinypool({ filename: PEER_WORKER, minThreads: 2, maxThreads: 2, workerData: { peer } });
      return { run: (x) => pool.run(x), close: () => pool.destroy() };
    }
    case 'workerpool':
      return workerpoolPool();
    case 'poolifier': {
      const { FixedThreadPool } = await import('poolifier');
      const pool = new FixedThreadPool<number, number>(2, PEER_WORKER, { workerOptions: { workerData: { peer } } });
      return { run: (x) => pool.execute(x), close: () => pool.destroy() };
    }
  }
}

const burst = (pool: Pool, n: number): Promise<unknown[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => pool.run(i)));

export async function measurePool(peer: PoolPeer, sizes: PoolSizes): Promise<PoolFigures> {
  const pool = await makePool(peer);
  await burst(pool, sizes.warmup);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const echoed = await burst(pool, sizes.n);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (echoed.some((value, i) => value !== i)) throw new Error(`${peer}: a task's result is not its argument`);
  // The idle round trip is a path of its own (a task sent to an idle worker, one at a time): warmed up, untimed,
  // with as many trips as are timed, so that every pool is measured with its steady-state code, not while its
  // JIT is still compiling that path (which took sigslot's p50 from ~20 to ~30 µs after 1,000 trips).
  for (let i = 0; i < sizes.trips; i++) await pool.run(i);
  const trips: number[] = [];
  for (let i = 0; i < sizes.trips; i++) {
    const t = performance.now();
    await pool.run(i);
    trips.push(performance.now() - t);
  }
  trips.sort((a, b) => a - b);
  const at = (p: number): number => (trips[Math.min(trips.length - 1, Math.floor(p * trips.length))] ?? NaN) * 1000;
  const progress = pool.progress ? await pool.progress(sizes.progressN) : undefined;
  // A pool whose shutdown never settles must not cost the figures: they are measured by now.
  await Promise.race([pool.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  return {
    tasksPerS: (sizes.n / ms) * 1000,
    cpuUsPerTask: (cpu.user + cpu.system) / sizes.n,
    rttP50Us: at(0.5),
    rttP90Us: at(0.9),
    ...(progress ? { progress } : {}),
  };
}

if (require.main === module) {
  const [peer, json] = process.argv.slice(2);
  if (!POOL_PEERS.includes(peer as PoolPeer)) throw new Error(`pool-child: unknown pool ${peer}`);
  // Keeps the process alive until the figures are printed: a pool that unrefs its workers while a promise of ours
  // still waits on them (poolifier's shutdown, once in a smoke run) would otherwise let Node exit with code 0 and
  // print nothing.
  setInterval(() => undefined, 60_000);
  measurePool(peer as PoolPeer, JSON.parse(json ?? '{}') as PoolSizes).then(
    (figures) => {
      process.stdout.write(`${JSON.stringify(figures)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
