import type { QObject } from './qobject';

/**
 * Blocks an object's signals for a scope and then restores the state it found (Qt's QSignalBlocker), so
 * nesting is safe: `using blocker = new QSignalBlocker(obj);`.
 */
export class QSignalBlocker {
  private readonly previous: boolean;
  private blocking = true;
  private dismissed = false;

  /** Blocks `object`'s signals, remembering whether they were blocked before. */
  constructor(private readonly object: QObject) {
    this.previous = object.blockSignals(true);
  }

  /** Restores the state found at construction, for now; {@link QSignalBlocker.reblock} blocks again. */
  unblock(): void {
    if (this.dismissed) return;
    this.object.blockSignals(this.previous);
    this.blocking = false;
  }

  /** Blocks again after {@link QSignalBlocker.unblock}. */
  reblock(): void {
    if (this.dismissed) return;
    this.object.blockSignals(true);
    this.blocking = true;
  }

  /** Leaves the signals as they are now: disposing the blocker will not restore anything. */
  dismiss(): void {
    this.dismissed = true;
  }

  /** Restores the state found at construction (unless dismissed). */
  [Symbol.dispose](): void {
    if (!this.dismissed && this.blocking) this.object.blockSignals(this.previous);
    this.dismissed = true;
  }
}
