import {
  QFutureWatcher,
  QRunnable,
  QThreadPool,
  QtConcurrent,
  TaskCanceledError,
  TaskCrashedError,
  TaskDeadlineError,
  TaskFailedError,
  taskModule,
} from '@sigslot/concurrent';
import { waitFor } from '@sigslot/core';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('testPool', 2, (created) => (pool = created));

describe('QThreadPool and QtConcurrent.run with real workers', () => {
  test('QC-1 run(pool, task, ...args) resolves to the return value computed in a worker', async () => {
    expect(await QtConcurrent.run(pool, tasks.add, 2, 3)).toBe(5);
    expect(await QtConcurrent.run(pool, tasks.asyncDouble, 21)).toBe(42);
  });

  test('QC-1 arguments are copied at the call: later changes are invisible to the task', async () => {
    const list = [1, 2];
    const future = QtConcurrent.run(pool, tasks.mutateAndReturn, list);
    list.push(3);
    expect(await future).toEqual([1, 2]);
  });

  test('QC-2 the future is started at submission, while the task may still be queued', () => {
    const future = QtConcurrent.run(pool, tasks.echo, 1);
    expect(future.isStarted()).toBe(true);
    expect(future.isFinished()).toBe(false);
  });

  test('TP-1 globalInstance() is one pool, sized by idealThreadCount()', () => {
    expect(QThreadPool.globalInstance()).toBe(QThreadPool.globalInstance());
    expect(QThreadPool.globalInstance().maxThreadCount).toBeGreaterThanOrEqual(1);
  });

  test('workers are reused: 1,000 tasks on two threads start two workers', async () => {
    const futures = Array.from({ length: 1000 }, (_, i) => QtConcurrent.run(pool, tasks.echo, i));
    const results = await Promise.all(futures);
    expect(results[999]).toBe(999);
    expect(pool.threadCount()).toBeLessThanOrEqual(2);
  });

  test('TP-2 with one busy thread, priorities 0, 5, 5, 1 run 5, 5, 1, 0, the two 5s in submission order', async () => {
    pool.maxThreadCount = 1;
    const order: number[] = [];
    const busy = QtConcurrent.run(pool, tasks.slowEcho, -1, 100);
    const starts = [
      [0, 0],
      [51, 5],
      [52, 5],
      [1, 1],
    ].map(([value, priority]) =>
      QtConcurrent.task(tasks.echo).withArguments(value!).onThreadPool(pool).withPriority(priority!).spawn(),
    );
    for (const f of starts) void f.then((v) => order.push(v));
    await busy;
    await Promise.all(starts);
    expect(order).toEqual([51, 52, 1, 0]);
  });

  test('TP-3 tryStart on a full pool returns false and never runs the task', async () => {
    pool.maxThreadCount = 1;
    const busy = QtConcurrent.run(pool, tasks.slowEcho, 1, 50);
    const refused = QRunnable.create(tasks.echo, 7);
    expect(pool.tryStart(refused)).toBe(false);
    await busy;
    expect(refused.future().isStarted()).toBe(false);
    const accepted = QRunnable.create(tasks.echo, 8);
    await pool.waitForDone();
    expect(pool.tryStart(accepted)).toBe(true);
    expect(await accepted.future()).toBe(8);
  });

  test('TP-8 clear() cancels and finishes queued tasks; the running one completes', async () => {
    pool.maxThreadCount = 1;
    const running = QtConcurrent.run(pool, tasks.slowEcho, 1, 50);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const queued = QtConcurrent.run(pool, tasks.echo, 2);
    pool.clear();
    expect(queued.isCanceled() && queued.isFinished()).toBe(true);
    await expect(queued).rejects.toBeInstanceOf(TaskCanceledError);
    expect(await running).toBe(1);
  });

  test('TP-9 waitForDone(ms) resolves false on timeout, true once everything ran', async () => {
    pool.maxThreadCount = 1;
    const slow = QtConcurrent.run(pool, tasks.slowEcho, 1, 200);
    expect(await pool.waitForDone(10)).toBe(false);
    expect(await pool.waitForDone()).toBe(true);
    expect(slow.isFinished()).toBe(true);
    expect(pool.threadCount()).toBe(0);
  });

  test('TP-11 a task that throws rejects its future with the original class name; the pool goes on', async () => {
    const failed = QtConcurrent.run(pool, tasks.throwCustom, 'bad input');
    await expect(failed).rejects.toBeInstanceOf(TaskFailedError);
    expect((failed.exception() as TaskFailedError).remoteName).toBe('ParseProblem');
    expect((failed.exception() as Error).message).toMatch(
      /task throwCustom \(tasks\.ts\) on QThreadPool "testPool" threw ParseProblem: bad input/,
    );
    const handled = await QtConcurrent.run(pool, tasks.throwRange, 'r').onFailed(RangeError, (e) => e.message);
    expect(handled).toMatch(/threw RangeError: r\./);
    expect(await QtConcurrent.run(pool, tasks.echo, 5)).toBe(5);
  });

  test("F-7 a worker that dies fails only its task with TaskCrashedError; the other thread's tasks complete", async () => {
    const slow = QtConcurrent.run(pool, tasks.slowEcho, 9, 100);
    const crashed = QtConcurrent.run(pool, tasks.crash);
    await expect(crashed).rejects.toBeInstanceOf(TaskCrashedError);
    expect((crashed.exception() as Error).message).toMatch(/task crash \(tasks\.ts\).*died.*exited with code 3/);
    expect(await slow).toBe(9);
    expect(await QtConcurrent.run(pool, tasks.echo, 4)).toBe(4);
    expect(await pool.waitForDone()).toBe(true);
  });

  test('F-7 an uncaught error thrown outside the task (from a timer) is a crash: TaskCrashedError, and the pool goes on', async () => {
    const crashed = QtConcurrent.run(pool, tasks.crashLater, new Int32Array(new SharedArrayBuffer(4)), 0);
    await expect(crashed).rejects.toBeInstanceOf(TaskCrashedError);
    expect((crashed.exception() as Error).message).toMatch(/task crashLater \(tasks\.ts\).*died.*crashed on purpose/);
    expect(await QtConcurrent.run(pool, tasks.echo, 4)).toBe(4);
  });
});

describe('tasks with a QPromise', () => {
  test('QC-3 results, progress range and value arrive through a watcher, results before finished', async () => {
    const watcher = new QFutureWatcher<number>();
    let results = 0;
    let resultsAtFinish = -1;
    const progress: number[] = [];
    watcher.resultsReadyAt.connect((b, e) => (results += e - b));
    watcher.progressValueChanged.connect((v) => progress.push(v));
    watcher.finished.connect(() => (resultsAtFinish = results));
    const future = QtConcurrent.runWithPromise(pool, tasks.countTo, 10_000);
    watcher.setFuture(future);
    await watcher.finished.once();
    expect(resultsAtFinish).toBe(10_000);
    expect(future.results()[9_999]).toBe(10_000);
    expect(progress[progress.length - 1]).toBe(10_000);
    expect(progress.length).toBeLessThan(100);
  });

  test('F-3 a synchronous loop sees cancel at once through shared memory; the worker survives', async () => {
    pool.maxThreadCount = 1;
    const watcher = new QFutureWatcher<number>();
    const future = QtConcurrent.runWithPromise(pool, tasks.spinUntilCanceled);
    watcher.setFuture(future);
    await watcher.progressRangeChanged.once(); // it is running
    future.cancel();
    await future.waitForFinished();
    expect(future.isCanceled()).toBe(true);
    await expect(future).rejects.toBeInstanceOf(TaskCanceledError);
    expect(await QtConcurrent.run(pool, tasks.echo, 1)).toBe(1);
    expect(pool.threadCount()).toBe(1);
  });

  test('QP-5 suspend: suspending at once, suspended when the task reaches suspendIfRequested, resume goes on', async () => {
    const watcher = new QFutureWatcher<number>();
    const log: string[] = [];
    watcher.suspending.connect(() => log.push('suspending'));
    watcher.suspended.connect(() => log.push('suspended'));
    watcher.resumed.connect(() => log.push('resumed'));
    const future = QtConcurrent.runWithPromise(pool, tasks.steps, 20, 5);
    watcher.setFuture(future);
    await watcher.resultsReadyAt.once();
    future.suspend();
    expect(future.isSuspending()).toBe(true);
    await watcher.suspended.once();
    const countWhenSuspended = future.resultCount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(future.resultCount()).toBe(countWhenSuspended);
    future.resume();
    await watcher.finished.once();
    expect(future.results()).toHaveLength(20);
    expect(log).toEqual(['suspending', 'suspended', 'resumed']);
  });

  test('QP-2 in a worker, addResult returns false for a taken index and after cancel', async () => {
    const seen = new Int32Array(new SharedArrayBuffer(16));
    const future = QtConcurrent.runWithPromise(pool, tasks.addResultReturns, seen);
    const watcher = new QFutureWatcher<string>();
    watcher.setFuture(future);
    while (future.resultCount() < 1 || !future.isResultReadyAt(2)) await watcher.resultsReadyAt.once();
    future.cancel();
    await future.waitForFinished();
    expect([...seen]).toEqual([1, 1, 0, 0]);
    expect(future.results()).toEqual(['a', 'c']);
  });

  test('QC-3 results a task reported before a long stretch with no reports arrive while it runs (isCanceled sends them)', async () => {
    const future = QtConcurrent.runWithPromise(pool, tasks.addTwiceThenSpin);
    try {
      await waitFor(() => future.resultCount() === 2, 5000);
      expect(future.isFinished()).toBe(false);
    } finally {
      future.cancel(); // the task spins until then
    }
    await future.waitForFinished();
  });

  test('QP-5 a cancel releases a suspended task', async () => {
    const future = QtConcurrent.runWithPromise(pool, tasks.steps, 1000, 1);
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(future);
    await watcher.resultsReadyAt.once();
    future.suspend();
    await watcher.suspended.once();
    future.cancel();
    await future.waitForFinished();
    expect(future.isCanceled()).toBe(true);
  });

  test('F-8 a deadline cancels the task with TaskDeadlineError and keeps its worker', async () => {
    pool.maxThreadCount = 1;
    const future = QtConcurrent.taskWithPromise(tasks.steps)
      .withArguments(1000, 2)
      .onThreadPool(pool)
      .withDeadline(50)
      .spawn();
    await expect(future).rejects.toBeInstanceOf(TaskDeadlineError);
    expect(await QtConcurrent.run(pool, tasks.echo, 2)).toBe(2);
    expect(pool.threadCount()).toBe(1);
  });

  test('an AbortSignal cancels the future', async () => {
    const controller = new AbortController();
    const future = QtConcurrent.task(tasks.slowEcho)
      .withArguments(1, 10)
      .onThreadPool(pool)
      .withSignal(controller.signal)
      .spawn();
    controller.abort();
    await expect(future).rejects.toBeInstanceOf(TaskCanceledError);
  });
});
