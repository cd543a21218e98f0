/**
 * What a future and its promise share (Qt's QFutureInterface): the state flags, the results by index, the progress,
 * the exception, and the listeners that hear each change as it happens. Everything here runs in one thread (the one
 * that created the future); work in a pool thread reaches it through the pool's messages.
 */

/** One change of a future, as its listeners (watchers, continuations) hear it, in the order it happened. */
export type FutureEvent =
  | { readonly kind: 'started' | 'finished' | 'canceled' | 'suspending' | 'suspended' | 'resumed' }
  | { readonly kind: 'resultsReady'; readonly begin: number; readonly end: number }
  | { readonly kind: 'progressRange'; readonly min: number; readonly max: number }
  | { readonly kind: 'progressValue'; readonly value: number }
  | { readonly kind: 'progressText'; readonly text: string };

/** Who runs the computation, told when the future's user asks it to stop or pause (the pool sets shared flags). */
export interface FutureControl {
  cancel(): void;
  setSuspended(suspended: boolean): void;
  /** How many result reports the computation may have made in all before it waits (QW-7); Infinity: no limit. */
  setResultCredit(credit: number): void;
}

/** The events without data, made once (a burst of tasks would otherwise allocate one per change). */
const EVENTS = {
  started: { kind: 'started' },
  finished: { kind: 'finished' },
  canceled: { kind: 'canceled' },
  suspending: { kind: 'suspending' },
  suspended: { kind: 'suspended' },
  resumed: { kind: 'resumed' },
} as const satisfies Record<string, FutureEvent>;

/** Qt's QFutureWatcher throttle: at most 25 progress values a second, the first and the maximum always. */
export const PROGRESS_INTERVAL_MS = 40;

export class FutureState<T> {
  started = false;
  finished = false;
  canceled = false;
  /** 'suspending': asked to pause; 'suspended': the computation reached a point where it paused. */
  suspension: 'none' | 'suspending' | 'suspended' = 'none';
  /** Result reports the computation may have made in all before it holds back (QW-7: set by a watcher). */
  resultCredit = Infinity;
  /** Result reports stored so far (one `resultsReady` each). */
  resultEvents = 0;
  /** Results at their index; holes where a result has not arrived (mapped results land out of order). */
  readonly store: T[] = [];
  resultTotal = 0;
  /** Results at 0, 1, 2… without a gap (Qt's resultCount, QF-4). */
  contiguous = 0;
  /** False once `takeResult()` took the results, or for an empty future (QF-1). */
  valid = true;
  /** A progress range or text was set: until then the progress counts the results (QF-7). */
  private progressSet = false;
  progressMin = 0;
  progressMax = 0;
  progressValue = 0;
  progressText = '';
  /** The error the computation ended with (a task that threw, a crashed worker, a missed deadline). */
  exception: { readonly error: unknown } | null = null;
  control: FutureControl | null = null;
  /** Names the computation in messages; computed only when a message needs it (a task's label costs a string). */
  labelSource: { describe(): string } | null = null;
  private labelText: string | null = null;
  get label(): string {
    return this.labelText ?? this.labelSource?.describe() ?? 'a future';
  }
  set label(text: string) {
    this.labelText = text;
  }
  private listeners: Array<(event: FutureEvent) => void> | null = null;
  private finishers: Array<() => void> | null = null;
  private lastProgressSent = -Infinity;
  private progressTimer: ReturnType<typeof setTimeout> | null = null;

  listen(listener: (event: FutureEvent) => void): () => void {
    (this.listeners ??= []).push(listener);
    return () => {
      this.listeners = this.listeners?.filter((l) => l !== listener) ?? null;
    };
  }

  private emit(event: FutureEvent): void {
    const listeners = this.listeners;
    if (listeners) for (const listener of listeners) listener(event);
  }

  start(): void {
    if (this.started || this.finished) return;
    this.started = true;
    this.emit(EVENTS.started);
  }

  /** Stores results from `index` on (appended when omitted); false when canceled, finished or an index is taken (QP-2). */
  addResults(values: readonly T[], index?: number): boolean {
    if (this.canceled || this.finished || values.length === 0) return false;
    const begin = index ?? this.store.length;
    for (let i = 0; i < values.length; i++) if (begin + i in this.store) return false;
    for (let i = 0; i < values.length; i++) this.store[begin + i] = values[i] as T;
    this.resultTotal += values.length;
    while (this.contiguous in this.store) this.contiguous++;
    this.resultEvents++;
    if (!this.progressSet) {
      // QF-7: with no range, the progress is the number of results (sent before them, as Qt does).
      this.progressValue = this.resultTotal;
      if (this.listeners) this.sendProgress(false);
    }
    this.emit({ kind: 'resultsReady', begin, end: begin + values.length });
    return true;
  }

  /** QP-3: `max < min` means `max = min`; the value goes back to `min`. */
  setProgressRange(min: number, max: number): void {
    if (this.canceled || this.finished) return;
    if (max < min) max = min;
    this.progressSet = true;
    if (min === this.progressMin && max === this.progressMax) return;
    this.progressMin = min;
    this.progressMax = max;
    this.emit({ kind: 'progressRange', min, max });
    this.progressValue = min;
  }

  /** QP-3: ignored outside the range, when not above the current value, and once canceled or finished. */
  setProgressValue(value: number, text?: string): void {
    if (this.canceled || this.finished) return;
    const ranged = this.progressMin !== 0 || this.progressMax !== 0;
    if (ranged && (value < this.progressMin || value > this.progressMax)) return;
    const textChanged = text !== undefined && text !== this.progressText;
    if (value <= this.progressValue && !textChanged) return;
    if (value > this.progressValue) this.progressValue = value;
    if (textChanged) {
      this.progressSet = true;
      this.progressText = text;
      this.emit({ kind: 'progressText', text });
    }
    this.sendProgress(false);
  }

  /** QW-6: the first value and the maximum go out at once, others at most every 40 ms, the latest one always. */
  private sendProgress(force: boolean): void {
    const now = performance.now();
    const due = force || this.progressValue === this.progressMax || now - this.lastProgressSent >= PROGRESS_INTERVAL_MS;
    if (due) {
      if (this.progressTimer !== null) clearTimeout(this.progressTimer);
      this.progressTimer = null;
      this.lastProgressSent = now;
      this.emit({ kind: 'progressValue', value: this.progressValue });
    } else if (this.progressTimer === null) {
      const wait = PROGRESS_INTERVAL_MS - (now - this.lastProgressSent);
      this.progressTimer = setTimeout(() => {
        this.progressTimer = null;
        if (!this.canceled && !this.finished) this.sendProgress(true);
      }, wait);
    }
  }

  /** Sends a progress value held back by the throttle, so that listeners always see the last one. */
  private flushProgress(): void {
    if (this.progressTimer === null) return;
    clearTimeout(this.progressTimer);
    this.progressTimer = null;
    this.lastProgressSent = performance.now();
    this.emit({ kind: 'progressValue', value: this.progressValue });
  }

  /** Stores the error the computation failed with, once; the future counts as canceled (Qt's reportException). */
  setException(error: unknown): void {
    if (this.exception !== null || this.finished) return;
    this.exception = { error };
    if (this.canceled) return;
    this.canceled = true;
    this.suspension = 'none';
    this.emit(EVENTS.canceled);
  }

  /** Asks the computation to stop; results and progress reported after this are dropped. */
  cancel(error?: unknown): void {
    if (this.canceled || this.finished) return;
    if (error !== undefined && this.exception === null) this.exception = { error };
    this.canceled = true;
    if (this.progressTimer !== null) clearTimeout(this.progressTimer);
    this.progressTimer = null;
    this.suspension = 'none';
    this.control?.cancel();
    this.emit(EVENTS.canceled);
  }

  /** A failure: the error is stored (the future counts as canceled), and the future finishes. */
  fail(error: unknown): void {
    if (this.finished) return;
    this.setException(error);
    this.finish();
  }

  /** Cancels (if not already) and finishes: a computation that will not run, or a canceled upstream future. */
  cancelAndFinish(): void {
    this.cancel();
    this.finish();
  }

  suspend(): void {
    if (this.canceled || this.finished || this.suspension !== 'none') return;
    this.suspension = 'suspending';
    this.control?.setSuspended(true);
    this.emit(EVENTS.suspending);
  }

  /** Lets the producer make up to `credit` result reports in all before it waits (QW-7). */
  setResultCredit(credit: number): void {
    if (this.resultCredit === credit) return;
    this.resultCredit = credit;
    this.control?.setResultCredit(credit);
  }

  /** The computation reached its pause point. */
  reportSuspended(): void {
    if (this.suspension !== 'suspending') return;
    this.suspension = 'suspended';
    this.emit(EVENTS.suspended);
  }

  resume(): void {
    if (this.suspension === 'none' || this.canceled || this.finished) return;
    this.suspension = 'none';
    this.control?.setSuspended(false);
    this.emit(EVENTS.resumed);
  }

  finish(): void {
    if (this.finished) return;
    if (!this.started) this.start();
    this.flushProgress();
    this.finished = true;
    this.suspension = 'none';
    this.control = null;
    this.emit(EVENTS.finished);
    this.listeners = null;
    const finishers = this.finishers;
    this.finishers = null;
    if (finishers) for (const callback of finishers) callback();
  }

  /**
   * Calls `callback` once the future is finished (now, if it is). Kept apart from the listeners, so that awaiting a
   * future does not make it send events nobody reads (progress, results).
   */
  whenFinished(callback: () => void): void {
    if (this.finished) callback();
    else (this.finishers ??= []).push(callback);
  }

  /** The results in index order, holes skipped. */
  results(): T[] {
    if (this.resultTotal === this.store.length) return this.store.slice();
    const out: T[] = [];
    this.store.forEach((value) => out.push(value));
    return out;
  }
}
