// A future's progress (range, value, text) and Qt's QFutureWatcher throttle on the value (QW-6). Made on a future's
// first progress report: most tasks never report any, and a burst of them holds a future each.

/** Qt's QFutureWatcher throttle: at most 25 progress values a second, the first and the maximum always. */
export const PROGRESS_INTERVAL_MS = 40;

/** What the progress tells its future: a value to send now (to the listeners), and whether the future still runs. */
export interface ProgressOwner {
  sendProgressValue(value: number): void;
  readonly running: boolean;
}

export class FutureProgress {
  /** A range or text was set: until then the progress counts the results (QF-7). */
  set = false;
  min = 0;
  max = 0;
  value: number;
  text = '';
  private lastSent = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly owner: ProgressOwner,
    value: number,
  ) {
    this.value = value;
  }

  /** QP-3: a range; `max < min` means `max = min`. Returns false when it is the range already. */
  setRange(min: number, max: number): boolean {
    if (max < min) max = min;
    this.set = true;
    if (min === this.min && max === this.max) return false;
    this.min = min;
    this.max = max;
    return true;
  }

  /**
   * QP-3: a value, ignored outside the range and when not above the current one (unless the text changed). Returns
   * whether it counts; the caller then announces a new text and sends the value with {@link send}.
   */
  accepts(value: number, text: string | undefined): boolean {
    const ranged = this.min !== 0 || this.max !== 0;
    if (ranged && (value < this.min || value > this.max)) return false;
    const textChanged = text !== undefined && text !== this.text;
    if (value <= this.value && !textChanged) return false;
    if (value > this.value) this.value = value;
    return true;
  }

  /** QW-6: the first value and the maximum go out at once, others at most every 40 ms, the latest one always. */
  send(force: boolean): void {
    const now = performance.now();
    if (force || this.value === this.max || now - this.lastSent >= PROGRESS_INTERVAL_MS) {
      this.drop();
      this.lastSent = now;
      this.owner.sendProgressValue(this.value);
    } else if (this.timer === null) {
      this.timer = setTimeout(
        () => {
          this.timer = null;
          if (this.owner.running) this.send(true);
        },
        PROGRESS_INTERVAL_MS - (now - this.lastSent),
      );
    }
  }

  /** Sends a value held back by the throttle, so that listeners always see the last one. */
  flush(): void {
    if (this.timer === null) return;
    this.drop();
    this.lastSent = performance.now();
    this.owner.sendProgressValue(this.value);
  }

  /** Drops a value held back by the throttle (the future was canceled: nothing more is sent). */
  drop(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }
}
