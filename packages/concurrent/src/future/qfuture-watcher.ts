import { AffinityError, InvalidArgumentError, QObject, Signal } from '@sigslot/core';
import { currentThreadData, objectThreadData } from '@sigslot/core/kernel';
import type { FutureEvent } from './future-state';
import type { QFuture } from './qfuture';

/** Events dropped at delivery once the future is canceled (QW-5): only `canceled` and `finished` still come. */
const DROPPED_AFTER_CANCEL = new Set<FutureEvent['kind']>([
  'resultsReady',
  'progressValue',
  'progressText',
  'suspending',
  'suspended',
  'resumed',
]);

/**
 * Watches a {@link QFuture} with signals (Qt's `QFutureWatcher<T>`). Every signal is queued to the watcher's thread
 * and delivered in the order the future changed, never inside the call that changed it; `setFuture` first replays
 * what already happened, so a watcher set on a finished future still emits `started`…`finished`. After a cancel,
 * no result, progress or suspend signal is delivered (even one already queued); results come before `finished`;
 * progress values come at most 25 a second, the first and the last always. While more result signals are pending
 * than `pendingResultsLimit()`, the computation is held back (QW-7).
 */
export class QFutureWatcher<T> extends QObject {
  /** The name messages give the class, written out so that a bundler or minifier cannot rename it. */
  static override readonly className: string = 'QFutureWatcher';
  readonly started = new Signal(this, 'started');
  readonly finished = new Signal(this, 'finished');
  readonly canceled = new Signal(this, 'canceled');
  readonly suspending = new Signal(this, 'suspending');
  readonly suspended = new Signal(this, 'suspended');
  readonly resumed = new Signal(this, 'resumed');
  /** One result arrived at `index` (emitted only while something is connected, after `resultsReadyAt`). */
  readonly resultReadyAt = new Signal<[index: number]>(this, 'resultReadyAt');
  /** Results arrived at the indexes `begin` up to (not including) `end`. */
  readonly resultsReadyAt = new Signal<[begin: number, end: number]>(this, 'resultsReadyAt');
  readonly progressRangeChanged = new Signal<[minimum: number, maximum: number]>(this, 'progressRangeChanged');
  readonly progressValueChanged = new Signal<[value: number]>(this, 'progressValueChanged');
  readonly progressTextChanged = new Signal<[text: string]>(this, 'progressTextChanged');

  private watched: QFuture<T, unknown> | null = null;
  private unlisten: (() => void) | null = null;
  private pending: FutureEvent[] = [];
  /** resultsReady events queued and not yet delivered (Qt counts events, not results). */
  private pendingResults = 0;
  private pendingResultsLimitValue = Infinity;

  /** The future watched, or null. */
  future(): QFuture<T, unknown> | null {
    return this.watched;
  }

  /**
   * Starts watching `future` (null: stop watching). What it already did is replayed first, as queued signals:
   * connect before or after this call in the same turn, it makes no difference.
   */
  setFuture(future: QFuture<T, unknown> | null): void {
    if (objectThreadData(this) !== currentThreadData())
      throw new AffinityError(
        `${this.describe()}.setFuture(): called from ${currentThreadData().describe()}, but the watcher lives in another thread. Call it from the watcher's thread.`,
      );
    this.stopWatching();
    this.watched = future;
    if (future === null) return;
    const state = future.state;
    const replay: FutureEvent[] = [];
    if (state.started) {
      replay.push({ kind: 'started' });
      replay.push({ kind: 'progressRange', min: state.progressMin, max: state.progressMax });
      replay.push({ kind: 'progressValue', value: state.progressValue });
      if (state.progressText) replay.push({ kind: 'progressText', text: state.progressText });
    }
    let begin = -1;
    for (let i = 0; i <= state.store.length; i++) {
      const has = i in state.store;
      if (has && begin < 0) begin = i;
      if (!has && begin >= 0) {
        replay.push({ kind: 'resultsReady', begin, end: i });
        begin = -1;
      }
    }
    if (state.suspension !== 'none') replay.push({ kind: state.suspension });
    if (state.canceled) replay.push({ kind: 'canceled' });
    if (state.finished) replay.push({ kind: 'finished' });
    for (const event of replay) this.enqueue(event);
    this.giveCredit();
    if (!state.finished) this.unlisten = state.listen((event) => this.enqueue(event));
  }

  /** Stops listening to the watched future and lets its producer go on (nothing is pending here any more). */
  private stopWatching(): void {
    this.unlisten?.();
    this.unlisten = null;
    this.pending = [];
    this.pendingResults = 0;
    this.watched?.state.setResultCredit(Infinity);
  }

  /** QW-7: the producer may go as far as the results delivered here plus the limit. */
  private giveCredit(): void {
    const state = this.watched?.state;
    if (state) state.setResultCredit(state.resultEvents - this.pendingResults + this.pendingResultsLimitValue);
  }

  private enqueue(event: FutureEvent): void {
    if (event.kind === 'resultsReady') this.pendingResults++;
    this.pending.push(event);
    if (this.pending.length > 1) return;
    const loop = objectThreadData(this)?.loop;
    const watched = this.watched;
    const deliver = (): void => {
      const events = this.pending;
      this.pending = [];
      if (this.watched === watched) this.deliver(events);
    };
    if (loop) loop.post({ receiver: this, run: deliver });
    else queueMicrotask(deliver);
  }

  /** Emits `events`, then gives the producer credit for the results delivered (QW-7). */
  private deliver(events: readonly FutureEvent[]): void {
    const watched = this.watched;
    try {
      this.emitAll(events);
    } finally {
      if (this.watched === watched) this.giveCredit();
    }
  }

  private emitAll(events: readonly FutureEvent[]): void {
    for (const event of events) {
      if (this.isDestroyed() || this.watched === null) return;
      if (event.kind === 'resultsReady') this.pendingResults--;
      if (this.watched.isCanceled() && DROPPED_AFTER_CANCEL.has(event.kind)) continue;
      switch (event.kind) {
        case 'resultsReady':
          this.resultsReadyAt.emit(event.begin, event.end);
          if (this.resultReadyAt.connectionCount > 0)
            for (let i = event.begin; i < event.end; i++) this.resultReadyAt.emit(i);
          break;
        case 'progressRange':
          this.progressRangeChanged.emit(event.min, event.max);
          break;
        case 'progressValue':
          this.progressValueChanged.emit(event.value);
          break;
        case 'progressText':
          this.progressTextChanged.emit(event.text);
          break;
        default:
          this[event.kind].emit();
      }
    }
  }

  /** QW-4: true with no future, as for Qt's empty future. */
  isStarted(): boolean {
    return this.watched?.isStarted() ?? true;
  }
  /** The watched future's state (true with no future, QW-4). */
  isFinished(): boolean {
    return this.watched?.isFinished() ?? true;
  }
  /** The watched future's state (true with no future, QW-4). */
  isCanceled(): boolean {
    return this.watched?.isCanceled() ?? true;
  }
  /** The watched future's state (false with no future). */
  isRunning(): boolean {
    return this.watched?.isRunning() ?? false;
  }
  /** The watched future's state (false with no future). */
  isSuspending(): boolean {
    return this.watched?.isSuspending() ?? false;
  }
  /** The watched future's state (false with no future). */
  isSuspended(): boolean {
    return this.watched?.isSuspended() ?? false;
  }
  /** The watched future's first result. */
  result(): T {
    return this.requireFuture('result').result();
  }
  /** The watched future's result at `index`. */
  resultAt(index: number): T {
    return this.requireFuture('resultAt').resultAt(index);
  }
  /** The watched future's progress (0 with no future); likewise the three below. */
  progressValue(): number {
    return this.watched?.progressValue() ?? 0;
  }
  progressMinimum(): number {
    return this.watched?.progressMinimum() ?? 0;
  }
  progressMaximum(): number {
    return this.watched?.progressMaximum() ?? 0;
  }
  progressText(): string {
    return this.watched?.progressText() ?? '';
  }

  /** Slot: cancels the watched future. */
  cancel(): void {
    this.watched?.cancel();
  }
  /** Slot: asks the watched future to pause. */
  suspend(): void {
    this.watched?.suspend();
  }
  /** Slot: lets the watched future go on. */
  resume(): void {
    this.watched?.resume();
  }
  /** Slot: suspends (true) or resumes (false) the watched future. */
  setSuspended(suspend: boolean): void {
    this.watched?.setSuspended(suspend);
  }
  /** Slot: suspends or resumes the watched future. */
  toggleSuspended(): void {
    this.watched?.toggleSuspended();
  }
  /** Resolves when the watched future is finished (at once without one). */
  waitForFinished(): Promise<void> {
    return this.watched?.waitForFinished() ?? Promise.resolve();
  }

  /**
   * Holds the computation back while more than `limit` result signals (`resultsReadyAt`) wait for delivery (QW-7):
   * a pool task's next `addResult` waits in its worker, and map/filter hand out no new items, until the watcher has
   * delivered down to the limit. `Infinity` (the default): never. Qt's default, 2 × idealThreadCount, counts blocks
   * of results; here every item's result is its own signal, so no limit is the default.
   */
  setPendingResultsLimit(limit: number): void {
    this.pendingResultsLimitValue = limit;
    this.giveCredit();
  }
  /** The limit of pending result signals (`Infinity`: none, the default). */
  pendingResultsLimit(): number {
    return this.pendingResultsLimitValue;
  }

  /** Stops watching, then destroys the watcher (QObject.destroy). */
  override destroy(): void {
    this.stopWatching();
    super.destroy();
  }

  private requireFuture(method: string): QFuture<T, unknown> {
    if (this.watched) return this.watched;
    throw new InvalidArgumentError(
      `${this.describe()}.${method}(): the watcher has no future. Call setFuture() first.`,
    );
  }
}
