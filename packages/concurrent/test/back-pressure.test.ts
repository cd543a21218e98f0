// QW-7: a watcher's pendingResultsLimit holds a fast producer back, with real workers.
import { QFutureWatcher, QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

/** Spins for `ms`: a slot that does real work on main (not a sleep standing in for synchronisation). */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

let pool: QThreadPool;
poolPerTest('backPressurePool', 2, (created) => (pool = created));

/**
 * A watcher with `limit` whose resultReadyAt slot works `slotMs`, on `future`; `made()` says how many results the
 * producer has made so far (read from shared memory). Resolves with the most it was ever ahead of the slot, after
 * checking that every result arrived before finished.
 */
async function maxLead(
  limit: number,
  slotMs: number,
  start: () => QtConcurrentFuture,
  made: () => number,
  expected: readonly number[],
): Promise<number> {
  const watcher = new QFutureWatcher<number>();
  watcher.setPendingResultsLimit(limit);
  let delivered = 0;
  let lead = 0;
  const seen: number[] = [];
  watcher.resultReadyAt.connect((index) => {
    seen.push(watcher.resultAt(index));
    delivered++;
    lead = Math.max(lead, made() - delivered);
    work(slotMs);
  });
  let deliveredAtFinish = -1;
  watcher.finished.connect(() => (deliveredAtFinish = delivered));
  watcher.setFuture(start());
  await watcher.finished.once();
  expect(deliveredAtFinish).toBe(expected.length);
  // mapped results may arrive out of index order (QC-5): compare what arrived, not when.
  expect(seen.sort((a, b) => a - b)).toEqual(expected);
  return lead;
}
type QtConcurrentFuture = ReturnType<typeof QtConcurrent.runWithPromise<number, [number, number, Int32Array]>>;

describe('QFutureWatcher.setPendingResultsLimit with real workers', () => {
  test('QW-7 a task never gets more than the limit ahead of a slow watcher: its next addResult waits in the worker', async () => {
    // The task makes a result every 0.2 ms, the watcher's slot takes 1 ms: without a limit the task finishes about
    // 160 results ahead (the default: no limit, checked below).
    const n = 200;
    const run = async (limit: number): Promise<number> => {
      const produced = new Int32Array(new SharedArrayBuffer(4));
      return maxLead(
        limit,
        1,
        () => QtConcurrent.runWithPromise(pool, tasks.produce, n, 0.2, produced),
        () => Atomics.load(produced, 0),
        Array.from({ length: n }, (_, i) => i),
      );
    };
    expect(await run(2)).toBeLessThanOrEqual(2);
    expect(await run(5)).toBeLessThanOrEqual(5);
  });

  test('QW-7 mapped hands out no more items than the watcher has room for', async () => {
    const started = new Int32Array(new SharedArrayBuffer(4));
    const items = Array.from({ length: 100 }, (_, n) => ({ n, ms: 0.2, started }));
    const lead = await maxLead(
      3,
      1,
      () => QtConcurrent.mapped(pool, items, tasks.countedSquare) as never,
      () => Atomics.load(started, 0),
      items.map(({ n }) => n * n),
    );
    expect(lead).toBeLessThanOrEqual(3);
  });

  test('QW-7 without a limit (the default) the producer is not held back', async () => {
    expect(new QFutureWatcher<number>().pendingResultsLimit()).toBe(Infinity);
    const produced = new Int32Array(new SharedArrayBuffer(4));
    const watcher = new QFutureWatcher<number>();
    let leadAtFirst = -1;
    // The first slot waits (on main, as a busy slot does) until the task has made all its results.
    watcher.resultReadyAt.connect(() => {
      if (leadAtFirst >= 0) return;
      while (Atomics.load(produced, 0) < 50) Atomics.wait(produced, 0, Atomics.load(produced, 0), 10);
      leadAtFirst = Atomics.load(produced, 0) - 1;
    });
    watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.produce, 50, 0, produced));
    await watcher.finished.once();
    expect(leadAtFirst).toBe(49);
  });
});
