// The page's checks of pool.md's future, promise and watcher rules (QF-2, QF-3, QF-9, QP-1…QP-3, QP-5, QW-2…QW-5):
// the Node tests drive most of these with a QPromise on main (future.test.ts); here the promise is a task's, in a
// module Web Worker, wherever the rule is about what a task reports. QP-1 and QW-4 need no task: they run as on Node.
import { QObject } from '@sigslot/core';
import { QFuture, QFutureWatcher, QPromise, QThreadPool, QtConcurrent } from '@sigslot/concurrent';
import type { PromiseStep } from '../fixtures/tasks';
import type { FutureRuleResults } from './results';
import type { TaskRefs } from './page-pools';

/** Records every watcher signal (resultReadyAt only if `perIndex`), in order, as `name(args)`. */
function record<T>(watcher: QFutureWatcher<T>, perIndex = true): string[] {
  const log: string[] = [];
  for (const name of ['started', 'finished', 'canceled', 'suspending', 'suspended', 'resumed'] as const)
    watcher[name].connect(() => log.push(name));
  watcher.resultsReadyAt.connect((b, e) => log.push(`resultsReadyAt(${b},${e})`));
  if (perIndex) watcher.resultReadyAt.connect((i) => log.push(`resultReadyAt(${i})`));
  watcher.progressRangeChanged.connect((min, max) => log.push(`progressRangeChanged(${min},${max})`));
  watcher.progressValueChanged.connect((v) => log.push(`progressValueChanged(${v})`));
  watcher.progressTextChanged.connect((t) => log.push(`progressTextChanged(${t})`));
  return log;
}

/** How a future ended: `resolved <value>` or `rejected <error name>`. */
function outcome(future: QFuture<unknown, unknown>): Promise<string> {
  return Promise.resolve(future).then(
    (value) => `resolved ${String(value)}`,
    (error: Error) => `rejected ${error.name}`,
  );
}

/** Runs every check on one two-thread pool, drained at the end. */
export async function checkFutureRules(tasks: TaskRefs): Promise<FutureRuleResults> {
  const pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  pool.maxThreadCount = 2;
  const rules: FutureRuleResults = {
    qf2: await awaitAndCancel(pool, tasks),
    qf3: await suspendSignals(pool, tasks),
    qf9: await continuations(pool, tasks),
    qp1: await droppedPromise(),
    qp2: await addResultReturns(pool, tasks),
    qp3: await progressRules(pool, tasks),
    qp5: await parkAndRelease(pool, tasks),
    ...(await watcherRules(pool, tasks)),
  };
  await pool.waitForDone();
  return rules;
}

/** QF-2: awaiting gives the result or the error; cancel is asynchronous and adds no results after it. */
async function awaitAndCancel(pool: QThreadPool, tasks: TaskRefs): Promise<FutureRuleResults['qf2']> {
  const value = await outcome(QtConcurrent.run(pool, tasks.add, 40, 2));
  const failed = await outcome(QtConcurrent.run(pool, tasks.throwRange, 'no'));
  const running = QtConcurrent.runWithPromise(pool, tasks.reportUntilCanceled);
  const watcher = new QFutureWatcher<number>();
  watcher.setFuture(running);
  await watcher.resultsReadyAt.once();
  running.cancel();
  const atCancel = { canceled: running.isCanceled(), finished: running.isFinished(), results: running.resultCount() };
  await running.waitForFinished();
  return { value, failed, atCancel, resultsAfter: running.resultCount() };
}

/** QF-3: suspending at once, suspended when the task parks, resumed; suspend and resume ignored once canceled. */
async function suspendSignals(pool: QThreadPool, tasks: TaskRefs): Promise<FutureRuleResults['qf3']> {
  const future = QtConcurrent.runWithPromise(pool, tasks.steps, 6, 2);
  const watcher = new QFutureWatcher<number>();
  const log: string[] = [];
  for (const name of ['suspending', 'suspended', 'resumed', 'canceled', 'finished'] as const)
    watcher[name].connect(() => log.push(name));
  watcher.setFuture(future);
  await watcher.resultsReadyAt.once();
  future.suspend();
  const atSuspend = { suspending: future.isSuspending(), suspended: future.isSuspended() };
  await watcher.suspended.once();
  const parked = future.isSuspended();
  future.resume();
  await watcher.finished.once();

  const canceled = QtConcurrent.runWithPromise(pool, tasks.steps, 1000, 1);
  const afterCancel = new QFutureWatcher<number>();
  const cancelLog: string[] = [];
  for (const name of ['suspending', 'suspended', 'resumed', 'canceled', 'finished'] as const)
    afterCancel[name].connect(() => cancelLog.push(name));
  afterCancel.setFuture(canceled);
  await afterCancel.resultsReadyAt.once();
  canceled.cancel();
  canceled.suspend();
  const suspendingAfterCancel = canceled.isSuspending();
  canceled.resume();
  await afterCancel.finished.once();
  return { atSuspend, parked, log, suspendingAfterCancel, cancelLog };
}

/** QF-9: then, onFailed(Type), onCanceled on task futures; thenOn(context) runs after the current turn. */
async function continuations(pool: QThreadPool, tasks: TaskRefs): Promise<FutureRuleResults['qf9']> {
  const doubled = await QtConcurrent.run(pool, tasks.add, 20, 1).then((v) => v * 2);
  const handled = await QtConcurrent.run(pool, tasks.throwRange, 'abc')
    .onFailed(TypeError, () => 'TypeError')
    .onFailed(RangeError, () => 'RangeError');
  const one = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  one.maxThreadCount = 1;
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const held = QtConcurrent.run(one, tasks.waitForGate, gate, 1);
  const queued = QtConcurrent.run(one, tasks.echo, 2);
  const afterCancel = queued.onCanceled(() => 7);
  queued.cancel();
  const onCanceled = await afterCancel;
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  await held;
  await one.waitForDone();

  const done = QtConcurrent.run(pool, tasks.echo, 1);
  await done;
  const seen: string[] = [];
  const next = done.thenOn(new QObject(), (v) => {
    seen.push(`continuation ${v}`);
    return v + 1;
  });
  seen.push('after thenOn');
  const contextResult = await next;
  return { doubled, handled: String(handled), onCanceled, contextResult, seen };
}

/** QP-1: a promise disposed without finish() cancels and finishes its future (no task: as on Node). */
async function droppedPromise(): Promise<FutureRuleResults['qp1']> {
  let future: QFuture<number>;
  {
    using promise = new QPromise<number>();
    future = promise.future();
    promise.start();
  }
  return { canceled: future.isCanceled(), finished: future.isFinished(), awaited: await outcome(future) };
}

/** QP-2: in a worker, addResult returns false for a taken index and after cancel. */
async function addResultReturns(pool: QThreadPool, tasks: TaskRefs): Promise<FutureRuleResults['qp2']> {
  const seen = new Int32Array(new SharedArrayBuffer(16));
  const future = QtConcurrent.runWithPromise(pool, tasks.addResultReturns, seen);
  const watcher = new QFutureWatcher<string>();
  watcher.setFuture(future);
  while (future.resultCount() < 1 || !future.isResultReadyAt(2)) await watcher.resultsReadyAt.once();
  future.cancel();
  await future.waitForFinished();
  return { returned: [...seen], results: future.results() };
}

/** QP-3: progress only rises, values outside the range are ignored, a reversed range means max = min. */
async function progressRules(pool: QThreadPool, tasks: TaskRefs): Promise<FutureRuleResults['qp3']> {
  const progressOf = async (steps: PromiseStep[]): Promise<(number | string)[]> => {
    const future = QtConcurrent.runWithPromise(pool, tasks.promiseSteps, steps);
    await future.waitForFinished();
    return [future.progressMinimum(), future.progressMaximum(), future.progressValue(), future.progressText()];
  };
  return {
    risingOnly: await progressOf([
      ['range', 0, 100],
      ['value', 10],
      ['value', 5],
      ['value', 101],
    ]),
    reversedRange: await progressOf([
      ['range', 50, 20],
      ['valueAndText', 50, 'half'],
    ]),
  };
}

/** QP-5: a parked task reports nothing until resumed; a cancel releases a parked task. */
async function parkAndRelease(pool: QThreadPool, tasks: TaskRefs): Promise<FutureRuleResults['qp5']> {
  const future = QtConcurrent.runWithPromise(pool, tasks.steps, 6, 2);
  const watcher = new QFutureWatcher<number>();
  watcher.setFuture(future);
  await watcher.resultsReadyAt.once();
  future.suspend();
  await watcher.suspended.once();
  const atPark = future.resultCount();
  // A round trip on the other thread: time in which a task that did not park would have gone on.
  await QtConcurrent.run(pool, tasks.delayed, { value: 0, ms: 20 });
  const afterRoundTrip = future.resultCount();
  future.resume();
  await watcher.finished.once();
  const unsuspended = QtConcurrent.runWithPromise(pool, tasks.steps, 3, 0);
  await unsuspended.waitForFinished();

  const released = QtConcurrent.runWithPromise(pool, tasks.steps, 1000, 1);
  const parked = new QFutureWatcher<number>();
  parked.setFuture(released);
  await parked.resultsReadyAt.once();
  released.suspend();
  await parked.suspended.once();
  released.cancel();
  await released.waitForFinished();
  return {
    parkedResultsKept: atPark === afterRoundTrip,
    resultsAfterResume: future.resultCount(),
    unsuspendedResults: unsuspended.resultCount(),
    releasedByCancel: released.isCanceled() && released.isFinished(),
  };
}

/** QW-2…QW-5 on futures of real tasks. */
async function watcherRules(
  pool: QThreadPool,
  tasks: TaskRefs,
): Promise<Pick<FutureRuleResults, 'qw2' | 'qw3' | 'qw4' | 'qw5'>> {
  const finished = QtConcurrent.runWithPromise(pool, tasks.promiseSteps, [
    ['range', 0, 10],
    ['value', 10],
    ['results', [1, 2]],
  ]);
  await finished.waitForFinished();
  const replay = new QFutureWatcher<number>();
  const log = record(replay);
  replay.setFuture(finished);
  const inSetFuture = log.length;
  await replay.finished.once();
  const qw2 = { inSetFuture, log };

  const late = new QFutureWatcher<number>();
  late.setFuture(QtConcurrent.run(pool, tasks.echo, 5));
  const lateLog = record(late); // connected after setFuture, in the same turn
  await late.finished.once();
  const qw3 = lateLog;

  const empty = new QFutureWatcher<number>();
  const qw4 = [empty.isStarted(), empty.isCanceled(), empty.isFinished()];

  const producing = QtConcurrent.runWithPromise(pool, tasks.reportUntilCanceled);
  const watcher = new QFutureWatcher<number>();
  // Not resultReadyAt: its per-index signals follow their batch's resultsReadyAt in one delivery, as in Qt.
  const cancelLog = record(watcher, false);
  let canceledAt = -1;
  watcher.resultsReadyAt.connect(() => {
    if (canceledAt >= 0) return;
    canceledAt = cancelLog.length;
    producing.cancel(); // signals already queued behind this one are dropped
  });
  watcher.setFuture(producing);
  await watcher.finished.once();
  return { qw2, qw3, qw4, qw5: { afterCancel: cancelLog.slice(canceledAt) } };
}
