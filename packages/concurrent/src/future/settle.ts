// How a continuation's outcome completes the future it returned (QF-9, QF-11): a value, a thenable to follow, or a
// throw.
import type { FutureState } from './future-state';

/** Completes `next` with `value`, or, if `value` is a thenable, with what it settles to. */
export function resolveWith(next: FutureState<unknown>, value: unknown): void {
  if (value !== null && (typeof value === 'object' || typeof value === 'function') && 'then' in value) {
    (value as PromiseLike<unknown>).then(
      (v) => resolveWith(next, v),
      (e) => next.fail(e),
    );
    return;
  }
  next.addResult(value);
  next.finish();
}

/** Calls `fn(arg)` and completes `next` with its outcome: its value (followed if a thenable), or what it threw. */
export function settleWith<A>(next: FutureState<unknown>, fn: (arg: A) => unknown, arg: A): void {
  let value: unknown;
  try {
    value = fn(arg);
  } catch (error) {
    next.fail(error);
    return;
  }
  resolveWith(next, value);
}
