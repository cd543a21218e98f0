import { ControlWords } from './protocol';

/** How long one `Atomics.wait` slice lasts before the waiter checks whether the other side is gone. */
const SLICE_MS = 50;

/**
 * Blocks the calling thread until `control[index]` leaves 0 (the other side stores a result code and
 * notifies), and returns that code. `gone()` is polled between slices so that a waiter is released when the
 * thread it waits for has ended.
 */
export function waitForAnswer(control: Int32Array, index: number, gone: () => boolean = () => false): number {
  for (;;) {
    Atomics.wait(control, index, 0, SLICE_MS);
    const value = Atomics.load(control, index);
    if (value !== 0) return value;
    if (gone()) return 2;
  }
}

/** Wakes the thread waiting on `control[index]` with `code` (1: answered, 2: released by an error or an end). */
export function answer(control: Int32Array, index: number, code: 1 | 2): void {
  Atomics.store(control, index, code);
  Atomics.notify(control, index);
}

/** Blocks the calling thread for `ms` milliseconds (cut short only when the thread is terminated). */
export function sleepOn(control: Int32Array, ms: number): void {
  if (ms > 0) Atomics.wait(control, ControlWords.Sleep, 0, ms);
}
