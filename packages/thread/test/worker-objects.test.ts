import {
  ConnectionType,
  DeadlockError,
  InvalidArgumentError,
  invokeMethod,
  QObject,
  setErrorHandler,
  Signal,
} from '@sigslot/core';
import { QThread, RemoteError, ThreadTerminatedError } from '@sigslot/thread';
import { Worker } from './fixtures/threads';

/** The controller of Qt's worker-object example: drives the worker through a signal, gets results back. */
class Controller extends QObject {
  readonly operate = new Signal<[parameter: string]>(this);
  results: string[] = [];
  handleResults(result: string): void {
    this.results.push(result);
  }
}

describe('the worker-object pattern', () => {
  test("Qt's example: a signal on main drives a slot of an object living in the thread; its signal comes back", async () => {
    const workerThread = new QThread();
    workerThread.objectName = 'WorkerThread';
    const worker = workerThread.create(Worker, 'result');
    const controller = new Controller();
    controller.operate.connect(worker, 'doWork');
    worker.resultReady.connect(controller, controller.handleResults);
    const result = worker.resultReady.once();
    workerThread.start();
    controller.operate.emit('job 1');
    expect(await result).toEqual(['result: job 1 on "WorkerThread" (worker #' + workerThread.threadId + ')']);
    expect(controller.results).toHaveLength(1);
    workerThread.quit();
    expect(await workerThread.wait()).toBe(true);
  });

  test("a signal's declared transferables are moved to the worker, not copied: the emitter's buffer is detached at the emit", async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    class Source extends QObject {
      readonly frame = new Signal<[buffer: ArrayBuffer]>(this, { transfer: (buffer) => [buffer] });
    }
    const source = new Source();
    source.frame.connect(worker, 'sum');
    const result = worker.resultReady.once();
    thread.start();
    await thread.started.once();
    const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
    source.frame.emit(buffer);
    expect(buffer.byteLength).toBe(0); // moved at the emit
    expect(await result).toEqual(['4 bytes, sum 10']);
    thread.quit();
    expect(await thread.wait()).toBe(true);
  });

  test('started can drive the worker, as in Qt (connect before start)', async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    const progress = worker.progress.once();
    thread.started.connect(worker, 'begin');
    thread.start();
    expect(await progress).toEqual([50]);
    thread.quit();
    await thread.wait();
  });

  test('methods called on the handle are queued and resolve with their result, in call order', async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    thread.start();
    const results = await Promise.all([
      worker.add(1, 2),
      worker.slowDouble(21),
      worker.doWork('x'),
      worker.callCount(),
    ]);
    expect(results[0]).toBe(3);
    expect(results[1]).toBe(42);
    expect(results[2]).toMatch(/^done: x on worker #\d+$/);
    expect(results[3]).toBe(1);
    thread.quit();
    await thread.wait();
  });

  test('invokeMethod: Queued returns a Promise, BlockingQueued returns the value, Direct is refused across isolates', async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    thread.start();
    await expect(invokeMethod(worker, 'add', ConnectionType.QueuedConnection, 2, 3)).resolves.toBe(5);
    const sum: number = invokeMethod(worker, 'add', ConnectionType.BlockingQueuedConnection, 4, 5); // a value, not a Promise
    expect(sum).toBe(9);
    const doubled: number = invokeMethod(worker, 'slowDouble', ConnectionType.BlockingQueuedConnection, 4); // awaited there
    expect(doubled).toBe(8);
    await expect(invokeMethod(worker, 'add', ConnectionType.AutoConnection, 1, 1)).resolves.toBe(2);
    expect(() => invokeMethod(worker, 'add', ConnectionType.DirectConnection, 1, 1)).toThrow(
      /another isolate; a direct call cannot reach it/,
    );
    thread.quit();
    await thread.wait();
  });

  test("a method's error reaches the caller with its class and message", async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    thread.start();
    const failure = worker.fail('out of range');
    await expect(failure).rejects.toBeInstanceOf(RemoteError);
    await expect(failure).rejects.toMatchObject({ remoteName: 'RangeError', message: 'out of range' });
    expect(() => invokeMethod(worker, 'fail', ConnectionType.BlockingQueuedConnection, 'blocking failure')).toThrow(
      'blocking failure',
    );
    thread.quit();
    await thread.wait();
  });

  test('slots are named, not passed as functions, and must exist on the class', () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    const controller = new Controller();
    expect(() => controller.operate.connect(worker, () => undefined)).toThrow(/Name its method instead/);
    expect(() => controller.operate.connect(worker, 'noSuchMethod' as 'doWork')).toThrow(InvalidArgumentError);
    expect(() => worker.moveToThread(QThread.currentThread())).toThrow(
      /not the object's thread.*pushed to a thread from its own thread, not pulled/s,
    );
  });

  test('pending calls are rejected with ThreadTerminatedError when the thread ends; none stays pending', async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    thread.start();
    await worker.add(1, 1);
    const pending = worker.slowDouble(1);
    void thread.terminate();
    await expect(pending).rejects.toBeInstanceOf(ThreadTerminatedError);
    await expect(worker.add(1, 2)).rejects.toBeInstanceOf(ThreadTerminatedError);
  });

  test('deleteLater() on the handle destroys the object in its thread; later calls fail clearly', async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    thread.start();
    await worker.add(1, 1);
    const other = thread.create(Worker);
    worker.deleteLater();
    expect(worker.isDestroyed()).toBe(true);
    await expect(worker.add(1, 1)).rejects.toThrow(/Worker \(in worker #\d+\)\.add\(\) was called on a deleted object/);
    await expect(other.add(2, 2)).resolves.toBe(4);
    thread.quit();
    await thread.wait();
  });

  test('a worker that dies while the main thread is blocked on it releases the main thread with ThreadTerminatedError', async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    const crashed = thread.errorOccurred.once();
    thread.start();
    await worker.add(0, 0);
    expect(() => invokeMethod(worker, 'crash', ConnectionType.BlockingQueuedConnection, 5)).toThrow(
      ThreadTerminatedError,
    );
    const [error] = await crashed;
    expect(error.message).toMatch(/exited with code 5/);
    expect(await thread.wait()).toBe(true);
  });

  test('a slot answering a blocked worker cannot block on that worker in turn: DeadlockError instead of a hang', async () => {
    const errors: unknown[] = [];
    const previous = setErrorHandler((error) => errors.push(error));
    try {
      const thread = new QThread();
      const worker = thread.create(Worker);
      worker.resultReady.connect(
        () => invokeMethod(worker, 'add', ConnectionType.BlockingQueuedConnection, 1, 1),
        ConnectionType.BlockingQueuedConnection,
      );
      thread.start();
      await worker.doWork('cycle');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(DeadlockError);
      expect(String(errors[0])).toMatch(
        /thread main would block until thread worker #\d+ answers, but worker #\d+ waits for main already/,
      );
      thread.quit();
      await thread.wait();
    } finally {
      setErrorHandler(previous);
    }
  });

  test('blocking on a thread that is not running is refused clearly', () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    expect(() => invokeMethod(worker, 'add', ConnectionType.BlockingQueuedConnection, 1, 1)).toThrow(
      /is not running.*Start it first/,
    );
  });
});
