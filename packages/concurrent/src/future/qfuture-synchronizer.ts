import type { QFuture } from './qfuture';

/**
 * Waits for several futures at once (Qt's QFutureSynchronizer). Qt's destructor waits for every future; here that
 * is `await using sync = new QFutureSynchronizer()`: leaving the block waits (and cancels first with
 * `setCancelOnWait(true)`).
 */
export class QFutureSynchronizer<T> implements AsyncDisposable {
  private list: QFuture<T, unknown>[] = [];
  private cancelOnWaitValue = false;

  /** A synchronizer holding `future`, if given. */
  constructor(future?: QFuture<T, unknown>) {
    if (future) this.addFuture(future);
  }

  /** Holds one more future. */
  addFuture(future: QFuture<T, unknown>): void {
    this.list.push(future);
  }
  /** Waits for the futures held so far, forgets them, then holds `future` (Qt's setFuture). */
  async setFuture(future: QFuture<T, unknown>): Promise<void> {
    await this.waitForFinished();
    this.clearFutures();
    this.addFuture(future);
  }
  /** The futures held. */
  futures(): readonly QFuture<T, unknown>[] {
    return this.list;
  }
  /** Forgets the futures held (without waiting). */
  clearFutures(): void {
    this.list = [];
  }
  /** With true, waiting cancels each future first. */
  setCancelOnWait(cancel: boolean): void {
    this.cancelOnWaitValue = cancel;
  }
  /** Whether waiting cancels the futures first. */
  cancelOnWait(): boolean {
    return this.cancelOnWaitValue;
  }
  /** Resolves when every future held is finished (canceling each first with `setCancelOnWait(true)`). */
  async waitForFinished(): Promise<void> {
    if (this.cancelOnWaitValue) for (const future of this.list) future.cancel();
    // Every future, however it ended: a failed one is its owner's to read (future.exception()).
    await Promise.all(this.list.map((future) => future.waitForFinished().catch(() => undefined)));
  }
  /** `await using`: waits for every future held (Qt's destructor). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.waitForFinished();
  }
}
