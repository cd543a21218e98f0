// The shared-memory value codec (for blocking calls where a blocked thread cannot receive a message): what it
// reads back is what structuredClone makes of the value, on this thread and across a real worker.
import fc from 'fast-check';
import { QObject } from '@sigslot/core';
import { CloneError, ProtocolError } from '@sigslot/thread';
import { readSharedValue, SharedValueOverflowError, writeSharedValue } from '../src/wire/shared-value';
import { sharedValues, SharedValueWriterThread } from './fixtures/shared-values';

const tagOf = (value: object): string => Object.prototype.toString.call(value);
/** "Object" for a plain object of any realm (jest's structuredClone makes objects of another realm than the test's). */
function protoName(value: object): string {
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null) return 'null';
  return Object.getPrototypeOf(proto) === null ? 'Object' : String((proto.constructor as { name?: string }).name);
}

/**
 * Where `actual` differs from `expected` (path and what), or null: primitives by Object.is, objects by kind,
 * prototype, own enumerable keys in order, contents, and by the shape of their references (cycles, sharing).
 */
function difference(
  actual: unknown,
  expected: unknown,
  path = '$',
  pairs = new Map<object, unknown>(),
  fields = ['name', 'message', 'stack', 'cause'],
): string | null {
  if (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null)
    return Object.is(actual, expected) ? null : `${path}: ${String(actual)} instead of ${String(expected)}`;
  if (pairs.has(actual)) return pairs.get(actual) === expected ? null : `${path}: a reference that is not shared alike`;
  pairs.set(actual, expected);
  const kind = tagOf(actual);
  if (kind !== tagOf(expected)) return `${path}: ${kind} instead of ${tagOf(expected)}`;
  if (protoName(actual) !== protoName(expected))
    return `${path}: prototype ${protoName(actual)} instead of ${protoName(expected)}`;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const same = (x: unknown, y: unknown, at: string): string | null => difference(x, y, `${path}${at}`, pairs, fields);
  if (ArrayBuffer.isView(actual)) {
    const v = expected as ArrayBufferView;
    if (actual.byteOffset !== v.byteOffset || actual.byteLength !== v.byteLength) return `${path}: another window`;
    return same(actual.buffer, v.buffer, '.buffer');
  }
  switch (kind) {
    case '[object Date]':
      return same((actual as Date).getTime(), (expected as Date).getTime(), '.getTime()');
    case '[object RegExp]':
      return same(
        `${String(actual)} ${(actual as RegExp).lastIndex}`,
        `${String(expected)} ${(expected as RegExp).lastIndex}`,
        '',
      );
    case '[object ArrayBuffer]': {
      const [x, y] = [
        actual as ArrayBuffer & { maxByteLength: number },
        expected as ArrayBuffer & { maxByteLength: number },
      ];
      if (x.byteLength !== y.byteLength || x.maxByteLength !== y.maxByteLength) return `${path}: another length`;
      return same([...new Uint8Array(x)].join(), [...new Uint8Array(y)].join(), '<bytes>');
    }
    case '[object Map]':
    case '[object Set]':
      return same([...(actual as Set<unknown>)], [...(expected as Set<unknown>)], '<entries>');
    case '[object Error]':
      for (const field of fields) {
        if (
          Object.prototype.hasOwnProperty.call(a, field) !== Object.prototype.hasOwnProperty.call(e, field) &&
          field !== 'stack'
        )
          return `${path}.${field}: own in one only`;
        const problem = same(a[field], e[field], `.${field}`);
        if (problem) return problem;
      }
  }
  if (['[object Number]', '[object String]', '[object Boolean]', '[object BigInt]'].includes(kind)) {
    const problem = same(
      (a as { valueOf(): unknown }).valueOf(),
      (e as { valueOf(): unknown }).valueOf(),
      '.valueOf()',
    );
    if (problem) return problem;
  }
  const keys = Object.keys(a);
  if (keys.join('\u0000') !== Object.keys(e).join('\u0000'))
    return `${path}: keys [${keys.join()}] instead of [${Object.keys(e).join()}]`;
  if (Array.isArray(actual) && actual.length !== (expected as unknown[]).length) return `${path}: another length`;
  for (const key of keys) {
    const problem = same(a[key], e[key], `.${key}`);
    if (problem) return problem;
  }
  return null;
}

/** Writes `value` and reads it back. */
function roundTrip(value: unknown, buffer = new SharedArrayBuffer(1 << 20)): unknown {
  writeSharedValue(buffer, 8, value);
  return readSharedValue(buffer, 8);
}

describe('a value written to shared memory reads back as structuredClone makes it', () => {
  test('generated values of every supported kind (fast-check, 500 runs)', () => {
    fc.assert(
      fc.property(sharedValues, (value) => {
        expect(difference(roundTrip(value), structuredClone(value))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  test('the edges by name: -0, NaN, lone surrogates, an own "__proto__" key, holes, a cycle, two views of one buffer', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    const holey: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const buffer = new ArrayBuffer(8);
    const cases: unknown[] = [
      -0,
      NaN,
      -(2n ** 100n),
      '\ud800 alone, \u{1F600} paired, é',
      JSON.parse('{"__proto__": {"polluted": true}}'),
      holey,
      cycle,
      [new Uint8Array(buffer, 0, 4), new Float64Array(buffer)],
      new Error('with cause', { cause: cycle }),
    ];
    for (const value of cases) expect(difference(roundTrip(value), structuredClone(value))).toBeNull();
    const [views] = [roundTrip(cases[7]) as [Uint8Array, Float64Array]];
    expect(views[0].buffer).toBe(views[1].buffer);
    expect(1 in (roundTrip(holey) as unknown[])).toBe(false);
    expect('polluted' in {}).toBe(false);
  });

  test('a value written by a worker reads back on main (100 generated values, one region)', async () => {
    const thread = new SharedValueWriterThread();
    thread.region = new SharedArrayBuffer(4 << 20);
    thread.offsets = new Int32Array(new SharedArrayBuffer(4 * 100));
    thread.seed = 11;
    thread.count = 100;
    const written: number[] = [];
    thread.written.connect((count) => written.push(count));
    thread.start();
    await thread.wait();
    expect(written).toEqual([100]);
    const expected = fc.sample(sharedValues, { seed: 11, numRuns: 100 });
    expected.forEach((value, i) =>
      // (An error's stack is where the worker made it, not where main made its copy of the sample.)
      expect(
        difference(readSharedValue(thread.region!, thread.offsets![i]!), structuredClone(value), '$', new Map(), [
          'name',
          'message',
          'cause',
        ]),
      ).toBeNull(),
    );
  });
});

describe('what does not fit or cannot be copied is refused with a clear error', () => {
  test('a value structuredClone refuses is a CloneError naming the path, as at an emit', () => {
    const buffer = new SharedArrayBuffer(1024);
    expect(() => writeSharedValue(buffer, 0, { ok: 1, nested: { callback: () => 1 } })).toThrow(
      new CloneError(
        'writeSharedValue(): the value (at .nested.callback) cannot be copied to another thread: it is a function (callback). ' +
          'Pass plain data (numbers, strings, arrays, plain objects, Maps, typed arrays…); a thread cannot share functions or objects.',
      ),
    );
    expect(() => writeSharedValue(buffer, 0, [new Proxy({}, {})])).toThrow(/\(at \[0\]\) .*it is a Proxy/);
    expect(() => writeSharedValue(buffer, 0, { owner: new QObject() })).toThrow(/\(at \.owner\) .*it is a QObject/);
    expect(() => writeSharedValue(buffer, 0, { memory: new Int32Array(new SharedArrayBuffer(4)) })).toThrow(
      /the value \(at \.memory\) cannot be written to shared memory: it is a view of a SharedArrayBuffer/,
    );
  });

  test('a value larger than the region is a SharedValueOverflowError naming both sizes; a growable region grows', () => {
    const small = new SharedArrayBuffer(64);
    const text = 'x'.repeat(100);
    expect(() => writeSharedValue(small, 16, text)).toThrow(SharedValueOverflowError);
    expect(() => writeSharedValue(small, 16, text)).toThrow(
      'writeSharedValue(): the value needs 109 bytes, but the shared region holds 48 bytes from offset 16. ' +
        'Pass a smaller value, or give the region more room (a growable SharedArrayBuffer with a larger maxByteLength).',
    );
    const Growable = SharedArrayBuffer as unknown as new (
      length: number,
      options: { maxByteLength: number },
    ) => SharedArrayBuffer;
    const growable = new Growable(64, { maxByteLength: 4096 });
    expect(writeSharedValue(growable, 16, text)).toBe(109);
    expect(growable.byteLength).toBe(125);
    expect(readSharedValue(growable, 16)).toBe(text);
  });

  test('a forged or cut region is a ProtocolError, never another error, and pollutes nothing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 70 }), (bytes, length) => {
        const buffer = new SharedArrayBuffer(80);
        new DataView(buffer).setUint32(0, length, true);
        new Uint8Array(buffer, 4).set(bytes);
        try {
          readSharedValue(buffer, 0);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
        expect('polluted' in {}).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(() => readSharedValue(new SharedArrayBuffer(8), 6)).toThrow(
      'readSharedValue(): the shared region at offset 6 does not hold a written value: the offset is outside the buffer.',
    );
  });
});
