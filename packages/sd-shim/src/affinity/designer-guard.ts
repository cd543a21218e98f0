import { AffinityError, assertMainThread } from '@sigslot/core';
import { currentThreadData, recordAffinityViolation, unknownThreadReason } from '@sigslot/core/kernel';
import type { GuardOptions } from '@sigslot/core';

/** The fix every Designer affinity message proposes (the pattern of Designer's "Using threads" page). */
export const DESIGNER_FIX = 'Emit a signal connected with QueuedConnection to a receiver on the main thread instead.';

/** Guard options of the Designer API classes: `…; the Designer API is main-thread-only. Emit a signal…` */
export const DESIGNER_GUARD: GuardOptions = { api: 'the Designer API', fix: DESIGNER_FIX };

/** Guard options of the Qt widgets the UI manager hands out (menus, actions, dock widgets): `the Qt GUI is main-thread-only`. */
export const QT_GUI_GUARD: GuardOptions = { api: 'the Qt GUI', fix: DESIGNER_FIX };

/** A class, as far as the guard is concerned. */
type AnyClass = abstract new (...args: never[]) => object;

/** Prototypes whose own members are guarded: a class whose instances the API hands out must have its prototype here. */
const guardedPrototypes = new WeakSet<object>();
/** Every function the guard made, so that tests (and the guard itself) can tell a guarded member. */
const guards = new WeakSet<object>();

/** True if `fn` is one of the guard's wrappers. */
export function isGuardedFunction(fn: unknown): boolean {
  return typeof fn === 'function' && guards.has(fn);
}

/**
 * The one place the Designer API is made main-thread-only: every export of `api` must be a class, and every
 * member (methods, accessors, symbol-keyed methods, static ones) of every class on its prototype chain, up to
 * `Object`, is wrapped in the thread check. A member is guarded once, where it is defined, and names the class
 * it was called on (`SDSBSCompGraph.getIdentifier()`, even though `SDResource` defines it). Classes whose name
 * starts with `Q` are the Qt GUI's; the others are Designer's.
 */
export function guardApi(api: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(api)) {
    if (!isClass(value)) {
      throw new TypeError(
        `sd-shim: the guarded API exports ${name}, which is not a class; wrap it with guardFunction().`,
      );
    }
    for (let cls: AnyClass | null = value; cls !== null; cls = baseOf(cls)) {
      if (guardedPrototypes.has(cls.prototype)) break; // its bases were guarded with it
      const options = /^Q[A-Z]/.test(cls.name) ? QT_GUI_GUARD : DESIGNER_GUARD;
      guardMembers(cls.prototype, cls, 'instance', options);
      guardMembers(cls, cls, 'static', options);
      guardedPrototypes.add(cls.prototype);
    }
  }
}

/** A function of the API that is not a method (`sd.getContext()`), guarded like the methods. */
export function guardFunction<A extends unknown[], R>(
  owner: string,
  name: string,
  fn: (...args: A) => R,
): (...args: A) => R {
  const guarded = {
    [name](...args: A): R {
      checkThread(owner, name, DESIGNER_GUARD);
      return fn(...args);
    },
  }[name]!;
  guards.add(guarded);
  return guarded;
}

/**
 * Refuses to make an object of a class the guard never saw: called by the constructors of the API's base classes,
 * so that a class added to the mock but not exported through the guarded API fails at its first use.
 */
export function requireGuardedClass(target: abstract new (...args: never[]) => unknown): void {
  if (!guardedPrototypes.has(target.prototype as object)) {
    throw new TypeError(
      `sd-shim: ${target.name} is not exported through the guarded API (src/designer-api.ts), so its methods are not thread-checked.`,
    );
  }
}

/**
 * Checks the calling thread for `owner.method()`. A thread that cannot be known is refused whatever the
 * policy (it could be any thread); otherwise the core guard decides (throw, or record under `'record'`).
 */
export function checkThread(owner: string, method: string, options: GuardOptions): void {
  const unknown = unknownThreadReason();
  if (unknown !== null) refuseUnknownThread(owner, method, unknown, options);
  assertMainThread(owner, method, options);
}

function refuseUnknownThread(owner: string, method: string, reason: string, options: GuardOptions): never {
  const message =
    `${owner}.${method}() was called from thread unknown (${reason}); ${options.api ?? 'this API'} is main-thread-only, ` +
    `so a call from a thread that cannot be known is refused. Run on Node 20.16 or later, a browser page or a Web Worker, ` +
    `and leave node:worker_threads as Node made it.`;
  const error = new AffinityError(message);
  Error.captureStackTrace?.(error, refuseUnknownThread);
  const here = currentThreadData();
  recordAffinityViolation({
    className: owner,
    method,
    thread: 'unknown',
    threadId: here.id,
    message,
    stack: error.stack ?? message,
  });
  throw error;
}

/** A constructor (arrow functions and methods have no prototype; `getContext`-like functions are not exported here). */
function isClass(value: unknown): value is AnyClass {
  return typeof value === 'function' && typeof (value as { prototype?: unknown }).prototype === 'object';
}

function baseOf(cls: AnyClass): AnyClass | null {
  const base = Object.getPrototypeOf(cls) as unknown;
  return base === Function.prototype || !isClass(base) ? null : base;
}

const SKIPPED = new Set<PropertyKey>(['constructor', 'prototype', 'name', 'length']);

/** Wraps the own function-valued members of `holder` (a prototype, or the class itself for statics). */
function guardMembers(holder: object, cls: AnyClass, kind: 'instance' | 'static', options: GuardOptions): void {
  for (const key of Reflect.ownKeys(holder)) {
    if (SKIPPED.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(holder, key)!;
    const method = typeof key === 'symbol' ? `[${key.description ?? 'symbol'}]` : key;
    const wrap = (fn: unknown): unknown =>
      typeof fn === 'function' && !guards.has(fn) ? guardMember(fn as Member, method, cls, kind, options) : fn;
    Object.defineProperty(holder, key, {
      ...descriptor,
      ...('value' in descriptor ? { value: wrap(descriptor.value) } : {}),
      ...(descriptor.get ? { get: wrap(descriptor.get) as () => unknown } : {}),
      ...(descriptor.set ? { set: wrap(descriptor.set) as (v: unknown) => void } : {}),
    });
  }
}

type Member = (this: unknown, ...args: unknown[]) => unknown;

function guardMember(
  original: Member,
  method: string,
  cls: AnyClass,
  kind: 'instance' | 'static',
  options: GuardOptions,
) {
  const guarded = {
    [method](this: unknown, ...args: unknown[]): unknown {
      checkThread(ownerName(this, cls, kind), method, options);
      return original.apply(this, args);
    },
  }[method]!;
  guards.add(guarded);
  return guarded;
}

/** The class a member was called on: the receiver's class when it is one of `cls`'s, else `cls` itself. */
function ownerName(self: unknown, cls: AnyClass, kind: 'instance' | 'static'): string {
  if (kind === 'instance') return self instanceof cls ? (self as object).constructor.name : cls.name;
  return typeof self === 'function' && (self === cls || self.prototype instanceof cls) ? self.name : cls.name;
}
