import {
  QFutureWatcher,
  QThreadPool,
  QtConcurrent,
  ReduceOption,
  TaskFailedError,
  taskModule,
} from '@sigslot/concurrent';
import { currentThreadData } from '@sigslot/core/kernel';
import * as path from 'node:path';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
beforeAll(() => {
  pool = new QThreadPool().setObjectName('mapPool');
  pool.maxThreadCount = 2;
});
afterAll(async () => {
  await pool.waitForDone();
});

/** Items whose durations fall with the index: later items finish first. */
const reversed = (n: number): { value: number; ms: number }[] =>
  Array.from({ length: n }, (_, i) => ({ value: i, ms: (n - i) * 8 }));

describe('QtConcurrent map, filter and reduce with real workers', () => {
  test('QC-4 mapped gives one result per item; awaiting gives them all', async () => {
    const items = Array.from({ length: 2000 }, (_, i) => i);
    const squares = await QtConcurrent.mapped(pool, items, tasks.square);
    expect(squares).toEqual(items.map((i) => i * i));
  });

  test('QC-5 results are stored at the item index, while resultReadyAt indexes may arrive out of order', async () => {
    const watcher = new QFutureWatcher<number>();
    const indexes: number[] = [];
    watcher.resultReadyAt.connect((i) => indexes.push(i));
    const future = QtConcurrent.mapped(pool, reversed(6), tasks.delayed);
    watcher.setFuture(future);
    await watcher.finished.once();
    expect(future.results()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(indexes.slice().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(indexes).not.toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('QC-7 the progress range is 0 to the item count and the value reaches it', async () => {
    const watcher = new QFutureWatcher<number>();
    const ranges: string[] = [];
    watcher.progressRangeChanged.connect((min, max) => ranges.push(`${min}-${max}`));
    const future = QtConcurrent.mapped(pool, [1, 2, 3, 4], tasks.square);
    watcher.setFuture(future);
    await watcher.finished.once();
    expect(ranges).toEqual(['0-4']);
    expect(future.progressValue()).toBe(4);
  });

  test('QC-4 filtered keeps the items the task accepts, in input order', async () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(await QtConcurrent.filtered(pool, items, tasks.isEven)).toEqual(items.filter((i) => i % 2 === 0));
  });

  test('QC-4 map replaces the items in place', async () => {
    const items = [1, 2, 3];
    await QtConcurrent.map(pool, items, tasks.square);
    expect(items).toEqual([1, 4, 9]);
  });

  test('QC-6 OrderedReduce sees input order, UnorderedReduce completion order, with an initial value', async () => {
    const ordered = await QtConcurrent.mappedReduced(
      pool,
      reversed(5),
      tasks.delayed,
      (seen: number[], value) => [...seen, value],
      { initialValue: [], options: ReduceOption.OrderedReduce },
    );
    expect(ordered).toEqual([0, 1, 2, 3, 4]);
    const unordered = await QtConcurrent.mappedReduced(
      pool,
      reversed(5),
      tasks.delayed,
      (seen: number[], value) => [...seen, value],
      { initialValue: [] },
    );
    expect(unordered.slice().sort()).toEqual([0, 1, 2, 3, 4]);
    expect(unordered).not.toEqual([0, 1, 2, 3, 4]);
  });

  test('QC-6 the reduce runs on the thread that started the computation', async () => {
    const threads = new Set<unknown>();
    const sum = await QtConcurrent.mappedReduced(pool, [1, 2, 3, 4, 5, 6, 7, 8], tasks.square, (acc: number, v) => {
      threads.add(currentThreadData());
      return acc + v;
    });
    expect(sum).toBe(204);
    expect([...threads]).toEqual([pool.threadData()]);
  });

  test('QC-4 filteredReduced folds the kept items', async () => {
    const sum = await QtConcurrent.filteredReduced(pool, [1, 2, 3, 4], tasks.isEven, (acc: number, v) => acc + v, {
      initialValue: 0,
    });
    expect(sum).toBe(6);
  });

  test('QC-10 an item that throws fails the whole computation with its error', async () => {
    const future = QtConcurrent.mapped(pool, [1, 2, 3, 4], tasks.failOnThree);
    await expect(future).rejects.toBeInstanceOf(TaskFailedError);
    expect((future.exception() as TaskFailedError).remoteName).toBe('RangeError');
  });

  test('QC-7 cancel stops a mapped computation: the rest of the items never run', async () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ value: i, ms: 5 }));
    const future = QtConcurrent.mapped(pool, items, tasks.delayed);
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(future);
    await watcher.resultsReadyAt.once();
    future.cancel();
    await future.waitForFinished();
    expect(future.isCanceled()).toBe(true);
    expect(future.resultCount()).toBeLessThan(200);
  });

  test('QC-7 suspend stops handing out items; suspended once those out are done; resume completes', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ value: i, ms: 0 }));
    const future = QtConcurrent.mapped(pool, items, tasks.delayed);
    future.suspend();
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(future);
    await watcher.suspended.once();
    const done = future.progressValue();
    expect(done).toBeLessThan(3000);
    future.resume();
    expect(await future).toHaveLength(3000);
  });

  test('QC-7 a suspend while running takes back the items still queued in the pool; resume hands them out again', async () => {
    // A pool of its own: the blocks it hands out start at one item (another pool's may have grown on tiny tasks).
    const fresh = new QThreadPool().setObjectName('suspendPool');
    fresh.maxThreadCount = 2;
    const items = Array.from({ length: 40 }, (_, i) => ({ value: i, ms: 10 }));
    const future = QtConcurrent.mappedReduced(fresh, items, tasks.delayed, (sum: number, v: number) => sum + v, {
      initialValue: 0,
    });
    const watcher = new QFutureWatcher<number>();
    let asked = false;
    watcher.progressValueChanged.connect((done) => {
      if (done > 0 && !asked) {
        asked = true;
        future.suspend();
      }
    });
    watcher.setFuture(future);
    await watcher.suspended.once();
    // Only the items already in the workers ran; the pool's queue holds none of this job any more.
    expect(future.progressValue()).toBeLessThan(40);
    expect(fresh.queuedTaskCount()).toBe(0);
    expect(future.isFinished()).toBe(false);
    future.resume();
    expect(await future).toBe((39 * 40) / 2);
    expect(future.progressValue()).toBe(40);
    await fresh.waitForDone();
  });
});
