import type { QFuture } from './qfuture';

/**
 * Waits for several futures at once (Qt's QFutureSynchronizer). Qt's destructor waits for every future; here that
 * is `await using sync = new QFutureSynchronizer()`: leaving the block waits (and cancels first with
 * `setCancelOnWait(true)`).
 */
export class QFutureSynchronizer<T> implements AsyncDisposable {
  private list: QFuture<T, unknown>[] = [];
  private cancelOnWaitValue = false;

  constructor(future?: QFuture<T, unknown>) {
    if (future) this.addFuture(future);
  }

  addFuture(future: QFuture<T, unknown>): void {
    this.list.push(future);
  }
  /** Waits for the futures held so far, forgets them, then holds `future` (Qt's setFuture). */
  async setFuture(future: QFuture<T, unknown>): Promise<void> {
    await this.waitForFinished();
    this.clearFutures();
    this.addFuture(future);
  }
  futures(): readonly QFuture<T, unknown>[] {
    return this.list;
  }
  clearFutures(): void {
    this.list = [];
  }
  setCancelOnWait(cancel: boolean): void {
    this.cancelOnWaitValue = cancel;
  }
  cancelOnWait(): boolean {
    return this.cancelOnWaitValue;
  }
  /** Resolves when every future held is finished (canceling each first with `setCancelOnWait(true)`). */
  async waitForFinished(): Promise<void> {
    if (this.cancelOnWaitValue) for (const future of this.list) future.cancel();
    await Promise.all(this.list.map((future) => future.waitForFinished()));
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.waitForFinished();
  }
}
