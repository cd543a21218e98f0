// The page's checks of pool.md's QtConcurrent rules for tasks with a QPromise and for map, filter and reduce (QC-3,
// QC-4, QC-6, QC-7, QC-10): the same behaviour as the Node tests (pool.test.ts, map.test.ts), in module Web Workers.
import { currentThreadData } from '@sigslot/core/kernel';
import { QFutureWatcher, QThreadPool, QtConcurrent, ReduceOption } from '@sigslot/concurrent';
import type { MapRuleResults } from './results';
import { newPool, type TaskRefs } from './page-pools';

/** Items whose durations fall with the index: later items finish first. */
const reversed = (n: number): { value: number; ms: number }[] =>
  Array.from({ length: n }, (_, i) => ({ value: i, ms: (n - i) * 8 }));

/** Runs every check; the pools are drained at the end. */
export async function checkMapRules(tasks: TaskRefs): Promise<MapRuleResults> {
  const pool = newPool(2);
  // Both workers up first, so that the out-of-order checks have two threads from their first item (as QC-5 does).
  await Promise.all([0, 1].map((value) => QtConcurrent.run(pool, tasks.delayed, { value, ms: 10 })));
  const rules: MapRuleResults = {
    qc3: await withPromise(pool, tasks),
    qc4: await mapFilterReduce(pool, tasks),
    qc6: await reduces(pool, tasks),
    qc7: await mapProgressCancelSuspend(pool, tasks),
    qc10: await failing(pool, tasks),
  };
  await pool.waitForDone();
  return rules;
}

/** QC-3: a task with a QPromise reports results, a progress range and values; run() starts and finishes it. */
async function withPromise(pool: QThreadPool, tasks: TaskRefs): Promise<MapRuleResults['qc3']> {
  const watcher = new QFutureWatcher<number>();
  const ranges: string[] = [];
  let results = 0;
  let resultsAtFinished = -1;
  let lastProgress = -1;
  watcher.progressRangeChanged.connect((min, max) => ranges.push(`${min}-${max}`));
  watcher.progressValueChanged.connect((v) => (lastProgress = v));
  watcher.resultsReadyAt.connect((b, e) => (results += e - b));
  watcher.finished.connect(() => (resultsAtFinished = results));
  const future = QtConcurrent.runWithPromise(pool, tasks.countTo, 100);
  watcher.setFuture(future);
  await watcher.finished.once();
  return { ranges, resultsAtFinished, lastProgress, lastResult: future.results()[99] ?? -1 };
}

/** QC-4: mapped, filtered, map in place, mappedReduced and filteredReduced. */
async function mapFilterReduce(pool: QThreadPool, tasks: TaskRefs): Promise<MapRuleResults['qc4']> {
  const items = Array.from({ length: 200 }, (_, i) => i);
  const mapped = await QtConcurrent.mapped(pool, items, tasks.square);
  const filtered = await QtConcurrent.filtered(pool, items, tasks.isEven);
  const inPlace = [1, 2, 3];
  await QtConcurrent.map(pool, inPlace, tasks.square);
  const mappedReduced = await QtConcurrent.mappedReduced(pool, [1, 2, 3], tasks.square, (a: number, v) => a + v, {
    initialValue: 0,
  });
  const filteredReduced = await QtConcurrent.filteredReduced(
    pool,
    [1, 2, 3, 4],
    tasks.isEven,
    (a: number, v) => a + v,
    {
      initialValue: 0,
    },
  );
  return {
    mappedRight: mapped.length === 200 && mapped.every((v, i) => v === i * i),
    filteredRight: filtered.length === 100 && filtered.every((v, i) => v === 2 * i),
    inPlace,
    mappedReduced,
    filteredReduced,
  };
}

/** QC-6: ordered and unordered reduce with an initial value, on the page's thread. */
async function reduces(pool: QThreadPool, tasks: TaskRefs): Promise<MapRuleResults['qc6']> {
  const collect = (seen: number[], value: number): number[] => [...seen, value];
  const ordered = await QtConcurrent.mappedReduced(pool, reversed(5), tasks.delayed, collect, {
    initialValue: [],
    options: ReduceOption.OrderedReduce,
  });
  const threads = new Set<unknown>();
  const unordered = await QtConcurrent.mappedReduced(
    pool,
    reversed(5),
    tasks.delayed,
    (seen: number[], value) => {
      threads.add(currentThreadData());
      return collect(seen, value);
    },
    { initialValue: [] },
  );
  return { ordered, unordered, reducedOnPageThread: threads.size === 1 && threads.has(pool.threadData()) };
}

/** QC-7: progress 0…item count; cancel and suspend of a running mapped computation. */
async function mapProgressCancelSuspend(pool: QThreadPool, tasks: TaskRefs): Promise<MapRuleResults['qc7']> {
  const watcher = new QFutureWatcher<number>();
  const ranges: string[] = [];
  watcher.progressRangeChanged.connect((min, max) => ranges.push(`${min}-${max}`));
  const squares = QtConcurrent.mapped(pool, [1, 2, 3, 4], tasks.square);
  watcher.setFuture(squares);
  await watcher.finished.once();
  const progress = { ranges, value: squares.progressValue() };

  const items = Array.from({ length: 40 }, (_, i) => ({ value: i, ms: 5 }));
  const canceled = QtConcurrent.mapped(pool, items, tasks.delayed);
  const cancelWatcher = new QFutureWatcher<number>();
  cancelWatcher.setFuture(canceled);
  await cancelWatcher.resultsReadyAt.once();
  canceled.cancel();
  await canceled.waitForFinished();
  const cancel = { canceled: canceled.isCanceled(), resultsBelowItems: canceled.resultCount() < 40 };

  const many = Array.from({ length: 1000 }, (_, i) => ({ value: i, ms: 0 }));
  const suspendedEarly = QtConcurrent.mapped(pool, many, tasks.delayed);
  suspendedEarly.suspend();
  const suspendWatcher = new QFutureWatcher<number>();
  suspendWatcher.setFuture(suspendedEarly);
  await suspendWatcher.suspended.once();
  const doneWhenSuspended = suspendedEarly.progressValue();
  suspendedEarly.resume();
  const suspend = { doneBelowItems: doneWhenSuspended < 1000, resultsAfterResume: (await suspendedEarly).length };
  return { progress, cancel, suspend };
}

/** QC-10: an item that throws fails the whole computation with its error. */
async function failing(pool: QThreadPool, tasks: TaskRefs): Promise<MapRuleResults['qc10']> {
  const future = QtConcurrent.mapped(pool, [1, 2, 3, 4], tasks.failOnThree);
  const rejected = await Promise.resolve(future).then(
    () => 'resolved',
    (error: Error) => `rejected ${error.name}`,
  );
  return { rejected, remoteName: (future.exception() as { remoteName?: string }).remoteName ?? '' };
}
