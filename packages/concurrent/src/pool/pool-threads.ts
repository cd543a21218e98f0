import { sharedBuffer } from '@sigslot/thread/channel';
import { kindNumber, PoolThread, type TaskRecord } from './pool-thread';
import { CANCEL, RUN, SUSPEND, type ReportBatch } from './protocol';
import { spawnPoolWorker, type ResourceLimits } from './spawn';
import { TaskSlots } from './task-slots';

/** How a pool's threads are started and what they tell the pool. */
export interface PoolThreadsSetup {
  readonly resourceLimits: ResourceLimits | undefined;
  readonly workerUrl: string | URL | undefined;
  /** The pool's name, for thread names; its description, for messages. */
  name(): string;
  describe(): string;
  onReports(thread: PoolThread, batch: ReportBatch): void;
  onDeath(thread: PoolThread, reason: string): void;
}

/**
 * The workers of one pool and the tasks in them (Qt's QThreadPool's thread list). Workers start on demand, are
 * reused, and end after `expiryTimeout` ms idle, at once when the pool has more than it may use (TP-7), or all at
 * once (TP-9). A task sent to a worker holds a slot of shared flag words (cancel, suspend, result credit) until it
 * ends. A worker whose task is parked in `suspendIfRequested()` does not count as active (QF-8), so that the pool
 * can run other work meanwhile.
 */
export class PoolThreads {
  private readonly list: PoolThread[] = [];
  private readonly slots = new TaskSlots();
  private spawned = 0;

  constructor(private readonly setup: PoolThreadsSetup) {}

  /** Workers alive (busy, parked or idle). */
  get count(): number {
    return this.list.length;
  }

  /** Threads running a task, leaving out those parked in a suspended task (QF-8). */
  activeCount(): number {
    let active = 0;
    for (const thread of this.list) if (thread.busy && thread.parked === null) active++;
    return active;
  }

  /** True when no worker holds a task. */
  allIdle(): boolean {
    return this.list.every((thread) => !thread.busy);
  }

  /** An idle worker, or a new one. */
  forWork(): PoolThread {
    for (const thread of this.list) if (!thread.busy) return thread;
    const name = `${this.setup.name()} thread #${++this.spawned}`;
    const control = new Int32Array(sharedBuffer(8, 'QThreadPool'));
    const handle = spawnPoolWorker(
      { flags: this.slots.words, control, name },
      this.setup.resourceLimits,
      this.setup.workerUrl,
      this.setup.describe(),
    );
    const thread = new PoolThread(name, handle, control);
    handle.onMessage((message) => this.setup.onReports(thread, message as ReportBatch));
    handle.onDeath((reason) => this.setup.onDeath(thread, reason));
    this.list.push(thread);
    return thread;
  }

  /** A running (not parked) thread with at most `size` tasks left, for a burst of tiny tasks. */
  toRefill(size: number): PoolThread | null {
    let best: PoolThread | null = null;
    for (const thread of this.list)
      if (
        thread.busy &&
        thread.parked === null &&
        thread.inflight.size <= size &&
        (!best || thread.inflight.size < best.inflight.size)
      )
        best = thread;
    return best;
  }

  /** Tasks that can be sent now (each needs a slot). */
  get slotsAvailable(): number {
    return this.slots.available;
  }

  /** Sends `block` to `thread` in one message, each task with a slot of its own. */
  send(thread: PoolThread, block: readonly TaskRecord[]): void {
    // An armed expiry timer stays: it ends the thread only if it is idle when it fires (see idle()).
    if (!thread.busy) thread.handle.setBusy(true);
    const message: unknown[] = [RUN, block.length];
    const kinds: unknown[] = [];
    let transfer: object[] | undefined;
    const node = this.setup.workerUrl === undefined;
    for (const record of block) {
      const runnable = record.runnable;
      if (runnable.transfer) (transfer ??= []).push(...runnable.transfer);
      const state = runnable.state;
      record.slot = this.slots.take(state.suspension !== 'none', state.resultCredit);
      record.where = 'sent';
      record.thread = thread;
      thread.inflight.set(record.id, record);
      message.push(record.id, kindNumber(thread, record, node, kinds), record.slot, runnable.args);
    }
    for (const field of kinds) message.push(field);
    thread.handle.postMessage(message, transfer);
  }

  /** The task ended (or died with its worker): its slot and record go. */
  release(thread: PoolThread, record: TaskRecord): void {
    thread.inflight.delete(record.id);
    if (thread.parked === record) thread.parked = null;
    record.where = 'done';
    this.slots.release(record.slot);
    if (record.deadline) clearTimeout(record.deadline);
  }

  /**
   * Sets or clears a flag of a task in a worker. Returns true when that woke a parked task, which takes its thread
   * back (QF-8: Qt's reserveThread on wake).
   */
  setFlag(record: TaskRecord, bit: number, on: boolean): boolean {
    if (record.where !== 'sent') return false;
    this.slots.setFlag(record.slot, bit, on);
    const wakes = (bit === SUSPEND && !on) || (bit === CANCEL && on);
    if (!wakes || record.thread?.parked !== record) return false;
    record.thread.parked = null;
    return true;
  }

  /** How many results a task in a worker may have reported before it waits (QW-7). */
  setCredit(record: TaskRecord, credit: number): void {
    if (record.where === 'sent') this.slots.setCredit(record.slot, credit);
  }

  /**
   * `thread` ran out of work: it ends now if the pool has more workers than `limit` (TP-7), else waits for work
   * for `expiryMs` (negative: forever) before it ends.
   */
  idle(thread: PoolThread, limit: number, expiryMs: number): void {
    thread.handle.setBusy(false);
    if (this.list.length > limit) return this.end(thread);
    if (expiryMs < 0) {
      if (thread.expiry) clearTimeout(thread.expiry);
      thread.expiry = null;
      return;
    }
    // One timer per thread, restarted each time the thread goes idle (Node's refresh(): an idle round trip would
    // otherwise make and clear a timer per task); a new one where timers cannot restart, or the timeout changed.
    const timer = thread.expiry as { refresh?: () => unknown } | null;
    if (timer?.refresh && thread.expiryMs === expiryMs) return void timer.refresh();
    if (thread.expiry) clearTimeout(thread.expiry);
    thread.expiryMs = expiryMs;
    thread.expiry = setTimeout(() => {
      if (!thread.busy) this.end(thread);
    }, expiryMs);
    (thread.expiry as { unref?: () => void }).unref?.();
  }

  /** Ends idle workers until at most `limit` remain (TP-7: busy ones end when they become idle). */
  endSurplus(limit: number): void {
    for (const thread of this.list.slice()) if (this.list.length > limit && !thread.busy) this.end(thread);
  }

  /** Forgets a worker that died (its tasks are the pool's business). */
  remove(thread: PoolThread): void {
    if (thread.expiry) clearTimeout(thread.expiry);
    const at = this.list.indexOf(thread);
    if (at >= 0) this.list.splice(at, 1);
  }

  /** Ends every worker (TP-9, once the pool is idle). */
  endAll(): void {
    for (const thread of this.list.slice()) this.end(thread);
  }

  private end(thread: PoolThread): void {
    this.remove(thread);
    void thread.handle.terminate();
  }
}
