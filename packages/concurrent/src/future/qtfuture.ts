import type { Signal } from '@sigslot/core';
import { FutureState } from './future-state';
import { QFuture } from './qfuture';

/** What `QtFuture.connect` gives for a signal's arguments: nothing, the one argument, or all of them as a tuple. */
export type SignalValue<Args extends unknown[]> = Args extends [] ? undefined : Args extends [infer A] ? A : Args;

/** The first future to finish among those given to `QtFuture.whenAny`, and its index (-1 when none was given). */
export interface WhenAnyResult<F> {
  readonly index: number;
  readonly future: F | null;
}

/** Qt's control for a future nobody computes: a cancel has nothing to stop, a suspend or a limit nothing to hold. */
const NOTHING_TO_CONTROL = { cancel: () => {}, setSuspended: () => {}, setResultCredit: () => {} };

/** A started future whose state `fill` completes, now or later. */
function made<T, A = T>(label: string, fill: (state: FutureState<T>) => void, awaitAll = false): QFuture<T, A> {
  const state = new FutureState<T>();
  state.label = label;
  state.control = NOTHING_TO_CONTROL;
  state.start();
  fill(state);
  return new QFuture<T, A>(state, awaitAll ? 'all' : 'first');
}

/** Futures that complete together: the index of each in the list, when it finishes (finished now if it is). */
function onEachFinished(futures: ReadonlyArray<QFuture<unknown, unknown>>, callback: (index: number) => void): void {
  futures.forEach((future, index) => future.state.whenFinished(() => callback(index)));
}

/**
 * Qt's QtFuture namespace (QF-12): futures made ready, made failed, made from a signal's next emission, and
 * combined (`whenAll`, `whenAny`). Each is an ordinary {@link QFuture}: awaitable, watchable, chainable.
 */
export const QtFuture = {
  /** A finished future with `value` as its result (Qt's makeReadyValueFuture). */
  makeReadyFuture<T>(value: T): QFuture<T> {
    return made<T>('QtFuture.makeReadyFuture()', (state) => {
      state.addResults([value]);
      state.finish();
    });
  },

  /** A finished future with `values` as its results, in order; awaiting it gives them all (makeReadyRangeFuture). */
  makeReadyRangeFuture<T>(values: readonly T[]): QFuture<T, T[]> {
    return made<T, T[]>(
      'QtFuture.makeReadyRangeFuture()',
      (state) => {
        state.addResults(values);
        state.finish();
      },
      true,
    );
  },

  /** A finished future that failed with `error`: awaiting it rejects with `error`, `onFailed` handles it. */
  makeExceptionalFuture<T = never>(error: unknown): QFuture<T> {
    return made<T>('QtFuture.makeExceptionalFuture()', (state) => state.fail(error));
  },

  /**
   * A future fulfilled by the next emission of `signal`: with its one argument, a tuple of several, or undefined
   * for none. It is canceled if the signal's owner is destroyed first; canceling it stops listening.
   */
  connect<Args extends unknown[]>(signal: Signal<Args>): QFuture<SignalValue<Args>> {
    const stop = new AbortController();
    return made<SignalValue<Args>>(`QtFuture.connect(${signal.describe()})`, (state) => {
      state.control = { ...NOTHING_TO_CONTROL, cancel: () => stop.abort() };
      signal.once({ signal: stop.signal }).then(
        (args) => {
          state.addResults([(args.length === 0 ? undefined : args.length === 1 ? args[0] : args) as SignalValue<Args>]);
          state.finish();
        },
        () => state.cancelAndFinish(),
      );
    });
  },

  /**
   * A future that finishes when every one of `futures` has finished — completed, failed or canceled — with the list
   * of them, in the order given, as its result (Qt's whenAll: it never fails itself; inspect each future).
   */
  whenAll<F extends QFuture<unknown, unknown>>(futures: readonly F[]): QFuture<F[]> {
    return made<F[]>(`QtFuture.whenAll() of ${futures.length} futures`, (state) => {
      let left = futures.length;
      const done = (): void => {
        state.addResults([[...futures]]);
        state.finish();
      };
      if (left === 0) return done();
      onEachFinished(futures, () => {
        if (--left === 0) done();
      });
    });
  },

  /**
   * A future that finishes as soon as one of `futures` finishes (completed, failed or canceled), with that one and
   * its index in the list; with no futures, at once, with index -1.
   */
  whenAny<F extends QFuture<unknown, unknown>>(futures: readonly F[]): QFuture<WhenAnyResult<F>> {
    return made<WhenAnyResult<F>>(`QtFuture.whenAny() of ${futures.length} futures`, (state) => {
      const done = (index: number): void => {
        if (state.finished) return;
        state.addResults([{ index, future: futures[index] ?? null }]);
        state.finish();
      };
      if (futures.length === 0) return done(-1);
      onEachFinished(futures, done);
    });
  },
};
