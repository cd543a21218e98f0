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
