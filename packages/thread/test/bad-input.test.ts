import { affinity, ConnectionType, QObject, setErrorHandler, Signal, type ErrorContext } from '@sigslot/core';
import { CloneError, ProtocolError, QThread } from '@sigslot/thread';
import { validateFromWorker } from '@sigslot/thread/channel';
import { BadArgumentThread, RogueThread, ViolatingThread, Worker } from './fixtures/threads';

describe('bad input is rejected at the call that made it', () => {
  test('an argument that cannot be cloned throws in the emitting worker, naming the signal and the position', async () => {
    const thread = new BadArgumentThread();
    const received: unknown[] = [];
    thread.data.connect((payload) => received.push(payload));
    const frames: number[] = [];
    thread.frame.connect((buffer) => frames.push(buffer.byteLength));
    const outcome = thread.outcome.once();
    thread.start();
    const [name, message, bufferLengthAfter] = await outcome;
    expect(name).toBe('CloneError');
    expect(message).toBe(
      'BadArgumentThread.data.emit(): argument 1 (at .nested.callback) cannot be copied to another thread: it is a function (callback). ' +
        'Pass plain data (numbers, strings, arrays, plain objects, Maps, typed arrays…); a thread cannot share functions or objects.',
    );
    expect(received).toEqual([]);
    // A signal that declares its Transferables moves them: the worker's buffer is detached, main gets it whole.
    expect(bufferLengthAfter).toBe(0);
    await thread.wait();
    expect(frames).toEqual([16]);
  });

  test('the main side checks what it sends too: a function argument to a worker object is refused at once', () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    class Controller extends QObject {
      readonly operate = new Signal<[parameter: string]>(this);
    }
    const controller = new Controller();
    controller.operate.connect(worker, 'doWork');
    expect(() => controller.operate.emit((() => 'no') as unknown as string)).toThrow(CloneError);
    expect(() => controller.operate.emit((() => 'no') as unknown as string)).toThrow(
      /Controller.operate.emit\(\) to doWork: argument 1 cannot be copied/,
    );
    expect(() => thread.create(Worker, new QObject() as unknown as string)).toThrow(/it is a QObject/);
  });

  test('malformed messages from a worker are rejected as ProtocolError, never crash, never call anything undeclared', async () => {
    const reports: Array<[unknown, ErrorContext]> = [];
    const previous = setErrorHandler((error, context) => reports.push([error, context]));
    try {
      const thread = new RogueThread();
      const ok = thread.ok.once();
      thread.start();
      await ok;
      await thread.wait();
      const messages = reports.map(([error]) =>
        error instanceof ProtocolError ? error.message : `not a ProtocolError: ${String(error)}`,
      );
      expect(messages).toEqual([
        expect.stringContaining('unknown message type "bogus"'),
        expect.stringContaining('an emit of signal #99 of object #0, which this thread never declared'),
        expect.stringContaining('"emits" needs a batch of (objectId, signal, version, argCount, emitCount'),
        expect.stringContaining('a result for call #12345, which was never made'),
        expect.stringContaining('the message is not an object'),
      ]);
      expect(reports.every(([, context]) => context.thread === thread.describe())).toBe(true);
    } finally {
      setErrorHandler(previous);
    }
  });

  test('validateFromWorker accepts every well-formed message and names what is wrong in the others', () => {
    expect(validateFromWorker({ type: 'started', signals: ['tick'], token: 't' })).toBeNull();
    expect(validateFromWorker({ type: 'emits', batch: [0, 0, 7, 1, 2, 'a', 'b'] })).toBeNull();
    expect(validateFromWorker({ type: 'finished', code: 0, token: 't' })).toBeNull();
    expect(validateFromWorker({ type: 'finished', code: 0 })).toBe('"finished" is malformed');
    expect(validateFromWorker({ type: 'finished', code: 'x' })).toBe('"finished" is malformed');
    expect(validateFromWorker([0, 0, 0, []])).toBeNull(); // an emit-wait: [objectId, signal, version, args]
    expect(validateFromWorker([0, 0, []])).toBe('"emit-wait" is malformed');
    expect(validateFromWorker([0, 0, 0.5, []])).toBe('"emit-wait" is malformed');
    expect(validateFromWorker({ type: 'violation', violation: {} })).toBe('"violation" is malformed');
    expect(validateFromWorker({ type: 'created', objectId: 1 })).toBe(
      '"created" needs an objectId and a list of signal names',
    );
    expect(validateFromWorker({ type: 'slot-error', error: { name: 1 } })).toBe(
      '"slot-error" needs an error and where',
    );
    expect(validateFromWorker({ type: 'result', replyId: 1 })).toBe('"result" needs a replyId and ok');
    expect(validateFromWorker({ type: 'started', signals: [1], token: 't' })).toBe(
      '"started" needs a list of signal names',
    );
    expect(validateFromWorker({ type: 'emits', batch: [0, 0, 0, 'x', 1] })).toBe('"emits" has a malformed run at 0');
  });

  test('a main-thread-only API called in a worker is reported to the main thread, naming the class, method and thread', async () => {
    const previousPolicy = affinity.setPolicy('record');
    affinity.clear();
    try {
      const thread = new ViolatingThread();
      thread.objectName = 'Offender';
      const result = thread.result.once();
      thread.start();
      expect(await result).toEqual(['touched']); // recorded, not thrown, under the 'record' policy
      await thread.wait();
      expect(affinity.violations()).toEqual([
        expect.objectContaining({
          className: 'HostApi',
          method: 'touch',
          thread: `"Offender" (worker #${thread.threadId})`,
          message: `HostApi.touch() was called from thread "Offender" (worker #${thread.threadId}); the host API is main-thread-only. Emit a signal connected with QueuedConnection to a receiver on the main thread instead.`,
        }),
      ]);
      expect(affinity.violations()[0]!.stack).toContain('threads.ts');
    } finally {
      affinity.setPolicy(previousPolicy);
      affinity.clear();
    }
  });

  test("under the 'throw' policy the worker's call throws AffinityError; run() fails with it and the violation is still reported", async () => {
    affinity.clear();
    const thread = new ViolatingThread();
    const crashed = thread.errorOccurred.once();
    thread.start();
    const [error] = await crashed;
    expect(error.remoteName).toBe('AffinityError');
    expect(error.message).toContain('HostApi.touch() was called from thread worker #');
    await thread.wait();
    expect(affinity.violations()).toHaveLength(1);
    affinity.clear();
    expect(ConnectionType.QueuedConnection).toBe(2);
  });
});
