// A signal emitted again and again takes a compiled direct path (src/signal/direct-emit.ts); these tests run
// the single-thread semantics on a signal that has been emitted many times already, so that path is the one
// proven, and check that it gives way to the general one whenever it does not apply.
import { Connection, ConnectionType, QObject, Signal } from '@sigslot/core';
import { captureErrors, flushQueued, WARM_EMITS } from './helpers';

const { QueuedConnection, SingleShotConnection } = ConnectionType;

class Sender extends QObject {
  readonly changed = new Signal<[value: number]>(this);
  readonly pair = new Signal<[a: number, b: string]>(this);
}

/** Emits `signal` often enough for any compilation to have happened, with arguments the slots ignore. */
function warmUp(signal: Signal<[value: number]>): void {
  for (let i = 0; i < WARM_EMITS; i++) signal.emit(-1);
}

describe('a signal emitted many times', () => {
  test('calls its function slots in connection order with the emitted arguments', () => {
    const sender = new Sender();
    const calls: string[] = [];
    for (const name of ['a', 'b', 'c']) sender.changed.connect((v) => v >= 0 && calls.push(`${name}${v}`));
    warmUp(sender.changed);
    sender.changed.emit(1);
    sender.changed.emit(2);
    expect(calls).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
  });

  test('skips a slot that an earlier slot of the same emit disconnected', () => {
    const sender = new Sender();
    const calls: string[] = [];
    let armed = false;
    sender.changed.connect(() => {
      if (armed) second.disconnect();
    });
    const second: Connection<[number]> = sender.changed.connect((v) => v >= 0 && calls.push('second'));
    sender.changed.connect((v) => v >= 0 && calls.push('third'));
    warmUp(sender.changed);
    armed = true;
    sender.changed.emit(1);
    expect(calls).toEqual(['third']);
    expect(sender.changed.connectionCount).toBe(2);
  });

  test('does not call a slot connected during the emit, and calls it from the next emit on', () => {
    const sender = new Sender();
    const calls: string[] = [];
    let connectLate = false;
    sender.changed.connect((v) => {
      if (v >= 0) calls.push(`outer ${v}`);
      if (connectLate) {
        connectLate = false;
        sender.changed.connect((w) => calls.push(`late ${w}`));
      }
    });
    warmUp(sender.changed);
    connectLate = true;
    sender.changed.emit(1);
    expect(calls).toEqual(['outer 1']);
    sender.changed.emit(2);
    expect(calls).toEqual(['outer 1', 'outer 2', 'late 2']);
  });

  test('reports a throwing slot and still calls the others', () => {
    const { errors, restore } = captureErrors();
    try {
      const sender = new Sender().setObjectName('s');
      const seen: number[] = [];
      sender.changed.connect(function explode(v) {
        if (v >= 0) throw new Error(`boom ${v}`);
      });
      sender.changed.connect((v) => v >= 0 && seen.push(v));
      warmUp(sender.changed);
      sender.changed.emit(7);
      expect(seen).toEqual([7]);
      expect(errors).toHaveLength(1);
      expect((errors[0]!.error as Error).message).toBe('boom 7');
      expect(errors[0]!.context.where).toBe('slot explode for signal Sender "s".changed');
    } finally {
      restore();
    }
  });

  test('does nothing while the sender blocks its signals', () => {
    const sender = new Sender();
    const seen: number[] = [];
    sender.changed.connect((v) => v >= 0 && seen.push(v));
    warmUp(sender.changed);
    sender.blockSignals(true);
    sender.changed.emit(1);
    sender.blockSignals(false);
    sender.changed.emit(2);
    expect(seen).toEqual([2]);
  });

  test('passes exactly the emitted arguments when a JavaScript caller changes their count', () => {
    const sender = new Sender();
    const counts: number[] = [];
    sender.pair.connect((...args: unknown[]) => counts.push(args.length));
    for (let i = 0; i < WARM_EMITS; i++) sender.pair.emit(1, 'a');
    const loose = sender.pair as unknown as Signal<unknown[]>;
    loose.emit(1);
    loose.emit(1, 'a', true);
    expect(counts.slice(-3)).toEqual([2, 1, 3]);
  });

  test('an emit function taken from the signal earlier still reaches the slots connected now', () => {
    const sender = new Sender();
    const seen: string[] = [];
    const first = sender.changed.connect((v) => v >= 0 && seen.push(`first ${v}`));
    warmUp(sender.changed);
    const emit = sender.changed.emit; // as code does that passes it on as a callback
    first.disconnect();
    sender.changed.connect((v) => v >= 0 && seen.push(`second ${v}`));
    emit(1);
    expect(seen).toEqual(['second 1']);
  });

  test('its emit can be passed on as a callback before any emit, too', () => {
    const sender = new Sender();
    const seen: number[] = [];
    const emit = sender.changed.emit;
    sender.changed.connect((v) => seen.push(v));
    [1, 2, 3].forEach((v) => emit(v));
    expect(seen).toEqual([1, 2, 3]);
  });

  test('runs a single-shot slot once, and queued slots later, beside function slots', async () => {
    const sender = new Sender();
    const receiver = new QObject();
    const direct: number[] = [];
    const once: number[] = [];
    const queued: number[] = [];
    sender.changed.connect((v) => v >= 0 && direct.push(v));
    warmUp(sender.changed);
    sender.changed.connect((v) => once.push(v), SingleShotConnection);
    sender.changed.connect(receiver, (v: number) => v >= 0 && queued.push(v), QueuedConnection);
    for (let i = 0; i < 20; i++) sender.changed.emit(i);
    expect(direct).toHaveLength(20);
    expect(once).toEqual([0]);
    expect(queued).toEqual([]);
    await flushQueued();
    expect(queued).toHaveLength(20);
  });

  test('compiles its slots once the connections stop changing, and not for a list made for one emit', async () => {
    const original = globalThis.Function;
    let compiled = 0;
    globalThis.Function = function counting(...args: string[]) {
      compiled++;
      return original(...args);
    } as unknown as FunctionConstructor;
    try {
      const sender = new Sender();
      sender.changed.connect(() => undefined);
      warmUp(sender.changed);
      expect(compiled).toBe(1);
      for (let i = 0; i < 50; i++) {
        const next = sender.changed.once(); // connects, and disconnects at the emit: a new list every time
        sender.changed.emit(i);
        await expect(next).resolves.toEqual([i]);
      }
      expect(compiled).toBe(1);
    } finally {
      globalThis.Function = original;
    }
  });

  test('compiles less and less often when its connections keep changing', () => {
    const original = globalThis.Function;
    let compiled = 0;
    globalThis.Function = function counting(...args: string[]) {
      compiled++;
      return original(...args);
    } as unknown as FunctionConstructor;
    try {
      const sender = new Sender();
      const seen: number[] = [];
      for (let cycle = 0; cycle < 10; cycle++) {
        const connection = sender.changed.connect((v) => v >= 0 && seen.push(v));
        warmUp(sender.changed);
        sender.changed.emit(cycle);
        connection.disconnect();
      }
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(compiled).toBeGreaterThanOrEqual(1);
      expect(compiled).toBeLessThanOrEqual(3); // not one per cycle: each compile that was retired waits longer
    } finally {
      globalThis.Function = original;
    }
  });

  test('still works where generated code is forbidden (a Content-Security-Policy without unsafe-eval)', () => {
    const original = globalThis.Function;
    globalThis.Function = function refused(): never {
      throw new EvalError('Refused to evaluate a string as JavaScript (unsafe-eval)');
    } as unknown as FunctionConstructor;
    try {
      const sender = new Sender();
      const seen: number[] = [];
      sender.changed.connect((v) => v >= 0 && seen.push(v));
      warmUp(sender.changed);
      sender.changed.emit(3);
      expect(seen).toEqual([3]);
    } finally {
      globalThis.Function = original;
    }
  });
});
