import { DeadlockError } from '@sigslot/core';

/** Threads the graph can tell apart: ids are taken modulo this (ids grow by one per QThread of the program). */
export const WAIT_GRAPH_THREADS = 4096;

/**
 * Who is blocked on whom, in memory every thread of the program shares (Qt finds its deadlocks the same way,
 * one thread at a time: a blocking call to the emitting thread itself). Word `id` holds 1 + the id of the thread
 * that thread `id` waits for, or 0 while it is not blocked. Before it blocks, a thread publishes its wait, then
 * follows the chain from the thread it waits for: reaching itself means the wait could never end, and it throws
 * instead. Publishing first means two threads that start waiting on each other at the same moment cannot both
 * miss the cycle (each store is sequentially consistent); at worst both throw.
 */
export class WaitGraph {
  private readonly words: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer);
  }

  /** A new graph's memory (made once per program, by its main thread). */
  static allocate(): SharedArrayBuffer {
    return new SharedArrayBuffer(WAIT_GRAPH_THREADS * 4);
  }

  /**
   * Publishes that thread `self` is about to block on thread `target`; throws a {@link DeadlockError} (and publishes
   * nothing) when `target` waits, directly or through others, for `self`. `where` names the blocking call and
   * `describe` names a thread by id, for the message; both are called only then (a blocking call is a hot path).
   */
  enter(self: number, target: number, where: () => string, describe: (id: number) => string): void {
    const words = this.words;
    Atomics.store(words, self % WAIT_GRAPH_THREADS, target + 1);
    let hops = 0;
    for (let t = target; hops < WAIT_GRAPH_THREADS; hops++) {
      const next = Atomics.load(words, t % WAIT_GRAPH_THREADS);
      if (next === 0) return;
      t = next - 1;
      if (t === self) break;
    }
    if (hops === WAIT_GRAPH_THREADS) return;
    Atomics.store(words, self % WAIT_GRAPH_THREADS, 0);
    // The chain from `target` back to `self`, walked again for the message: `hops` steps, as just found.
    const chain = [target];
    for (let t = target, i = 0; i < hops; i++) chain.push((t = Atomics.load(words, t % WAIT_GRAPH_THREADS) - 1));
    const through = chain.map(describe).join(' -> ');
    throw new DeadlockError(
      `${where()}: thread ${describe(self)} would block until thread ` +
        `${describe(target)} answers, but ${through} ${chain.length > 1 ? 'wait' : 'waits'} for ${describe(self)} ` +
        `already, so neither could ever go on. Use QueuedConnection (or invokeMethod's promise) for one of the two calls.`,
    );
  }

  /** Thread `self` is no longer blocked. */
  leave(self: number): void {
    Atomics.store(this.words, self % WAIT_GRAPH_THREADS, 0);
  }
}
