// The browser test page: a QThreadPool on module Web Workers; results go to window.__results for the test to read.
import { QFutureWatcher, QThreadPool, QtConcurrent, QtFuture, taskModule, transfer } from '@sigslot/concurrent';
import type { PoolResults } from './results';
import { checkRules } from './rules';
import { checkFutureRules } from './rules-future';
import { checkMapRules } from './rules-map';
import { checkPoolRules } from './rules-pool';
import type * as Tasks from './tasks';

const results: PoolResults = { done: false, errors: [], crossOriginIsolated };
(window as unknown as { __results: PoolResults }).__results = results;

async function run(): Promise<void> {
  const tasks = taskModule<typeof Tasks>('tasks');
  const pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  pool.maxThreadCount = 2;
  results.sum = await QtConcurrent.run(pool, tasks.add, 2, 3);
  // Both workers started before the mapped run: otherwise its first items may all go to the one worker already up,
  // in order, on a slow machine (QC-5 asserts an out-of-order arrival, which needs the two threads).
  await Promise.all([0, 1].map((value) => QtConcurrent.run(pool, tasks.delayed, { value, ms: 30 })));

  const watcher = new QFutureWatcher<number>();
  const indexes: number[] = [];
  watcher.resultReadyAt.connect((i) => indexes.push(i));
  const items = Array.from({ length: 6 }, (_, i) => ({ value: i, ms: (6 - i) * 20 }));
  const mapped = QtConcurrent.mapped(pool, items, tasks.delayed);
  watcher.setFuture(mapped);
  results.mapped = { results: await mapped, indexes };

  const progressWatcher = new QFutureWatcher<number>();
  let signals = 0;
  let last = -1;
  let resultsSeen = 0;
  let resultsAtFinished = -1;
  progressWatcher.progressValueChanged.connect((v) => {
    signals++;
    last = v;
  });
  progressWatcher.resultsReadyAt.connect((b, e) => (resultsSeen += e - b));
  progressWatcher.finished.connect(() => (resultsAtFinished = resultsSeen));
  progressWatcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.countTo, 10_000));
  await progressWatcher.finished.once();
  results.progress = { last, signals, resultsAtFinished };

  pool.maxThreadCount = 1;
  const threadsBefore = pool.threadCount();
  const spinning = QtConcurrent.runWithPromise(pool, tasks.spinUntilCanceled);
  const spinWatcher = new QFutureWatcher<number>();
  spinWatcher.setFuture(spinning);
  await spinWatcher.progressRangeChanged.once();
  spinning.cancel();
  await spinning.waitForFinished();
  const afterwards = await QtConcurrent.run(pool, tasks.add, 1, 1);
  results.cancel = { canceled: spinning.isCanceled(), afterwards, threadsBefore, threadsAfter: pool.threadCount() };
  await pool.waitForDone();

  results.backPressure = await backPressure(pool, tasks);
  results.statistics = await statistics(tasks);
  results.transfer = await transfers(pool, tasks);
  results.combined = await combined(tasks);
  await pool.waitForDone();
  results.rules = await checkRules(tasks);
  results.poolRules = await checkPoolRules(tasks);
  results.mapRules = await checkMapRules(tasks);
  results.futureRules = await checkFutureRules(tasks);
}

type TaskRefs = ReturnType<typeof taskModule<typeof Tasks>>;

/** Spins for `ms` in a slot: real work on the page's thread. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** QW-7: a producer making a result every 0.2 ms against a 1 ms slot, with a limit of 2. */
async function backPressure(pool: QThreadPool, tasks: TaskRefs): Promise<PoolResults['backPressure']> {
  const produced = new Int32Array(new SharedArrayBuffer(4));
  const watcher = new QFutureWatcher<number>();
  watcher.setPendingResultsLimit(2);
  let delivered = 0;
  let lead = 0;
  watcher.resultReadyAt.connect(() => {
    delivered++;
    lead = Math.max(lead, Atomics.load(produced, 0) - delivered);
    work(1);
  });
  watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.produce, 100, 0.2, produced));
  await watcher.finished.once();
  return { lead, delivered };
}

/** F-11: one thread, three tasks. */
async function statistics(tasks: TaskRefs): Promise<PoolResults['statistics']> {
  const pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  pool.maxThreadCount = 1;
  const queued: number[] = [];
  const active: number[] = [];
  const completed: number[] = [];
  pool.queuedTaskCountChanged.connect((n) => queued.push(n));
  pool.activeThreadCountChanged.connect((n) => active.push(n));
  pool.completedTaskCountChanged.connect((n) => completed.push(n));
  await Promise.all([1, 2, 3].map((n) => QtConcurrent.run(pool, tasks.add, n, 0)));
  await pool.waitForDone();
  return {
    queued,
    active,
    completed,
    final: [pool.queuedTaskCount(), pool.activeThreadCount(), pool.completedTaskCount()],
  };
}

/** Transferables: a moved argument and a moved result. */
async function transfers(pool: QThreadPool, tasks: TaskRefs): Promise<PoolResults['transfer']> {
  const bytes = new Uint8Array(1 << 16).fill(3);
  const future = QtConcurrent.run(pool, tasks.sumBytes, transfer(bytes, [bytes.buffer]));
  const argumentBytesAfterCall = bytes.buffer.byteLength;
  const seen = await future;
  const moved = QtConcurrent.runWithPromise(pool, tasks.addMovedBytes, 2048);
  await moved.waitForFinished();
  const [result, resultBytesInWorker] = moved.results();
  return {
    argumentBytesAfterCall,
    seen,
    resultLength: (result as Uint8Array).length,
    resultBytesInWorker: resultBytesInWorker as number,
  };
}

/** QF-12: whenAll and whenAny over tasks on two threads (the held one waits on a shared gate). */
async function combined(tasks: TaskRefs): Promise<PoolResults['combined']> {
  const pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  pool.maxThreadCount = 2;
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const held = QtConcurrent.run(pool, tasks.waitForGate, gate, 1);
  const quick = QtConcurrent.run(pool, tasks.add, 1, 1);
  const any = await QtFuture.whenAny([held, quick]);
  const heldFinishedAtAny = held.isFinished();
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  const all = await QtFuture.whenAll([held, quick]);
  await pool.waitForDone();
  return {
    allInOrder: all[0] === held && all[1] === quick,
    allFinished: all.every((f) => f.isFinished()),
    anyIndex: any.index,
    heldFinishedAtAny,
  };
}

run()
  .catch((error: unknown) => results.errors.push(String((error as Error)?.stack ?? error)))
  .finally(() => (results.done = true));
