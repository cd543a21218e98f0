// How a continuation's outcome completes the future it returned (QF-9, QF-11): a value, a thenable to follow, or a
// throw.
import type { FutureState } from './future-state';

/** Completes `next` with `value`, following it first when it is a thenable (a QFuture or a Promise). */
export function resolveWith(next: FutureState<unknown>, value: unknown): void {
  if (value !== null && (typeof value === 'object' || typeof value === 'function') && 'then' in value) {
    (value as PromiseLike<unknown>).then(
      (v) => resolveWith(next, v),
      (e) => next.fail(e),
    );
    return;
  }
  next.addResults([value]);
  next.finish();
}

/** Completes `next` with what `fn` returns (followed if a thenable), or fails it with what `fn` throws. */
export function settleWith(next: FutureState<unknown>, fn: () => unknown): void {
  let value: unknown;
  try {
    value = fn();
  } catch (error) {
    next.fail(error);
    return;
  }
  resolveWith(next, value);
}
