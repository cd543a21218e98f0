// QF-1, QF-4, QF-5, QF-6, QF-7 and QP-4: a pool task's future — its states, its results by index, waiting for it,
// a failure reported through the QPromise, progress without a range. Real workers.
import { InvalidArgumentError } from '@sigslot/core';
import {
  QFuture,
  QFutureWatcher,
  QThreadPool,
  QtConcurrent,
  TaskCanceledError,
  TaskFailedError,
  taskModule,
} from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('futurePool', 2, (created) => (pool = created));

/** The future's state flags, in a fixed order: started, running, finished, canceled, suspending, suspended, valid. */
function flags(future: QFuture<unknown, unknown>): boolean[] {
  return [
    future.isStarted(),
    future.isRunning(),
    future.isFinished(),
    future.isCanceled(),
    future.isSuspending(),
    future.isSuspended(),
    future.isValid(),
  ];
}

describe("a pool task's future", () => {
  test('QF-1 the state flags follow a task through suspend, resume and its end', async () => {
    const future = QtConcurrent.runWithPromise(pool, tasks.steps, 5, 2);
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(future);
    expect(flags(future)).toEqual([true, true, false, false, false, false, true]);
    await watcher.resultsReadyAt.once();
    future.suspend();
    expect(flags(future)).toEqual([true, true, false, false, true, false, true]);
    await watcher.suspended.once();
    expect(flags(future)).toEqual([true, true, false, false, false, true, true]);
    future.resume();
    await future;
    expect(flags(future)).toEqual([true, false, true, false, false, false, true]);
  });

  test('QF-1 an empty future (new QFuture()) is started, canceled and finished, and not valid', async () => {
    const empty = new QFuture<number>();
    expect(flags(empty)).toEqual([true, false, true, true, false, false, false]);
    await expect(empty).rejects.toBeInstanceOf(TaskCanceledError);
  });

  test('QF-1 a future is a shared handle: dropping one neither waits nor cancels; a cancel is seen through all', async () => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    QtConcurrent.run(pool, tasks.store, cell, 7, 5); // the handle is dropped at once
    const spinning = QtConcurrent.runWithPromise(pool, tasks.spinUntilCanceled);
    const other = new QFuture(spinning.state); // a second handle on the same computation
    other.cancel();
    expect(spinning.isCanceled()).toBe(true);
    await pool.waitForDone();
    expect(Atomics.load(cell, 0)).toBe(7);
  });

  test('QF-4 resultCount counts the results from index 0 without a gap; resultAt and isResultReadyAt read by index', async () => {
    const future = QtConcurrent.runWithPromise(pool, tasks.addAt, [
      [0, 'a'],
      [2, 'c'],
      [3, 'd'],
    ]);
    await future.waitForFinished();
    expect(future.resultCount()).toBe(1);
    expect([future.isResultReadyAt(1), future.isResultReadyAt(2)]).toEqual([false, true]);
    expect(future.resultAt(3)).toBe('d');
    expect(() => future.resultAt(1)).toThrow(InvalidArgumentError);
    expect(future.results()).toEqual(['a', 'c', 'd']);
  });

  test('QF-4 takeResult() moves the first result out and leaves the future not valid, through every handle', async () => {
    const future = QtConcurrent.run(pool, tasks.add, 20, 22);
    await future.waitForFinished();
    const other = new QFuture(future.state);
    expect(future.takeResult()).toBe(42);
    expect([future.isValid(), other.isValid()]).toEqual([false, false]);
    expect(() => other.result()).toThrow(/not valid.*takeResult\(\)/);
  });

  test('QF-5 waitForFinished resolves for a canceled task and rejects with the error of a failed one', async () => {
    pool.maxThreadCount = 1;
    const spinning = QtConcurrent.runWithPromise(pool, tasks.spinUntilCanceled);
    spinning.cancel();
    await expect(spinning.waitForFinished()).resolves.toBeUndefined();
    const failed = QtConcurrent.run(pool, tasks.throwRange, 'r');
    await expect(failed.waitForFinished()).rejects.toBeInstanceOf(TaskFailedError);
    expect(failed.isFinished()).toBe(true);
  });

  test('QF-6 a task that throws: the future is canceled then finished, watchers get canceled, result() rethrows', async () => {
    const future = QtConcurrent.run(pool, tasks.throwCustom, 'bad');
    const watcher = new QFutureWatcher<number>();
    const log: string[] = [];
    for (const name of ['started', 'canceled', 'finished'] as const) watcher[name].connect(() => log.push(name));
    watcher.setFuture(future);
    await watcher.finished.once();
    expect(log).toEqual(['started', 'canceled', 'finished']);
    expect(future.isCanceled()).toBe(true);
    expect(() => future.result()).toThrow(TaskFailedError);
  });

  test('QP-4 setException in a task fails the future once: a second exception is ignored, isCanceled() turns true, results are refused', async () => {
    const seen = new Int32Array(new SharedArrayBuffer(8));
    const future = QtConcurrent.runWithPromise(pool, tasks.failTwice, seen);
    const watcher = new QFutureWatcher<number>();
    const log: string[] = [];
    for (const name of ['canceled', 'finished'] as const) watcher[name].connect(() => log.push(name));
    watcher.setFuture(future);
    await expect(future).rejects.toBeInstanceOf(TaskFailedError);
    expect((future.exception() as TaskFailedError).remoteName).toBe('RangeError');
    expect((future.exception() as Error).message).toMatch(/task failTwice \(tasks\.ts\).* reported RangeError: first/);
    expect([...seen]).toEqual([0, 1]); // addResult refused, isCanceled() true
    await watcher.finished.once();
    expect(log).toEqual(['canceled', 'finished']);
  });

  test('QP-4 setException after a cancel is ignored: the future stays canceled without an error', async () => {
    const future = QtConcurrent.runWithPromise(pool, tasks.exceptionAfterCancel);
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(future);
    await watcher.progressRangeChanged.once(); // (0, 0): replayed
    await watcher.progressRangeChanged.once(); // (0, 1): running
    future.cancel();
    await expect(future).rejects.toBeInstanceOf(TaskCanceledError);
    expect(future.exception()).toBeUndefined();
  });

  test('QF-7 without a progress range the progress is the number of results; with one it is what the task set', async () => {
    const counted = QtConcurrent.runWithPromise(pool, tasks.addWithoutRange, 5);
    const watcher = new QFutureWatcher<number>();
    const values: number[] = [];
    watcher.progressValueChanged.connect((v) => values.push(v));
    watcher.setFuture(counted);
    await watcher.finished.once();
    expect(counted.progressValue()).toBe(5);
    expect(values.at(-1)).toBe(5);
    const ranged = QtConcurrent.runWithPromise(pool, tasks.countTo, 10);
    await ranged;
    expect([ranged.progressMinimum(), ranged.progressMaximum(), ranged.progressValue()]).toEqual([0, 10, 10]);
    expect(ranged.progressText()).toBe('');
  });
});
