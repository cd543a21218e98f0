// The batch format (runs of flattened arguments) and the copy of queued arguments at the emit, with real workers.
import { QObject, Signal } from '@sigslot/core';
import { CloneError, QThread } from '@sigslot/thread';
import { validateFromWorker } from '@sigslot/thread/channel';
import { snapshotArgs } from '../src/wire/clone-check';
import { MixedRunsThread, MutatingThread, NumberRunsThread, numberRunEmits, Recorder } from './fixtures/backpressure';

describe('the emits batch', () => {
  test('validateFromWorker accepts runs, and rejects a run that does not fit or claims too many emits', () => {
    // Three emits of signal 2 (one argument each, routed at version 7), then one emit of signal 0 with two arguments.
    expect(
      validateFromWorker({ type: 'emits', batch: [0, 2, 7, 1, 3, 10, 11, 12, 0, 0, 7, 2, 1, 'a', 'b'] }),
    ).toBeNull();
    expect(validateFromWorker({ type: 'emits', batch: [0, 1, 0, 0, 4] })).toBeNull(); // four emits without arguments
    expect(validateFromWorker({ type: 'emits', batch: [] })).toBeNull();
    expect(validateFromWorker({ type: 'emits', batch: [0, 2, 0, 1, 3, 10, 11] })).toBe(
      '"emits" has a run at entry 0 longer than the batch',
    );
    expect(validateFromWorker({ type: 'emits', batch: [0, 2, 0, 1, 0] })).toBe('"emits" has a malformed run at 0');
    expect(validateFromWorker({ type: 'emits', batch: [0, 2, 0, -5, 1] })).toBe('"emits" has a malformed run at 0');
    expect(validateFromWorker({ type: 'emits', batch: [0, 2, 0, 1, 1, 7, 0, 'x', 0, 0, 1] })).toBe(
      '"emits" has a malformed run at 1',
    );
  });

  test("validateFromWorker accepts number runs whose values are all in the batch's Float64Array, and nothing else", () => {
    // Two emits of signal 2 with two numbers each (argCount -2), a run of strings, then one emit of one number.
    const batch = [0, 2, 7, -2, 2, 0, 1, 7, 1, 1, 'a', 0, 1, 7, -1, 1];
    expect(validateFromWorker({ type: 'emits', batch, numbers: Float64Array.of(1, 2, 3, 4, 5) })).toBeNull();
    expect(validateFromWorker({ type: 'emits', batch, numbers: Float64Array.of(1, 2, 3, 4) })).toBe(
      '"emits" has number runs of 5 values, and 4 numbers',
    );
    expect(validateFromWorker({ type: 'emits', batch, numbers: Float64Array.of(1, 2, 3, 4, 5, 6) })).toBe(
      '"emits" has number runs of 5 values, and 6 numbers',
    );
    expect(validateFromWorker({ type: 'emits', batch })).toBe('"emits" has number runs of 5 values, and no numbers');
    expect(validateFromWorker({ type: 'emits', batch, numbers: [1, 2, 3, 4, 5] })).toMatch(/numbers in a Float64Array/);
    expect(validateFromWorker({ type: 'emits', batch, numbers: Int32Array.of(1, 2, 3, 4, 5) })).toMatch(
      /numbers in a Float64Array/,
    );
  });

  test('numbers of every kind, 1 to 5 per emit, arrive exactly and in emit order among other arguments', async () => {
    const thread = new NumberRunsThread();
    const got: unknown[][] = [];
    thread.one.connect((...args) => got.push(['one', ...args]));
    thread.four.connect((...args) => got.push(['four', ...args]));
    thread.five.connect((...args) => got.push(['five', ...args]));
    thread.mixed.connect((...args) => got.push(['mixed', ...args]));
    thread.start();
    await thread.wait();
    const expected = numberRunEmits();
    expect(got).toEqual(expected);
    // toEqual tells -0 from 0; check it on every value anyway, NaN included.
    expect(got.every((emit, i) => emit.every((value, k) => Object.is(value, expected[i]![k])))).toBe(true);
  });

  test('a batch bounds the work it causes: emits without arguments cannot claim more than one batch holds', () => {
    // Five numbers that would claim two billion emits: refused before anything runs.
    expect(validateFromWorker({ type: 'emits', batch: [0, 0, 0, 0, 2 ** 31 - 1] })).toBe(
      '"emits" claims more than 4096 emits in one batch',
    );
    expect(validateFromWorker({ type: 'emits', batch: [0, 0, 0, 0, 4096] })).toBeNull();
    expect(validateFromWorker({ type: 'emits', batch: [0, 0, 0, 0, 4000, 0, 1, 0, 0, 97] })).toBe(
      '"emits" claims more than 4096 emits in one batch',
    );
  });

  test('interleaved signals with 0, 1 and 2 arguments and object arguments arrive in emit order', async () => {
    const thread = new MixedRunsThread();
    const got: unknown[] = [];
    thread.none.connect(() => got.push('none'));
    thread.one.connect((n) => got.push(n));
    thread.two.connect((n, label) => got.push([n, label]));
    thread.any.connect((value) => got.push({ any: value }));
    thread.start();
    await thread.wait();
    const expected: unknown[] = [];
    for (let i = 0; i < 3000; i++) {
      if (i % 7 === 0) expected.push('none');
      expected.push(i);
      if (i % 3 === 0) expected.push([i, `#${i}`]);
      if (i % 5 === 0) expected.push({ any: i % 10 === 0 ? { i, list: [i, -0, NaN], nothing: undefined } : `s${i}` });
    }
    expect(got).toEqual(expected);
    expect(
      Object.is(
        (got.find((g) => typeof g === 'object' && g && 'any' in g) as { any: { list: number[] } }).any.list[1],
        -0,
      ),
    ).toBe(true);
  });
});

describe('queued arguments are copied at the emit', () => {
  test("a worker's object argument changed after the emit arrives as it was at the emit, one object per emit", async () => {
    const thread = new MutatingThread();
    const states: Array<{ step: number; tags: string[] }> = [];
    thread.status.connect((status) => states.push(status));
    const pairs: Array<[{ n: number }, { n: number }]> = [];
    thread.pair.connect((a, b) => pairs.push([a, b]));
    const tables: Array<Map<string, number[]>> = [];
    thread.table.connect((table) => tables.push(table));
    const bytes: Array<[Uint8Array, ArrayBuffer]> = [];
    thread.bytes.connect((view, whole) => bytes.push([view, whole]));
    const dates: Date[] = [];
    thread.when.connect((date) => dates.push(date));
    const cycles: Array<{ name: string; self?: unknown }> = [];
    thread.cycle.connect((node) => cycles.push(node));
    thread.start();
    await thread.wait();

    expect(states).toEqual([
      { step: 1, tags: ['a'] },
      { step: 2, tags: ['a', 'b'] },
    ]);
    expect(states[0]).not.toBe(states[1]);
    // Two arguments that were one object are one object on arrival, as in one structured clone.
    expect(pairs).toEqual([[{ n: 1 }, { n: 1 }]]);
    expect(pairs[0]![0]).toBe(pairs[0]![1]);
    expect(tables).toEqual([new Map([['k', [1]]])]);
    // A view and its buffer still share memory after the copy, with the view's offset and length.
    const [view, whole] = bytes[0]!;
    expect(view).toBeInstanceOf(Uint8Array);
    expect([view.byteOffset, view.length, view[0]]).toEqual([2, 4, 7]);
    expect(view.buffer).toBe(whole);
    expect(dates.map((d) => d.getTime())).toEqual([1000]);
    expect(cycles[0]!.name).toBe('loop');
    expect(cycles[0]!.self).toBe(cycles[0]);
  });

  test("a main thread's queued call argument changed after the emit reaches the worker as it was", async () => {
    class Controller extends QObject {
      readonly send = new Signal<[value: { step: number }]>(this);
    }
    const thread = new QThread();
    const recorder = thread.create(Recorder);
    const controller = new Controller();
    controller.send.connect(recorder, 'record');
    thread.start();
    const value = { step: 1 };
    controller.send.emit(value);
    value.step = 2;
    controller.send.emit(value);
    value.step = 3;
    await expect(recorder.recorded()).resolves.toEqual([{ step: 1 }, { step: 2 }]);
    thread.quit();
    await thread.wait();
  });
});

describe('snapshotArgs (the copy made at a queued emit)', () => {
  const what = (): string => 'Sender.signal.emit()';

  test('primitives are passed through without a copy; objects are copied as structured clone would see them now', () => {
    const primitives = [1, 'a', null, undefined, true, 2n];
    expect(snapshotArgs(primitives, what)).toBe(primitives);
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
      get length(): number {
        return Math.hypot(this.x, this.y);
      }
    }
    const holey: unknown[] = [1];
    holey[2] = 3; // index 1 is a hole
    (holey as unknown as { extra: string }).extra = 'kept';
    const error = new RangeError('out of range');
    const [point, copiedHoley, copiedError, set, nested] = snapshotArgs(
      [new Point(3, 4), holey, error, new Set([1, 2]), { deep: { list: [new Date(5)] } }],
      what,
    ) as [Record<string, unknown>, unknown[], Error, Set<number>, { deep: { list: Date[] } }];
    // A class instance becomes a plain object of its own enumerable fields, as structured clone makes it.
    // (Object.prototype of the realm that cloned it: under jest, another one than the test's.)
    expect(Object.getPrototypeOf(Object.getPrototypeOf(point))).toBeNull();
    expect(point).toEqual({ x: 3, y: 4 });
    expect(copiedHoley).toHaveLength(3);
    expect(1 in copiedHoley).toBe(false);
    expect((copiedHoley as unknown as { extra: string }).extra).toBe('kept');
    expect(copiedError).not.toBe(error);
    expect([copiedError.name, copiedError.message]).toEqual(['RangeError', 'out of range']);
    expect([...set]).toEqual([1, 2]);
    expect(nested.deep.list[0]!.getTime()).toBe(5);
  });

  test('shared memory stays shared; an uncloneable or detached argument is a CloneError naming the position and path', () => {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    (snapshotArgs([shared], what)[0] as Int32Array)[1] = 7;
    expect(shared[1]).toBe(7);
    expect(() => snapshotArgs([1, { a: [0, { fn: () => 1 }] }], what)).toThrow(
      'Sender.signal.emit(): argument 2 (at .a[1].fn) cannot be copied to another thread: it is a function (fn).',
    );
    expect(() => snapshotArgs([new Map([['k', Symbol('s')]])], what)).toThrow(
      /argument 1 \(at \.get\(k\)\) cannot be copied to another thread: it is a symbol/,
    );
    expect(() => snapshotArgs([{ p: Promise.resolve() }], what)).toThrow(/\(at \.p\) .*it is a Promise/);
    const buffer = new ArrayBuffer(4);
    structuredClone(buffer, { transfer: [buffer] }); // detaches it
    expect(() => snapshotArgs([buffer], what)).toThrow(CloneError);
    expect(() => snapshotArgs([buffer], what)).toThrow(
      /argument 1 cannot be copied to another thread: it is a detached ArrayBuffer/,
    );
  });
});
