// F-11: a pool's statistics (queue depth, busy threads, tasks done) as values with change signals, real workers.
import { QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('statisticsPool', undefined, (created) => (pool = created));

/** Every value `signal` carries, in order. */
function record(signal: { connect(slot: (value: number) => void): unknown }): number[] {
  const values: number[] = [];
  signal.connect((value) => values.push(value));
  return values;
}

/** Each value differs from the one before it (0 before the first): a change signal, not a tick. */
function changesOnly(values: readonly number[]): boolean {
  return values.every((value, i) => value !== (i === 0 ? 0 : values[i - 1]));
}

describe('QThreadPool statistics with real workers', () => {
  test('F-11 queue depth, busy threads and tasks done are announced as they change, ending at their values', async () => {
    pool.maxThreadCount = 1;
    const queued = record(pool.queuedTaskCountChanged);
    const active = record(pool.activeThreadCountChanged);
    const completed = record(pool.completedTaskCountChanged);
    expect([pool.queuedTaskCount(), pool.activeThreadCount(), pool.completedTaskCount()]).toEqual([0, 0, 0]);
    const futures = [1, 2, 3].map((value) => QtConcurrent.run(pool, tasks.slowEcho, value, 20));
    await Promise.all(futures);
    await pool.waitForDone();
    // One thread: the first task runs, two wait; they leave the queue one at a time as the thread frees up.
    expect(queued[0]).toBe(2);
    expect(queued.at(-1)).toBe(0);
    expect(active).toEqual([1, 0]);
    expect(completed).toEqual([1, 2, 3]);
    for (const values of [queued, active, completed]) expect(changesOnly(values)).toBe(true);
    expect([pool.queuedTaskCount(), pool.activeThreadCount(), pool.completedTaskCount()]).toEqual([0, 0, 3]);
  });

  test('F-11 a burst is announced in a few values, not one per task', async () => {
    pool.maxThreadCount = 2;
    const completed = record(pool.completedTaskCountChanged);
    const queued = record(pool.queuedTaskCountChanged);
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => QtConcurrent.run(pool, tasks.echo, i)));
    expect(completed.at(-1)).toBe(10_000);
    expect(completed.length).toBeLessThan(5_000);
    expect(queued.length).toBeLessThan(5_000);
    expect(changesOnly(completed)).toBe(true);
  });

  test('F-11 clear() empties the queue and says so; reserveThread counts as active', async () => {
    pool.maxThreadCount = 1;
    const queued = record(pool.queuedTaskCountChanged);
    const active = record(pool.activeThreadCountChanged);
    const running = QtConcurrent.run(pool, tasks.slowEcho, 1, 20);
    for (let i = 0; i < 3; i++) QtConcurrent.run(pool, tasks.echo, i);
    await pool.queuedTaskCountChanged.once();
    expect(pool.queuedTaskCount()).toBe(3);
    pool.clear();
    expect(queued.at(-1)).toBe(0);
    await running;
    await pool.waitForDone();
    pool.reserveThread();
    await pool.activeThreadCountChanged.once();
    expect(pool.activeThreadCount()).toBe(1);
    pool.releaseThread();
    await pool.activeThreadCountChanged.once();
    expect(active).toEqual([1, 0, 1, 0]);
  });
});
