import { AffinityError } from '../errors';
import { QObject } from '../object/qobject';
import { reportError } from '../report-error';
import { Signal, type SlotName } from '../signal/signal';
import { currentThreadData } from '../thread/current-thread';
import type { Thread } from '../thread/thread';
import { checkInterval } from './interval';
import { SingleShotTimer } from './single-shot';

/**
 * A repeating or single-shot timer (Qt's QTimer): {@link QTimer.timeout} is emitted every
 * {@link QTimer.interval} milliseconds while it is active, on the timer's thread.
 *
 * ```ts
 * const timer = new QTimer(owner);
 * timer.timeout.connect(view, view.refresh);
 * timer.start(1000);
 * ```
 *
 * An active timer keeps a Node process alive, as an active `setInterval` does; stop it, or destroy it (with its
 * parent), when done. A slot that throws is reported to the error handler and the timer keeps running. For
 * one call after a delay, {@link QTimer.singleShot} needs no object.
 */
export class QTimer extends QObject {
  /** The class's name in messages, whatever a minifier renames the class to. */
  static override readonly className: string = 'QTimer';
  /** Emitted when the timer times out. */
  readonly timeout: Signal<[]>;

  private ms = 0;
  private single = false;
  private handle: ReturnType<typeof setTimeout> | null = null;
  private deadline = 0;

  /** Creates an inactive timer in the current thread, with interval 0 and owned by `parent` if given. */
  constructor(parent: QObject | null = null) {
    super(parent);
    this.timeout = new Signal(this, 'timeout');
  }

  /**
   * Calls `slot` once after `ms` milliseconds, on the current thread. Returns a handle whose `stop()` cancels it.
   */
  static singleShot(ms: number, slot: () => unknown): SingleShotTimer;
  /**
   * Calls `context`'s `slot` (a function, or the name of one of its methods taking no argument) once after `ms`
   * milliseconds, in the context's thread. It is not called if the context is destroyed first; the platform timer
   * is then cleared. Returns a handle whose `stop()` cancels it.
   */
  static singleShot<C extends QObject>(
    ms: number,
    context: C,
    slot: ((this: C) => unknown) | SlotName<C, []>,
  ): SingleShotTimer;
  static singleShot(ms: number, a: QObject | (() => unknown), b?: (() => unknown) | string): SingleShotTimer {
    return typeof a === 'function' ? new SingleShotTimer(ms, null, a) : new SingleShotTimer(ms, a, b!);
  }

  /**
   * Milliseconds between timeouts (default 0: as soon as the loop is idle). Setting it on an active timer
   * restarts it with the new interval.
   */
  get interval(): number {
    return this.ms;
  }
  /** Sets the interval in milliseconds (0 to 2^31 - 1); an active timer restarts with it. */
  set interval(ms: number) {
    this.ms = checkInterval(ms, `${this.describe()}.interval`);
    if (this.isActive()) this.start();
  }

  /** True for a timer that times out once per {@link QTimer.start}; false (default) for a repeating one. */
  get singleShot(): boolean {
    return this.single;
  }
  /** Makes the timer single-shot (true) or repeating (false), from its next timeout on. */
  set singleShot(single: boolean) {
    this.single = single;
  }

  /**
   * Starts the timer, or restarts it if it is active; with `ms`, sets {@link QTimer.interval} first. Must be
   * called on the timer's thread (Qt: "Timers cannot be started from another thread").
   */
  start(ms?: number): void {
    this.assertAlive('start');
    if (ms !== undefined) this.ms = checkInterval(ms, `${this.describe()}.start(${String(ms)})`);
    const here = currentThreadData();
    const home = this.threadData();
    if (home !== here) {
      throw new AffinityError(
        `${this.describe()}.start() was called from thread ${here.describe()}, but the timer ${
          home === null ? 'has no thread (it was moved to null)' : `lives in ${home.describe()}`
        }. Timers cannot be started from another thread; start it on its own thread, or move it back there first.`,
      );
    }
    this.stop();
    this.arm(performance.now() + this.ms);
  }

  /** Stops the timer; it will not time out until started again. Stopping an inactive timer does nothing. */
  stop(): void {
    if (this.handle === null) return;
    clearTimeout(this.handle);
    this.handle = null;
  }

  /** True while the timer is running. */
  isActive(): boolean {
    return this.handle !== null;
  }

  /** Milliseconds left before the next timeout (0 when overdue), or -1 for an inactive timer. */
  remainingTime(): number {
    return this.handle === null ? -1 : Math.max(0, Math.ceil(this.deadline - performance.now()));
  }

  /** Destroys the timer (see {@link QObject.destroy}) and stops it. */
  override destroy(): void {
    super.destroy();
    this.stop();
  }

  /** Moves the timer (see {@link QObject.moveToThread}); a timer taken out of its thread stops, as in Qt. */
  override moveToThread(target: Thread | null): void {
    super.moveToThread(target);
    if (this.threadData() !== currentThreadData()) this.stop();
  }

  private arm(deadline: number): void {
    this.deadline = deadline;
    this.handle = setTimeout(this.fire, Math.max(0, deadline - performance.now()));
  }

  private readonly fire = (): void => {
    this.handle = null;
    // Taken out of its thread through a parent's move: it stops, as in Qt.
    if (this.isDestroyed() || this.threadData() !== currentThreadData()) return;
    // Re-armed before the slots run, so that a slot may stop() or start() it.
    if (!this.single) this.arm(Math.max(this.deadline + this.ms, performance.now()));
    try {
      this.timeout.emit();
    } catch (error) {
      reportError(error, {
        where: `signal ${this.timeout.describe()}`,
        signal: this.timeout.describe(),
        thread: currentThreadData().describe(),
      });
    }
  };
}
