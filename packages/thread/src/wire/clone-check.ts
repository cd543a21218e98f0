import { QObject } from '@sigslot/core';
import { CloneError } from '../errors';

/**
 * Checks that every argument of an emission can be copied to another thread (the structured clone
 * algorithm), so that a bad argument fails at the emit that passed it, naming the signal and the position,
 * instead of failing later inside a batch. Primitives pass at once; objects are walked.
 */
export function assertCloneable(args: readonly unknown[], what: () => string): void {
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol'))
      continue;
    const problem = uncloneable(value);
    if (problem !== null) throw new CloneError(`${what()}: argument ${i + 1} ${problem}. ${ADVICE}`);
  }
}

/**
 * The arguments of a queued emission as they are now, ready to wait in a batch: primitives as they are, and
 * every object argument copied at once, so that what the receiver gets is the value at the emit (Qt copies a
 * queued call's arguments), not what the emitter changed it to before the batch was sent, and so that two
 * emits of one object arrive as two objects. Throws the {@link CloneError} of {@link assertCloneable} for an
 * argument that cannot be copied. Returns `args` itself when every argument is a primitive.
 *
 * The copy is plain JavaScript for plain data (objects, arrays, Maps, Sets, Dates, typed arrays and
 * ArrayBuffers), which costs far less than `structuredClone`; other objects (Errors, platform objects) go
 * through `structuredClone`. Identity among one emit's arguments is kept, as one structured clone keeps it.
 */
export function snapshotArgs(args: readonly unknown[], what: () => string): readonly unknown[] {
  let copy: unknown[] | null = null;
  let seen: Map<object, unknown> | null = null;
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (typeof value !== 'object' ? typeof value !== 'function' && typeof value !== 'symbol' : value === null) {
      if (copy) copy.push(value);
      continue;
    }
    copy ??= args.slice(0, i);
    seen ??= new Map();
    try {
      copy.push(snapshot(value, '', seen));
    } catch (problem) {
      if (!(problem instanceof Uncloneable)) throw problem;
      const at = problem.path ? `(at ${problem.path}) ` : '';
      throw new CloneError(
        `${what()}: argument ${i + 1} ${at}cannot be copied to another thread: ${problem.reason}. ${ADVICE}`,
      );
    }
  }
  return copy ?? args;
}

/** Thrown inside {@link snapshot}; turned into a CloneError naming the emit by {@link snapshotArgs}. */
class Uncloneable extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const TYPED_ARRAYS: Record<string, new (buffer: ArrayBufferLike, byteOffset: number, length: number) => object> = {};
for (const name of [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
]) {
  const ctor = (globalThis as Record<string, unknown>)[name];
  if (typeof ctor === 'function') TYPED_ARRAYS[`[object ${name}]`] = ctor as (typeof TYPED_ARRAYS)[string];
}

const isShared = (buffer: ArrayBufferLike): boolean =>
  typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer;

/** Copies `value` as the structured clone algorithm would see it now; `seen` maps originals to their copies. */
function snapshot(value: unknown, path: string, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function')
    throw new Uncloneable(path, `it is a function${value.name ? ` (${value.name})` : ''}`);
  if (typeof value === 'symbol') throw new Uncloneable(path, 'it is a symbol');
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const source = value as unknown[];
    const keys = Object.keys(source);
    const length = source.length;
    const copy: unknown[] = [];
    seen.set(value, copy);
    if (keys.length === length && (length === 0 || keys[length - 1] === String(length - 1))) {
      for (let i = 0; i < length; i++) copy.push(snapshot(source[i], `${path}[${i}]`, seen));
    } else {
      copy.length = length; // holes and extra properties, as structured clone keeps them
      for (const key of keys)
        (copy as unknown as Record<string, unknown>)[key] = snapshot(
          (source as unknown as Record<string, unknown>)[key],
          `${path}[${key}]`,
          seen,
        );
    }
    return copy;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  const tag = proto === Object.prototype || proto === null ? '[object Object]' : Object.prototype.toString.call(value);
  if (tag === '[object Object]') {
    if (value instanceof QObject)
      throw new Uncloneable(path, `it is a QObject (${value.describe()}), which lives in one thread`);
    // A plain object, or a class instance: structured clone copies its own enumerable properties into a plain object.
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const key of Object.keys(value))
      copy[key] = snapshot((value as Record<string, unknown>)[key], `${path}.${key}`, seen);
    return copy;
  }
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise)
    throw new Uncloneable(path, `it is a ${value.constructor.name}`);
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value)
      copy.set(snapshot(k, `${path}<key>`, seen), snapshot(v, `${path}.get(${String(k)})`, seen));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const v of value) copy.add(snapshot(v, `${path}<item>`, seen));
    return copy;
  }
  if (value instanceof Date) return remember(seen, value, new Date(value.getTime()));
  if (value instanceof ArrayBuffer) {
    let copy: ArrayBuffer;
    try {
      copy = value.slice(0);
    } catch {
      throw new Uncloneable(path, 'it is a detached ArrayBuffer (transferred away earlier)');
    }
    return remember(seen, value, copy);
  }
  if (ArrayBuffer.isView(value)) {
    // A view over shared memory stays shared (structured clone shares it too); otherwise its whole buffer is
    // copied once, so that views of one buffer still share the copy.
    if (isShared(value.buffer)) return value;
    const buffer = snapshot(value.buffer, path, seen) as ArrayBuffer;
    const ctor = TYPED_ARRAYS[tag];
    const copy = ctor
      ? new ctor(buffer, value.byteOffset, (value as unknown as { length: number }).length)
      : new DataView(buffer, value.byteOffset, value.byteLength);
    return remember(seen, value, copy);
  }
  // Immutable as far as cloning goes: a SharedArrayBuffer is shared, a RegExp clones its source and flags only.
  if (value instanceof RegExp || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer))
    return value;
  // Errors, boxed primitives, platform objects (Blob, ImageData…): the platform's own clone, now.
  try {
    return remember(seen, value, structuredClone(value));
  } catch (error) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? tag.slice(8, -1);
    throw new Uncloneable(path, `it is a ${name} (${(error as Error).message})`);
  }
}

function remember<T>(seen: Map<object, unknown>, original: object, copy: T): T {
  seen.set(original, copy);
  return copy;
}

const ADVICE =
  'Pass plain data (numbers, strings, arrays, plain objects, Maps, typed arrays…); a thread cannot share functions or objects.';

/** Why `value` cannot be copied to another thread (`"(at .a.b) cannot be copied…: it is a function"`), or null if it can. */
export function uncloneable(value: unknown): string | null {
  const problem = findUncloneable(value, '', new Set());
  return (
    problem && `${problem.path ? `(at ${problem.path}) ` : ''}cannot be copied to another thread: ${problem.reason}`
  );
}

/** Throws a {@link CloneError} for `value`, if it cannot be copied, with `what` naming it. */
export function assertCloneableValue(value: unknown, what: string): void {
  const problem = uncloneable(value);
  if (problem !== null) throw new CloneError(`${what} ${problem}. ${ADVICE}`);
}

interface Problem {
  readonly path: string;
  readonly reason: string;
}

function findUncloneable(value: unknown, path: string, seen: Set<object>): Problem | null {
  if (typeof value === 'function') return { path, reason: `it is a function${value.name ? ` (${value.name})` : ''}` };
  if (typeof value === 'symbol') return { path, reason: 'it is a symbol' };
  if (value === null || typeof value !== 'object') return null;
  if (seen.has(value)) return null;
  seen.add(value);
  if (value instanceof QObject)
    return { path, reason: `it is a QObject (${value.describe()}), which lives in one thread` };
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) {
    return { path, reason: `it is a ${value.constructor.name}` };
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date || value instanceof RegExp)
    return null;
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const problem = findUncloneable(k, `${path}<key>`, seen) ?? findUncloneable(v, `${path}.get(${String(k)})`, seen);
      if (problem) return problem;
    }
    return null;
  }
  if (value instanceof Set) {
    for (const v of value) {
      const problem = findUncloneable(v, `${path}<item>`, seen);
      if (problem) return problem;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const problem = findUncloneable(
      (value as Record<string, unknown>)[key],
      Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`,
      seen,
    );
    if (problem) return problem;
  }
  return null;
}
