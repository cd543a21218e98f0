// Group 7's measurements for one pool, run in a fresh child process (`node pool-child.js <peer> <json>`) so that no
// pool's workers, JIT state or garbage skews the next. Prints one JSON line (a PoolFigures).
import * as path from 'node:path';
import {
  QFutureWatcher,
  QThreadPool,
  QtConcurrent,
  taskModule,
  type QPromise,
  type TaskModule,
} from '@sigslot/concurrent';
import { work } from './cpu-work';
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
  /** CPU-bound tasks run serially on main, then on the pool (sigslot only). */
  readonly cpuTasks: number;
  /** About how long one CPU-bound task computes, in ms (calibrated in each process). */
  readonly cpuTaskMs: number;
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

/** The same CPU-bound tasks run serially on main, then on a pool of 2 threads. */
export interface CpuFigures {
  /** CPU time of the whole process (all threads), in ms: serial, with QtConcurrent.run, with QtConcurrent.mapped. */
  readonly serialMs: number;
  readonly runMs: number;
  readonly mappedMs: number;
  /** Wall time of each, in ms. */
  readonly serialWallMs: number;
  readonly runWallMs: number;
  readonly mappedWallMs: number;
  /** The iterations of one task, as calibrated. */
  readonly iterations: number;
}

export interface PoolFigures {
  readonly tasksPerS: number;
  /** CPU time of the whole process (main and pool threads) per task during the burst. */
  readonly cpuUsPerTask: number;
  readonly rttP50Us: number;
  readonly rttP90Us: number;
  readonly progress?: ProgressFigures;
  readonly cpu?: CpuFigures;
}

interface Tasks {
  echo(x: number): number;
  progress(promise: QPromise<number>, n: number): void;
  work(iterations: number): number;
}

interface Pool {
  run(x: number): PromiseLike<unknown>;
  progress?(n: number): Promise<ProgressFigures>;
  cpu?(tasks: number, taskMs: number): Promise<CpuFigures>;
  close(): Promise<unknown>;
}

/** CPU time of the whole process (main and every worker thread), in ms. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs `body` and returns its result with the process CPU time and the wall time it took, in ms. */
async function timed<T>(body: () => Promise<T> | T): Promise<{ value: T; cpu: number; wall: number }> {
  const cpu0 = cpuMs();
  const t0 = performance.now();
  const value = await body();
  return { value, cpu: cpuMs() - cpu0, wall: performance.now() - t0 };
}

/** Iterations of `work` that take about `ms` on this thread (after warming it up). */
function calibrate(ms: number): number {
  const probe = 200_000;
  for (let i = 0; i < 20; i++) work(probe);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    work(probe);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return Math.max(1, Math.round((probe * ms) / Math.max(runs[2]!, 1e-3)));
}

/** Slices the CPU-bound tasks are run in, each kind in turn (the order rotated), so that a change of the machine's
 * load during the measurement falls on the three kinds alike. */
const CPU_SLICES = 4;

/**
 * CPU-bound work, the issue's target: `count` tasks of about `taskMs` each, called one after another on main (the
 * serial reference), run on the pool with QtConcurrent.run (one future each), and with QtConcurrent.mapped. The
 * tasks go in slices, the three kinds taking turns in a rotated order; each kind's CPU time is summed over its
 * slices. Both sides are warmed up first (untimed), so that each measures optimized code; the pool's time includes
 * everything the process spent: main's scheduling and delivery and the workers' runs.
 */
async function measureCpu(
  pool: QThreadPool,
  tasks: TaskModule<Tasks>,
  count: number,
  taskMs: number,
): Promise<CpuFigures> {
  const iterations = calibrate(taskMs);
  const expected = work(iterations);
  const warm = new Array<number>(4 * pool.maxThreadCount).fill(Math.ceil(iterations / 4));
  await QtConcurrent.mapped(pool, warm, tasks.work);
  const kinds = {
    serial: async (items: number[]) => items.map((n) => work(n)),
    run: (items: number[]) => Promise.all(items.map((n) => QtConcurrent.run(pool, tasks.work, n))),
    mapped: async (items: number[]) => await QtConcurrent.mapped(pool, items, tasks.work),
  };
  const names = Object.keys(kinds) as Array<keyof typeof kinds>;
  const total = Object.fromEntries(names.map((name) => [name, { cpu: 0, wall: 0 }])) as Record<
    keyof typeof kinds,
    { cpu: number; wall: number }
  >;
  for (let slice = 0; slice < CPU_SLICES; slice++) {
    const size = Math.floor(count / CPU_SLICES) + (slice < count % CPU_SLICES ? 1 : 0);
    const items = new Array<number>(size).fill(iterations);
    for (let k = 0; k < names.length; k++) {
      const name = names[(slice + k) % names.length]!;
      const { value, cpu, wall } = await timed(() => kinds[name](items));
      if (value.length !== size || value.some((r) => r !== expected))
        throw new Error(`sigslot: a CPU-bound task (${name}) did not compute its result`);
      total[name].cpu += cpu;
      total[name].wall += wall;
    }
  }
  return {
    serialMs: total.serial.cpu,
    runMs: total.run.cpu,
    mappedMs: total.mapped.cpu,
    serialWallMs: total.serial.wall,
    runWallMs: total.run.wall,
    mappedWallMs: total.mapped.wall,
    iterations,
  };
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
    cpu: (count, taskMs) => measureCpu(pool, tasks, count, taskMs),
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
  const burstCpu = process.cpuUsage(cpu0);
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
  const cpu = pool.cpu ? await pool.cpu(sizes.cpuTasks, sizes.cpuTaskMs) : undefined;
  // A pool whose shutdown never settles must not cost the figures: they are measured by now.
  await Promise.race([pool.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  return {
    tasksPerS: (sizes.n / ms) * 1000,
    cpuUsPerTask: (burstCpu.user + burstCpu.system) / sizes.n,
    rttP50Us: at(0.5),
    rttP90Us: at(0.9),
    ...(progress ? { progress } : {}),
    ...(cpu ? { cpu } : {}),
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
