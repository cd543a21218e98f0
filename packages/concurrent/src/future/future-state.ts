import { FutureProgress } from './future-progress';

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

/** The flag bits of {@link FutureState.flags}. */
const STARTED = 1;
const FINISHED = 2;
const CANCELED = 4;
const INVALID = 8;

/** A shared empty result list, read while a future has no results (a burst's futures would each allocate one). */
const NO_RESULTS: readonly never[] = Object.freeze([]);

/** Something to call when a future finishes: a function, or an object that runs a continuation. */
export type Finisher = (() => void) | { settle(): void };

/**
 * Everything here is kept small on purpose: a burst of 100,000 tasks holds two of these per task (the task's and its
 * `await` continuation's) until the results arrive, and the garbage collector copies each live byte. Flags share one
 * number; progress, results and listeners are made when first needed.
 */
export class FutureState<T> {
  private flags = 0;
  /** 'suspending': asked to pause; 'suspended': the computation reached a point where it paused. */
  suspension: 'none' | 'suspending' | 'suspended' = 'none';
  /** Result reports stored so far (one `resultsReady` each). */
  resultEvents = 0;
  /** Results at their index; holes where a result has not arrived (mapped results land out of order). */
  private items: T[] | null = null;
  resultTotal = 0;
  /** Results at 0, 1, 2… without a gap (Qt's resultCount, QF-4). */
  contiguous = 0;
  /** Result reports the computation may make in all before it holds back (QW-7); -1: no limit. */
  private credit = -1;
  private progress: FutureProgress | null = null;
  /** The error the computation ended with (a task that threw, a crashed worker, a missed deadline). */
  exception: { readonly error: unknown } | null = null;
  control: FutureControl | null = null;
  /** Names the computation in messages: a text, or an object asked only when a message needs it. */
  labelSource: { describe(): string } | string | null = null;
  private listeners: Array<(event: FutureEvent) => void> | null = null;
  private finishers: Finisher | Finisher[] | null = null;

  get started(): boolean {
    return (this.flags & STARTED) !== 0;
  }
  get finished(): boolean {
    return (this.flags & FINISHED) !== 0;
  }
  get canceled(): boolean {
    return (this.flags & CANCELED) !== 0;
  }
  /** False once `takeResult()` took the results, or for an empty future (QF-1). */
  get valid(): boolean {
    return (this.flags & INVALID) === 0;
  }
  set valid(valid: boolean) {
    this.flags = valid ? this.flags & ~INVALID : this.flags | INVALID;
  }
  /** Results at their index (read-only; holes where a result has not arrived). */
  get store(): readonly T[] {
    return this.items ?? NO_RESULTS;
  }
  get resultCredit(): number {
    return this.credit < 0 ? Infinity : this.credit;
  }
  get progressMin(): number {
    return this.progress?.min ?? 0;
  }
  get progressMax(): number {
    return this.progress?.max ?? 0;
  }
  /** With no progress reported, the number of results (QF-7). */
  get progressValue(): number {
    return this.progress?.value ?? this.resultTotal;
  }
  get progressText(): string {
    return this.progress?.text ?? '';
  }
  get label(): string {
    const source = this.labelSource;
    return typeof source === 'string' ? source : (source?.describe() ?? 'a future');
  }
  set label(text: string) {
    this.labelSource = text;
  }

  /** Drops the results (`takeResult()`): the future is no longer valid. */
  dropResults(): void {
    this.valid = false;
    this.items = null;
  }

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
    if ((this.flags & (STARTED | FINISHED)) !== 0) return;
    this.flags |= STARTED;
    this.emit(EVENTS.started);
  }

  /** Stores one result at the next index (a task's return value): {@link addResults} without a list. */
  addResult(value: T): boolean {
    if ((this.flags & (CANCELED | FINISHED)) !== 0) return false;
    const items = (this.items ??= []);
    const begin = items.length;
    items.push(value);
    return this.stored(begin, 1);
  }

  /** Stores results from `index` on (appended when omitted); false when canceled, finished or an index is taken (QP-2). */
  addResults(values: readonly T[], index?: number): boolean {
    if ((this.flags & (CANCELED | FINISHED)) !== 0 || values.length === 0) return false;
    const items = (this.items ??= []);
    const begin = index ?? items.length;
    for (let i = 0; i < values.length; i++) if (begin + i in items) return false;
    for (let i = 0; i < values.length; i++) items[begin + i] = values[i] as T;
    return this.stored(begin, values.length);
  }

  private stored(begin: number, count: number): boolean {
    const items = this.items!;
    this.resultTotal += count;
    while (this.contiguous in items) this.contiguous++;
    this.resultEvents++;
    const progress = this.progress;
    if (progress && !progress.set) progress.value = this.resultTotal;
    if (this.listeners) {
      // QF-7: with no range, the progress is the number of results (sent before them, as Qt does).
      if (!progress?.set) this.progressState().send(false);
      this.emit({ kind: 'resultsReady', begin, end: begin + count });
    }
    return true;
  }

  /** QP-3: `max < min` means `max = min`; the value goes back to `min`. */
  setProgressRange(min: number, max: number): void {
    if ((this.flags & (CANCELED | FINISHED)) !== 0) return;
    const progress = this.progressState();
    if (!progress.setRange(min, max)) return;
    this.emit({ kind: 'progressRange', min: progress.min, max: progress.max });
    progress.value = progress.min; // the value goes back to the range's start
  }

  /** QP-3: ignored outside the range, when not above the current value, and once canceled or finished. */
  setProgressValue(value: number, text?: string): void {
    if ((this.flags & (CANCELED | FINISHED)) !== 0) return;
    const progress = this.progressState();
    if (!progress.accepts(value, text)) return;
    if (text !== undefined && text !== progress.text) {
      progress.set = true;
      progress.text = text;
      this.emit({ kind: 'progressText', text });
    }
    progress.send(false);
  }

  private progressState(): FutureProgress {
    return (this.progress ??= new FutureProgress(this, this.resultTotal));
  }

  /** @internal The throttle's value, sent to the listeners. */
  sendProgressValue(value: number): void {
    this.emit({ kind: 'progressValue', value });
  }

  /** @internal False once canceled or finished: a held progress value is then not sent. */
  get running(): boolean {
    return (this.flags & (CANCELED | FINISHED)) === 0;
  }

  /** Stores the error the computation failed with, once; the future counts as canceled (Qt's reportException). */
  setException(error: unknown): void {
    if (this.exception !== null || this.finished) return;
    this.exception = { error };
    if (this.canceled) return;
    this.flags |= CANCELED;
    this.suspension = 'none';
    this.emit(EVENTS.canceled);
  }

  /** Asks the computation to stop; results and progress reported after this are dropped. */
  cancel(error?: unknown): void {
    if ((this.flags & (CANCELED | FINISHED)) !== 0) return;
    if (error !== undefined && this.exception === null) this.exception = { error };
    this.flags |= CANCELED;
    this.progress?.drop();
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
    if ((this.flags & (CANCELED | FINISHED)) !== 0 || this.suspension !== 'none') return;
    this.suspension = 'suspending';
    this.control?.setSuspended(true);
    this.emit(EVENTS.suspending);
  }

  /** Lets the producer make up to `credit` result reports in all before it waits (QW-7). */
  setResultCredit(credit: number): void {
    if (this.resultCredit === credit) return;
    this.credit = credit === Infinity ? -1 : Math.max(0, credit);
    this.control?.setResultCredit(credit);
  }

  /** The computation reached its pause point. */
  reportSuspended(): void {
    if (this.suspension !== 'suspending') return;
    this.suspension = 'suspended';
    this.emit(EVENTS.suspended);
  }

  resume(): void {
    if (this.suspension === 'none' || (this.flags & (CANCELED | FINISHED)) !== 0) return;
    this.suspension = 'none';
    this.control?.setSuspended(false);
    this.emit(EVENTS.resumed);
  }

  finish(): void {
    if (this.finished) return;
    if (!this.started) this.start();
    this.progress?.flush();
    this.flags |= FINISHED;
    this.suspension = 'none';
    this.control = null;
    this.emit(EVENTS.finished);
    this.listeners = null;
    const finishers = this.finishers;
    this.finishers = null;
    if (finishers === null) return;
    if (!Array.isArray(finishers)) return call(finishers);
    for (const finisher of finishers) call(finisher);
  }

  /**
   * Calls `finisher` once the future is finished (now, if it is). Kept apart from the listeners, so that awaiting a
   * future does not make it send events nobody reads (progress, results). One finisher (an `await`) is kept as it
   * is, not in a list.
   */
  whenFinished(finisher: Finisher): void {
    if (this.finished) return call(finisher);
    const finishers = this.finishers;
    if (finishers === null) this.finishers = finisher;
    else if (Array.isArray(finishers)) finishers.push(finisher);
    else this.finishers = [finishers, finisher];
  }

  /** The results in index order, holes skipped. */
  results(): T[] {
    const items = this.items;
    if (items === null) return [];
    if (this.resultTotal === items.length) return items.slice();
    const out: T[] = [];
    items.forEach((value) => out.push(value));
    return out;
  }
}

function call(finisher: Finisher): void {
  if (typeof finisher === 'function') finisher();
  else finisher.settle();
}
