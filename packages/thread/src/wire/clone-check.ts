// The one argument policy of every path between threads (queued and blocking, both directions, start() fields):
// a value crosses iff the platform's `structuredClone` copies it, and the receiver gets what `structuredClone`
// makes of it (own "__proto__" keys, cycles and shared references kept). The walk that names the offending part
// of a value runs only after the platform refused it.
import { QObject } from '@sigslot/core';
import { nodeTypes } from '../endpoint/platform';
import { CloneError } from '../errors';

/**
 * Checks that every argument of an emission can be copied to another thread, so that a bad argument fails at the
 * emit that passed it (naming the signal, the position and the path inside it) instead of failing later inside a
 * batch. The answer is the platform's `structuredClone`'s; primitives, flat plain data and intact buffers pass
 * without a copy.
 */
export function assertCloneable(args: readonly unknown[], what: () => string): void {
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (isPrimitive(value) || passesWithoutCopy(value)) continue;
    const problem = uncloneable(value);
    if (problem !== null) throw new CloneError(`${what()}: argument ${i + 1} ${problem}. ${ADVICE}`);
  }
}

/**
 * The arguments of a queued emission as they are now, ready to wait in a batch: what the receiver gets is the
 * value at the emit (Qt copies a queued call's arguments), not what the emitter changed it to before the batch
 * was sent, and two emits of one object arrive as two objects. Returns `args` itself when every argument is a
 * primitive; otherwise a copy made as one `structuredClone` of the arguments makes it (identity among the
 * arguments kept). Throws the {@link CloneError} of {@link assertCloneable} for an argument that cannot be copied.
 *
 * On Node, arguments that are small plain data (plain objects and arrays of primitives, at most
 * {@link FLAT_LIMIT} values in all, no object twice) are copied in JavaScript, which gives the same result at a
 * quarter of the cost of a `structuredClone` call there (measured in the report of issue 11); the rest, and
 * everything in a browser, goes through `structuredClone`.
 */
export function snapshotArgs(args: readonly unknown[], what: () => string): readonly unknown[] {
  let i = 0;
  while (i < args.length && isPrimitive(args[i])) i++;
  if (i === args.length) return args;
  const flat = flatCopy(args);
  if (flat !== null) return flat;
  try {
    return structuredClone(args) as unknown[];
  } catch {
    assertCloneable(args, what); // throws, naming the argument and the path
    throw new CloneError(`${what()}: the arguments cannot be copied to another thread. ${ADVICE}`);
  }
}

/** Why `value` cannot be copied to another thread (`"(at .a.b) cannot be copied…: it is a function"`), or null if it can. */
export function uncloneable(value: unknown): string | null {
  if (isPrimitive(value) || passesWithoutCopy(value)) return null;
  const problem = platformRefusal(value);
  if (problem === null) return null;
  const found = locate(value, '', problem, new Set());
  return `${found.path ? `(at ${found.path}) ` : ''}cannot be copied to another thread: ${found.reason}`;
}

/** Throws a {@link CloneError} for `value`, if it cannot be copied, with `what` naming it. */
export function assertCloneableValue(value: unknown, what: string): void {
  const problem = uncloneable(value);
  if (problem !== null) throw new CloneError(`${what} ${problem}. ${ADVICE}`);
}

const ADVICE =
  'Pass plain data (numbers, strings, arrays, plain objects, Maps, typed arrays…); a thread cannot share functions or objects.';

/** The most values (keys and elements) the arguments may hold to be copied in JavaScript (past it, one clone call is as cheap). */
export const FLAT_LIMIT = 64;

const isPrimitive = (value: unknown): boolean =>
  typeof value !== 'object' ? typeof value !== 'function' && typeof value !== 'symbol' : value === null;

/** Node's checks for what JavaScript cannot see (a Proxy, a built-in whose prototype was replaced); absent in browsers. */
interface NodeTypes {
  isProxy(value: unknown): boolean;
  isMap(value: unknown): boolean;
  isSet(value: unknown): boolean;
  isAnyArrayBuffer(value: unknown): boolean;
  isBoxedPrimitive(value: unknown): boolean;
  isPromise(value: unknown): boolean;
  isWeakMap(value: unknown): boolean;
  isWeakSet(value: unknown): boolean;
}
const types = nodeTypes<NodeTypes>();
const objectToString = Object.prototype.toString;

/** A plain object or an array the structured clone algorithm copies key by key, as JavaScript can copy it. */
function isOrdinary(value: object, types: NodeTypes): boolean {
  if (types.isProxy(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) return proto === Array.prototype;
  if (proto !== Object.prototype && proto !== null) return false;
  // A built-in object keeps its kind (the clone's) under another prototype: only a real plain object qualifies.
  return !(
    objectToString.call(value) !== '[object Object]' ||
    ArrayBuffer.isView(value) ||
    types.isMap(value) ||
    types.isSet(value) ||
    types.isAnyArrayBuffer(value) ||
    types.isBoxedPrimitive(value) ||
    types.isPromise(value) ||
    types.isWeakMap(value) ||
    types.isWeakSet(value)
  );
}

/** How much of {@link FLAT_LIMIT} a copy has used, and the objects it copied (a repeated one ends the fast path). */
interface Budget {
  left: number;
  readonly seen: object[];
}

/**
 * A copy of `value` if it is small plain data (see {@link snapshotArgs}): plain objects and dense arrays of
 * primitives or of such objects, a tree (no object twice), at most {@link FLAT_LIMIT} values in all; else null.
 */
function plainCopy(value: object, types: NodeTypes, budget: Budget): object | null {
  if (budget.seen.includes(value) || !isOrdinary(value, types)) return null;
  budget.seen.push(value);
  const array = Array.isArray(value);
  const keys = Object.keys(value);
  if ((budget.left -= keys.length) < 0) return null;
  if (array && keys.length !== (value as unknown[]).length) return null; // holes or extra keys
  const copy: Record<string, unknown> = array ? (new Array<unknown>(keys.length) as never) : {};
  for (const key of keys) {
    let item: unknown = (value as Record<string, unknown>)[key];
    if (!isPrimitive(item)) {
      if (typeof item !== 'object') return null;
      item = plainCopy(item as object, types, budget);
      if (item === null) return null;
    }
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

/** The arguments copied by {@link plainCopy} (an argument passed twice is copied once), or null. */
function flatCopy(args: readonly unknown[]): unknown[] | null {
  if (types === undefined) return null;
  const copy = new Array<unknown>(args.length);
  const budget: Budget = { left: FLAT_LIMIT, seen: [] };
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (isPrimitive(value)) {
      copy[i] = value;
      continue;
    }
    const earlier = args.indexOf(value);
    if (earlier < i) {
      copy[i] = copy[earlier];
      continue;
    }
    if (typeof value !== 'object') return null;
    const plain = plainCopy(value as object, types, budget);
    if (plain === null) return null;
    copy[i] = plain;
  }
  return copy;
}

/** True for values that certainly clone, found without copying them: flat plain data, buffers not detached. */
function passesWithoutCopy(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof ArrayBuffer) return !isDetached(value);
  if (ArrayBuffer.isView(value)) return !(value.buffer instanceof ArrayBuffer && isDetached(value.buffer));
  if (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer) return true;
  return types !== undefined && plainCopy(value, types, { left: FLAT_LIMIT, seen: [] }) !== null;
}

function isDetached(buffer: ArrayBuffer): boolean {
  try {
    buffer.slice(0, 0);
    return false;
  } catch {
    return true;
  }
}

/** The platform's error when it cannot clone `value`, or null when it can. */
function platformRefusal(value: unknown): Error | null {
  try {
    structuredClone(value);
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

interface Problem {
  readonly path: string;
  readonly reason: string;
}

/**
 * The deepest part of `value` (which the platform refused with `refusal`) that the platform refuses although it
 * would copy each of its parts: that part is the culprit. Parts are visited as the clone algorithm visits them.
 */
function locate(value: unknown, path: string, refusal: Error, seen: Set<object>): Problem {
  const own = reasonOf(value);
  if (own !== null) return { path, reason: own };
  seen.add(value as object);
  for (const [part, at] of partsOf(value as object, path)) {
    if (isPrimitive(part) || (typeof part === 'object' && seen.has(part!))) continue;
    const problem = platformRefusal(part);
    if (problem !== null) return locate(part, at, problem, seen);
  }
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  if (types?.isProxy(value)) return { path, reason: 'it is a Proxy' };
  return { path, reason: `it is ${name ? `a ${name}` : 'an object'} (${refusal.message})` };
}

/** The reason for a value refused whole, by what it is, or null to look at its parts. */
function reasonOf(value: unknown): string | null {
  if (typeof value === 'function') return `it is a function${value.name ? ` (${value.name})` : ''}`;
  if (typeof value === 'symbol') return 'it is a symbol';
  if (value instanceof QObject) return `it is a QObject (${value.describe()}), which lives in one thread`;
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise || value instanceof WeakRef)
    return `it is a ${value.constructor.name}`;
  if (value instanceof ArrayBuffer && isDetached(value))
    return 'it is a detached ArrayBuffer (transferred away earlier)';
  return null;
}

/** The parts of `value` the clone algorithm copies, each with its path. */
function* partsOf(value: object, path: string): Generator<[unknown, string]> {
  if (types?.isProxy(value)) return;
  if (value instanceof Map) {
    for (const [k, v] of value as Map<unknown, unknown>) {
      yield [k, `${path}<key>`];
      yield [v, `${path}.get(${keyLabel(k)})`];
    }
  } else if (value instanceof Set) {
    for (const v of value as Set<unknown>) yield [v, `${path}<item>`];
  } else if (ArrayBuffer.isView(value)) {
    yield [value.buffer, path];
  } else if (value instanceof Error) {
    if (Object.prototype.hasOwnProperty.call(value, 'cause')) yield [value.cause, `${path}.cause`];
  } else if (!(value instanceof Date || value instanceof RegExp || value instanceof ArrayBuffer)) {
    const array = Array.isArray(value);
    for (const key of Object.keys(value))
      yield [(value as Record<string, unknown>)[key], array ? `${path}[${key}]` : `${path}.${key}`];
  }
}

/** A Map key as a path shows it (a key without a string form, such as a null-prototype object, by its type). */
export function keyLabel(key: unknown): string {
  try {
    return String(key);
  } catch {
    return typeof key;
  }
}

/** True when no argument is an object, a function or a symbol: such values need neither a check nor a copy. */
export function allPrimitive(args: readonly unknown[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (typeof value === 'object' ? value !== null : typeof value === 'function' || typeof value === 'symbol')
      return false;
  }
  return true;
}
