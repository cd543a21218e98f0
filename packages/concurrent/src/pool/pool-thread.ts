import type { FutureControl } from '../future/future-state';
import { isTypeScript, resolveTsx } from '@sigslot/thread/channel';
import { SUSPEND } from './protocol';
import type { QRunnable } from './qrunnable';
import type { PoolWorkerHandle } from './spawn';

/** What a task record asks of its pool when its future is canceled or suspended. */
export interface TaskOwner {
  cancelTask(record: TaskRecord): void;
  setTaskFlag(record: TaskRecord, bit: number, on: boolean): void;
  setTaskCredit(record: TaskRecord, credit: number): void;
}

/**
 * A runnable the pool accepted: where it is, and the flag word it uses while in a worker. It is its future's
 * control itself (no closures per task: a burst of 100,000 tasks makes 100,000 of these).
 */
export class TaskRecord implements FutureControl {
  /** queued: in the pool's queue; sent: in a worker; done: finished (or removed from the queue). */
  where: 'queued' | 'sent' | 'done' = 'queued';
  slot = -1;
  thread: PoolThread | null = null;
  deadline: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly owner: TaskOwner,
    readonly runnable: QRunnable<unknown>,
    readonly id: number,
    readonly priority: number,
  ) {}

  cancel(): void {
    this.owner.cancelTask(this);
  }
  setSuspended(suspended: boolean): void {
    this.owner.setTaskFlag(this, SUSPEND, suspended);
  }
  setResultCredit(credit: number): void {
    this.owner.setTaskCredit(this, credit);
  }
}

/** One worker of a pool, seen from the pool's thread. */
export class PoolThread {
  /** The tasks sent to it and not finished, by id. */
  readonly inflight = new Map<number, TaskRecord>();
  /** Report messages delivered, shared with the worker (it sends at once while this equals what it posted). */
  delivered = 0;
  /** Ends the thread if it is idle when it fires (restarted each time it goes idle). */
  expiry: ReturnType<typeof setTimeout> | null = null;
  expiryMs = 0;
  /** The task parked in `suspendIfRequested()` on this thread, if any: the thread is released meanwhile (QF-8). */
  parked: TaskRecord | null = null;
  /** The task kinds this worker was told, by module and name, numbered in the order they were sent. */
  readonly kinds = new Map<string, Map<string, number>>();
  kindCount = 0;

  constructor(
    readonly name: string,
    readonly handle: PoolWorkerHandle,
    readonly control: Int32Array,
  ) {}

  get busy(): boolean {
    return this.inflight.size > 0;
  }
}

/** Task modules by path: tsx's register API when one is TypeScript, resolved once per module. */
const tsxFor = new Map<string, string | null>();

/**
 * The number `thread` knows `record`'s task kind by; a kind new to it is numbered now and its definition appended
 * to `newKinds` (module, name, tsx), to travel in the same block.
 */
export function kindNumber(thread: PoolThread, record: TaskRecord, node: boolean, newKinds: unknown[]): number {
  const { runnable } = record;
  const { module, name } = runnable.task;
  let byName = thread.kinds.get(module);
  if (byName === undefined) thread.kinds.set(module, (byName = new Map()));
  let kind = byName.get(name);
  if (kind === undefined) {
    let tsx = tsxFor.get(module);
    if (tsx === undefined) {
      tsx = node && isTypeScript(module) ? resolveTsx(module, runnable.state.label) : null;
      tsxFor.set(module, tsx);
    }
    kind = thread.kindCount++;
    byName.set(name, kind);
    newKinds.push(module, name, tsx);
  }
  return kind * 2 + (runnable.promiseMode ? 1 : 0);
}
