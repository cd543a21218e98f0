import { QFutureWatcher, QThreadPool, QtConcurrent, taskModule, type QFuture } from '@sigslot/concurrent';
import { SingleBar, Presets } from 'cli-progress';
import type * as Tasks from './tasks';

const tasks = taskModule<typeof Tasks>(require.resolve('./tasks'));

/** What {@link runExample} takes. */
export interface ExampleOptions {
  /** Count the primes below this. */
  readonly limit?: number;
  /** Slices the job is cut into (each one a task on the pool). */
  readonly slices?: number;
  /** The pool (default: the global one). */
  readonly pool?: QThreadPool;
  /** Called with the future once the job started: cancel, suspend or resume it from here. */
  readonly onStart?: (future: QFuture<number>, watcher: QFutureWatcher<number>) => void;
}

/** How the job ended. */
export interface ExampleResult {
  /** The number of primes, or null when the job was canceled. */
  readonly primes: number | null;
  /** Every progress value the watcher delivered (slices done), in order. */
  readonly progress: readonly number[];
}

/**
 * Counts the primes below `limit` on a thread pool: the range is cut into slices, each a task, and the counts are
 * summed on this thread as they arrive (mappedReduced). A QFutureWatcher reports progress as queued signals.
 */
export async function runExample(options: ExampleOptions = {}): Promise<ExampleResult> {
  const limit = options.limit ?? 10_000_000;
  const slices = options.slices ?? 500;
  const step = Math.ceil(limit / slices);
  const ranges = Array.from({ length: slices }, (_, i) => ({ from: i * step, to: Math.min(limit, (i + 1) * step) }));
  const pool = options.pool ?? QThreadPool.globalInstance();
  const future = QtConcurrent.mappedReduced(pool, ranges, tasks.primesIn, (sum: number, count) => sum + count, {
    initialValue: 0,
  });
  const watcher = new QFutureWatcher<number>();
  const progress: number[] = [];
  watcher.progressValueChanged.connect((value) => progress.push(value));
  watcher.setFuture(future);
  options.onStart?.(future, watcher);
  await watcher.finished.once();
  watcher.destroy();
  return { primes: future.isCanceled() ? null : future.result(), progress };
}

/** The command line's job: long enough (several seconds on two cores) to try the keys while it runs. */
const LIMIT = 10_000_000;

/** The command line: a progress bar, Ctrl-C (or q) cancels, the space bar suspends and resumes. */
async function main(): Promise<void> {
  const bar = new SingleBar({ format: '{bar} {value}/{total} slices | {state}' }, Presets.shades_classic);
  const input = process.stdin;
  const result = await runExample({
    limit: LIMIT,
    onStart: (future, watcher) => {
      bar.start(future.progressMaximum(), 0, { state: 'running (space: suspend, q: cancel)' });
      watcher.progressValueChanged.connect((value) => bar.update(value));
      watcher.suspended.connect(() => bar.update({ state: 'suspended (space: resume)' }));
      watcher.resumed.connect(() => bar.update({ state: 'running (space: suspend, q: cancel)' }));
      watcher.canceled.connect(() => bar.update({ state: 'canceled' }));
      process.once('SIGINT', () => future.cancel());
      if (input.isTTY) {
        input.setRawMode(true);
        input.resume();
        input.on('data', (key: Buffer) => {
          const k = key.toString();
          if (k === ' ') future.toggleSuspended();
          else if (k === 'q' || k === '\u0003') future.cancel();
        });
      }
    },
  });
  bar.stop();
  if (input.isTTY) {
    input.setRawMode(false);
    input.pause();
  }
  console.log(result.primes === null ? 'Canceled.' : `${result.primes} primes below ${LIMIT.toLocaleString('en-US')}.`);
}

if (require.main === module) void main();
