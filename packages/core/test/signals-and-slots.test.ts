import { Connection, ConnectionType, QObject, Signal } from '@sigslot/core';
import { flushQueued } from './helpers';

const { QueuedConnection, UniqueConnection, SingleShotConnection, DirectConnection } = ConnectionType;

class Sender extends QObject {
  readonly changed = new Signal<[value: number]>(this);
  readonly named = new Signal<[value: number, label: string]>(this);
}

class Receiver extends QObject {
  readonly seen: number[] = [];
  onChanged(value: number): void {
    this.seen.push(value);
  }
  onOther(value: number): void {
    this.seen.push(-value);
  }
}

describe('signals and slots', () => {
  test('slots connected to one signal run in connection order', () => {
    const sender = new Sender();
    const order: string[] = [];
    sender.changed.connect(() => order.push('first'));
    const receiver = new Receiver();
    sender.changed.connect(receiver, function (this: Receiver, v: number) {
      order.push(`second ${v} ${this === receiver}`);
    });
    sender.changed.connect(() => order.push('third'));
    sender.changed.emit(7);
    expect(order).toEqual(['first', 'second 7 true', 'third']);
  });

  test('a direct slot has run when emit returns, with the emitted arguments', () => {
    const sender = new Sender();
    const received: Array<[number, string]> = [];
    sender.named.connect((value, label) => received.push([value, label]));
    sender.named.emit(1, 'a');
    sender.named.emit(2, 'b');
    expect(received).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  test('a receiver method connected by name is called on the receiver', () => {
    const sender = new Sender();
    const receiver = new Receiver();
    sender.changed.connect(receiver, 'onChanged');
    sender.changed.emit(4);
    expect(receiver.seen).toEqual([4]);
  });

  test('connecting an unknown method name is refused with InvalidArgumentError', () => {
    const sender = new Sender();
    const receiver = new Receiver();
    expect(() => sender.changed.connect(receiver, 'nope' as 'onChanged')).toThrow(/has no method "nope"/);
  });

  test('emitting inside a slot runs the nested slots depth first', () => {
    const a = new Sender();
    const b = new Sender();
    const order: string[] = [];
    a.changed.connect((v) => {
      order.push(`a1 ${v}`);
      b.changed.emit(v + 1);
      order.push(`a1 end`);
    });
    a.changed.connect(() => order.push('a2'));
    b.changed.connect((v) => order.push(`b ${v}`));
    a.changed.emit(1);
    expect(order).toEqual(['a1 1', 'b 2', 'a1 end', 'a2']);
  });

  test('a signal connected to a signal emits it with the same arguments', () => {
    const a = new Sender();
    const b = new Sender();
    const seen: number[] = [];
    a.changed.connect(b.changed);
    b.changed.connect((v) => seen.push(v));
    a.changed.emit(5);
    expect(seen).toEqual([5]);
    expect(a.changed.disconnect(b.changed)).toBe(true);
    a.changed.emit(6);
    expect(seen).toEqual([5]);
  });

  test('UniqueConnection refuses a duplicate and returns an invalid connection', () => {
    const sender = new Sender();
    const receiver = new Receiver();
    const first = sender.changed.connect(receiver, receiver.onChanged, UniqueConnection);
    const duplicate = sender.changed.connect(receiver, receiver.onChanged, UniqueConnection);
    expect(first.connected).toBe(true);
    expect(duplicate).toBeInstanceOf(Connection);
    expect(duplicate.connected).toBe(false);
    expect(duplicate.disconnect()).toBe(false);
    expect(sender.changed.connectionCount).toBe(1);
    sender.changed.emit(3);
    expect(receiver.seen).toEqual([3]);
  });

  test('UniqueConnection accepts the same slot for another receiver, or another slot', () => {
    const sender = new Sender();
    const r1 = new Receiver();
    const r2 = new Receiver();
    expect(sender.changed.connect(r1, r1.onChanged, UniqueConnection).connected).toBe(true);
    expect(sender.changed.connect(r2, r1.onChanged, UniqueConnection).connected).toBe(true);
    expect(sender.changed.connect(r1, r1.onOther, UniqueConnection).connected).toBe(true);
    sender.changed.emit(2);
    expect(r1.seen).toEqual([2, -2]);
    expect(r2.seen).toEqual([2]);
  });

  test('a connection without UniqueConnection may be made twice and runs twice', () => {
    const sender = new Sender();
    const receiver = new Receiver();
    sender.changed.connect(receiver, receiver.onChanged);
    sender.changed.connect(receiver, receiver.onChanged);
    sender.changed.emit(1);
    expect(receiver.seen).toEqual([1, 1]);
  });

  test('SingleShotConnection runs once even if the slot re-emits', () => {
    const sender = new Sender();
    const calls: number[] = [];
    const connection = sender.changed.connect((v) => {
      calls.push(v);
      if (v < 3) sender.changed.emit(v + 1);
    }, SingleShotConnection);
    sender.changed.emit(1);
    expect(calls).toEqual([1]);
    expect(connection.connected).toBe(false);
    sender.changed.emit(10);
    expect(calls).toEqual([1]);
  });

  test('SingleShotConnection combines with QueuedConnection and runs once, later', async () => {
    const sender = new Sender();
    const receiver = new Receiver();
    sender.changed.connect(receiver, receiver.onChanged, QueuedConnection | SingleShotConnection);
    sender.changed.emit(1);
    sender.changed.emit(2);
    expect(receiver.seen).toEqual([]);
    await flushQueued();
    expect(receiver.seen).toEqual([1]);
  });

  test('disconnecting during an emit skips the disconnected slot', () => {
    const sender = new Sender();
    const calls: string[] = [];
    sender.changed.connect(() => {
      calls.push('first');
      second.disconnect(); // declared below; this runs during the emit, after it
    });
    const second = sender.changed.connect(() => calls.push('second'));
    sender.changed.connect(() => calls.push('third'));
    sender.changed.emit(1);
    expect(calls).toEqual(['first', 'third']);
    expect(sender.changed.connectionCount).toBe(2);
  });

  test('a slot may disconnect itself during an emit', () => {
    const sender = new Sender();
    const calls: number[] = [];
    const self: Connection<[number]> = sender.changed.connect((v) => {
      calls.push(v);
      self.disconnect();
    });
    sender.changed.connect((v) => calls.push(v * 10));
    sender.changed.emit(1);
    sender.changed.emit(2);
    expect(calls).toEqual([1, 10, 20]);
  });

  test('a slot connected during an emit is not called by that emit', () => {
    const sender = new Sender();
    const calls: string[] = [];
    sender.changed.connect((v) => {
      calls.push(`outer ${v}`);
      sender.changed.connect((w) => calls.push(`late ${w}`));
    }, SingleShotConnection);
    sender.changed.emit(1);
    expect(calls).toEqual(['outer 1']);
    sender.changed.emit(2);
    expect(calls).toEqual(['outer 1', 'late 2']);
  });

  test('disconnect by handle, by function, by receiver and slot, by receiver, and all', () => {
    const sender = new Sender();
    const r1 = new Receiver();
    const r2 = new Receiver();
    const fn = jest.fn();
    const handle = sender.changed.connect(() => undefined);
    sender.changed.connect(fn);
    sender.changed.connect(r1, r1.onChanged);
    sender.changed.connect(r1, r1.onOther);
    sender.changed.connect(r2, r2.onChanged);
    expect(sender.changed.connectionCount).toBe(5);

    expect(sender.changed.disconnect(handle)).toBe(true);
    expect(handle.connected).toBe(false);
    expect(sender.changed.disconnect(handle)).toBe(false);
    expect(sender.changed.disconnect(fn)).toBe(true);
    expect(sender.changed.disconnect(r1, r1.onOther)).toBe(true);
    expect(sender.changed.connectionCount).toBe(2);
    sender.changed.emit(1);
    expect(fn).not.toHaveBeenCalled();
    expect(r1.seen).toEqual([1]);

    expect(sender.changed.disconnect(r1)).toBe(true);
    expect(sender.changed.disconnect(r1)).toBe(false);
    expect(sender.changed.disconnect()).toBe(true);
    expect(sender.changed.disconnect()).toBe(false);
    expect(sender.changed.connectionCount).toBe(0);
  });

  test('`using` a connection disconnects it at the end of the scope', () => {
    const sender = new Sender();
    const seen: number[] = [];
    {
      using connection = sender.changed.connect((v) => seen.push(v));
      sender.changed.emit(1);
      expect(connection.connected).toBe(true);
    }
    sender.changed.emit(2);
    expect(seen).toEqual([1]);
    expect(sender.changed.connectionCount).toBe(0);
  });

  test('a signal is named after its property, and a connection describes itself', () => {
    const sender = new Sender().setObjectName('s');
    const receiver = new Receiver().setObjectName('r');
    expect(sender.changed.name).toBe('changed');
    expect(sender.changed.describe()).toBe('Sender "s".changed');
    const connection = sender.changed.connect(receiver, receiver.onChanged, QueuedConnection | UniqueConnection);
    expect(String(connection)).toBe(
      'Sender "s".changed -> Receiver "r".onChanged (QueuedConnection | UniqueConnection)',
    );
    expect(new Signal<[]>().describe()).toBe('signal');
    expect(new Signal<[]>(null, 'tick').describe()).toBe('tick');
  });

  test('a signal without an owner calls its slots where it is emitted', () => {
    const standalone = new Signal<[string]>(null, 'message');
    const seen: string[] = [];
    standalone.connect((m) => seen.push(m), DirectConnection);
    standalone.emit('hi');
    expect(seen).toEqual(['hi']);
  });

  test('connect() rejects what is neither a function, a signal nor a QObject with its slot', () => {
    const sender = new Sender();
    expect(() => sender.changed.connect(42 as unknown as () => void)).toThrow(
      /expected a function, a signal, or a receiver/,
    );
    const receiver = new Receiver();
    expect(() => sender.changed.connect(receiver, 42 as unknown as 'onChanged')).toThrow(
      /the slot must be a function or a method name/,
    );
  });

  test("a destroyed object's signals, and a destroyed receiver, take no new connections", () => {
    const sender = new Sender().setObjectName('s');
    const receiver = new Receiver().setObjectName('r');
    receiver.destroy();
    expect(() => sender.changed.connect(receiver, receiver.onChanged)).toThrow(
      'Sender "s".changed.connect(): Receiver "r" is destroyed.',
    );
    sender.destroy();
    expect(() => sender.changed.connect(() => undefined)).toThrow(
      'Sender "s".changed.connect(): Sender "s" is destroyed; its signals take no new connections.',
    );
    expect(sender.changed.connectionCount).toBe(0);
  });
});

describe('a slot named or given as the method is the same slot', () => {
  test('UniqueConnection refuses the method by name after the method itself, and the reverse', () => {
    const sender = new Sender();
    const receiver = new Receiver();
    expect(sender.changed.connect(receiver, receiver.onChanged, UniqueConnection).connected).toBe(true);
    expect(sender.changed.connect(receiver, 'onChanged', UniqueConnection).connected).toBe(false);
    const other = new Sender();
    expect(other.changed.connect(receiver, 'onChanged', UniqueConnection).connected).toBe(true);
    expect(other.changed.connect(receiver, receiver.onChanged, UniqueConnection).connected).toBe(false);
    sender.changed.emit(1);
    other.changed.emit(2);
    expect(receiver.seen).toEqual([1, 2]);
  });

  test('disconnect(receiver, slot) removes the connection whichever way the slot was given', () => {
    const sender = new Sender();
    const receiver = new Receiver();
    sender.changed.connect(receiver, 'onChanged');
    sender.changed.connect(receiver, receiver.onOther);
    expect(sender.changed.disconnect(receiver, receiver.onChanged)).toBe(true);
    expect(sender.changed.disconnect(receiver, 'onOther')).toBe(true);
    expect(sender.changed.connectionCount).toBe(0);
  });
});
