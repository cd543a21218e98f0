import {
  AffinityError,
  ConnectionType,
  InvalidArgumentError,
  QObject,
  QSignalBlocker,
  Signal,
  SignalSpy,
  Thread,
  currentThread,
  invokeMethod,
} from '@sigslot/core';
import { ThreadData } from '@sigslot/core/kernel';
import { flushQueued } from './helpers';

const { QueuedConnection } = ConnectionType;

class Node extends QObject {
  readonly changed = new Signal<[value: number]>(this);
  readonly seen: number[] = [];
  onChanged(value: number): void {
    this.seen.push(value);
  }
}

describe('QObject lifetime', () => {
  test('a destroyed receiver is disconnected and its pending queued calls are dropped', async () => {
    const sender = new Node();
    const receiver = new Node();
    const other = new Node();
    sender.changed.connect(receiver, receiver.onChanged);
    sender.changed.connect(receiver, receiver.onChanged, QueuedConnection);
    sender.changed.connect(other, other.onChanged, QueuedConnection);
    sender.changed.emit(1); // direct call now; two queued calls pending
    expect(receiver.seen).toEqual([1]);
    receiver.destroy();
    expect(sender.changed.connectionCount).toBe(1);
    await flushQueued();
    expect(receiver.seen).toEqual([1]); // its queued call was dropped
    expect(other.seen).toEqual([1]); // the other receiver's was delivered
    sender.changed.emit(2);
    await flushQueued();
    expect(receiver.seen).toEqual([1]);
    expect(other.seen).toEqual([1, 2]);
  });

  test('a destroyed sender has no connections left, and its queued plain-function calls are dropped', async () => {
    const sender = new Node();
    const fn = jest.fn();
    sender.changed.connect(fn, QueuedConnection);
    sender.changed.emit(1);
    sender.destroy();
    expect(sender.changed.connectionCount).toBe(0);
    await flushQueued();
    expect(fn).not.toHaveBeenCalled();
  });

  test('destroy() emits destroyed with the object, once, and marks it destroyed', () => {
    const node = new Node();
    const destroyedWith: QObject[] = [];
    node.destroyed.connect((obj) => destroyedWith.push(obj));
    expect(node.isDestroyed()).toBe(false);
    node.destroy();
    node.destroy();
    expect(destroyedWith).toEqual([node]);
    expect(node.isDestroyed()).toBe(true);
  });

  test('a destroyed object refuses new connections to it and calls that need it alive', () => {
    const sender = new Node();
    const receiver = new Node().setObjectName('gone');
    receiver.destroy();
    expect(() => sender.changed.connect(receiver, receiver.onChanged)).toThrow(InvalidArgumentError);
    expect(() => receiver.setParent(null)).toThrow(/Node "gone"\.setParent\(\) was called on a destroyed object/);
    expect(() => receiver.moveToThread(null)).toThrow(InvalidArgumentError);
  });

  test("deleteLater runs on the object's loop and is idempotent", async () => {
    const node = new Node();
    const spy = new SignalSpy(node.destroyed);
    const order: string[] = [];
    const before = invokeMethod(node, 'onChanged', QueuedConnection, 1).then(() => order.push('queued before'));
    node.deleteLater();
    node.deleteLater();
    expect(node.isDestroyed()).toBe(false);
    expect(spy.count).toBe(0);
    node.destroyed.connect(() => order.push('destroyed'));
    expect(await spy.wait()).toBe(true);
    await before;
    expect(node.isDestroyed()).toBe(true);
    expect(node.seen).toEqual([1]); // the call queued before deleteLater ran first
    expect(order).toEqual(['destroyed', 'queued before']); // (the promise settles in a microtask, after the slot)
    await flushQueued();
    expect(spy.count).toBe(1);
    node.deleteLater(); // after destruction: nothing
    await flushQueued();
    expect(spy.count).toBe(1);
  });

  test('deleteLater on an object with no thread waits until it is moved to one', async () => {
    const node = new Node();
    node.moveToThread(null);
    node.deleteLater();
    await flushQueued();
    expect(node.isDestroyed()).toBe(false);
    node.moveToThread(currentThread());
    await flushQueued();
    expect(node.isDestroyed()).toBe(true);
  });

  test("deleteLater from one of the object's own slots destroys it after the slot returns", async () => {
    const sender = new Node();
    const node = new Node();
    const destroyedDuringSlot: boolean[] = [];
    sender.changed.connect(node, function (this: Node) {
      this.deleteLater();
      destroyedDuringSlot.push(this.isDestroyed());
    });
    sender.changed.emit(1);
    expect(destroyedDuringSlot).toEqual([false]);
    await flushQueued();
    expect(node.isDestroyed()).toBe(true);
  });

  test('destroying a parent destroys its children', () => {
    const parent = new Node().setObjectName('parent');
    const child = new Node(parent).setObjectName('child');
    const grandchild = new Node(child).setObjectName('grandchild');
    const order: string[] = [];
    for (const obj of [parent, child, grandchild]) obj.destroyed.connect((o) => order.push(o.objectName));
    const sender = new Node();
    sender.changed.connect(grandchild, grandchild.onChanged);
    expect(parent.children()).toEqual([child]);
    expect(child.parent()).toBe(parent);
    parent.destroy();
    expect([parent, child, grandchild].map((o) => o.isDestroyed())).toEqual([true, true, true]);
    expect(order).toEqual(['parent', 'child', 'grandchild']); // destroyed is emitted before the children go
    expect(sender.changed.connectionCount).toBe(0);
  });

  test('destroying a child removes it from its parent', () => {
    const parent = new Node();
    const a = new Node(parent);
    const b = new Node(parent);
    a.destroy();
    expect(parent.children()).toEqual([b]);
    expect(parent.isDestroyed()).toBe(false);
  });

  test('setParent moves a child between parents and refuses cycles', () => {
    const root = new Node().setObjectName('root');
    const a = new Node(root).setObjectName('a');
    const b = new Node(root).setObjectName('b');
    const deep = new Node(a).setObjectName('deep');
    expect(root.findChild('deep')).toBe(deep);
    expect(root.findChild('missing')).toBeNull();
    deep.setParent(b);
    expect(a.children()).toEqual([]);
    expect(b.children()).toEqual([deep]);
    expect(() => root.setParent(deep)).toThrow(/its own ancestor/);
    deep.setParent(null);
    expect(deep.parent()).toBeNull();
    expect(b.children()).toEqual([]);
  });

  test('findChild returns the most direct descendant with the name (breadth first, as Qt)', () => {
    const root = new Node().setObjectName('root');
    const a = new Node(root).setObjectName('a');
    const deepUnderA = new Node(a).setObjectName('target');
    const b = new Node(root).setObjectName('b');
    const childTarget = new Node(b).setObjectName('x');
    const direct = new Node(root).setObjectName('target');
    expect(root.findChild('target')).toBe(direct);
    direct.setParent(null);
    expect(root.findChild('target')).toBe(deepUnderA);
    expect(root.findChild('x')).toBe(childTarget);
  });

  test('objectName change emits objectNameChanged, once per change', () => {
    const node = new Node();
    const spy = new SignalSpy(node.objectNameChanged);
    node.objectName = 'x';
    node.objectName = 'x';
    node.setObjectName('y');
    expect([...spy]).toEqual([['x'], ['y']]);
    expect(node.describe()).toBe('Node "y"');
    expect(new Node().describe()).toBe('Node');
  });

  test('signals() lists the signals an object owns', () => {
    const node = new Node();
    expect(node.signals()).toEqual([node.destroyed, node.objectNameChanged, node.changed]);
  });
});

describe('blocking signals', () => {
  test('blockSignals drops emissions, destroyed is never blocked', () => {
    const node = new Node();
    const seen: number[] = [];
    node.changed.connect((v) => seen.push(v));
    const destroyed = new SignalSpy(node.destroyed);
    expect(node.blockSignals(true)).toBe(false);
    expect(node.signalsBlocked()).toBe(true);
    node.changed.emit(1);
    expect(node.blockSignals(false)).toBe(true);
    node.changed.emit(2);
    expect(seen).toEqual([2]); // dropped, not buffered
    node.blockSignals(true);
    node.destroy();
    expect(destroyed.count).toBe(1);
  });

  test('QSignalBlocker restores the previous state and nests', () => {
    const node = new Node();
    const seen: number[] = [];
    node.changed.connect((v) => seen.push(v));
    {
      using outer = new QSignalBlocker(node);
      expect(node.signalsBlocked()).toBe(true);
      {
        using inner = new QSignalBlocker(node);
        node.changed.emit(1);
        void inner;
      }
      expect(node.signalsBlocked()).toBe(true); // the inner blocker restored "blocked", not "unblocked"
      node.changed.emit(2);
      void outer;
    }
    expect(node.signalsBlocked()).toBe(false);
    node.changed.emit(3);
    expect(seen).toEqual([3]);

    node.blockSignals(true);
    const blocker = new QSignalBlocker(node);
    blocker[Symbol.dispose]();
    expect(node.signalsBlocked()).toBe(true); // it found the object blocked, and leaves it so
  });

  test('QSignalBlocker unblock, reblock and dismiss', () => {
    const node = new Node();
    const blocker = new QSignalBlocker(node);
    blocker.unblock();
    expect(node.signalsBlocked()).toBe(false);
    blocker.reblock();
    expect(node.signalsBlocked()).toBe(true);
    blocker.unblock();
    blocker[Symbol.dispose]();
    expect(node.signalsBlocked()).toBe(false);

    const dismissed = new QSignalBlocker(node);
    dismissed.dismiss();
    dismissed.unblock(); // does nothing once dismissed
    dismissed.reblock();
    dismissed[Symbol.dispose]();
    expect(node.signalsBlocked()).toBe(true); // left as it was when dismissed
  });
});

describe('sender()', () => {
  test('sender() inside a slot, null outside', async () => {
    const a = new Node().setObjectName('a');
    const b = new Node().setObjectName('b');
    const receiver = new Node();
    const senders: Array<QObject | null> = [];
    const record = function (this: Node): void {
      senders.push(this.sender());
    };
    a.changed.connect(receiver, record);
    b.changed.connect(receiver, record, QueuedConnection);
    expect(receiver.sender()).toBeNull();
    a.changed.emit(1);
    b.changed.emit(2);
    await flushQueued();
    expect(senders).toEqual([a, b]);
    expect(receiver.sender()).toBeNull();
    expect(receiver.senderSignal()).toBeNull();
  });

  test('sender() is restored after a nested emit, and senderSignal() names the signal', () => {
    const a = new Node().setObjectName('a');
    const middle = new Node().setObjectName('middle');
    const last = new Node().setObjectName('last');
    const log: string[] = [];
    a.changed.connect(middle, function (this: Node, v: number) {
      log.push(`middle from ${this.sender()?.objectName} via ${this.senderSignal()?.name}`);
      this.changed.emit(v);
      log.push(`middle still from ${this.sender()?.objectName}`);
    });
    middle.changed.connect(last, function (this: Node) {
      log.push(`last from ${this.sender()?.objectName}; middle sees ${middle.sender()}`);
    });
    a.changed.emit(1);
    expect(log).toEqual(['middle from a via changed', 'last from middle; middle sees null', 'middle still from a']);
  });
});

describe('moveToThread', () => {
  test('an object with a parent cannot move', () => {
    const parent = new Node();
    const child = new Node(parent).setObjectName('child');
    expect(() => child.moveToThread(null)).toThrow(AffinityError);
    expect(() => child.moveToThread(null)).toThrow(
      /Node "child"\.moveToThread\(null\): cannot move objects with a parent/,
    );
    expect(child.thread()).toBe(currentThread());
  });

  test('moving into another isolate is refused with the worker-object advice', () => {
    const worker = new Thread(ThreadData.remote(ThreadData.nextId(), 'TimerThread', false, null));
    const node = new Node().setObjectName('n');
    expect(() => node.moveToThread(worker)).toThrow(AffinityError);
    expect(() => node.moveToThread(worker)).toThrow(
      /^Node "n"\.moveToThread\("TimerThread" \(worker #\d+\)\): "TimerThread" \(worker #\d+\) runs in another isolate, and JavaScript has no shared heap.*Create the object inside that thread \(thread\.create\(\.\.\.\), the worker-object pattern\)\.$/,
    );
    expect(node.thread()).toBe(currentThread());
  });

  test('an object can be pushed from its own thread, not pulled from another', () => {
    const elsewhere = ThreadData.remote(ThreadData.nextId(), 'Other', false, null);
    const node = new Node().setObjectName('handle');
    node.bindToThread(elsewhere); // what the thread package does for an object living in a worker
    expect(() => node.moveToThread(currentThread())).toThrow(
      /the current thread \(main\) is not the object's thread \("Other" \(worker #\d+\)\)\. An object can only be pushed to a thread from its own thread, not pulled\./,
    );
    expect(() => node.destroy()).toThrow(/Use deleteLater\(\), which runs in the object's thread/);
  });

  test('moving to the thread it lives in does nothing', () => {
    const node = new Node(new Node());
    expect(() => node.moveToThread(currentThread())).not.toThrow();
    expect(node.thread()).toBe(currentThread());
  });

  test('moveToThread(null) holds queued calls until moved back, and children move with their parent', async () => {
    const sender = new Node();
    const parent = new Node();
    const child = new Node(parent);
    sender.changed.connect(parent, parent.onChanged, QueuedConnection);
    sender.changed.connect(child, child.onChanged, QueuedConnection);
    parent.moveToThread(null);
    expect(parent.thread()).toBeNull();
    expect(child.thread()).toBeNull();
    sender.changed.emit(1);
    sender.changed.emit(2);
    const held = invokeMethod(child, 'onChanged', QueuedConnection, 3);
    await flushQueued();
    expect(parent.seen).toEqual([]);
    expect(child.seen).toEqual([]);
    parent.moveToThread(currentThread());
    expect(child.thread()).toBe(currentThread());
    await held;
    await flushQueued();
    expect(parent.seen).toEqual([1, 2]);
    expect(child.seen).toEqual([1, 2, 3]);
  });

  test('an object without a thread can still be destroyed, dropping what it held', async () => {
    const sender = new Node();
    const node = new Node();
    sender.changed.connect(node, node.onChanged, QueuedConnection);
    node.moveToThread(null);
    sender.changed.emit(1);
    node.destroy();
    await flushQueued();
    expect(node.seen).toEqual([]);
  });
});

describe('a subclass owns its field names', () => {
  // QObject's own fields have names a subclass is unlikely to want, so a Designer plugin's node may have a `name`
  // and a model a `state` without the compiler refusing it or the object breaking at run time.
  class Layer extends QObject {
    readonly changed = new Signal<[value: number]>(this);
    name = 'base color';
    state = 'idle';
    blocked = 'no';
    held: number[] = [];
    affinity = 'none';
  }

  test('fields named like QObject internals leave parenting, blocking and destruction working', async () => {
    const parent = new QObject();
    const layer = new Layer(parent).setObjectName('layer');
    const seen: number[] = [];
    const receiver = new QObject();
    layer.changed.connect(receiver, (v: number) => seen.push(v), QueuedConnection);
    layer.blockSignals(true);
    layer.changed.emit(1);
    layer.blockSignals(false);
    layer.changed.emit(2);
    await flushQueued();
    expect(seen).toEqual([2]);
    expect(parent.findChild('layer')).toBe(layer);
    expect([layer.name, layer.state, layer.blocked, layer.held, layer.affinity]).toEqual([
      'base color',
      'idle',
      'no',
      [],
      'none',
    ]);
    parent.destroy();
    expect(layer.isDestroyed()).toBe(true);
    expect(layer.name).toBe('base color');
  });
});
