import { FutureState } from '../future/future-state';
import { QRunnable } from '../pool/qrunnable';
import type { QThreadPool } from '../pool/qthreadpool';
import { describeTask, type TaskFunction, type TaskRef } from '../task/task-ref';
import { ReduceOption } from './reduce-option';

/** What a kernel does with each item's outcome. */
export type KernelMode = 'mapped' | 'filtered' | 'map';

/** A reduce step on the caller's thread, one call at a time (QC-6). */
export interface Reducer {
  readonly fn: (accumulator: unknown, value: unknown) => unknown;
  readonly ordered: boolean;
  readonly initial: { readonly value: unknown } | null;
}

/** Tasks in the pool at once per thread, at most: enough for full blocks, few enough that suspend stops soon. */
const OUTSTANDING_PER_THREAD = 1024;

/**
 * The engine of map, mapped, filtered and their reduced forms (Qt's IterateKernel): each item is a task on the pool
 * (the pool hands them out in blocks that grow with the measured work per item), results are stored at their input
 * index, and a reduce runs here, in input order or as items complete. Items are fed to the pool a window at a
 * time; a suspend takes back the ones still in the pool's queue, so that it takes effect once the items already in
 * the workers are done (then `suspended` is reported), as Qt's threads stop taking iterations.
 */
export class MapKernel {
  readonly state = new FutureState<unknown>();
  private readonly outcomes: unknown[] = [];
  private readonly done: boolean[] = [];
  private readonly running = new Map<FutureState<unknown>, QRunnable<unknown>>();
  /** Items a suspend took back from the pool's queue before they started: handed out again first on resume. */
  private readonly takenBack: number[] = [];
  /** Items being taken back now (their futures finish canceled as the pool drops them: not a completion). */
  private readonly takingBack = new Set<FutureState<unknown>>();
  private next = 0;
  private completed = 0;
  /** The next index an ordered consumer (ordered reduce, filtered output) waits for. */
  private orderedAt = 0;
  private accumulator: { value: unknown } | null;

  constructor(
    private readonly pool: QThreadPool,
    private readonly items: unknown[],
    private readonly task: TaskRef<TaskFunction>,
    private readonly mode: KernelMode,
    private readonly reducer: Reducer | null,
  ) {
    this.accumulator = reducer?.initial ? { value: reducer.initial.value } : null;
    this.state.label = `QtConcurrent.${mode}(${describeTask(task)}) over ${items.length} items`;
    this.state.control = {
      cancel: () => {
        for (const item of this.running.keys()) item.cancel();
        this.maybeFinish();
      },
      setSuspended: (suspended) => (suspended ? this.suspend() : this.feed()),
      // QW-7: items whose results a watcher has room for are handed out; more when it delivers.
      setResultCredit: () => this.feed(),
    };
    this.state.start();
    this.state.setProgressRange(0, items.length);
    // Items go out after this turn, so that a watcher set on the future now bounds them from the start (QW-7).
    queueMicrotask(() => {
      this.feed();
      this.maybeFinish();
    });
  }

  private feed(): void {
    const window = OUTSTANDING_PER_THREAD * Math.max(1, this.pool.maxThreadCount);
    while (
      (this.takenBack.length > 0 || this.next < this.items.length) &&
      this.running.size < window &&
      this.state.suspension === 'none' &&
      this.hasCredit()
    ) {
      if (this.state.canceled) return;
      const index = this.takenBack.length > 0 ? this.takenBack.shift()! : this.next++;
      const runnable = new QRunnable<unknown>(this.task, [this.items[index]], false);
      const item = runnable.state;
      this.running.set(item, runnable);
      item.whenFinished(() => this.onItem(index, item));
      this.pool.start(runnable);
    }
  }

  /** Whether a watcher has room for one more item's result (QW-7). */
  private hasCredit(): boolean {
    if (this.reducer || this.mode === 'map') return true; // no result signal per item
    return this.state.resultEvents + this.running.size < this.state.resultCredit;
  }

  /** Takes back the items still queued in the pool; `suspended` comes once the ones in the workers are done. */
  private suspend(): void {
    for (const [item, runnable] of this.running) {
      this.takingBack.add(item);
      if (!this.pool.tryTake(runnable)) this.takingBack.delete(item);
    }
    this.maybeSuspended();
  }

  private onItem(index: number, item: FutureState<unknown>): void {
    this.running.delete(item);
    if (this.takingBack.delete(item)) {
      this.takenBack.push(index);
      return;
    }
    if (item.exception) this.failWith(item.exception.error);
    else if (!item.canceled && !this.state.canceled) this.accept(index, item.store[0]);
    this.completed++;
    if (!this.state.canceled) this.state.setProgressValue(this.completed);
    this.feed();
    this.maybeSuspended();
    this.maybeFinish();
  }

  private accept(index: number, value: unknown): void {
    if (this.mode === 'map') {
      this.items[index] = value;
      return;
    }
    if (this.mode === 'mapped' && !this.reducer) {
      this.state.addResults([value], index);
      return;
    }
    const kept = this.mode === 'mapped' ? { value } : value ? { value: this.items[index] } : null;
    if (this.reducer && !this.reducer.ordered) {
      if (kept) this.reduce(kept.value);
      return;
    }
    // In input order: filtered output (compacted) and OrderedReduce wait for the items before them.
    this.outcomes[index] = kept;
    this.done[index] = true;
    while (this.done[this.orderedAt]) {
      const outcome = this.outcomes[this.orderedAt] as { value: unknown } | null;
      this.outcomes[this.orderedAt++] = undefined;
      if (!outcome) continue;
      if (this.reducer) this.reduce(outcome.value);
      else this.state.addResults([outcome.value]);
    }
  }

  private reduce(value: unknown): void {
    if (this.accumulator === null) {
      this.accumulator = { value };
      return;
    }
    try {
      this.accumulator.value = this.reducer!.fn(this.accumulator.value, value);
    } catch (error) {
      this.failWith(error);
    }
  }

  private failWith(error: unknown): void {
    if (this.state.canceled) return;
    this.state.setException(error);
    for (const item of this.running.keys()) item.cancel();
  }

  private maybeSuspended(): void {
    if (this.state.suspension === 'suspending' && this.running.size === 0) this.state.reportSuspended();
  }

  private maybeFinish(): void {
    if (this.state.finished || this.running.size > 0) return;
    if (!this.state.canceled && (this.next < this.items.length || this.takenBack.length > 0)) return;
    if (!this.state.canceled && this.reducer) this.state.addResults([this.accumulator?.value]);
    this.state.finish();
  }
}

/** Whether `options` asks for an ordered reduce. */
export function isOrdered(options: number): boolean {
  return (options & ReduceOption.OrderedReduce) !== 0;
}
