import { InvalidArgumentError } from '../errors';
import type { QObject } from '../object/qobject';
import type { Connection } from '../signal/connection';
import type { Signal } from '../signal/signal';

interface Waiter {
  readonly resolve: (emitted: boolean) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Records every emission of a signal, with its arguments, for tests (Qt Test's `QSignalSpy`).
 *
 * ```ts
 * using spy = new SignalSpy(counter.valueChanged);
 * counter.setValue(3);
 * expect(spy.count).toBe(1);
 * expect(spy.at(0)).toEqual([3]);
 * expect(await spy.wait()).toBe(true); // the next emission, from a queued slot or a worker
 * ```
 *
 * The spy connects a plain function to the signal, so it records on this thread: during the emit for an emission
 * made here, or when an emission made in another thread is delivered here. Disposing it disconnects it; what it
 * recorded stays readable.
 */
export class SignalSpy<Args extends unknown[]> implements Iterable<Args>, Disposable {
  private readonly emissions: Args[] = [];
  private readonly waiters = new Set<Waiter>();
  /** Null when the signal's owner was already destroyed: such a signal never emits, and takes no connection. */
  private readonly connection: Connection<Args> | null;
  private readonly ownerGone: Connection<[object: QObject]> | undefined;

  /**
   * Starts recording `signal`'s emissions.
   * @param signal The signal spied on.
   */
  constructor(readonly signal: Signal<Args>) {
    const owner = signal.owner;
    this.connection = owner?.isDestroyed() ? null : signal.connect((...args: Args) => this.record(args));
    // A signal whose owner is destroyed never emits again: release the waiters at once rather than at their timeout.
    this.ownerGone =
      this.connection && owner !== null && (owner.destroyed as unknown) !== signal
        ? owner.destroyed.connect(() => this.releaseWaiters(false))
        : undefined;
  }

  private record(args: Args): void {
    this.emissions.push(args);
    this.releaseWaiters(true);
  }

  private releaseWaiters(emitted: boolean): void {
    if (this.waiters.size === 0) return;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(emitted);
    }
  }

  /** How many emissions have been recorded (and not taken or cleared). */
  get count(): number {
    return this.emissions.length;
  }

  /** Same as {@link SignalSpy.count}, for `expect(spy).toHaveLength(n)`. */
  get length(): number {
    return this.emissions.length;
  }

  /** True while the spy is connected to its signal (until {@link SignalSpy.dispose}, or the owner's destruction). */
  get isValid(): boolean {
    return this.connection?.connected ?? false;
  }

  /**
   * The arguments of emission `index`, oldest first; a negative index counts from the end, as `Array.at`.
   * Throws an {@link InvalidArgumentError} when there is no such emission.
   */
  at(index: number): Args {
    const args = this.emissions.at(index);
    if (args === undefined) {
      throw new InvalidArgumentError(
        `SignalSpy(${this.signal.describe()}).at(${index}): ${this.describeCount()}, so there is no emission ${index}.`,
      );
    }
    return args;
  }

  /** Removes and returns the oldest recorded emission's arguments. Throws an {@link InvalidArgumentError} when none is left. */
  takeFirst(): Args {
    if (this.emissions.length === 0) {
      throw new InvalidArgumentError(`SignalSpy(${this.signal.describe()}).takeFirst(): no emission is recorded.`);
    }
    return this.emissions.shift()!;
  }

  /** Removes and returns the newest recorded emission's arguments. Throws an {@link InvalidArgumentError} when none is left. */
  takeLast(): Args {
    if (this.emissions.length === 0) {
      throw new InvalidArgumentError(`SignalSpy(${this.signal.describe()}).takeLast(): no emission is recorded.`);
    }
    return this.emissions.pop()!;
  }

  /** Forgets the recorded emissions; the spy keeps recording. */
  clear(): void {
    this.emissions.length = 0;
  }

  /** The recorded emissions' arguments, oldest first: `[...spy]`, `for (const [value] of spy)`. */
  [Symbol.iterator](): Iterator<Args> {
    return this.emissions[Symbol.iterator]();
  }

  /**
   * Waits for the next emission (one made after this call), as `QSignalSpy::wait`: resolves true when it
   * arrives, false if `timeoutMs` passes first, if the spy is disposed, or if the signal's owner is destroyed
   * (it can never emit again). Awaiting it lets the event loop run, so queued slots and worker messages are
   * delivered meanwhile. It never rejects.
   */
  wait(timeoutMs = 5000): Promise<boolean> {
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      throw new InvalidArgumentError(
        `SignalSpy(${this.signal.describe()}).wait(${timeoutMs}): the timeout must be a finite number of milliseconds, 0 or more.`,
      );
    }
    if (!this.connection?.connected || this.signal.owner?.isDestroyed()) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Disconnects the spy from its signal; pending {@link SignalSpy.wait} calls resolve false. Recorded emissions stay. */
  dispose(): void {
    this.connection?.disconnect();
    this.ownerGone?.disconnect();
    this.releaseWaiters(false);
  }

  /** Disposes the spy, for `using spy = new SignalSpy(signal)`. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  private describeCount(): string {
    const n = this.emissions.length;
    return n === 1 ? '1 emission is recorded' : `${n} emissions are recorded`;
  }
}
