// The seam the thread package plugs into: an object bound to a thread in another isolate is reached through
// that thread's transport, never called here. These tests use a recording transport in place of a worker;
// real workers are tested in packages/thread.
import {
  ConnectionType,
  ConnectionTypeError,
  DeadlockError,
  InvalidArgumentError,
  QObject,
  Signal,
  invokeMethod,
  type Connection,
} from '@sigslot/core';
import { activate, ThreadData, currentThreadData, type ThreadTransport } from '@sigslot/core/kernel';
import { flushQueued, WARM_EMITS } from './helpers';

const { AutoConnection, DirectConnection, QueuedConnection, BlockingQueuedConnection } = ConnectionType;

class Recorder implements ThreadTransport {
  readonly log: Array<[kind: string, what: string, args: readonly unknown[]]> = [];
  queueSlot(connection: Connection, args: readonly unknown[]): void {
    this.log.push(['queueSlot', connection.slotName(), args]);
  }
  blockSlot(connection: Connection, args: readonly unknown[]): void {
    this.log.push(['blockSlot', connection.slotName(), args]);
  }
  queueInvoke(target: QObject, method: string, args: readonly unknown[]): Promise<unknown> {
    this.log.push(['queueInvoke', method, args]);
    return Promise.resolve(`queued ${method}`);
  }
  blockInvoke(target: QObject, method: string, args: readonly unknown[]): unknown {
    this.log.push(['blockInvoke', method, args]);
    return `blocked ${method}`;
  }
}

class Emitter extends QObject {
  readonly tick = new Signal<[n: number]>(this);
}

class Remote extends QObject {
  onTick(n: number): number {
    throw new Error(`a remote object's method ran here with ${n}`);
  }
}

function remoteObject(transport: ThreadTransport | null): { remote: Remote; thread: ThreadData } {
  const thread = ThreadData.remote(ThreadData.nextId(), 'Elsewhere', false, transport);
  const remote = new Remote();
  remote.bindToThread(thread);
  return { remote, thread };
}

describe('the thread transport seam', () => {
  test('a queued emit to an object in another thread goes to its transport and returns at once', () => {
    const transport = new Recorder();
    const { remote } = remoteObject(transport);
    const emitter = new Emitter();
    emitter.tick.connect(remote, 'onTick', QueuedConnection);
    emitter.tick.connect(remote, 'onTick'); // AutoConnection: another thread, so queued too
    emitter.tick.emit(1);
    expect(transport.log).toEqual([
      ['queueSlot', 'onTick', [1]],
      ['queueSlot', 'onTick', [1]],
    ]);
  });

  test('a BlockingQueuedConnection to another thread blocks through its transport', () => {
    const transport = new Recorder();
    const { remote } = remoteObject(transport);
    const emitter = new Emitter();
    emitter.tick.connect(remote, 'onTick', BlockingQueuedConnection);
    emitter.tick.emit(2);
    expect(transport.log).toEqual([['blockSlot', 'onTick', [2]]]);
  });

  test('a thread that cannot block refuses a blocking emit with DeadlockError', () => {
    const transport = new Recorder();
    const { remote } = remoteObject(transport);
    const emitter = new Emitter();
    emitter.tick.connect(remote, 'onTick', BlockingQueuedConnection);
    const here = currentThreadData();
    here.canBlock = false;
    try {
      expect(() => emitter.tick.emit(3)).toThrow(DeadlockError);
      expect(() => emitter.tick.emit(3)).toThrow(/this thread cannot block/);
      expect(() => invokeMethod(remote, 'onTick', BlockingQueuedConnection, 3)).toThrow(/cannot block/);
    } finally {
      here.canBlock = true;
    }
    expect(transport.log).toEqual([]);
  });

  test('a DirectConnection to an object in another isolate is refused at connect time', () => {
    const { remote } = remoteObject(new Recorder());
    const emitter = new Emitter();
    expect(() => emitter.tick.connect(remote, 'onTick', DirectConnection)).toThrow(ConnectionTypeError);
    expect(() => emitter.tick.connect(remote, 'onTick', DirectConnection)).toThrow(
      /another isolate with no shared heap/,
    );
  });

  test('a function cannot be a slot of an object in another isolate: name its method instead', () => {
    const { remote } = remoteObject(new Recorder());
    const emitter = new Emitter();
    expect(() => emitter.tick.connect(remote, () => undefined)).toThrow(InvalidArgumentError);
    expect(() => emitter.tick.connect(remote, () => undefined)).toThrow(/Name the receiver's method instead/);
  });

  test('a signal emitted in another isolate refuses a DirectConnection', () => {
    const emitter = new Emitter();
    emitter.tick.emittedIn = ThreadData.remote(ThreadData.nextId(), 'W', false, null);
    expect(() => emitter.tick.connect(() => undefined, DirectConnection)).toThrow(/this signal is emitted in "W"/);
  });

  test('calls to a thread whose transport is not ready wait on the object, and are posted when it is', async () => {
    const { remote } = remoteObject(null);
    const emitter = new Emitter();
    emitter.tick.connect(remote, 'onTick', QueuedConnection);
    emitter.tick.emit(4);
    const posted: unknown[] = [];
    remote.releaseHeld((task) => posted.push(task));
    expect(posted).toHaveLength(1);
    expect(() => invokeMethod(remote, 'onTick', QueuedConnection, 1)).toThrow(/cannot be reached from here/);
    expect(() => invokeMethod(remote, 'onTick', BlockingQueuedConnection, 1)).toThrow(/cannot be reached from here/);
    await flushQueued();
  });

  test('invokeMethod reaches an object in another thread through the transport, by connection type', async () => {
    const transport = new Recorder();
    const { remote } = remoteObject(transport);
    await expect(invokeMethod(remote, 'onTick', QueuedConnection, 1)).resolves.toBe('queued onTick');
    await expect(invokeMethod(remote, 'onTick', AutoConnection, 2)).resolves.toBe('queued onTick');
    expect(invokeMethod(remote, 'onTick', BlockingQueuedConnection, 3)).toBe('blocked onTick');
    expect(() => invokeMethod(remote, 'onTick', DirectConnection, 4)).toThrow(ConnectionTypeError);
    expect(transport.log).toEqual([
      ['queueInvoke', 'onTick', [1]],
      ['queueInvoke', 'onTick', [2]],
      ['blockInvoke', 'onTick', [3]],
    ]);
  });

  test("an emission delivered from another thread runs this thread's slots now, whatever their type", () => {
    const emitter = new Emitter();
    const seen: string[] = [];
    const receiver = new QObject();
    emitter.tick.connect(receiver, (n: number) => seen.push(`queued ${n}`), QueuedConnection);
    emitter.tick.connect(receiver, (n: number) => seen.push(`auto ${n}`));
    emitter.tick.connect((n) => seen.push(`plain ${n}`));
    emitter.tick.deliver([5], ThreadData.remote(ThreadData.nextId(), 'W', false, null));
    expect(seen).toEqual(['queued 5', 'auto 5', 'plain 5']);
    new Emitter().tick.deliver([6], currentThreadData()); // no connections: nothing to do
  });

  test('a call posted by an emit elsewhere survives a later disconnect; it is dropped once its receiver is destroyed, and a single shot runs once', () => {
    const emitter = new Emitter();
    const seen: string[] = [];
    const kept = new QObject();
    const destroyed = new QObject();
    const disconnected = emitter.tick.connect(kept, (n: number) => seen.push(`disconnected ${n}`));
    emitter.tick.connect(destroyed, (n: number) => seen.push(`destroyed ${n}`));
    emitter.tick.connect(kept, (n: number) => seen.push(`single shot ${n}`), ConnectionType.SingleShotConnection);
    const routedAtEmit = emitter.tick.connections; // what the emitting thread saw when it emitted
    emitter.tick.disconnect(disconnected);
    destroyed.destroy();
    const worker = ThreadData.remote(ThreadData.nextId(), 'W', false, null);
    activate(emitter.tick, routedAtEmit, [1], worker);
    activate(emitter.tick, routedAtEmit, [2], worker);
    expect(seen).toEqual(['disconnected 1', 'single shot 1', 'disconnected 2']);
  });
});

// A signal emitted often compiles its routing (src/signal/direct-emit.ts): posts to another isolate included.
describe('the thread transport seam, on a signal emitted many times', () => {
  /** Emits often enough for the signal to compile its emit, then forgets what the transport saw. */
  function warmUp(emitter: Emitter, transport: Recorder): void {
    for (let i = 0; i < WARM_EMITS; i++) emitter.tick.emit(-1);
    transport.log.length = 0;
  }

  test('posts each emit to the transport in order, beside the slots it calls directly', () => {
    const transport = new Recorder();
    const { remote } = remoteObject(transport);
    const emitter = new Emitter();
    const seen: number[] = [];
    emitter.tick.connect((n) => seen.push(n));
    emitter.tick.connect(remote, 'onTick', QueuedConnection);
    emitter.tick.connect(remote, 'onTick'); // AutoConnection: another thread, so posted too
    warmUp(emitter, transport);
    seen.length = 0;
    emitter.tick.emit(1);
    emitter.tick.emit(2);
    expect(seen).toEqual([1, 2]);
    expect(transport.log).toEqual([
      ['queueSlot', 'onTick', [1]],
      ['queueSlot', 'onTick', [1]],
      ['queueSlot', 'onTick', [2]],
      ['queueSlot', 'onTick', [2]],
    ]);
  });

  test("uses the receiver's thread's transport at the emit, when the thread gets another one", () => {
    const first = new Recorder();
    const { remote, thread } = remoteObject(first);
    const emitter = new Emitter();
    emitter.tick.connect(remote, 'onTick', QueuedConnection);
    warmUp(emitter, first);
    const second = new Recorder(); // a restarted thread reaches its new worker through a new transport
    thread.transport = second;
    emitter.tick.emit(3);
    expect(first.log).toEqual([]);
    expect(second.log).toEqual([['queueSlot', 'onTick', [3]]]);
  });

  test('does not post a call that an earlier slot of the same emit disconnected', () => {
    const transport = new Recorder();
    const { remote } = remoteObject(transport);
    const emitter = new Emitter();
    let cut = false;
    emitter.tick.connect(() => {
      if (cut) posted.disconnect();
    });
    const posted = emitter.tick.connect(remote, 'onTick', QueuedConnection);
    warmUp(emitter, transport);
    cut = true;
    emitter.tick.emit(4);
    expect(transport.log).toEqual([]);
  });

  test('posts nothing while the sender blocks its signals', () => {
    const transport = new Recorder();
    const { remote } = remoteObject(transport);
    const emitter = new Emitter();
    emitter.tick.connect(remote, 'onTick', QueuedConnection);
    warmUp(emitter, transport);
    emitter.blockSignals(true);
    emitter.tick.emit(5);
    emitter.blockSignals(false);
    emitter.tick.emit(6);
    expect(transport.log).toEqual([['queueSlot', 'onTick', [6]]]);
  });

  test("blocks through the transport once its thread asks for it (the transport returns the slots' result)", () => {
    class Answering extends Recorder {
      override queueSlot(connection: Connection, args: readonly unknown[]): unknown {
        super.queueSlot(connection, args);
        return args[0] === 7 ? 'ran there' : undefined;
      }
    }
    const transport = new Answering();
    const { remote } = remoteObject(transport);
    const emitter = new Emitter();
    emitter.tick.connect(remote, 'onTick', QueuedConnection);
    warmUp(emitter, transport);
    expect(emitter.tick.emit(7)).toBe('ran there');
    expect(emitter.tick.emit(8)).toBeUndefined();
  });
});
