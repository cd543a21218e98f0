import { InvalidArgumentError, QObject, Signal } from '@sigslot/core';
import { applyReport, applyReturn, crashError, isWireReport } from './apply-report';
import { PoolThread, TaskRecord } from './pool-thread';
import { PoolThreads } from './pool-threads';
import { PriorityQueue } from './priority-queue';
import { BlockSizer } from './block-sizer';
import { IdleWaiters } from './idle-waiters';
import { PoolStatistics } from './pool-statistics';
import { armOptions } from './task-options';
import { poolWorkerScript } from './worker-script';
import { CANCEL, DELIVERED, REPORT_FIELDS, REPORTS, RETURNED, type ReportBatch } from './protocol';

import type { QRunnable } from './qrunnable';
import type { ResourceLimits } from './spawn';
import { idealThreadCount } from '@sigslot/thread/channel';

/** Options of a pool. */
export interface QThreadPoolOptions {
  /** Node: memory limits for each worker. */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Browsers (required there, except in a pool worker): the module script each worker runs, which calls
   * `startWebPoolWorker` from `@sigslot/concurrent/web-worker` with the task modules it serves. A pool made inside a
   * browser pool worker without one (its global pool, where a task's child tasks go) uses that worker's own script.
   */
  readonly workerUrl?: string | URL;
}

/**
 * A pool of workers that run tasks (Qt's QThreadPool): at most `maxThreadCount` at once (but always at least one),
 * the rest queued by priority (higher first, FIFO among equals). Workers are reused; one idle for `expiryTimeout` ms
 * ends. A task that throws fails only its future; a worker that dies fails only the tasks it held, and is replaced
 * when needed. A task parked in `suspendIfRequested()` gives its thread's slot to other tasks until it wakes. Idle
 * workers never keep a Node program alive.
 */
export class QThreadPool extends QObject {
  /** The name messages give the class, written out so that a bundler or minifier cannot rename it. */
  static override readonly className: string = 'QThreadPool';
  /** `queuedTaskCount()` changed (F-11; announced once per batch of changes, see {@link PoolStatistics}). */
  readonly queuedTaskCountChanged = new Signal<[count: number]>(this, 'queuedTaskCountChanged');
  /** `activeThreadCount()` changed: threads running tasks, plus reserved ones. */
  readonly activeThreadCountChanged = new Signal<[count: number]>(this, 'activeThreadCountChanged');
  /** `completedTaskCount()` changed. */
  readonly completedTaskCountChanged = new Signal<[count: number]>(this, 'completedTaskCountChanged');

  private static global: QThreadPool | null = null;
  private max = idealThreadCount();
  private expiry = 30_000;
  private reserved = 0;
  private readonly queue = new PriorityQueue<TaskRecord>();
  private readonly threads: PoolThreads;
  private nextId = 1;
  private readonly blocks = new BlockSizer();
  private pumpScheduled = false;
  private readonly idleWaiters = new IdleWaiters();
  private readonly statistics = new PoolStatistics(this);

  constructor(parent: QObject | null = null, options: QThreadPoolOptions = {}) {
    super(parent);
    this.threads = new PoolThreads({
      resourceLimits: options.resourceLimits,
      workerUrl: options.workerUrl ?? poolWorkerScript(),
      name: () => this.objectName || 'QThreadPool',
      describe: () => this.describe(),
      onReports: (thread, batch) => this.onReports(thread, batch),
      onDeath: (thread, reason) => this.onDeath(thread, reason),
    });
  }

  /** The program's pool (TP-1): the same object every time, sized by `idealThreadCount()`. */
  static globalInstance(): QThreadPool {
    return (QThreadPool.global ??= new QThreadPool().setObjectName('globalInstance'));
  }

  /**
   * How many threads may run tasks at once. At least one always can, even with a limit of 0 or below, or with every
   * thread reserved (TP-4). Raising it starts queued tasks at once; lowering it ends idle workers beyond it now and
   * busy ones when their tasks are done (TP-7).
   */
  get maxThreadCount(): number {
    return this.max;
  }
  set maxThreadCount(count: number) {
    this.max = count;
    this.threads.endSurplus(this.threadLimit());
    this.schedulePump();
  }
  /** Ms an idle worker waits for work before it ends; negative: never (applies to workers that go idle after). */
  get expiryTimeout(): number {
    return this.expiry;
  }
  set expiryTimeout(ms: number) {
    this.expiry = ms;
  }
  /**
   * Threads running tasks, plus reserved ones (TP-5: may exceed `maxThreadCount` after `reserveThread`). A thread
   * whose task is parked in `suspendIfRequested()` is not counted while it waits (QF-8).
   */
  activeThreadCount(): number {
    return this.threads.activeCount() + this.reserved;
  }
  /** Tasks waiting for a thread. */
  queuedTaskCount(): number {
    return this.queue.size;
  }
  /** Tasks that ended in a worker: returned, threw, were canceled while running, or died with their worker. */
  completedTaskCount(): number {
    return this.statistics.completed;
  }
  /** Workers alive (busy or idle). */
  threadCount(): number {
    return this.threads.count;
  }

  /** Counts one more thread as active, ignoring the limit, until `releaseThread` (TP-5). */
  reserveThread(): void {
    this.reserved++;
    this.schedulePump();
  }
  /** Gives back a reserved thread; queued tasks may start at once. */
  releaseThread(): void {
    this.reserved--;
    this.schedulePump();
  }

  /** Runs `runnable` now if a thread is free, else queues it by `priority` (TP-2). Its future is started at once. */
  start(runnable: QRunnable<unknown>, priority = 0): void {
    const record = this.accept(runnable, priority);
    this.queue.push(record, priority);
    this.schedulePump();
  }

  /** Runs `runnable` only if a thread is free now, and returns whether it did; never queues it (TP-3). */
  tryStart(runnable: QRunnable<unknown>): boolean {
    if (!this.canStartThread() || this.queue.size > 0) return false;
    const record = this.accept(runnable, 0);
    this.threads.send(this.threads.forWork(), [record]);
    this.publishStatistics();
    return true;
  }

  /** Removes `runnable` from the queue if it has not started; its future is canceled (TP-8). */
  tryTake(runnable: QRunnable<unknown>): boolean {
    const record = runnable.record as TaskRecord | null;
    if (!record || record.owner !== this || record.where !== 'queued' || !this.queue.remove(record, record.priority))
      return false;
    this.dropQueued(record);
    this.publishStatistics();
    return true;
  }

  /** Removes every queued task; their futures are canceled and finished; running ones go on (TP-8, QC-2). */
  clear(): void {
    for (const record of this.queue.drain()) if (record.where === 'queued') this.dropQueued(record);
    this.publishStatistics();
    this.checkDone();
  }

  /**
   * Resolves true once nothing is queued or running, then ends every worker; false if `ms` (≥ 0) passed first, with
   * the pool left as it was (TP-9).
   */
  waitForDone(ms = -1): Promise<boolean> {
    return this.idleWaiters.wait(ms, this.isIdle(), () => this.threads.endAll());
  }

  private accept(runnable: QRunnable<unknown>, priority: number): TaskRecord {
    if (runnable.record !== null || runnable.state.started)
      throw new InvalidArgumentError(
        `${this.describe()}.start(${runnable.describe()}): this runnable was started already. Create a new one (QRunnable.create) for another run.`,
      );
    const record = new TaskRecord(this, runnable, this.nextId++, priority);
    runnable.record = record;
    runnable.pool = this;
    const state = runnable.state;
    state.control = record;
    armOptions(record);
    state.start();
    return record;
  }

  /** @internal */
  cancelTask(record: TaskRecord): void {
    if (record.where === 'queued') this.dropQueued(record);
    else this.setTaskFlag(record, CANCEL, true);
  }

  private dropQueued(record: TaskRecord): void {
    record.where = 'done';
    if (record.deadline) clearTimeout(record.deadline);
    const state = record.runnable.state;
    if (!state.canceled) state.cancel();
    state.finish();
  }

  /** @internal */
  setTaskFlag(record: TaskRecord, bit: number, on: boolean): void {
    if (this.threads.setFlag(record, bit, on)) this.publishStatistics(); // a parked task took its thread back
  }

  /** @internal */
  setTaskCredit(record: TaskRecord, credit: number): void {
    this.threads.setCredit(record, credit);
  }

  private isIdle(): boolean {
    return this.queue.size === 0 && this.threads.allIdle();
  }

  private checkDone(): void {
    if (this.idleWaiters.waiting && this.isIdle()) this.idleWaiters.notifyIdle();
  }

  /** Workers the pool keeps: the limit, at least one (TP-4). */
  private threadLimit(): number {
    return Math.max(1, this.max);
  }

  /** Below the limit, or no thread of its own running (reserved ones aside): at least one can always run (TP-4). */
  private canStartThread(): boolean {
    const active = this.activeThreadCount();
    return active < this.max || active - this.reserved < 1;
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(this.pump);
  }

  /**
   * Hands queued tasks to threads in blocks sized so that a block's message is ~1 % of its work. A thread gets a
   * second block before the first is done only when blocks are large (a burst of tiny tasks), so that it never waits
   * for main to refill it; otherwise tasks stay in the queue, where priorities order them (TP-2).
   */
  private readonly pump = (): void => {
    this.pumpScheduled = false;
    while (this.queue.size > 0 && this.threads.slotsAvailable > 0) {
      const size = this.blocks.size(this.queue.size, this.threadLimit(), this.threads.slotsAvailable);
      const thread = this.canStartThread()
        ? this.threads.forWork()
        : this.blocks.pipelines()
          ? this.threads.toRefill(size)
          : null;
      if (!thread) break;
      const block: TaskRecord[] = [];
      while (block.length < size) {
        const record = this.queue.shift();
        if (!record) break;
        if (record.where === 'queued') block.push(record);
      }
      if (block.length > 0) this.threads.send(thread, block);
    }
    this.publishStatistics();
    this.checkDone();
  };

  private publishStatistics(): void {
    this.statistics.publish(this.queue.size, this.activeThreadCount());
  }

  private finishRecord(thread: PoolThread, record: TaskRecord): void {
    this.threads.release(thread, record);
    this.statistics.completed++;
  }

  private onReports(thread: PoolThread, batch: ReportBatch): void {
    if (!Array.isArray(batch) || batch[0] !== REPORTS) return;
    for (let i = 3; i + 2 < batch.length; i += REPORT_FIELDS) {
      const record = thread.inflight.get(batch[i + 1] as number);
      if (!record) continue;
      const payload: unknown = batch[i + 2];
      if (batch[i] === RETURNED) {
        applyReturn(record, payload);
        this.finishRecord(thread, record);
      } else if (!isWireReport(payload))
        continue; // a worker's messages are untrusted: a malformed report is dropped
      else if (applyReport(record, payload)) this.finishRecord(thread, record);
      else if (payload.kind === 'suspended' && record.runnable.state.suspension === 'suspended') thread.parked = record;
    }
    thread.delivered = (thread.delivered + 1) | 0;
    Atomics.store(thread.control, DELIVERED, thread.delivered);
    this.blocks.record(measure(batch[1]), measure(batch[2]));
    this.pump(); // before the thread counts as idle: it takes queued work rather than ending as surplus (TP-7)
    if (!thread.busy) this.threads.idle(thread, this.threadLimit(), this.expiry);
  }

  private onDeath(thread: PoolThread, reason: string): void {
    this.threads.remove(thread);
    for (const record of [...thread.inflight.values()]) {
      this.finishRecord(thread, record);
      record.runnable.state.fail(crashError(record, thread.name, reason));
    }
    this.schedulePump();
  }
}

/** A count or duration a worker reported, or 0 if it is not one (untrusted input; it only sizes blocks). */
function measure(value: unknown): number {
  return typeof value === 'number' && value >= 0 && Number.isFinite(value) ? value : 0;
}
