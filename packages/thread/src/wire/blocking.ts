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

/** The longest and shortest a worker polls for main's answer before it sleeps (ms); see {@link AnswerSpin}. */
const MAX_SPIN_MS = 0.05;
const MIN_SPIN_MS = 0.002;
/**
 * The most loads one poll makes whatever the clock says: a browser coarsens `performance.now()` (to 5 µs or 100 µs,
 * more with fingerprinting protection), which would otherwise stretch a poll to its next tick. About 80 µs of
 * `Atomics.load` on Node 20, less where the load is inlined.
 */
const MAX_SPIN_LOADS = 8192;

/**
 * A worker's wait for the main thread's answer to a blocking emit, polled a while before it sleeps in
 * `Atomics.wait`. Sleeping costs twice: the main thread's `Atomics.notify` then wakes a sleeper (a system call,
 * about 2.6 µs of main's time here), and the worker takes several µs to be scheduled again; a round trip answered
 * while the worker still polls took about a third of one that slept (bench group 3). The poll is bounded (50 µs
 * at most) and adapts to how long answers take: after one that came while polling, or soon after the poll gave
 * up, the next poll may last twice as long; after one that came later, half as long. So a worker whose main
 * thread is slow to answer, or a machine with no core to spare, soon polls for a few µs only. Only workers poll:
 * a main thread never spins.
 */
export class AnswerSpin {
  private budgetMs = MAX_SPIN_MS;

  /** Waits until `control[index]` leaves 0, polling first; returns it as {@link waitForAnswer} does. */
  wait(control: Int32Array, index: number): number {
    const budget = this.budgetMs;
    const start = performance.now();
    const deadline = start + budget;
    for (let i = 1; ; i++) {
      const value = Atomics.load(control, index);
      if (value !== 0) {
        this.budgetMs = Math.min(MAX_SPIN_MS, budget * 2);
        return value;
      }
      // The clock costs more than a load: read it every 64.
      if ((i & 63) === 0 && (performance.now() >= deadline || i >= MAX_SPIN_LOADS)) break;
    }
    const value = waitForAnswer(control, index);
    // Would a longer poll have caught it? Then poll longer next time; else shorter.
    const took = performance.now() - start;
    this.budgetMs = took < MAX_SPIN_MS ? Math.min(MAX_SPIN_MS, budget * 2) : Math.max(MIN_SPIN_MS, budget / 2);
    return value;
  }
}

/**
 * Wakes the thread waiting on `control[index]` with `code` (1: answered, 2: released by an error or an end; 3:
 * answered with nothing to read, see `ControlWords.WorkerWait`).
 */
export function answer(control: Int32Array, index: number, code: 1 | 2 | 3): void {
  Atomics.store(control, index, code);
  Atomics.notify(control, index);
}

/** Blocks the calling thread for `ms` milliseconds (cut short only when the thread is terminated). */
export function sleepOn(control: Int32Array, ms: number): void {
  if (ms > 0) Atomics.wait(control, ControlWords.Sleep, 0, ms);
}

/**
 * Backpressure, in a worker, before it posts a batch: if more than `high` of the `posted` queued emits are
 * still waiting for the main side, blocks until no more than `low` are. Never waits while the main thread is
 * blocked on this worker (`MainBlocked`: the main thread could not drain, so waiting would deadlock) or once
 * the thread is released (`Release`: it is being terminated or has ended). Returns true if it had to wait.
 */
export function waitForDrain(control: Int32Array, posted: number, high: number, low: number): boolean {
  if (((posted - Atomics.load(control, ControlWords.Delivered)) | 0) <= high) return false;
  for (;;) {
    // Read the wake counter first: a change after this read changes it, so the wait below returns at once.
    const wake = Atomics.load(control, ControlWords.Wake);
    if (Atomics.load(control, ControlWords.MainBlocked) !== 0 || Atomics.load(control, ControlWords.Release) !== 0)
      return true;
    if (((posted - Atomics.load(control, ControlWords.Delivered)) | 0) <= low) return true;
    Atomics.wait(control, ControlWords.Wake, wake, SLICE_MS);
  }
}

/** Main side: `count` more queued emits were delivered; wakes a worker waiting for the backlog to drain. */
export function delivered(control: Int32Array, count: number): void {
  Atomics.add(control, ControlWords.Delivered, count);
  wakeWorker(control);
}

/** Main side: a new routing version (see `ControlWords.Routing`); returns it. */
export function nextRouting(control: Int32Array): number {
  const version = Atomics.add(control, ControlWords.Routing, 1) + 1;
  wakeWorker(control); // a worker's emits read `Routing` again only when `Wake` changed
  return version;
}

/** Main side: sets a backpressure word (`MainBlocked`, `Release`) and wakes a worker waiting to drain. */
export function setAndWake(control: Int32Array, index: number, value: number): void {
  Atomics.store(control, index, value);
  wakeWorker(control);
}

function wakeWorker(control: Int32Array): void {
  Atomics.add(control, ControlWords.Wake, 1);
  Atomics.notify(control, ControlWords.Wake);
}
