// The Qt idiom, a receiver object and its method, on a signal emitted many times: that emit is compiled too
// (src/signal/direct-emit.ts), with the receivers' threads checked when compiling. These tests prove the
// single-thread semantics on warm signals, and that the compiled emit gives way when a receiver changes thread,
// is destroyed, or is disconnected in the middle of an emit.
import { ConnectionType, currentThread, QObject, Signal, type Connection } from '@sigslot/core';
import { ThreadData, type ThreadTransport } from '@sigslot/core/kernel';
import { captureErrors, flushQueued, WARM_EMITS } from './helpers';

const { DirectConnection } = ConnectionType;

class Sender extends QObject {
  readonly changed = new Signal<[value: number]>(this);
}

/** Records its calls, with what `sender()` and `senderSignal()` said during each. */
class Receiver extends QObject {
  readonly calls: string[] = [];
  senders: Array<QObject | null> = [];
  onChanged(value: number): void {
    if (value < 0) return;
    this.calls.push(`${this.objectName}${value}`);
    this.senders.push(this.sender());
  }
}

/** Emits `signal` often enough for any compilation to have happened, with a value the slots ignore. */
function warmUp(signal: Signal<[value: number]>): void {
  for (let i = 0; i < WARM_EMITS; i++) signal.emit(-1);
}

/** A transport that records what reaches it, standing for another isolate's thread. */
class Recorder implements ThreadTransport {
  readonly log: string[] = [];
  queueSlot(connection: Connection, args: readonly unknown[]): void {
    this.log.push(`${connection.slotName()}(${args.join(', ')})`);
  }
  blockSlot(): void {}
  queueInvoke(): Promise<unknown> {
    return Promise.resolve();
  }
  blockInvoke(): unknown {
    return undefined;
  }
}

describe('a signal emitted many times to receiver objects', () => {
  test('calls each receiver method, by function or by name, in order, on the receiver', () => {
    const sender = new Sender();
    const a = new Receiver().setObjectName('a');
    const b = new Receiver().setObjectName('b');
    const order: string[] = [];
    sender.changed.connect(a, a.onChanged);
    sender.changed.connect(b, 'onChanged');
    sender.changed.connect((v) => v >= 0 && order.push(`fn${v}`));
    sender.changed.connect(a, function (this: Receiver, v: number) {
      if (v >= 0) order.push(`${this.objectName} again ${v}`);
    });
    warmUp(sender.changed);
    sender.changed.emit(1);
    expect([...a.calls, ...b.calls, ...order]).toEqual(['a1', 'b1', 'fn1', 'a again 1']);
  });

  test('is compiled once its connections stop changing, as a list of function slots is', () => {
    const original = globalThis.Function;
    let compiled = 0;
    globalThis.Function = function counting(...args: string[]) {
      compiled++;
      return original(...args);
    } as unknown as FunctionConstructor;
    try {
      const sender = new Sender();
      const r = new Receiver();
      sender.changed.connect(r, r.onChanged);
      sender.changed.connect(r, 'onChanged');
      warmUp(sender.changed);
      expect(compiled).toBe(1);
    } finally {
      globalThis.Function = original;
    }
  });

  test('calls a method replaced on the receiver when it was connected by name', () => {
    const sender = new Sender();
    const r = new Receiver().setObjectName('r');
    sender.changed.connect(r, 'onChanged');
    warmUp(sender.changed);
    const replaced: number[] = [];
    r.onChanged = (v: number) => void replaced.push(v);
    sender.changed.emit(4);
    expect(replaced).toEqual([4]);
    expect(r.calls).toEqual([]);
  });

  test('sender() is the sender inside the slot, and null in a function slot and after the emit', () => {
    const sender = new Sender();
    const r = new Receiver();
    const seenByFunction: Array<QObject | null> = [];
    sender.changed.connect(r, r.onChanged);
    sender.changed.connect((v) => v >= 0 && seenByFunction.push(r.sender()));
    warmUp(sender.changed);
    sender.changed.emit(1);
    expect(r.senders).toEqual([sender]);
    expect(seenByFunction).toEqual([null]);
    expect(r.sender()).toBeNull();
  });

  test('sender() is right in nested emits, and restored after a slot that throws', () => {
    const { errors, restore } = captureErrors();
    try {
      const outer = new Sender().setObjectName('outer');
      const inner = new Sender().setObjectName('inner');
      const r = new Receiver();
      const log: Array<string | undefined> = [];
      class Relay extends QObject {
        relay(v: number): void {
          if (v < 0) return;
          inner.changed.emit(v);
          log.push(`relay after inner: ${this.sender()?.objectName}`);
        }
      }
      const relay = new Relay();
      outer.changed.connect(relay, relay.relay);
      outer.changed.connect(r, r.onChanged);
      inner.changed.connect(r, r.onChanged);
      inner.changed.connect(r, function explode(v: number) {
        if (v >= 0) throw new Error('boom');
      });
      warmUp(outer.changed);
      warmUp(inner.changed);
      outer.changed.emit(1);
      expect(r.senders.map((s) => s?.objectName)).toEqual(['inner', 'outer']);
      expect(log).toEqual(['relay after inner: outer']);
      expect(errors).toHaveLength(1);
      expect(r.sender()).toBeNull();
    } finally {
      restore();
    }
  });

  test('sender() stays right across a cold emit made in the slot, and after the slot changed the list', () => {
    const warm = new Sender().setObjectName('warm');
    const cold = new Sender().setObjectName('cold');
    const r = new Receiver();
    const seen: Array<string | undefined> = [];
    let armed = false;
    class Relay extends QObject {
      relay(v: number): void {
        if (v < 0 || !armed) return;
        cold.changed.emit(v); // not compiled: few emits
        seen.push(this.sender()?.objectName);
        warm.changed.disconnect(r); // retires the compiled emit that runs this slot
        seen.push(this.sender()?.objectName);
      }
    }
    const relay = new Relay();
    warm.changed.connect(relay, relay.relay);
    warm.changed.connect(r, r.onChanged);
    cold.changed.connect(r, r.onChanged);
    warmUp(warm.changed);
    armed = true;
    warm.changed.emit(1);
    expect(r.senders.map((s) => s?.objectName)).toEqual(['cold']);
    expect(seen).toEqual(['warm', 'warm']);
    expect(relay.sender()).toBeNull();
  });

  test('sender() is null after an emit whose last slot, a function, was disconnected during it', () => {
    const sender = new Sender();
    const r = new Receiver();
    let last: Connection<[number]> | null = null;
    sender.changed.connect(r, function (this: Receiver, v: number) {
      if (v >= 0) last?.disconnect();
    });
    last = sender.changed.connect(() => undefined);
    warmUp(sender.changed);
    sender.changed.emit(1);
    expect(last.connected).toBe(false);
    expect(r.sender()).toBeNull();
  });

  test('skips a receiver disconnected, or destroyed, by an earlier slot of the same emit', () => {
    const sender = new Sender();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => new Receiver().setObjectName(name)) as [
      Receiver,
      Receiver,
      Receiver,
    ];
    let armed = false;
    sender.changed.connect(a, function (this: Receiver, v: number) {
      this.onChanged(v);
      if (armed) {
        armed = false;
        sender.changed.disconnect(b);
        c.destroy();
      }
    });
    sender.changed.connect(b, b.onChanged);
    sender.changed.connect(c, c.onChanged);
    warmUp(sender.changed);
    armed = true;
    sender.changed.emit(1);
    sender.changed.emit(2);
    expect([...a.calls, ...b.calls, ...c.calls]).toEqual(['a1', 'a2']);
    expect(sender.changed.connectionCount).toBe(1);
  });

  test('a destroyed receiver is not called again, and the others are', () => {
    const sender = new Sender();
    const a = new Receiver().setObjectName('a');
    const b = new Receiver().setObjectName('b');
    sender.changed.connect(a, a.onChanged);
    const toB = sender.changed.connect(b, b.onChanged);
    warmUp(sender.changed);
    b.destroy();
    sender.changed.emit(1);
    expect(a.calls).toEqual(['a1']);
    expect(b.calls).toEqual([]);
    expect(toB.connected).toBe(false);
  });

  test('does nothing while the sender blocks its signals', () => {
    const sender = new Sender();
    const r = new Receiver().setObjectName('r');
    sender.changed.connect(r, r.onChanged);
    warmUp(sender.changed);
    sender.blockSignals(true);
    sender.changed.emit(1);
    sender.blockSignals(false);
    sender.changed.emit(2);
    expect(r.calls).toEqual(['r2']);
  });

  test('a receiver taken out of its thread gets Auto calls queued until it has one again; Direct ones still run', async () => {
    const sender = new Sender();
    const auto = new Receiver().setObjectName('auto');
    const direct = new Receiver().setObjectName('direct');
    sender.changed.connect(auto, auto.onChanged);
    sender.changed.connect(direct, direct.onChanged, DirectConnection);
    warmUp(sender.changed);
    const emit = sender.changed.emit; // kept by a caller from before the move
    auto.moveToThread(null);
    emit(1);
    sender.changed.emit(2);
    expect(auto.calls).toEqual([]);
    expect(direct.calls).toEqual(['direct1', 'direct2']);
    auto.moveToThread(currentThread());
    await flushQueued();
    expect(auto.calls).toEqual(['auto1', 'auto2']);
    warmUp(sender.changed);
    sender.changed.emit(3);
    expect(auto.calls).toEqual(['auto1', 'auto2', 'auto3']);
  });

  test('a receiver an earlier slot of the same emit took out of its thread gets that call queued', async () => {
    const sender = new Sender();
    const a = new Receiver().setObjectName('a');
    const b = new Receiver().setObjectName('b');
    let armed = false;
    sender.changed.connect(a, function (this: Receiver, v: number) {
      this.onChanged(v);
      if (armed) {
        armed = false;
        b.moveToThread(null);
      }
    });
    sender.changed.connect(b, b.onChanged);
    warmUp(sender.changed);
    armed = true;
    sender.changed.emit(1);
    expect(a.calls).toEqual(['a1']);
    expect(b.calls).toEqual([]);
    b.moveToThread(currentThread());
    await flushQueued();
    expect(b.calls).toEqual(['b1']);
  });

  test('a receiver bound to a thread in another isolate gets its calls through that thread, not here', () => {
    const sender = new Sender();
    const r = new Receiver().setObjectName('r');
    sender.changed.connect(r, 'onChanged');
    warmUp(sender.changed);
    const transport = new Recorder();
    r.bindToThread(ThreadData.remote(ThreadData.nextId(), 'Elsewhere', false, transport));
    sender.changed.emit(5);
    expect(r.calls).toEqual([]);
    expect(transport.log).toEqual(['onChanged(5)']);
  });

  test('its connections to a moved child are rechecked too (moveToThread moves the children)', async () => {
    const sender = new Sender();
    const parent = new QObject();
    const child = new Receiver().setObjectName('child');
    child.setParent(parent);
    sender.changed.connect(child, child.onChanged);
    warmUp(sender.changed);
    parent.moveToThread(null);
    sender.changed.emit(1);
    expect(child.calls).toEqual([]);
    parent.moveToThread(currentThread());
    await flushQueued();
    expect(child.calls).toEqual(['child1']);
  });
});
