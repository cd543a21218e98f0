import type { QRunnable } from './qrunnable';
import type { PoolWorkerHandle } from './spawn';

/** A runnable the pool accepted: where it is, and the flag word it uses while in a worker. */
export interface TaskRecord {
  readonly runnable: QRunnable<unknown>;
  readonly id: number;
  readonly priority: number;
  /** queued: in the pool's queue; sent: in a worker; done: finished (or removed from the queue). */
  where: 'queued' | 'sent' | 'done';
  slot: number;
  thread: PoolThread | null;
  deadline: ReturnType<typeof setTimeout> | null;
}

/** One worker of a pool, seen from the pool's thread. */
export class PoolThread {
  /** The tasks sent to it and not finished, by id. */
  readonly inflight = new Map<number, TaskRecord>();
  /** Report messages delivered, shared with the worker (it sends at once while this equals what it posted). */
  delivered = 0;
  expiry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly name: string,
    readonly handle: PoolWorkerHandle,
    readonly control: Int32Array,
  ) {}

  get busy(): boolean {
    return this.inflight.size > 0;
  }
}
