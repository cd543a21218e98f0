import {
  ConnectionType,
  ConnectionTypeError,
  DeadlockError,
  QObject,
  Signal,
  SigslotError,
  connectionTypeName,
  currentThread,
  type Thread,
} from '@sigslot/core';
import { deferred, flushQueued } from './helpers';

const {
  AutoConnection,
  DirectConnection,
  QueuedConnection,
  BlockingQueuedConnection,
  UniqueConnection,
  SingleShotConnection,
} = ConnectionType;

class Emitter extends QObject {
  readonly tick = new Signal<[n: number]>(this);
}

class Receiver extends QObject {
  readonly calls: Array<{ n: number; thread: Thread | null; sender: QObject | null }> = [];
  onTick(n: number): void {
    this.calls.push({ n, thread: currentThread(), sender: this.sender() });
  }
}

describe('connection types', () => {
  test("ConnectionType has Qt's names and numeric values, and flags combine with |", () => {
    expect(ConnectionType).toEqual({
      AutoConnection: 0,
      DirectConnection: 1,
      QueuedConnection: 2,
      BlockingQueuedConnection: 3,
      UniqueConnection: 0x80,
      SingleShotConnection: 0x100,
    });
    expect(connectionTypeName(QueuedConnection | UniqueConnection | SingleShotConnection)).toBe(
      'QueuedConnection | UniqueConnection | SingleShotConnection',
    );
    expect(connectionTypeName(AutoConnection)).toBe('AutoConnection');
  });

  test("a queued slot runs on the receiver's thread after the emit returns", async () => {
    const emitter = new Emitter();
    const receiver = new Receiver();
    const ran = deferred();
    emitter.tick.connect(receiver, receiver.onTick, QueuedConnection);
    emitter.tick.connect(() => ran.resolve(), QueuedConnection);
    emitter.tick.emit(1);
    expect(receiver.calls).toEqual([]);
    await ran.promise;
    expect(receiver.calls).toHaveLength(1);
    expect(receiver.calls[0]!.n).toBe(1);
    expect(receiver.calls[0]!.thread).toBe(receiver.thread());
    expect(receiver.calls[0]!.sender).toBe(emitter);
  });

  test('queued emissions to one receiver arrive in emit order', async () => {
    const emitter = new Emitter();
    const receiver = new Receiver();
    emitter.tick.connect(receiver, receiver.onTick, QueuedConnection);
    for (let i = 0; i < 100; i++) emitter.tick.emit(i);
    await flushQueued();
    expect(receiver.calls.map((c) => c.n)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  test('a queued slot that emits again is not run re-entrantly: the new call waits its turn', async () => {
    const emitter = new Emitter();
    const order: string[] = [];
    const receiver = new Receiver();
    emitter.tick.connect(
      receiver,
      (n: number) => {
        order.push(`start ${n}`);
        if (n < 3) emitter.tick.emit(n + 1);
        order.push(`end ${n}`);
      },
      QueuedConnection,
    );
    emitter.tick.emit(1);
    await flushQueued();
    await flushQueued();
    await flushQueued();
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  test('DirectConnection runs the slot during the emit', () => {
    const emitter = new Emitter();
    const receiver = new Receiver();
    emitter.tick.connect(receiver, receiver.onTick, DirectConnection);
    emitter.tick.emit(9);
    expect(receiver.calls.map((c) => c.n)).toEqual([9]);
  });

  test('AutoConnection to a receiver on the emitting thread is direct', () => {
    const emitter = new Emitter();
    const receiver = new Receiver();
    emitter.tick.connect(receiver, receiver.onTick);
    emitter.tick.emit(1);
    expect(receiver.calls.map((c) => c.n)).toEqual([1]);
  });

  test("AutoConnection decides at emit time, from the receiver's thread at that moment", async () => {
    const emitter = new Emitter();
    const receiver = new Receiver();
    emitter.tick.connect(receiver, receiver.onTick, AutoConnection); // connected while the receiver is on this thread
    emitter.tick.emit(1);
    expect(receiver.calls.map((c) => c.n)).toEqual([1]); // direct

    receiver.moveToThread(null); // now it lives in no thread: Auto must queue, and the call waits
    emitter.tick.emit(2);
    await flushQueued();
    expect(receiver.calls.map((c) => c.n)).toEqual([1]);

    receiver.moveToThread(currentThread()); // back: the held call is delivered by the loop
    expect(receiver.calls.map((c) => c.n)).toEqual([1]);
    await flushQueued();
    expect(receiver.calls.map((c) => c.n)).toEqual([1, 2]);

    emitter.tick.emit(3); // and direct again
    expect(receiver.calls.map((c) => c.n)).toEqual([1, 2, 3]);
  });

  test("BlockingQueuedConnection to the emitting thread throws DeadlockError with Qt's wording", () => {
    const emitter = new Emitter().setObjectName('timer');
    const receiver = new Receiver().setObjectName('receiver');
    emitter.tick.connect(receiver, receiver.onTick, BlockingQueuedConnection);
    let caught: unknown;
    try {
      emitter.tick.emit(1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeadlockError);
    expect(caught).toBeInstanceOf(SigslotError);
    const message = (caught as Error).message;
    expect(message).toMatch(/^Dead lock detected while activating a BlockingQueuedConnection/);
    expect(message).toContain('sender is Emitter "timer"');
    expect(message).toContain('receiver is Receiver "receiver"');
    expect(message).toContain('Use QueuedConnection');
    expect((caught as Error).name).toBe('DeadlockError');
    expect(receiver.calls).toEqual([]);
  });

  test('a BlockingQueuedConnection without a receiver on the emitting thread is a deadlock too', () => {
    const emitter = new Emitter();
    emitter.tick.connect(() => undefined, BlockingQueuedConnection);
    expect(() => emitter.tick.emit(1)).toThrow(DeadlockError);
  });

  test('BlockingQueuedConnection to a receiver with no thread throws DeadlockError instead of waiting forever', () => {
    const emitter = new Emitter();
    const receiver = new Receiver().setObjectName('parked');
    emitter.tick.connect(receiver, receiver.onTick, BlockingQueuedConnection);
    receiver.moveToThread(null);
    expect(() => emitter.tick.emit(1)).toThrow(DeadlockError);
    expect(() => emitter.tick.emit(1)).toThrow(/the receiver has no thread, so a blocking call would never return/);
    expect(receiver.calls).toEqual([]);
  });

  test('a value that is not a connection type is refused with ConnectionTypeError', () => {
    const emitter = new Emitter();
    const receiver = new Receiver();
    for (const bad of [4, 7, 0x40, 0x200, 1.5, -1, Number.NaN]) {
      expect(() => emitter.tick.connect(receiver, receiver.onTick, bad)).toThrow(ConnectionTypeError);
    }
    expect(() => emitter.tick.connect(receiver, receiver.onTick, 4)).toThrow(
      /Emitter\.tick\.connect\(\): 4 is not a connection type\. Use ConnectionType\.AutoConnection/,
    );
    expect(emitter.tick.connectionCount).toBe(0);
  });
});
