// Single-thread Qt behaviours (../shared/reference/qt-and-designer.md, B.1, B.4, B.5) that the other core
// tests do not prove. No sleeps: flushQueued() waits for everything queued before it (the loop is FIFO).
import { AffinityError, CancelledError, ConnectionType, QObject, Signal, SignalSpy, invokeMethod } from '@sigslot/core';
import { flushQueued } from './helpers';

const { QueuedConnection, UniqueConnection, SingleShotConnection, DirectConnection } = ConnectionType;

class Node extends QObject {
  readonly changed = new Signal<[value: number]>(this);
  readonly seen: number[] = [];
  onChanged(value: number): void {
    this.seen.push(value);
  }
}

describe('object lifetime (Qt behaviours, extra)', () => {
  test('when a deferred delete is delivered, the calls queued for the object after deleteLater() are dropped', async () => {
    const sender = new Node();
    const node = new Node();
    const destroyed = new SignalSpy(node.destroyed);
    sender.changed.connect(node, node.onChanged, QueuedConnection);
    node.deleteLater();
    sender.changed.emit(1); // posted after the deferred delete
    const invoked = invokeMethod(node, 'onChanged', QueuedConnection, 2);
    await expect(invoked).rejects.toBeInstanceOf(CancelledError);
    await flushQueued();
    expect(destroyed.count).toBe(1);
    expect(node.seen).toEqual([]);
  });

  test('a function connected with a context object runs with the context and is disconnected when the context is destroyed, its pending calls dropped', async () => {
    const sender = new Node();
    const context = new Node();
    const calls: Array<[value: number, self: unknown]> = [];
    function slot(this: Node, value: number): void {
      calls.push([value, this]);
    }
    sender.changed.connect(context, slot);
    sender.changed.connect(context, slot, QueuedConnection);
    sender.changed.emit(1); // the direct call runs now; the queued one is pending
    expect(calls).toEqual([[1, context]]);
    context.destroy();
    expect(sender.changed.connectionCount).toBe(0);
    await flushQueued();
    sender.changed.emit(2);
    await flushQueued();
    expect(calls).toEqual([[1, context]]);
  });
});

describe('thread affinity (Qt behaviours, extra)', () => {
  test('parent and child must live in the same thread: setParent across threads, and creating a child of such a parent, fail', () => {
    const parent = new Node().setObjectName('parent');
    const elsewhere = new Node().setObjectName('elsewhere');
    elsewhere.moveToThread(null);
    expect(() => elsewhere.setParent(parent)).toThrow(AffinityError);
    expect(() => elsewhere.setParent(parent)).toThrow(/cannot set parent, new parent is in a different thread/);
    expect(elsewhere.parent()).toBeNull();
    expect(parent.children()).toEqual([]);
    expect(() => new Node(elsewhere)).toThrow(AffinityError);
    expect(elsewhere.children()).toEqual([]);
  });
});

describe('signal utilities (Qt behaviours, extra)', () => {
  test('blockSignals is checked at emit time: a call queued before blocking is still delivered, one emitted while blocked never is', async () => {
    const sender = new Node();
    const receiver = new Node();
    sender.changed.connect(receiver, receiver.onChanged, QueuedConnection);
    sender.changed.emit(1);
    sender.blockSignals(true);
    sender.changed.emit(2);
    await flushQueued();
    sender.blockSignals(false);
    await flushQueued();
    expect(receiver.seen).toEqual([1]);
  });

  test('a queued call already posted is still delivered after the connection is disconnected (Qt re-checks only the receiver)', async () => {
    const sender = new Node();
    const receiver = new Node();
    const connection = sender.changed.connect(receiver, receiver.onChanged, QueuedConnection);
    sender.changed.emit(1);
    expect(connection.disconnect()).toBe(true);
    sender.changed.emit(2);
    await flushQueued();
    expect(receiver.seen).toEqual([1]);
  });

  test('a SingleShotConnection breaks when the signal is emitted, before its queued slot runs', async () => {
    const sender = new Node();
    const receiver = new Node();
    const connection = sender.changed.connect(receiver, receiver.onChanged, QueuedConnection | SingleShotConnection);
    sender.changed.emit(1);
    expect(connection.connected).toBe(false);
    expect(sender.changed.connectionCount).toBe(0);
    expect(receiver.seen).toEqual([]);
    await flushQueued();
    expect(receiver.seen).toEqual([1]);
  });

  test('UniqueConnection compares sender, signal, receiver and slot, not the connection type', () => {
    const sender = new Node();
    const receiver = new Node();
    expect(sender.changed.connect(receiver, receiver.onChanged, DirectConnection | UniqueConnection).connected).toBe(
      true,
    );
    expect(sender.changed.connect(receiver, receiver.onChanged, QueuedConnection | UniqueConnection).connected).toBe(
      false,
    );
    sender.changed.emit(1);
    expect(receiver.seen).toEqual([1]);
    expect(sender.changed.connectionCount).toBe(1);
  });
});
