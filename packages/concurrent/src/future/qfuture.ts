import { InvalidArgumentError, QObject } from '@sigslot/core';
import { classNameOf, objectThreadData } from '@sigslot/core/kernel';
import { TaskFailedError } from '../errors';
import { awaitedValue, failureOf, ThenContinuation, type AwaitMode } from './continuation';
import { FutureState } from './future-state';
import { settleWith } from './settle';

export type { AwaitMode } from './continuation';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/**
 * The result of an asynchronous computation (Qt's `QFuture<T>`): its state, its results by index, its progress, and
 * the controls that ask it to stop or pause. Awaitable: `await future` gives the result (`run`) or the results in
 * input order (`mapped`, `filtered`), and rejects with the task's error, or with a {@link TaskCanceledError}.
 *
 * `A` is what awaiting gives: `T` for one result, `T[]` for all of them.
 */
export class QFuture<T, A = T> implements PromiseLike<A> {
  /** @internal */ readonly state: FutureState<T>;

  /**
   * `new QFuture<T>()` is an empty future, as Qt's default-constructed QFuture: started, canceled and finished, with
   * no results, and not valid (QF-1). Futures of work come from `QtConcurrent`, `QRunnable.future()` and
   * `QPromise.future()`; the parameters are theirs.
   */
  constructor(state?: FutureState<T>, awaitMode?: AwaitMode);
  constructor(
    state?: FutureState<T>,
    private readonly awaitMode: AwaitMode = 'first',
  ) {
    this.state = state ?? emptyState<T>();
  }

  /** True once the computation started (a queued `run()` counts as started, as in Qt). */
  isStarted(): boolean {
    return this.state.started;
  }
  /** True while started and not finished. */
  isRunning(): boolean {
    return this.state.started && !this.state.finished;
  }
  /** True once the computation ended, by completing, failing or being canceled. */
  isFinished(): boolean {
    return this.state.finished;
  }
  /** True once canceled (by `cancel()`, its AbortSignal, its deadline, `pool.clear()`) or failed. */
  isCanceled(): boolean {
    return this.state.canceled;
  }
  /** True between `suspend()` and the computation reaching its pause point. */
  isSuspending(): boolean {
    return this.state.suspension === 'suspending';
  }
  /** True while the computation is paused in `suspendIfRequested()`. */
  isSuspended(): boolean {
    return this.state.suspension === 'suspended';
  }

  /** True while results can be read: false for an empty future and after `takeResult()` (QF-1). */
  isValid(): boolean {
    return this.state.valid;
  }

  /** How many results have arrived at 0, 1, 2… without a gap (`addResult(v, index)` may leave gaps, QF-4). */
  resultCount(): number {
    return this.state.contiguous;
  }
  /** True when the result at `index` has arrived. */
  isResultReadyAt(index: number): boolean {
    return index in this.state.store;
  }
  /** The result at `index`; throws if it has not arrived (await the future, or watch `resultReadyAt`). */
  resultAt(index: number): T {
    this.throwIfFailed();
    this.throwIfTaken('resultAt');
    if (!(index in this.state.store))
      throw new InvalidArgumentError(
        `${this.state.label}: resultAt(${index}) has not arrived (${this.state.resultTotal} results so far). Await the future, or connect a QFutureWatcher's resultReadyAt.`,
      );
    return this.state.store[index] as T;
  }
  /** The first result (Qt's `result()`). */
  result(): T {
    return this.resultAt(0);
  }
  /** The results that have arrived, in index order (input order for `mapped`/`filtered`). */
  results(): T[] {
    this.throwIfFailed();
    this.throwIfTaken('results');
    return this.state.results();
  }
  /**
   * Takes the first result out: the future lets go of its results and is no longer valid (QF-4, Qt's takeResult),
   * through every handle to it. Throws as `result()` does when it has not arrived.
   */
  takeResult(): T {
    const value = this.resultAt(0);
    this.state.dropResults();
    return value;
  }
  /** The error the computation failed with, or undefined. */
  exception(): unknown {
    return this.state.exception?.error;
  }

  /** The latest progress value reported. */
  progressValue(): number {
    return this.state.progressValue;
  }
  /** The progress range's minimum (0 with no range). */
  progressMinimum(): number {
    return this.state.progressMin;
  }
  /** The progress range's maximum (0 with no range; the item count for map and filter). */
  progressMaximum(): number {
    return this.state.progressMax;
  }
  /** The latest progress text reported. */
  progressText(): string {
    return this.state.progressText;
  }

  /** Asks the computation to stop: a queued task never starts; a running one sees `isCanceled()` (its worker lives on). */
  cancel(): void {
    this.state.cancel();
  }
  /** Asks the computation to pause at its next `suspendIfRequested()`. */
  suspend(): void {
    this.state.suspend();
  }
  /** Lets a paused computation go on. */
  resume(): void {
    this.state.resume();
  }
  /** `suspend()` when true, `resume()` when false. */
  setSuspended(suspend: boolean): void {
    if (suspend) this.suspend();
    else this.resume();
  }
  /** Suspends a running computation, or resumes a suspended (or suspending) one. */
  toggleSuspended(): void {
    this.setSuspended(this.state.suspension === 'none');
  }

  /**
   * Resolves once the future is finished, a canceled one included; rejects with the error the computation failed
   * with, as `result()` throws it (QF-5). A thread that waits cannot run the task itself as Qt's can (the task is a
   * worker's); it waits without holding a pool thread.
   */
  waitForFinished(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.state.whenFinished(() => (this.state.exception ? reject(this.state.exception.error) : resolve())),
    );
  }

  /**
   * A continuation (Qt's `then`), also what `await` calls. `onFulfilled` gets the awaited value when the future
   * completes, where the completion lands (Qt's `QtFuture::Launch::Sync`); `onRejected` (the JavaScript form of
   * `onFailed` + `onCanceled`) gets the error. For Qt's `then(context, fn)` use {@link QFuture.thenOn}: a second
   * form of `then` would make the future unawaitable for TypeScript.
   */
  then<R1 = A, R2 = never>(
    onFulfilled?: ((value: A) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((error: unknown) => R2 | PromiseLike<R2>) | null,
  ): QFuture<Awaited<R1 | R2>> {
    const next = new FutureState<unknown>();
    new ThenContinuation(this.state as FutureState<unknown>, this.awaitMode, next, onFulfilled, onRejected);
    return new QFuture(next) as QFuture<Awaited<R1 | R2>>;
  }

  /**
   * Qt's `then(context, fn)`: `fn` runs in `context`'s thread, through its event loop, after the current turn; not at
   * all if `context` was destroyed (the new future is canceled then). Failures and cancels pass through.
   */
  thenOn<R>(context: QObject, fn: (value: A) => R | PromiseLike<R>): QFuture<Awaited<R>> {
    return this.chain((value, next) => {
      const loop = objectThreadData(context)?.loop;
      if (!loop || context.isDestroyed()) return next.cancelAndFinish();
      loop.post({
        receiver: context,
        run: () => settleWith(next, fn, value),
        cancel: () => next.cancelAndFinish(),
      });
    }) as QFuture<Awaited<R>>;
  }

  /**
   * Handles a failure (Qt's `onFailed`): `fn` runs when the computation threw, only for errors of `type` when given
   * (a {@link TaskFailedError} matches by the original class's name), and its value completes the new future.
   */
  onFailed<R>(fn: (error: unknown) => R): QFuture<T | Awaited<R>, A | Awaited<R>>;
  onFailed<E, R>(type: ErrorClass<E>, fn: (error: E) => R): QFuture<T | Awaited<R>, A | Awaited<R>>;
  onFailed(typeOrFn: unknown, maybeFn?: unknown): QFuture<unknown, unknown> {
    const type = maybeFn === undefined ? null : (typeOrFn as ErrorClass<unknown>);
    const fn = (maybeFn ?? typeOrFn) as (error: unknown) => unknown;
    return this.passThrough((error, next) => {
      if (!this.state.exception || (type && !matches(error, type))) return false;
      settleWith(next, fn, error);
      return true;
    });
  }

  /** Handles a cancel that carried no error (Qt's `onCanceled`): `fn`'s value completes the new future. */
  onCanceled<R>(fn: () => R): QFuture<T | Awaited<R>, A | Awaited<R>> {
    return this.passThrough((_error, next) => {
      if (this.state.exception) return false;
      settleWith(next, fn, undefined);
      return true;
    }) as QFuture<T | Awaited<R>, A | Awaited<R>>;
  }

  private throwIfFailed(): void {
    if (this.state.exception) throw this.state.exception.error;
  }

  private throwIfTaken(method: string): void {
    if (!this.state.valid)
      throw new InvalidArgumentError(
        `${this.state.label}: ${method}() on a future that is not valid (empty, or its results were taken with takeResult()). Keep the value takeResult() returned, or read results() instead of taking them.`,
      );
  }

  /** A continuation whose value is settled by `done` (thenOn's), failures and cancels passed through. */
  private chain(done: (value: A, next: FutureState<unknown>) => void): QFuture<unknown> {
    const next = new FutureState<unknown>();
    next.labelSource = { describe: () => `a continuation of ${this.state.label}` };
    next.start();
    this.state.whenFinished(() => {
      if (!this.state.canceled) done(awaitedValue(this.state, this.awaitMode) as A, next);
      else if (this.state.exception) next.fail(this.state.exception.error);
      else next.cancelAndFinish();
    });
    return new QFuture(next);
  }

  private passThrough(handle: (error: unknown, next: FutureState<unknown>) => boolean): QFuture<unknown, unknown> {
    const next = new FutureState<unknown>();
    next.labelSource = { describe: () => this.state.label };
    next.start();
    this.state.whenFinished(() => {
      if (this.state.canceled && handle(failureOf(this.state), next)) return;
      if (!this.state.canceled) {
        if (this.state.resultTotal > 0) next.addResults(this.state.results());
        next.finish();
      } else if (this.state.exception) next.fail(this.state.exception.error);
      else next.cancelAndFinish();
    });
    return new QFuture(next, this.awaitMode);
  }
}

/** The state of an empty future: started, canceled and finished, not valid (QF-1). */
function emptyState<T>(): FutureState<T> {
  const state = new FutureState<T>();
  state.label = 'an empty QFuture';
  state.valid = false;
  state.cancelAndFinish();
  return state;
}

function matches(error: unknown, type: ErrorClass<unknown>): boolean {
  if (error instanceof type) return true;
  return error instanceof TaskFailedError && error.remoteName === classNameOf(type);
}
