import { sharedBuffer } from '@sigslot/thread/channel';
import { CANCEL, CREDIT, SLOTS, SUSPEND, UNLIMITED } from './protocol';

/**
 * The pool's shared words for the tasks in its workers: one flag word per task (cancel, suspend) and one credit
 * word (how many results it may have reported, QW-7). A task holds a slot from when it is sent until it ends; the
 * worker reads its words without a message, so a synchronous loop sees a change at once.
 */
export class TaskSlots {
  /** Flag words at `slot`, credit words at `CREDIT + slot`; the workers get this array. */
  readonly words = new Int32Array(sharedBuffer(SLOTS * 8, 'QThreadPool'));
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => SLOTS - 1 - i);

  /** Slots free now. */
  get available(): number {
    return this.free.length;
  }

  /** A free slot, set up for a task sent suspended or not, with `credit` results allowed. */
  take(suspended: boolean, credit: number): number {
    const slot = this.free.pop()!;
    Atomics.store(this.words, slot, suspended ? SUSPEND : 0);
    Atomics.store(this.words, CREDIT + slot, Math.min(credit, UNLIMITED));
    return slot;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  /** Sets or clears `bit` and wakes a task parked on it; a cancel also lifts the credit, so a task waiting for it wakes. */
  setFlag(slot: number, bit: number, on: boolean): void {
    if (on) Atomics.or(this.words, slot, bit);
    else Atomics.and(this.words, slot, ~bit);
    Atomics.notify(this.words, slot);
    if (bit === CANCEL && on) this.setCredit(slot, UNLIMITED);
  }

  setCredit(slot: number, credit: number): void {
    Atomics.store(this.words, CREDIT + slot, Math.min(credit, UNLIMITED));
    Atomics.notify(this.words, CREDIT + slot);
  }
}
