import { toWireError } from '@sigslot/thread/channel';
import { CANCEL, CREDIT, SUSPEND } from '../pool/protocol';
import { PROGRESS_INTERVAL_MS } from '../future/future-progress';
import { takeTransfers } from '../task/transfer-marks';
import type { ReportBuffer } from './report-buffer';

// Progress values leave the worker at most every PROGRESS_INTERVAL_MS (Qt's QFutureInterface: 25 per second, the
// watcher's own throttle); the first, the maximum and a new text always leave at once, and a value held back leaves
// before the task's next report of any other kind, so a watcher always sees the last value before the result (QW-6).

/**
 * The QPromise a task run with `runWithPromise` gets in its worker. Results and progress go out through the
 * worker's report buffer; cancel and suspend are read from the task's shared flag word, so a synchronous loop
 * sees them at once, and a suspended task parks in `Atomics.wait` (no CPU) until resumed or canceled.
 */
export class WorkerPromise<T> {
  private min = 0;
  private max = 0;
  private value = 0;
  private text = '';
  private done = false;
  /** `setException` was called: the future failed, which counts as canceled here too (QP-4, QF-6). */
  private failed = false;
  /** Result reports made so far (counted against the credit main gives, QW-7). */
  private reported = 0;
  /** One past the highest result index used: where results without an index go, as on main's side. */
  private end = 0;
  /**
   * The indexes taken, once a result came with an index of its own (QP-2): indexes below `prefix` (results appended
   * before that, which are contiguous), and those in the set. Null while every result was appended.
   */
  private taken: { prefix: number; set: Set<number> } | null = null;
  /** When the last progress report left (performance.now()). */
  private progressSentAt = -Infinity;
  /** True while a progress value newer than the last one sent is held back (see PROGRESS_INTERVAL_MS). */
  private progressHeld = false;

  constructor(
    private readonly id: number,
    private readonly flags: Int32Array,
    private readonly slot: number,
    private readonly reports: ReportBuffer,
  ) {}

  future(): never {
    throw new Error(
      `QPromise.future() is not available inside a pool task: the future lives on the thread that started the task.`,
    );
  }
  start(): void {}
  finish(): void {
    if (this.done) return;
    this.sendHeldProgress();
    this.done = true;
    this.reports.add({ id: this.id, kind: 'finished' }, false);
  }
  /** The task's cancel check; it also sends reports left waiting while the task ran with no other report. */
  isCanceled(): boolean {
    this.reports.poll();
    return this.canceled();
  }
  private canceled(): boolean {
    return this.failed || (Atomics.load(this.flags, this.slot) & CANCEL) !== 0;
  }
  addResult(value: T, index?: number): boolean {
    return this.addResults([value], index);
  }
  addResults(values: readonly T[], index?: number): boolean {
    this.waitForCredit();
    if (this.done || this.canceled() || !this.takeIndexes(index ?? this.end, values.length)) return false;
    this.sendHeldProgress();
    this.reported++;
    // Marked results move now: the task loses their buffers at addResult, as a sender does.
    const moved = takeTransfers(values);
    this.reports.add(
      { id: this.id, kind: 'results', index: index ?? -1, values: moved ? moved.values : values },
      true,
      moved?.transfer,
    );
    return true;
  }
  /** Marks `count` indexes from `begin` taken, or returns false (taking none) if one of them is (QP-2). */
  private takeIndexes(begin: number, count: number): boolean {
    const appended = begin === this.end;
    if (!appended && this.taken === null) this.taken = { prefix: this.end, set: new Set() };
    const taken = this.taken;
    if (taken !== null) {
      for (let i = begin; i < begin + count; i++) if (i < taken.prefix || taken.set.has(i)) return false;
      for (let i = begin; i < begin + count; i++) taken.set.add(i);
    }
    this.end = Math.max(this.end, begin + count);
    return true;
  }
  setProgressRange(minimum: number, maximum: number): void {
    if (this.done || this.canceled()) return;
    this.sendHeldProgress();
    this.min = minimum;
    this.max = Math.max(minimum, maximum);
    this.value = minimum;
    this.reports.add({ id: this.id, kind: 'range', min: this.min, max: this.max });
  }
  setProgressValue(value: number): void {
    this.progress(value, null);
  }
  setProgressValueAndText(value: number, text: string): void {
    this.progress(value, text);
  }
  private progress(value: number, text: string | null): void {
    if (this.done || this.canceled()) return;
    const ranged = this.min !== 0 || this.max !== 0;
    if (ranged && (value < this.min || value > this.max)) return;
    const newText = text !== null && text !== this.text;
    if (value <= this.value && !newText) return;
    if (value > this.value) this.value = value;
    if (newText) this.text = text;
    const now = performance.now();
    if (!newText && this.value !== this.max && now - this.progressSentAt < PROGRESS_INTERVAL_MS) {
      this.progressHeld = true;
      return;
    }
    this.sendProgress(newText ? text : null, now);
  }
  private sendProgress(text: string | null, now: number): void {
    this.progressHeld = false;
    this.progressSentAt = now;
    this.reports.add({ id: this.id, kind: 'progress', value: this.value, text });
  }
  /** Sends the progress value held back, if any, before a report of another kind (see PROGRESS_INTERVAL_MS). */
  sendHeldProgress(): void {
    if (this.progressHeld) this.sendProgress(null, performance.now());
  }
  /** Fails the future with `error`, once; ignored once canceled or finished (QP-4). The task goes on until it returns. */
  setException(error: unknown): void {
    if (this.done || this.canceled()) return;
    this.failed = true;
    this.reports.add({ id: this.id, kind: 'exception', error: toWireError(error) });
  }
  /** Parks the worker while a suspend is requested (without CPU); a cancel releases it. */
  suspendIfRequested(): void {
    this.reports.poll();
    let flags = Atomics.load(this.flags, this.slot);
    if ((flags & SUSPEND) === 0 || (flags & CANCEL) !== 0 || this.failed) return;
    this.sendHeldProgress();
    this.reports.add({ id: this.id, kind: 'suspended' });
    this.reports.flush();
    while ((flags & SUSPEND) !== 0 && (flags & CANCEL) === 0) {
      Atomics.wait(this.flags, this.slot, flags);
      flags = Atomics.load(this.flags, this.slot);
    }
  }

  /**
   * Parks the worker (no CPU) while the task has used up the credit a watcher gave it (QW-7: results not yet
   * delivered over its pendingResultsLimit), after sending what it reported: main can only give more once it has
   * those. A cancel lifts the credit, so it wakes.
   */
  private waitForCredit(): void {
    const at = CREDIT + this.slot;
    let credit = Atomics.load(this.flags, at);
    if (this.reported < credit) return;
    this.reports.flush();
    while (this.reported >= credit && !this.canceled()) {
      Atomics.wait(this.flags, at, credit);
      credit = Atomics.load(this.flags, at);
    }
  }
}
