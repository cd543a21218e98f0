import { reportError } from '@sigslot/core';
import type { SpareWorker } from '../endpoint/endpoint';
import { spawnSpareNodeWorker } from '../endpoint/node-endpoint';
import { ThreadCrashedError } from '../errors';
import { NODE_PREPARED_BOOTSTRAP } from '../endpoint/node-bootstrap';
import { isTypeScript, resolveTsx } from '../endpoint/tsx';
import { checkPrepareCount } from './prepare-count';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The spare workers `QThread.prepareWorkers()` keeps (Node): each has started and loaded the runtime, and waits
 * for a thread; `QThread.start()` takes one with {@link takePreparedWorker}. Keeps `target` of them: one taken is
 * replaced once its thread has sent its first message, so that starting the replacement does not compete with
 * that thread's own start. One pool per isolate (per copy of the package).
 */
class PreparedWorkers {
  private target = 0;
  private entry: string | undefined;
  private tsx: string | undefined;
  private esm: string | undefined;
  private readonly spares: SpareWorker[] = [];
  /** Spares taken whose threads have not sent their first message yet: their replacements wait for them. */
  private taken = 0;
  private waiters: Waiter[] = [];

  get count(): number {
    return this.spares.length;
  }

  /**
   * Keeps `count` spares that load `entry` (this package's entry point) and `esm` (its ESM entry, if the program
   * imported that); resolves once that many are ready.
   */
  prepare(count: number, entry: string | undefined, esm: string | undefined): Promise<void> {
    checkPrepareCount(count);
    if (entry === undefined) return Promise.resolve(); // no entry for a generic worker (a browser): nothing to prepare
    if (count === 0) return this.release();
    // Checked now, so that a missing tsx is reported at this call, not by a worker that fails later.
    const tsx = isTypeScript(entry) ? resolveTsx(entry, 'QThread.prepareWorkers()') : undefined;
    this.entry = entry;
    this.tsx = tsx;
    this.esm = esm;
    this.target = count;
    this.spares.sort((a, b) => Number(b.ready) - Number(a.ready)); // fewer wanted: stop the ones still starting first
    for (const spare of this.spares.splice(count)) void spare.terminate();
    this.fill();
    const promise = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.settle();
    return promise;
  }

  /** Stops every spare and keeps none; resolves once they have stopped. */
  async release(): Promise<void> {
    this.target = 0;
    const stopping = this.spares.splice(0).map((spare) => spare.terminate());
    this.settle();
    await Promise.all(stopping);
  }

  /** A spare for a thread to start on, ready ones first, or null; a replacement follows. */
  take(): SpareWorker | null {
    const index = this.spares.findIndex((spare) => spare.ready);
    const [spare] = this.spares.splice(index === -1 ? 0 : index, 1);
    if (!spare) return null;
    this.taken++;
    return spare;
  }

  private fill(): void {
    const entry = this.entry;
    if (entry === undefined) return;
    while (this.spares.length + this.taken < this.target) {
      const spare: SpareWorker = spawnSpareNodeWorker(
        NODE_PREPARED_BOOTSTRAP,
        { entry, ...(this.tsx ? { tsx: this.tsx } : {}), ...(this.esm ? { esm: this.esm } : {}) },
        {
          ready: () => this.settle(),
          lost: (error, starting) => this.lost(spare, error, starting),
          busy: () => {
            this.taken--;
            this.fill();
          },
        },
      );
      this.spares.push(spare);
    }
  }

  /**
   * A spare stopped before its thread came. One that had never become ready means that the runtime does not load
   * in a worker: stop preparing (threads start on fresh workers, which report the same failure as their own) and
   * reject the Promises waiting for spares (with none waiting, report it to the error handler). One that was ready
   * is replaced.
   */
  private lost(spare: SpareWorker, error: unknown, starting: boolean): void {
    const index = this.spares.indexOf(spare);
    if (index !== -1) this.spares.splice(index, 1);
    if (!starting) return this.fill();
    const cause =
      error instanceof Error || (typeof error === 'object' && error !== null) ? error : new Error(String(error));
    const message = (cause as { message?: unknown }).message;
    const failure = new ThreadCrashedError(
      `QThread.prepareWorkers(): a prepared worker failed while loading @sigslot/thread from ${this.entry}: ` +
        `${String(message ?? cause)}. No workers are kept prepared; threads start on fresh workers.`,
      { cause },
    );
    this.target = 0;
    for (const other of this.spares.splice(0)) void other.terminate();
    if (this.waiters.length === 0) reportError(failure, { where: 'QThread.prepareWorkers()' });
    for (const waiter of this.waiters.splice(0)) waiter.reject(failure);
  }

  /** Resolves the waiters once `target` spares are ready (or none is wanted any more). */
  private settle(): void {
    if (this.waiters.length === 0) return;
    const ready = this.spares.filter((spare) => spare.ready).length;
    if (this.target === 0 || ready >= this.target) for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }
}

const pool = new PreparedWorkers();

/** `QThread.prepareWorkers()`. */
export function prepareWorkers(count: number, entry: string | undefined, esm: string | undefined): Promise<void> {
  return pool.prepare(count, entry, esm);
}

/** `QThread.preparedWorkers()`. */
export function preparedWorkerCount(): number {
  return pool.count;
}

/** `QThread.releasePreparedWorkers()`. */
export function releasePreparedWorkers(): Promise<void> {
  return pool.release();
}

/** A prepared worker for a thread that `start()` starts now, or null (none is prepared). */
export function takePreparedWorker(): SpareWorker | null {
  return pool.take();
}
