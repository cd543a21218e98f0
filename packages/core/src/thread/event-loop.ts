import type { QObject } from '../object/qobject';
import { reportError } from '../report-error';

/** One unit of work queued to a thread: Qt's posted event, as a small value. */
export interface Task {
  /** The object the task is for; a task whose receiver was destroyed is dropped, as Qt removes its posted events. */
  readonly receiver: QObject | null;
  /** Does the work, on the thread whose loop runs the task; an error it throws is reported, and the loop goes on. */
  run(): void;
  /** Called instead of `run` when the task is dropped (its receiver was destroyed), so that no caller waits forever. */
  cancel?(): void;
  /** True for a `deleteLater()`: Qt's DeferredDelete, still run when the thread finishes (see {@link EventLoop.finish}). */
  readonly deferredDelete?: boolean;
}

/** Runs `callback` as a macrotask: after the current task and its microtasks, with I/O not starved. */
const scheduleMacrotask: (callback: () => void) => void = (() => {
  if (typeof setImmediate === 'function') return (callback) => void setImmediate(callback);
  if (typeof MessageChannel === 'function') {
    // Browsers clamp nested setTimeout(0) to 4 ms; a message to oneself is the usual zero-delay macrotask.
    const channel = new MessageChannel();
    const pending: Array<() => void> = [];
    channel.port1.onmessage = () => pending.shift()?.();
    return (callback) => {
      pending.push(callback);
      channel.port2.postMessage(null);
    };
  }
  return (callback) => void setTimeout(callback, 0);
})();

/**
 * A thread's event queue and the loop that drains it, in FIFO order and never re-entrantly, on top of the
 * platform's own loop (Node's or the browser's). Qt's QThreadData::postEventList plus its dispatcher.
 */
export class EventLoop {
  private queue: Task[] = [];
  private head = 0;
  private scheduled = false;
  private draining = false;
  private stopped = false;

  /** How many tasks wait to run. */
  get pending(): number {
    return this.queue.length - this.head;
  }

  /** Appends a task; it runs after everything posted before it, once control returns to the loop. */
  post(task: Task): void {
    this.queue.push(task);
    if (!this.scheduled && !this.draining && !this.stopped) {
      this.scheduled = true;
      scheduleMacrotask(this.drain);
    }
  }

  /**
   * Runs `task` now when the loop is idle — nothing queued, no task running, not stopped — since it would run next
   * anyway; otherwise appends it as {@link EventLoop.post} does. For work that arrives as a platform event of its
   * own (a worker's message): it then costs no extra turn of the platform's loop. Its error is reported, as the
   * loop reports a task's.
   */
  runOrPost(task: Task): void {
    if (this.draining || this.stopped || this.head !== this.queue.length) return this.post(task);
    this.draining = true; // a task it posts runs in a later turn, as from a drain
    try {
      runTask(task);
    } finally {
      this.drained();
    }
  }

  /** Stops running tasks (Qt: the thread's loop is gone); tasks stay queued until {@link EventLoop.resume}. */
  stop(): void {
    this.stopped = true;
  }

  /** Starts running queued tasks again after {@link EventLoop.stop}. */
  resume(): void {
    this.stopped = false;
    if (!this.draining) this.drained();
  }

  /**
   * The thread is finishing (its `run()` returned and `finished` was emitted): the loop stops for good, the
   * deferred deletions queued so far run (Qt deletes them when the thread ends), and every other task is dropped.
   */
  finish(): void {
    this.stopped = true;
    const queue = this.queue;
    const start = this.head;
    this.queue = [];
    this.head = 0;
    for (let i = start; i < queue.length; i++) {
      const task = queue[i]!;
      if (!task.deferredDelete) continue;
      try {
        task.run();
      } catch (error) {
        reportError(error, { where: 'a deferred deletion' });
      }
    }
  }

  /**
   * Runs the tasks queued so far, oldest first. Tasks they queue run in the next turn, so a slot that keeps
   * posting cannot starve the platform's I/O. Calling it while it runs does nothing (no re-entrancy).
   */
  readonly drain = (): void => {
    this.scheduled = false;
    if (this.draining || this.stopped) return;
    this.draining = true;
    const end = this.queue.length;
    try {
      while (this.head < end && !this.stopped) {
        const task = this.queue[this.head]!;
        this.queue[this.head++] = undefined as unknown as Task; // let it be collected while the queue grows
        runTask(task);
      }
    } finally {
      this.drained();
    }
  };

  /** After running tasks: an empty queue starts afresh; tasks left (posted meanwhile) run in a later turn. */
  private drained(): void {
    this.draining = false;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (!this.stopped && !this.scheduled) {
      this.scheduled = true;
      scheduleMacrotask(this.drain);
    }
  }
}

/** Runs one task as the loop does: dropped (and cancelled) if its receiver was destroyed; its error reported. */
function runTask(task: Task): void {
  if (task.receiver !== null && task.receiver.isDestroyed()) return task.cancel?.();
  try {
    task.run();
  } catch (error) {
    reportError(error, { where: 'a queued call' });
  }
}
