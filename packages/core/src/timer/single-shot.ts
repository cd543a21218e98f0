import { InvalidArgumentError } from '../errors';
import type { QObject } from '../object/qobject';
import { reportError } from '../report-error';
import type { Connection } from '../signal/connection';
import { Signal, type SlotName } from '../signal/signal';
import { currentThreadData } from '../thread/current-thread';
import { checkInterval } from './interval';

/**
 * The handle {@link QTimer.singleShot} returns: the pending call, which {@link SingleShotTimer.stop} (or
 * `using`) cancels.
 */
export class SingleShotTimer implements Disposable {
  private handle: ReturnType<typeof setTimeout> | null = null;
  private readonly deadline: number;
  private readonly timeout = new Signal<[]>(null, 'QTimer.singleShot');
  private readonly contextGone: Connection<[object: QObject]> | undefined;

  /** @internal Use {@link QTimer.singleShot}. */
  constructor(ms: number, context: QObject | null, slot: (() => unknown) | string) {
    checkInterval(ms, `QTimer.singleShot(${String(ms)})`);
    if (context?.isDestroyed()) {
      throw new InvalidArgumentError(
        `QTimer.singleShot(${ms}, ${context.describe()}): the context object is already destroyed.`,
      );
    }
    // The call goes through a connection, so the one routing decision applies: the slot runs in the context's
    // thread, waits while the context has none, and is dropped with the context.
    if (context === null) this.timeout.connect(slot as () => unknown);
    else this.timeout.connect(context, slot as SlotName<QObject, []>);
    this.contextGone = context?.destroyed.connect(() => this.stop());
    this.deadline = performance.now() + ms;
    this.handle = setTimeout(this.fire, ms);
  }

  private readonly fire = (): void => {
    this.handle = null;
    this.contextGone?.disconnect();
    try {
      this.timeout.emit();
    } catch (error) {
      reportError(error, {
        where: 'QTimer.singleShot',
        signal: 'QTimer.singleShot',
        thread: currentThreadData().describe(),
      });
    } finally {
      this.timeout.disconnect();
    }
  };

  /** True until the call is made or stopped. */
  isActive(): boolean {
    return this.handle !== null;
  }

  /** Milliseconds left before the call (0 when due), or -1 when it is no longer pending (Qt's `remainingTime()`). */
  remainingTime(): number {
    return this.handle === null ? -1 : Math.max(0, Math.ceil(this.deadline - performance.now()));
  }

  /** Cancels the call if it has not been made; the platform timer is cleared, so it keeps no process alive. */
  stop(): void {
    if (this.handle !== null) {
      clearTimeout(this.handle);
      this.handle = null;
    }
    this.contextGone?.disconnect();
    this.timeout.disconnect();
  }

  /** Stops the timer, for `using timer = QTimer.singleShot(...)`. */
  [Symbol.dispose](): void {
    this.stop();
  }
}
