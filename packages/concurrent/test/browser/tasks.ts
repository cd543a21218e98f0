// Tasks for the browser test: the pool worker script (pool-worker.ts) registers this module as "tasks".
import { transfer, type QPromise } from '@sigslot/concurrent';

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

/** Spins (uses CPU, as real work does) for `ms`. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** A fast producer: `n` results, one every `ms`; `produced[0]` counts those whose addResult returned. */
export function produce(promise: QPromise<number>, n: number, ms: number, produced: Int32Array): void {
  for (let i = 0; i < n; i++) {
    work(ms);
    promise.addResult(i);
    Atomics.add(produced, 0, 1);
  }
}

/** The sum of `bytes` and the size of the buffer it arrived in. */
export function sumBytes(bytes: Uint8Array): { sum: number; bufferBytes: number } {
  let sum = 0;
  for (const byte of bytes) sum += byte;
  return { sum, bufferBytes: bytes.buffer.byteLength };
}

/** Adds `n` bytes of 1 as a moved result, then the size its buffer has here after addResult. */
export function addMovedBytes(promise: QPromise<Uint8Array | number>, n: number): void {
  const bytes = new Uint8Array(n).fill(1);
  promise.addResult(transfer(bytes, [bytes.buffer]));
  promise.addResult(bytes.buffer.byteLength);
}

/** Returns `value` once the page stores a non-zero in `gate[0]`. */
export function waitForGate(gate: Int32Array, value: number): number {
  while (Atomics.load(gate, 0) === 0) Atomics.wait(gate, 0, 0);
  return value;
}
