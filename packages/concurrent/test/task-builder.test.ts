// QC-9: QtConcurrent.task(fn) — arguments copied at withArguments, a pool, a priority, the QPromise form, one builder
// spawning several tasks. Real workers.
import { InvalidArgumentError } from '@sigslot/core';
import { QFutureWatcher, QThreadPool, QtConcurrent, taskModule, transfer } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('builderPool', 1, (created) => (pool = created));

describe('QtConcurrent.task', () => {
  test('QC-9 withArguments copies the arguments at that call: a change made before spawn() is not seen', async () => {
    const list = [1, 2];
    const builder = QtConcurrent.task(tasks.mutateAndReturn).withArguments(list).onThreadPool(pool);
    list.push(3);
    expect(await builder.spawn()).toEqual([1, 2]);
  });

  test('QC-9 onThreadPool and withPriority: the task runs on that pool, before lower priorities queued earlier', async () => {
    const order: number[] = [];
    const busy = QtConcurrent.run(pool, tasks.slowEcho, 0, 50);
    const low = QtConcurrent.task(tasks.echo).withArguments(1).onThreadPool(pool).spawn();
    const high = QtConcurrent.task(tasks.echo).withArguments(2).onThreadPool(pool).withPriority(9).spawn();
    for (const future of [low, high]) void future.then((v) => order.push(v));
    await Promise.all([busy, low, high]);
    expect(order).toEqual([2, 1]);
    expect(pool.completedTaskCount()).toBe(3);
  });

  test('QC-9 taskWithPromise passes a QPromise first: results and progress come through it', async () => {
    const future = QtConcurrent.taskWithPromise(tasks.countTo).withArguments(100).onThreadPool(pool).spawn();
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(future);
    await watcher.finished.once();
    expect(future.results()).toHaveLength(100);
    expect(future.progressValue()).toBe(100);
  });

  test('QC-9 one builder spawns a task at each spawn(); arguments moved with transfer() go to the first only', async () => {
    const builder = QtConcurrent.task(tasks.add).withArguments(2, 3).onThreadPool(pool);
    expect(await Promise.all([builder.spawn(), builder.spawn()])).toEqual([5, 5]);
    const bytes = new Uint8Array(8).fill(1);
    const moving = QtConcurrent.task(tasks.sumBytes)
      .withArguments(transfer(bytes, [bytes.buffer]))
      .onThreadPool(pool);
    expect(bytes.buffer.byteLength).toBe(0); // moved at withArguments
    expect((await moving.spawn()).sum).toBe(8);
    expect(() => moving.spawn()).toThrow(InvalidArgumentError);
  });
});
