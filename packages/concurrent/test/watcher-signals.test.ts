// QW-1, QW-6, QW-8, QW-9: how a QFutureWatcher delivers a pool task's changes — queued, in order, batches before indexes,
// `started` replayed or live. Real workers.
import { QFutureWatcher, QRunnable, QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('watcherPool', 2, (created) => (pool = created));

/** Records the watcher's signals as `name(args)`; progress values are left out (QW-6 throttles them by time). */
function record<T>(watcher: QFutureWatcher<T>): string[] {
  const log: string[] = [];
  for (const name of ['started', 'finished', 'canceled', 'suspending', 'suspended', 'resumed'] as const)
    watcher[name].connect(() => log.push(name));
  watcher.resultsReadyAt.connect((b, e) => log.push(`resultsReadyAt(${b},${e})`));
  watcher.resultReadyAt.connect((i) => log.push(`resultReadyAt(${i})`));
  watcher.progressRangeChanged.connect((min, max) => log.push(`progressRangeChanged(${min},${max})`));
  return log;
}

describe('QFutureWatcher signals from a pool task', () => {
  test('QW-1 signals are queued: none is emitted inside setFuture, suspend or cancel; all come in report order', async () => {
    const watcher = new QFutureWatcher<number>();
    const log = record(watcher);
    const future = QtConcurrent.runWithPromise(pool, tasks.steps, 1000, 2);
    watcher.setFuture(future);
    expect(log).toEqual([]);
    await watcher.resultsReadyAt.once();
    let before = log.length;
    future.suspend();
    expect(log).toHaveLength(before); // `suspending` is queued, not emitted inside suspend()
    await watcher.suspended.once();
    before = log.length;
    future.cancel();
    expect(log).toHaveLength(before); // `canceled` is queued too
    await watcher.finished.once();
    expect(log.filter((entry) => !entry.startsWith('result'))).toEqual([
      'started',
      'progressRangeChanged(0,0)', // replayed: the task was started (queued) at setFuture, with no range yet
      'progressRangeChanged(0,1000)',
      'suspending',
      'suspended',
      'canceled',
      'finished',
    ]);
    expect(log[3]).toBe('resultsReadyAt(0,1)');
  });

  test('QW-1 results arrive in the order the task reported them, each batch after the one before', async () => {
    const watcher = new QFutureWatcher<string>();
    const log = record(watcher);
    const entries: [number, string][] = [
      [3, 'd'],
      [0, 'a'],
      [2, 'c'],
      [1, 'b'],
    ];
    watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.addAt, entries));
    await watcher.finished.once();
    expect(log.filter((entry) => entry.startsWith('resultsReadyAt'))).toEqual([
      'resultsReadyAt(3,4)',
      'resultsReadyAt(0,1)',
      'resultsReadyAt(2,3)',
      'resultsReadyAt(1,2)',
    ]);
  });

  test('QW-8 resultsReadyAt(begin, end) comes first, then one resultReadyAt per index of the batch', async () => {
    const watcher = new QFutureWatcher<number>();
    const log = record(watcher);
    watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.addBatch, [10, 20, 30]));
    await watcher.finished.once();
    expect(log).toEqual([
      'started',
      'progressRangeChanged(0,0)',
      'resultsReadyAt(0,3)',
      'resultReadyAt(0)',
      'resultReadyAt(1)',
      'resultReadyAt(2)',
      'finished',
    ]);
  });

  test('QW-9 started is replayed for a future that started before setFuture (a queued task counts as started)', async () => {
    pool.maxThreadCount = 1;
    const busy = QtConcurrent.run(pool, tasks.slowEcho, 1, 50);
    const queued = QtConcurrent.run(pool, tasks.echo, 2);
    expect(queued.isStarted() && !queued.isFinished()).toBe(true);
    const watcher = new QFutureWatcher<number>();
    const log = record(watcher);
    watcher.setFuture(queued);
    await watcher.finished.once();
    expect(log).toEqual([
      'started',
      'progressRangeChanged(0,0)',
      'resultsReadyAt(0,1)',
      'resultReadyAt(0)',
      'finished',
    ]);
    expect(await busy).toBe(1);
  });

  test('QW-9 started is emitted when a watched future starts: a runnable watched before the pool accepts it', async () => {
    const runnable = QRunnable.create(tasks.echo, 3);
    const watcher = new QFutureWatcher<number>();
    const log = record(watcher);
    watcher.setFuture(runnable.future());
    await new Promise((resolve) => setImmediate(resolve)); // a turn passes: nothing to deliver yet
    expect(log).toEqual([]);
    pool.start(runnable);
    await watcher.finished.once();
    expect(log).toEqual(['started', 'resultsReadyAt(0,1)', 'resultReadyAt(0)', 'finished']);
  });

  test('QW-6 in a worker: a tight loop of 100,000 values reaches main as a few signals, the last value before the result', async () => {
    const watcher = new QFutureWatcher<number>();
    const values: number[] = [];
    let progressAtResult = -1;
    watcher.progressValueChanged.connect((v) => values.push(v));
    watcher.resultReadyAt.connect(() => (progressAtResult = watcher.progressValue()));
    watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.progressThen, 100_000, 'result'));
    await watcher.finished.once();
    expect(progressAtResult).toBe(100_000); // held back by the throttle, sent before the result
    expect(values[values.length - 1]).toBe(100_000);
    expect(values.length).toBeLessThan(20);
  });

  test('QW-6 in a worker: the last value held back by the throttle arrives before the task fails', async () => {
    const watcher = new QFutureWatcher<number>();
    const future = QtConcurrent.runWithPromise(pool, tasks.progressThen, 100_000, 'throw');
    watcher.setFuture(future);
    await watcher.finished.once();
    expect(watcher.progressValue()).toBe(100_000);
    expect((future.exception() as Error).message).toMatch(/failed after progress 100000/);
  });
});
