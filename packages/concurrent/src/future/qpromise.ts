import { FutureState } from './future-state';
import { QFuture } from './qfuture';

/**
 * The reporting side of a future (Qt's `QPromise<T>`): results, progress, an exception, and the cancel/suspend checks
 * of a long computation.
 *
 * A task run with `QtConcurrent.runWithPromise` gets one as its first parameter, in its worker: there `isCanceled()`
 * reads shared memory (a synchronous loop sees a cancel at once, without yielding) and `suspendIfRequested()` parks
 * the worker without using CPU until `resume()` or `cancel()`. On the thread that made it, `new QPromise<T>()` drives
 * a future by hand; `suspendIfRequested()` cannot block there and only records that the computation paused.
 *
 * A promise disposed (`using`) or collected without `finish()` cancels its future, so a waiter never hangs (QP-1).
 */
export class QPromise<T> implements Disposable {
  private readonly state: FutureState<T>;

  constructor() {
    this.state = new FutureState<T>();
    this.state.label = 'a QPromise';
    abandoned.register(this, this.state, this.state);
  }

  /** The future this promise reports to. */
  future(): QFuture<T> {
    return new QFuture(this.state);
  }

  /** Marks the computation started (`run` does it for a task). */
  start(): void {
    this.state.start();
  }
  /** Marks it finished (`run` does it when a task returns); later reports are ignored. */
  finish(): void {
    this.state.finish();
    abandoned.unregister(this.state);
  }
  /** Appends `value`, or stores it at `index`; false when canceled, finished, or that index is taken (QP-2). */
  addResult(value: T, index?: number): boolean {
    return this.state.addResults([value], index);
  }
  /** Appends `values` (or stores them from `index` on) as one batch: watchers get one `resultsReadyAt`. */
  addResults(values: readonly T[], index?: number): boolean {
    return this.state.addResults(values, index);
  }
  /** Sets the progress range (QP-3: `max < min` means `max = min`; the value goes back to `min`). */
  setProgressRange(minimum: number, maximum: number): void {
    this.state.setProgressRange(minimum, maximum);
  }
  /** Sets the progress; ignored outside the range and when not above the current value (progress only rises). */
  setProgressValue(value: number): void {
    this.state.setProgressValue(value);
  }
  /** Sets the progress and its text. */
  setProgressValueAndText(value: number, text: string): void {
    this.state.setProgressValue(value, text);
  }
  /** Fails the computation with `error` (once; ignored after cancel or finish). */
  setException(error: unknown): void {
    if (!this.state.canceled) this.state.setException(error);
  }
  /** True once the future was canceled: stop early. */
  isCanceled(): boolean {
    return this.state.canceled;
  }
  /** On this thread: records that a requested pause was reached (a worker's promise blocks here instead). */
  suspendIfRequested(): void {
    this.state.reportSuspended();
  }

  /** Cancels and finishes the future if the computation did not finish it (Qt's destructor). */
  [Symbol.dispose](): void {
    if (this.state.finished) return;
    this.state.cancel();
    this.state.finish();
    abandoned.unregister(this.state);
  }
}

/** QP-1 for promises that are simply dropped: the future is canceled and finished once the promise is collected. */
const abandoned = new FinalizationRegistry<FutureState<unknown>>((state) => {
  if (state.finished) return;
  state.cancel();
  state.finish();
});
