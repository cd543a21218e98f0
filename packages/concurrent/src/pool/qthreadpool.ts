import { InvalidArgumentError, QObject, Signal } from '@sigslot/core';
import { applyReport, crashError } from './apply-report';
import { PoolThread, TaskRecord, toWireTask } from './pool-thread';
import { PriorityQueue } from './priority-queue';
import { BlockSizer } from './block-sizer';
import { IdleWaiters } from './idle-waiters';
import { PoolStatistics } from './pool-statistics';
import { armOptions } from './task-options';
import { CANCEL, DELIVERED, type ReportBatch, type WireTask } from './protocol';
import { TaskSlots } from './task-slots';

import type { QRunnable } from './qrunnable';
import { spawnPoolWorker, type ResourceLimits } from './spawn';
import { idealThreadCount, sharedBuffer } from '@sigslot/thread/channel';

/** Options of a pool. */
export interface QThreadPoolOptions {
  /** Node: memory limits for each worker. */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Browsers (required there): the module script each worker runs, which calls `startWebPoolWorker` from
   * `@sigslot/concurrent/web-worker` with the task modules it serves.
   */
  readonly workerUrl?: string | URL;
}

/**
 * A pool of workers that run tasks (Qt's QThreadPool): at most `maxThreadCount` at once, the rest queued by
 * priority (higher first, FIFO among equals). Workers are reused; one idle for `expiryTimeout` ms ends. A task that
 * throws fails only its future; a worker that dies fails only the tasks it held, and is replaced when needed.
 * Idle workers never keep a Node program alive.
 */
export class QThreadPool extends QObject {
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
  private readonly threads: PoolThread[] = [];
  private readonly queue = new PriorityQueue<TaskRecord>();
  private readonly slots = new TaskSlots();
  private nextId = 1;
  private spawned = 0;
  private readonly blocks = new BlockSizer();
  private pumpScheduled = false;
  private readonly idleWaiters = new IdleWaiters();
  private readonly statistics = new PoolStatistics(this);

  constructor(
    parent: QObject | null = null,
    private readonly options: QThreadPoolOptions = {},
  ) {
    super(parent);
  }

  /** The program's pool (TP-1): the same object every time, sized by `idealThreadCount()`. */
  static globalInstance(): QThreadPool {
    return (QThreadPool.global ??= new QThreadPool().setObjectName('globalInstance'));
  }

  /** How many threads may run tasks at once (at least one always can, TP-4). */
  get maxThreadCount(): number {
    return this.max;
  }
  set maxThreadCount(count: number) {
    this.max = count;
    this.schedulePump();
  }
  /** Ms an idle worker waits for work before it ends; negative: never (applies to workers that go idle after). */
  get expiryTimeout(): number {
    return this.expiry;
  }
  set expiryTimeout(ms: number) {
    this.expiry = ms;
  }
  /** Threads running tasks, plus reserved ones (TP-5: may exceed `maxThreadCount` after `reserveThread`). */
  activeThreadCount(): number {
    let busy = 0;
    for (const thread of this.threads) if (thread.busy) busy++;
    return busy + this.reserved;
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
    return this.threads.length;
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
    this.send(this.threadForWork(), [record]);
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
    return this.idleWaiters.wait(ms, this.isIdle(), () => {
      for (const thread of this.threads.splice(0)) void thread.handle.terminate();
    });
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
    if (record.where === 'sent') this.slots.setFlag(record.slot, bit, on);
  }

  /** @internal */
  setTaskCredit(record: TaskRecord, credit: number): void {
    if (record.where === 'sent') this.slots.setCredit(record.slot, credit);
  }

  private isIdle(): boolean {
    return this.queue.size === 0 && this.threads.every((t) => !t.busy);
  }

  private checkDone(): void {
    if (this.idleWaiters.waiting && this.isIdle()) this.idleWaiters.notifyIdle();
  }

  private canStartThread(): boolean {
    const active = this.activeThreadCount();
    return active < Math.max(1, this.max) || active === 0;
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
    while (this.queue.size > 0 && this.slots.available > 0) {
      const free = Math.max(1, Math.max(1, this.max) - this.activeThreadCount());
      const size = this.blocks.size(this.queue.size, free, this.slots.available);
      const thread = this.canStartThread()
        ? this.threadForWork()
        : this.blocks.pipelines()
          ? this.threadToRefill(size)
          : null;
      if (!thread) break;
      const block: TaskRecord[] = [];
      while (block.length < size) {
        const record = this.queue.shift();
        if (!record) break;
        if (record.where === 'queued') block.push(record);
      }
      if (block.length > 0) this.send(thread, block);
    }
    this.publishStatistics();
    this.checkDone();
  };

  private publishStatistics(): void {
    this.statistics.publish(this.queue.size, this.activeThreadCount());
  }

  /** A busy thread with less than one block left, for a burst of tiny tasks. */
  private threadToRefill(size: number): PoolThread | null {
    let best: PoolThread | null = null;
    for (const thread of this.threads)
      if (thread.busy && thread.inflight.size <= size && (!best || thread.inflight.size < best.inflight.size))
        best = thread;
    return best;
  }

  /** An idle worker, or a new one. */
  private threadForWork(): PoolThread {
    for (const thread of this.threads) if (!thread.busy) return thread;
    const name = `${this.objectName || 'QThreadPool'} thread #${++this.spawned}`;
    const control = new Int32Array(sharedBuffer(8, 'QThreadPool'));
    const handle = spawnPoolWorker(
      { flags: this.slots.words, control, name },
      this.options.resourceLimits,
      this.options.workerUrl,
      this.describe(),
    );
    const thread = new PoolThread(name, handle, control);
    handle.onMessage((message) => this.onReports(thread, message as ReportBatch));
    handle.onDeath((reason) => this.onDeath(thread, reason));
    this.threads.push(thread);
    return thread;
  }

  private send(thread: PoolThread, block: readonly TaskRecord[]): void {
    if (thread.expiry) clearTimeout(thread.expiry);
    thread.expiry = null;
    if (!thread.busy) thread.handle.setBusy(true);
    const tasks: WireTask[] = [];
    let transfer: object[] | undefined;
    for (const record of block) {
      if (record.runnable.transfer) (transfer ??= []).push(...record.runnable.transfer);
      const state = record.runnable.state;
      const slot = this.slots.take(state.suspension !== 'none', state.resultCredit);
      record.slot = slot;
      record.where = 'sent';
      record.thread = thread;
      thread.inflight.set(record.id, record);
      tasks.push(toWireTask(record, this.options.workerUrl === undefined));
    }
    thread.handle.postMessage({ type: 'run', tasks }, transfer);
  }

  private finishRecord(thread: PoolThread, record: TaskRecord): void {
    thread.inflight.delete(record.id);
    this.statistics.completed++;
    record.where = 'done';
    this.slots.release(record.slot);
    if (record.deadline) clearTimeout(record.deadline);
  }

  private onReports(thread: PoolThread, batch: ReportBatch): void {
    if (batch?.type !== 'reports') return;
    for (const report of batch.reports) {
      const record = thread.inflight.get(report.id);
      if (record && applyReport(record, report)) this.finishRecord(thread, record);
    }
    thread.delivered = (thread.delivered + 1) | 0;
    Atomics.store(thread.control, DELIVERED, thread.delivered);
    this.blocks.record(batch.ran, batch.ms);
    if (!thread.busy) this.goIdle(thread);
    this.pump();
  }

  private goIdle(thread: PoolThread): void {
    thread.handle.setBusy(false);
    if (this.expiry < 0) return;
    thread.expiry = setTimeout(() => {
      if (thread.busy) return;
      this.removeThread(thread);
      void thread.handle.terminate();
    }, this.expiry);
    (thread.expiry as { unref?: () => void }).unref?.();
  }

  private removeThread(thread: PoolThread): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
  }

  /** F-7: the tasks the worker held fail with a crash error; the others never notice; a new worker comes on demand. */
  private onDeath(thread: PoolThread, reason: string): void {
    this.removeThread(thread);
    if (thread.expiry) clearTimeout(thread.expiry);
    for (const record of [...thread.inflight.values()]) {
      this.finishRecord(thread, record);
      record.runnable.state.fail(crashError(record, thread.name, reason));
    }
    this.schedulePump();
  }
}
