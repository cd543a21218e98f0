// What the page's rule checks share (rules*.ts): the task references, a pool of the page's own Web Workers, a turn
// of the event loop, and a shared gate a task waits on.
import { QThreadPool, type taskModule } from '@sigslot/concurrent';
import type * as Tasks from './tasks';

/** The page's references to the tasks its pool worker script serves. */
export type TaskRefs = ReturnType<typeof taskModule<typeof Tasks>>;

/** A pool of `max` threads whose Web Workers run pool-worker.js. */
export function newPool(max: number): QThreadPool {
  const pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  pool.maxThreadCount = max;
  return pool;
}

/** Lets the pool hand out what it queued in this turn (it does so in a microtask). */
export const aTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Opens a gate a task waits on (`waitForGate`). */
export function openGate(cell: Int32Array): void {
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
}
