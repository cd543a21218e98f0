// Tasks for the browser test: the pool worker script (pool-worker.ts) registers this module as "tasks".
import type { QPromise } from '@sigslot/concurrent';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function add(a: number, b: number): number {
  return a + b;
}

/** Returns `item.value` after blocking `item.ms` (Atomics.wait: a Web Worker may block). */
export function delayed(item: { value: number; ms: number }): number {
  Atomics.wait(sleeper, 0, 0, item.ms);
  return item.value;
}

export function countTo(promise: QPromise<number>, n: number): void {
  promise.setProgressRange(0, n);
  for (let i = 1; i <= n; i++) {
    promise.addResult(i);
    promise.setProgressValue(i);
  }
}

export function spinUntilCanceled(promise: QPromise<number>): void {
  promise.setProgressRange(0, 1);
  let turns = 0;
  while (!promise.isCanceled()) turns++;
  promise.addResult(turns);
}

// The tasks the Node tests also run, the same code in a Web Worker.
export { produce, sumBytes, addMovedBytes, waitForGate } from '../fixtures/tasks';
