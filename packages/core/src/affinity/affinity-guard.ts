import { AffinityError } from '../errors';
import { classNameOf } from '../class-name';
import { currentThreadData } from '../thread/current-thread';

/** What happens when a main-thread-only API is called from another thread. */
export type AffinityPolicy = 'throw' | 'record';

/** One call of a main-thread-only API from the wrong thread. */
export interface AffinityViolation {
  /** The class whose method was called, e.g. `SDNode`. */
  readonly className: string;
  /** The method, e.g. `setPropertyValue`. */
  readonly method: string;
  /** The calling thread as messages show it: `"TimerThread" (worker #1)`. */
  readonly thread: string;
  /** The calling thread's id (0 is main). */
  readonly threadId: number;
  /** The full message of the {@link AffinityError}. */
  readonly message: string;
  /** The stack at the call, as text. */
  readonly stack: string;
}

/** Options of {@link mainThreadOnly} and {@link assertMainThread}. */
export interface GuardOptions {
  /** The API's name in messages (default: `this API`): `the Designer API is main-thread-only`. */
  readonly api?: string;
  /** What to do instead, in messages. Default: emit a queued signal to a main-thread receiver. */
  readonly fix?: string;
}

const DEFAULT_FIX = 'Emit a signal connected with QueuedConnection to a receiver on the main thread instead.';

let policy: AffinityPolicy = 'throw';
const recorded: AffinityViolation[] = [];
const listeners = new Set<(violation: AffinityViolation) => void>();

/**
 * The affinity checks' shared state: the policy, the violations recorded in this thread, and listeners
 * (the thread package listens in workers and reports violations to the main thread).
 */
export const affinity = {
  /** The current policy: `'throw'` (default) raises an {@link AffinityError}; `'record'` only records. */
  get policy(): AffinityPolicy {
    return policy;
  },
  /** Sets the policy; returns the previous one. */
  setPolicy(next: AffinityPolicy): AffinityPolicy {
    if (next !== 'throw' && next !== 'record') {
      throw new AffinityError(`affinity.setPolicy(${String(next)}): the policy must be 'throw' or 'record'.`);
    }
    const previous = policy;
    policy = next;
    return previous;
  },
  /** The violations recorded so far (under either policy), oldest first. */
  violations(): readonly AffinityViolation[] {
    return recorded;
  },
  /** Forgets the recorded violations. */
  clear(): void {
    recorded.length = 0;
  },
  /** Calls `listener` for each new violation; returns a function that removes it. */
  onViolation(listener: (violation: AffinityViolation) => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** @internal Adds a violation that happened elsewhere (a worker's, reported to this thread). */
  record(violation: AffinityViolation): void {
    recorded.push(violation);
    for (const listener of listeners) listener(violation);
  },
};

/**
 * Checks that the caller runs on the main thread. If not, records an {@link AffinityViolation} and, under
 * the `'throw'` policy, throws an {@link AffinityError} naming the call, the thread and the fix.
 */
export function assertMainThread(className: string, method: string, options: GuardOptions = {}): void {
  const here = currentThreadData();
  if (here.isMain) return;
  const message =
    `${className}.${method}() was called from thread ${here.describe()}; ${options.api ?? 'this API'} is main-thread-only. ` +
    (options.fix ?? DEFAULT_FIX);
  const error = new AffinityError(message);
  Error.captureStackTrace?.(error, assertMainThread);
  affinity.record({
    className,
    method,
    thread: here.describe(),
    threadId: here.id,
    message,
    stack: error.stack ?? message,
  });
  if (policy === 'throw') throw error;
}

type AnyClass = abstract new (...args: never[]) => object;

/**
 * Makes every method of `cls` (prototype and static, inherited ones included up to `Object`) check
 * {@link assertMainThread} before it runs. Returns `cls`, patched in place; guarding twice is harmless.
 */
export function mainThreadOnly<C extends AnyClass>(cls: C, options: GuardOptions = {}): C {
  const className = classNameOf(cls as { name: string }) || 'object';
  guardMethods(cls.prototype as object, className, options, Object.prototype);
  guardMethods(cls, className, options, Function.prototype);
  return cls;
}

const GUARDED = Symbol('sigslot.mainThreadOnly');

function guardMethods(holder: object, className: string, options: GuardOptions, stop: object): void {
  const seen = new Set<string>();
  for (
    let proto: object | null = holder;
    proto !== null && proto !== stop;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || key === 'prototype' || key === 'name' || key === 'length' || seen.has(key)) continue;
      seen.add(key);
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      const original: unknown = descriptor.value;
      if (typeof original !== 'function' || (original as { [GUARDED]?: true })[GUARDED]) continue;
      const guarded = {
        [key](this: unknown, ...args: unknown[]): unknown {
          assertMainThread(className, key, options);
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        },
      }[key]!;
      Object.defineProperty(guarded, GUARDED, { value: true });
      Object.defineProperty(holder, key, { ...descriptor, value: guarded });
    }
  }
}
