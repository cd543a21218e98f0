// The page's checks of pool.md rules beyond the first ones (TP-4, TP-7, TP-10, QC-8, QC-9, QF-1, QF-4…QF-8, QF-11,
// QP-4, QW-1, QW-8, QW-9, F-9): the same behaviour as the Node tests, observed in module Web Workers.
import { QFuture, QFutureWatcher, QRunnable, QtConcurrent } from '@sigslot/concurrent';
import type { RuleResults } from './results';
import { aTurn, newPool, openGate, type TaskRefs } from './page-pools';

function flags(f: QFuture<unknown, unknown>): boolean[] {
  return [f.isStarted(), f.isRunning(), f.isFinished(), f.isCanceled(), f.isValid()];
}

/** Runs every check on pools of its own; each pool is drained before the next check. */
export async function checkRules(tasks: TaskRefs): Promise<RuleResults> {
  const one = newPool(0);
  const tp4 = { results: await Promise.all([1, 2].map((n) => QtConcurrent.run(one, tasks.echo, n))), threads: 0 };
  tp4.threads = one.threadCount();
  await one.waitForDone();

  const two = newPool(2);
  const gates = [0, 1].map(() => new Int32Array(new SharedArrayBuffer(4)));
  const held = gates.map((cell, i) => QtConcurrent.run(two, tasks.waitForGate, cell, i));
  await aTurn();
  gates.forEach(openGate);
  await Promise.all(held);
  const before = two.threadCount();
  two.maxThreadCount = 1;
  const tp7 = { before, after: two.threadCount() };

  const runnable = QRunnable.create(tasks.echo, 1);
  two.start(runnable);
  let tp10 = 'no error';
  try {
    two.start(runnable);
  } catch (error) {
    tp10 = (error as Error).name;
  }
  await runnable.future();
  await two.waitForDone();

  const blocksPool = newPool(2);
  const n = 4000;
  const places = await Promise.all(Array.from({ length: n }, () => QtConcurrent.run(blocksPool, tasks.turnIndex)));
  const blocks: { start: number; size: number }[] = [];
  places.forEach((p, i) => (p === 0 ? blocks.push({ start: i, size: 1 }) : blocks[blocks.length - 1]!.size++));
  const qc8 = {
    firstSizes: blocks.slice(0, 2).map((b) => b.size),
    largest: Math.max(...blocks.map((b) => b.size)),
    overCap: blocks.filter((b) => b.size > Math.ceil((n - b.start) / 4)).length,
  };
  await blocksPool.waitForDone();

  const pool = newPool(2);
  const list = [1, 2];
  const builder = QtConcurrent.task(tasks.mutateAndReturn).withArguments(list).onThreadPool(pool);
  list.push(3);
  const qc9 = await builder.spawn();

  const done = QtConcurrent.run(pool, tasks.echo, 1);
  await done;
  const qf1 = { empty: flags(new QFuture<number>()), done: flags(done) };

  const gaps = QtConcurrent.runWithPromise(pool, tasks.addAt, [
    [0, 'a'],
    [2, 'c'],
  ]);
  await gaps.waitForFinished();
  const qf4 = { count: gaps.resultCount(), results: gaps.results(), gap: gaps.isResultReadyAt(1) };

  const spinning = QtConcurrent.runWithPromise(pool, tasks.spinUntilCanceled);
  spinning.cancel();
  const outcome = (p: Promise<void>): Promise<string> =>
    p.then(
      () => 'resolved',
      (e: Error) => `rejected ${e.name}`,
    );
  const qf5 = {
    canceled: await outcome(spinning.waitForFinished()),
    failed: await outcome(QtConcurrent.run(pool, tasks.throwRange, 'r').waitForFinished()),
  };

  const qf6: string[] = [];
  const failing = new QFutureWatcher<number>();
  for (const name of ['started', 'canceled', 'finished'] as const) failing[name].connect(() => qf6.push(name));
  failing.setFuture(QtConcurrent.run(pool, tasks.throwCustom, 'bad'));
  await failing.finished.once();

  const counted = QtConcurrent.runWithPromise(pool, tasks.addWithoutRange, 5);
  await counted;
  const qf7 = counted.progressValue();

  const qf8 = await parkedTask(tasks);

  const qf11: string[] = [];
  await QtConcurrent.run(pool, tasks.throwRange, 'x')
    .then((v) => qf11.push('then') + v)
    .onCanceled(() => qf11.push('onCanceled'))
    .onFailed(TypeError, () => qf11.push('onFailed(TypeError)'))
    .onFailed(RangeError, () => qf11.push('onFailed(RangeError)'));

  const seen = new Int32Array(new SharedArrayBuffer(8));
  const failTwice = QtConcurrent.runWithPromise(pool, tasks.failTwice, seen);
  await failTwice.waitForFinished().catch(() => undefined);
  const qp4 = { name: (failTwice.exception() as { remoteName?: string })?.remoteName ?? 'none', seen: [...seen] };

  const watcher = new QFutureWatcher<number>();
  const log: string[] = [];
  watcher.started.connect(() => log.push('started'));
  watcher.finished.connect(() => log.push('finished'));
  watcher.resultsReadyAt.connect((b, e) => log.push(`resultsReadyAt(${b},${e})`));
  watcher.resultReadyAt.connect((i) => log.push(`resultReadyAt(${i})`));
  watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.addBatch, [10, 20, 30]));
  const inSetFuture = log.length;
  await watcher.finished.once();
  await pool.waitForDone();

  // F-9: the child goes to the worker's own global pool, whose Web Workers run the same pool-worker script.
  const single = newPool(1);
  const f9 = await QtConcurrent.run(single, tasks.awaitChild, 'tasks', 9);
  await single.waitForDone();

  return { tp4, tp7, tp10, qc8, qc9, qf1, qf4, qf5, qf6, qf7, qf8, qf11, qp4, qw: { inSetFuture, log }, f9 };
}

/** QF-8: a one-thread pool runs a second task while the first is parked in suspendIfRequested(). */
async function parkedTask(tasks: TaskRefs): Promise<RuleResults['qf8']> {
  const pool = newPool(1);
  const parked = QtConcurrent.runWithPromise(pool, tasks.steps, 10, 2);
  const watcher = new QFutureWatcher<number>();
  watcher.setFuture(parked);
  await watcher.resultsReadyAt.once();
  parked.suspend();
  await watcher.suspended.once();
  const activeWhileParked = pool.activeThreadCount();
  const ranMeanwhile = await QtConcurrent.run(pool, tasks.echo, 7);
  parked.resume();
  await watcher.finished.once();
  await pool.waitForDone();
  return { activeWhileParked, ranMeanwhile, results: parked.results().length };
}
