// What `then` attaches to a future (Qt's continuation, QF-9), as one small object: `await future` calls `then`, and
// a burst of awaited tasks holds one of these per task until its result arrives, so it carries no closures.
import { TaskCanceledError } from '../errors';
import type { FutureState } from './future-state';
import { resolveWith, settleWith } from './settle';

/** What awaiting a future gives: its first result (`run`), or all of them in index order (`mapped`, `filtered`). */
export type AwaitMode = 'first' | 'all';

/** The value `await` gives for a future: its first result, or all of them in index order. */
export function awaitedValue(state: FutureState<unknown>, mode: AwaitMode): unknown {
  return mode === 'all' ? state.results() : state.store[0];
}

/** The error a canceled future rejects with: the one it failed with, or a TaskCanceledError naming it. */
export function failureOf(state: FutureState<unknown>): unknown {
  return state.exception?.error ?? new TaskCanceledError(`${state.label} was canceled.`);
}

/** `then(onFulfilled, onRejected)` on a future: settles `next` from the parent's outcome once the parent finishes. */
export class ThenContinuation {
  constructor(
    private readonly parent: FutureState<unknown>,
    private readonly mode: AwaitMode,
    readonly next: FutureState<unknown>,
    private readonly onFulfilled: ((value: never) => unknown) | null | undefined,
    private readonly onRejected: ((error: unknown) => unknown) | null | undefined,
  ) {
    next.labelSource = this;
    next.start();
    parent.whenFinished(this);
  }

  /** Names the new future in messages. */
  describe(): string {
    return `a continuation of ${this.parent.label}`;
  }

  /** Runs when the parent finishes. */
  settle(): void {
    const parent = this.parent;
    if (!parent.canceled) {
      const value = awaitedValue(parent, this.mode);
      if (this.onFulfilled) settleWith(this.next, this.onFulfilled as (value: unknown) => unknown, value);
      else resolveWith(this.next, value);
    } else if (this.onRejected) settleWith(this.next, this.onRejected, failureOf(parent));
    else if (parent.exception) this.next.fail(parent.exception.error);
    else this.next.cancelAndFinish();
  }
}
