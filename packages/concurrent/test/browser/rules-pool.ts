// The page's checks of pool.md's pool rules (TP-1…TP-3, TP-5, TP-6, TP-8, TP-9, TP-11, QC-2, F-7, F-8): the same
// behaviour as the Node tests (pool.test.ts, pool-threads.test.ts, lifetime.test.ts), seen in module Web Workers.
// A task held on a shared gate stands for long work, so that nothing here depends on how long a task takes.
import { waitFor } from '@sigslot/core';
import { QRunnable, QThreadPool, QtConcurrent, type QFuture } from '@sigslot/concurrent';
import type { PoolRuleResults } from './results';
import { aTurn, newPool, openGate, type TaskRefs } from './page-pools';

/** A gate a task waits on (`waitForGate`) until `open`. */
function gate(): { cell: Int32Array; open(): void } {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return {
    cell,
    open: () => openGate(cell),
  };
}

/** How a future ended: `resolved <value>` or `rejected <error name>`. */
function outcome(future: QFuture<unknown, unknown>): Promise<string> {
  return Promise.resolve(future).then(
    (value) => `resolved ${String(value)}`,
    (error: Error) => `rejected ${error.name}`,
  );
}

/** Runs every check on pools of its own, each drained before the next. */
export async function checkPoolRules(tasks: TaskRefs): Promise<PoolRuleResults> {
  const global = QThreadPool.globalInstance();
  const tp1 = {
    same: global === QThreadPool.globalInstance(),
    max: global.maxThreadCount,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
  const crashed = await crash(tasks);
  const rules: PoolRuleResults = {
    tp1,
    tp2: await priorities(tasks),
    tp3: await tryStart(tasks),
    tp5: await reserved(tasks),
    tp6: await expiry(tasks),
    ...(await clearAndWait(tasks)),
    tp11: await throwing(tasks),
    f7: crashed.f7,
    f8: await deadline(tasks),
  };
  rules.f7.deadWorkerAnswered = await crashed.deadWorker;
  return rules;
}

/** TP-2: one busy thread, then priorities 0, 5, 5, 1. */
async function priorities(tasks: TaskRefs): Promise<number[]> {
  const pool = newPool(1);
  const held = gate();
  const busy = QtConcurrent.run(pool, tasks.waitForGate, held.cell, -1);
  const order: number[] = [];
  const starts = [
    [0, 0],
    [51, 5],
    [52, 5],
    [1, 1],
  ].map(([value, priority]) =>
    QtConcurrent.task(tasks.echo).withArguments(value!).onThreadPool(pool).withPriority(priority!).spawn(),
  );
  for (const f of starts) void f.then((v) => order.push(v));
  await aTurn();
  held.open();
  await busy;
  await Promise.all(starts);
  await pool.waitForDone();
  return order;
}

/** TP-3: tryStart on a full pool, then on an idle one. */
async function tryStart(tasks: TaskRefs): Promise<PoolRuleResults['tp3']> {
  const pool = newPool(1);
  const held = gate();
  const busy = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
  await aTurn();
  const refused = QRunnable.create(tasks.echo, 7);
  const whenFull = pool.tryStart(refused);
  held.open();
  await busy;
  await pool.waitForDone();
  const refusedStarted = refused.future().isStarted();
  const accepted = QRunnable.create(tasks.echo, 8);
  const whenIdle = pool.tryStart(accepted);
  const result = await accepted.future();
  await pool.waitForDone();
  return { whenFull, refusedStarted, whenIdle, result };
}

/** TP-5: reserved threads count as active beyond the limit; releaseThread (even without a reserve) starts work. */
async function reserved(tasks: TaskRefs): Promise<PoolRuleResults['tp5']> {
  const pool = newPool(2);
  const held = gate();
  const running = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
  await aTurn();
  pool.reserveThread();
  pool.reserveThread();
  const activeReserved = pool.activeThreadCount();
  pool.releaseThread();
  const queued = QtConcurrent.run(pool, tasks.echo, 2);
  await aTurn();
  const queuedWhileReserved = pool.queuedTaskCount();
  pool.releaseThread();
  const ranOnRelease = await queued;
  const firstStillRunning = !running.isFinished();
  held.open();
  await running;
  await pool.waitForDone();

  const one = newPool(1);
  const heldOne = gate();
  const runningOne = QtConcurrent.run(one, tasks.waitForGate, heldOne.cell, 1);
  const queuedOne = QtConcurrent.run(one, tasks.echo, 3);
  await aTurn();
  const queuedAtLimit = one.queuedTaskCount();
  one.releaseThread(); // without a reserve: the limit goes up by one
  const ranBeside = await queuedOne;
  const besideStillRunning = !runningOne.isFinished();
  one.reserveThread();
  heldOne.open();
  await runningOne;
  await one.waitForDone();
  return {
    activeReserved,
    queuedWhileReserved,
    ranOnRelease,
    firstStillRunning,
    queuedAtLimit,
    ranBeside,
    besideStillRunning,
  };
}

/** TP-6: a worker idle for expiryTimeout ms ends; the next task starts a new one. */
async function expiry(tasks: TaskRefs): Promise<PoolRuleResults['tp6']> {
  const pool = newPool(1);
  pool.expiryTimeout = 30;
  const first = await QtConcurrent.run(pool, tasks.echo, 1);
  const threadsAfterTask = pool.threadCount();
  // No signal says a worker ended: poll the count (waitFor rejects if it never gets there).
  const ended = await waitFor(() => pool.threadCount() === 0, 5000).then(
    () => true,
    () => false,
  );
  const second = await QtConcurrent.run(pool, tasks.echo, 2);
  const threadsAfterNext = pool.threadCount();
  await pool.waitForDone();
  return { results: [first, second], threadsAfterTask, ended, threadsAfterNext };
}

/** QC-2, TP-8, TP-9 on one thread held by a task. */
async function clearAndWait(tasks: TaskRefs): Promise<Pick<PoolRuleResults, 'qc2' | 'tp8' | 'tp9'>> {
  const pool = newPool(1);
  const held = gate();
  const running = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
  await aTurn();
  const queued = QtConcurrent.run(pool, tasks.echo, 2);
  const startedAtCall = queued.isStarted();
  await aTurn();
  const qc2 = { startedAtCall, finished: queued.isFinished(), queuedTasks: pool.queuedTaskCount() };
  const waitedBeforeDone = await pool.waitForDone(10);
  pool.clear();
  const tp8 = {
    canceledAndFinished: queued.isCanceled() && queued.isFinished(),
    queued: await outcome(queued),
    running: '',
  };
  held.open();
  tp8.running = await outcome(running);
  const waitedAll = await pool.waitForDone();
  const tp9 = { waitedBeforeDone, waitedAll, runningFinished: running.isFinished(), threads: pool.threadCount() };
  return { qc2, tp8, tp9 };
}

/** TP-11: a task that throws fails its future only. */
async function throwing(tasks: TaskRefs): Promise<PoolRuleResults['tp11']> {
  const pool = newPool(2).setObjectName('rulesPool');
  const failed = QtConcurrent.run(pool, tasks.throwCustom, 'bad input');
  const rejected = await outcome(failed);
  const error = failed.exception() as Error & { remoteName?: string };
  const handled = await QtConcurrent.run(pool, tasks.throwRange, 'r').onFailed(RangeError, (e) => e.message);
  const after = await QtConcurrent.run(pool, tasks.echo, 5);
  await pool.waitForDone();
  return { rejected, remoteName: error.remoteName ?? '', message: error.message, handled: String(handled), after };
}

/**
 * F-7: a worker that dies (an uncaught error) fails only its task; the other thread's task completes. A worker that
 * closes itself (self.close(), a browser worker's exit) fails its task the same way. Whether the
 * dead worker was ended has no signal: it would answer 250 ms after its crash, and the page gives it 400 ms, while
 * the checks after this one run.
 */
async function crash(tasks: TaskRefs): Promise<{ f7: PoolRuleResults['f7']; deadWorker: Promise<boolean> }> {
  const pool = newPool(2).setObjectName('crashPool');
  const held = gate();
  const other = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 9);
  const alive = new Int32Array(new SharedArrayBuffer(4));
  const crashed = QtConcurrent.run(pool, tasks.crashLater, alive, 250);
  const rejected = await outcome(crashed);
  const deadWorker = Promise.resolve(waitAsync(alive, 0, 0, 400).value).then((answer) => answer !== 'timed-out');
  const message = (crashed.exception() as Error).message;
  const otherFinishedAtCrash = other.isFinished();
  held.open();
  const otherResult = await other;
  const after = await QtConcurrent.run(pool, tasks.echo, 4);
  const closed = QtConcurrent.run(pool, tasks.closeSelf);
  const closedSelf = { rejected: await outcome(closed), message: (closed.exception() as Error).message };
  const afterClose = await QtConcurrent.run(pool, tasks.echo, 5);
  const waitedAll = await pool.waitForDone();
  return {
    f7: {
      rejected,
      message,
      otherFinishedAtCrash,
      otherResult,
      after,
      deadWorkerAnswered: false,
      closedSelf,
      afterClose,
      waitedAll,
    },
    deadWorker,
  };
}

/** Atomics.waitAsync (ES2024, in Chromium; the compiler's ES2022 library lacks it). */
function waitAsync(cell: Int32Array, index: number, value: number, ms: number): { value: Promise<string> | string } {
  return (Atomics as unknown as { waitAsync: typeof waitAsync }).waitAsync(cell, index, value, ms);
}

/** F-8: a deadline cancels a running task and keeps its worker. */
async function deadline(tasks: TaskRefs): Promise<PoolRuleResults['f8']> {
  const pool = newPool(1);
  const future = QtConcurrent.taskWithPromise(tasks.steps)
    .withArguments(100, 2)
    .onThreadPool(pool)
    .withDeadline(20)
    .spawn();
  const rejected = await outcome(future);
  const after = await QtConcurrent.run(pool, tasks.echo, 2);
  const threads = pool.threadCount();
  await pool.waitForDone();
  return { rejected, after, threads };
}
