// The browser test page: a QThreadPool on module Web Workers; results go to window.__results for the test to read.
import { QFutureWatcher, QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import type { PoolResults } from './results';
import type * as Tasks from './tasks';

const results: PoolResults = { done: false, errors: [], crossOriginIsolated };
(window as unknown as { __results: PoolResults }).__results = results;

async function run(): Promise<void> {
  const tasks = taskModule<typeof Tasks>('tasks');
  const pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  pool.maxThreadCount = 2;
  results.sum = await QtConcurrent.run(pool, tasks.add, 2, 3);

  const watcher = new QFutureWatcher<number>();
  const indexes: number[] = [];
  watcher.resultReadyAt.connect((i) => indexes.push(i));
  const items = Array.from({ length: 6 }, (_, i) => ({ value: i, ms: (6 - i) * 10 }));
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
}

run()
  .catch((error: unknown) => results.errors.push(String((error as Error)?.stack ?? error)))
  .finally(() => (results.done = true));
