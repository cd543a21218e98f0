// tasks.ts — tasks are functions exported by a module: a worker loads the module and calls them.
import type { QPromise } from '@sigslot/concurrent';

export function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

export function square(n: number): number {
  return n * n;
}

export function countTo(promise: QPromise<number>, n: number): void {
  promise.setProgressRange(0, n);
  for (let i = 1; i <= n; i++) {
    promise.suspendIfRequested(); // parks the worker, without CPU, while the future is suspended
    if (promise.isCanceled()) return; // shared memory: seen at once, inside this synchronous loop
    promise.setProgressValue(i);
  }
  promise.addResult(n);
}
