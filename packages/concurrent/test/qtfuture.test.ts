// QF-12: QtFuture's helpers — ready and exceptional futures, a future from a signal, whenAll and whenAny (these two
// over real pool tasks).
import { QObject, Signal } from '@sigslot/core';
import { QFutureWatcher, QThreadPool, QtConcurrent, QtFuture, TaskFailedError, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

class Sender extends QObject {
  readonly none = new Signal(this, 'none');
  readonly one = new Signal<[value: number]>(this, 'one');
  readonly two = new Signal<[name: string, value: number]>(this, 'two');
}

let pool: QThreadPool;
poolPerTest('qtFuturePool', 2, (created) => (pool = created));

describe('QtFuture', () => {
  test('QF-12 makeReadyFuture is finished with its value; a watcher set on it replays through finished', async () => {
    const future = QtFuture.makeReadyFuture(42);
    expect([future.isStarted(), future.isFinished(), future.isCanceled()]).toEqual([true, true, false]);
    expect(future.result()).toBe(42);
    expect(await future).toBe(42);
    const watcher = new QFutureWatcher<number>();
    const log: string[] = [];
    watcher.resultReadyAt.connect((i) => log.push(`result ${i}`));
    watcher.finished.connect(() => log.push('finished'));
    watcher.setFuture(future);
    await watcher.finished.once();
    expect(log).toEqual(['result 0', 'finished']);
  });

  test('QF-12 makeReadyRangeFuture holds every value in order; awaiting gives them all', async () => {
    const future = QtFuture.makeReadyRangeFuture(['a', 'b', 'c']);
    expect(future.resultCount()).toBe(3);
    expect(await future).toEqual(['a', 'b', 'c']);
  });

  test('QF-12 makeExceptionalFuture is finished and failed: awaiting rejects with the error, onFailed handles it', async () => {
    const error = new RangeError('out of range');
    const future = QtFuture.makeExceptionalFuture<number>(error);
    expect([future.isFinished(), future.isCanceled()]).toEqual([true, true]);
    await expect(future).rejects.toBe(error);
    expect(await future.onFailed(RangeError, () => -1)).toBe(-1);
  });

  test('QF-12 connect: fulfilled by the first emission — one argument as itself, several as a tuple, none as undefined', async () => {
    const sender = new Sender();
    const one = QtFuture.connect(sender.one);
    const two = QtFuture.connect(sender.two);
    const none = QtFuture.connect(sender.none);
    expect(one.isFinished()).toBe(false);
    sender.one.emit(7);
    sender.one.emit(8);
    sender.two.emit('x', 1);
    sender.none.emit();
    expect(await one).toBe(7);
    expect(await two).toEqual(['x', 1]);
    expect(await none).toBeUndefined();
    expect(none.isCanceled()).toBe(false);
  });

  test('QF-12 connect: canceled when the sender is destroyed first; canceling it stops listening', async () => {
    const sender = new Sender();
    const gone = QtFuture.connect(sender.one);
    const dropped = QtFuture.connect(sender.two);
    dropped.cancel();
    await dropped.waitForFinished();
    expect(sender.two.connectionCount).toBe(0);
    sender.destroy();
    await gone.waitForFinished();
    expect(gone.isCanceled()).toBe(true);
  });

  test('QF-12 whenAll finishes once every task finished, a failed one included, with the futures in input order', async () => {
    const slow = QtConcurrent.run(pool, tasks.slowEcho, 1, 30);
    const failing = QtConcurrent.run(pool, tasks.throwRange, 'no');
    const quick = QtConcurrent.run(pool, tasks.echo, 3);
    const all = QtFuture.whenAll([slow, failing, quick]);
    const futures = await all;
    expect(futures).toEqual([slow, failing, quick]);
    expect(futures.every((f) => f.isFinished())).toBe(true);
    expect(slow.result()).toBe(1);
    expect(failing.exception()).toBeInstanceOf(TaskFailedError);
    expect(await QtFuture.whenAll([])).toEqual([]);
  });

  test('QF-12 whenAny gives the first task to finish and its index; the others go on', async () => {
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const held = QtConcurrent.run(pool, tasks.waitForGate, gate, 1); // returns only once the gate opens
    const quick = QtConcurrent.run(pool, tasks.echo, 2);
    const { index, future } = await QtFuture.whenAny([held, quick]);
    expect(index).toBe(1);
    expect(future).toBe(quick);
    expect(held.isFinished()).toBe(false);
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    expect(await held).toBe(1);
    expect(await QtFuture.whenAny([])).toEqual({ index: -1, future: null });
  });
});
