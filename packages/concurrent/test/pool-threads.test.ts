// How many threads a pool runs and keeps: TP-4 (at least one), TP-5 (reserved threads), TP-7 (changing the limit),
// TP-10 (a runnable is spent by its run), QF-8 (a parked task gives its slot away), F-9 (a task awaiting a child).
// Real workers; tasks held on a shared gate stand for long work.
import { InvalidArgumentError } from '@sigslot/core';
import { QFutureWatcher, QRunnable, QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasksPath = path.join(__dirname, 'fixtures', 'tasks.ts');
const tasks = taskModule<typeof Tasks>(tasksPath);

let pool: QThreadPool;
poolPerTest('threadsPool', undefined, (created) => (pool = created));

/** The gates of the current test: a failed test leaves none shut, so that its pool drains. */
const gates: Int32Array[] = [];

/** A gate a task waits on (`waitForGate`) until `open`. */
function gate(): { cell: Int32Array; open(): void } {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  gates.push(cell);
  return { cell, open: () => openGate(cell) };
}

function openGate(cell: Int32Array): void {
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
}

/** Lets the pool hand out what it queued in this turn (it does so in a microtask). */
const aTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('how many threads a pool runs', () => {
  afterEach(() => {
    for (const cell of gates.splice(0)) openGate(cell);
  });

  test.each([0, -3])('TP-4 with maxThreadCount %i tasks still run, one at a time', async (max) => {
    pool.maxThreadCount = max;
    const held = gate();
    const first = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
    const second = QtConcurrent.run(pool, tasks.echo, 2);
    await aTurn();
    expect([pool.activeThreadCount(), pool.queuedTaskCount()]).toEqual([1, 1]);
    held.open();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(pool.threadCount()).toBe(1);
  });

  test('TP-4 with every thread reserved one task still runs, and only one', async () => {
    pool.maxThreadCount = 2;
    pool.reserveThread();
    pool.reserveThread();
    const held = gate();
    const first = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
    const second = QtConcurrent.run(pool, tasks.echo, 2);
    await aTurn();
    expect([pool.activeThreadCount(), pool.queuedTaskCount()]).toEqual([3, 1]);
    held.open();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    pool.releaseThread();
    pool.releaseThread();
  });

  test('TP-5 reserveThread counts as active beyond the limit; releaseThread starts queued work at once', async () => {
    pool.maxThreadCount = 2;
    const held = gate();
    const running = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
    await aTurn();
    pool.reserveThread();
    pool.reserveThread();
    expect(pool.activeThreadCount()).toBe(3); // may exceed maxThreadCount
    pool.releaseThread();
    const queued = QtConcurrent.run(pool, tasks.echo, 2);
    await aTurn();
    expect(pool.queuedTaskCount()).toBe(1);
    pool.releaseThread();
    expect(await queued).toBe(2); // while the first task still holds its thread
    expect(running.isFinished()).toBe(false);
    held.open();
    expect(await running).toBe(1);
  });

  test('TP-5 releaseThread without a reserve raises the limit: a queued task starts beside the running one', async () => {
    pool.maxThreadCount = 1;
    const held = gate();
    const running = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
    const queued = QtConcurrent.run(pool, tasks.echo, 2);
    await aTurn();
    expect(pool.queuedTaskCount()).toBe(1);
    pool.releaseThread();
    expect(await queued).toBe(2);
    pool.reserveThread();
    held.open();
    expect(await running).toBe(1);
  });

  test('TP-7 raising maxThreadCount starts queued tasks at once', async () => {
    pool.maxThreadCount = 1;
    const held = gate();
    const running = QtConcurrent.run(pool, tasks.waitForGate, held.cell, 1);
    const queued = QtConcurrent.run(pool, tasks.echo, 2);
    await aTurn();
    expect(pool.queuedTaskCount()).toBe(1);
    pool.maxThreadCount = 2;
    expect(await queued).toBe(2);
    expect(running.isFinished()).toBe(false);
    held.open();
    await running;
  });

  test('TP-7 lowering maxThreadCount lets running tasks finish, then ends the surplus worker', async () => {
    pool.maxThreadCount = 2;
    const held = [gate(), gate()];
    const running = held.map((g, i) => QtConcurrent.run(pool, tasks.waitForGate, g.cell, i));
    await aTurn();
    expect(pool.activeThreadCount()).toBe(2);
    pool.maxThreadCount = 1;
    expect(pool.threadCount()).toBe(2); // both are busy: they finish their tasks
    const queued = [3, 4].map((value) => QtConcurrent.run(pool, tasks.echo, value));
    for (const g of held) g.open();
    expect(await Promise.all([...running, ...queued])).toEqual([0, 1, 3, 4]);
    expect(pool.threadCount()).toBe(1);
  });

  test('TP-7 lowering maxThreadCount ends idle workers beyond it at once', async () => {
    pool.maxThreadCount = 2;
    const held = [gate(), gate()];
    const running = held.map((g, i) => QtConcurrent.run(pool, tasks.waitForGate, g.cell, i));
    await aTurn();
    for (const g of held) g.open();
    await Promise.all(running);
    expect(pool.threadCount()).toBe(2);
    pool.maxThreadCount = 1;
    expect(pool.threadCount()).toBe(1);
    expect(await QtConcurrent.run(pool, tasks.echo, 5)).toBe(5);
  });

  test('TP-10 a runnable is spent by its run (autoDelete): starting it again throws InvalidArgumentError', async () => {
    const runnable = QRunnable.create(tasks.echo, 1);
    pool.start(runnable);
    expect(() => pool.start(runnable)).toThrow(InvalidArgumentError);
    expect(await runnable.future()).toBe(1);
    expect(() => pool.tryStart(runnable)).toThrow(/was started already\. Create a new one \(QRunnable\.create\)/);
  });

  test('QF-8 a task parked in suspendIfRequested() gives its thread to other tasks until it is resumed', async () => {
    pool.maxThreadCount = 1;
    const watcher = new QFutureWatcher<number>();
    const parked = QtConcurrent.runWithPromise(pool, tasks.steps, 20, 2);
    watcher.setFuture(parked);
    await watcher.resultsReadyAt.once();
    parked.suspend();
    await watcher.suspended.once();
    expect(pool.activeThreadCount()).toBe(0);
    expect(await QtConcurrent.run(pool, tasks.echo, 7)).toBe(7); // ran on a second worker beside the parked one
    expect(parked.isFinished()).toBe(false);
    parked.resume();
    expect(pool.activeThreadCount()).toBe(1); // the resumed task took its thread back
    await watcher.finished.once();
    expect(parked.results()).toHaveLength(20);
  });

  test('F-9 a task that awaits a child task completes on a one-thread pool', async () => {
    pool.maxThreadCount = 1;
    expect(await QtConcurrent.run(pool, tasks.awaitChild, tasksPath, 9)).toBe(9);
  });
});
