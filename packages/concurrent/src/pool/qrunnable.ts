import { InvalidArgumentError } from '@sigslot/core';
import { snapshotArgs } from '@sigslot/thread/channel';
import { FutureState } from '../future/future-state';
import { QFuture } from '../future/qfuture';
import { describeTask, type TaskFunction, type TaskRef } from '../task/task-ref';
import { takeTransfers } from '../task/transfer-marks';

const NO_OPTIONS = {};

/** The arguments with the marked ones moved; an argument that cannot cross is named as `snapshotArgs` names it. */
function movedArgs(args: readonly unknown[], what: () => string): ReturnType<typeof takeTransfers> {
  try {
    return takeTransfers(args);
  } catch (error) {
    snapshotArgs(args, what); // throws a CloneError naming the argument, if one cannot be copied
    // Else the list given to transfer() is wrong: an object that cannot move, or one already moved.
    throw new InvalidArgumentError(
      `${what()}: the objects given to transfer() cannot be moved to a worker (${(error as Error)?.message ?? String(error)}). List ArrayBuffers, MessagePorts or other transferable objects that are not already detached, e.g. transfer(bytes, [bytes.buffer]).`,
    );
  }
}

/**
 * A task's arguments as copied at the call (QC-1, QC-9): the values the worker gets, and the objects to transfer
 * with them (arguments marked with `transfer`, which the caller has lost already).
 */
export class CopiedArguments {
  readonly values: readonly unknown[];
  readonly transfer: readonly object[] | null;

  constructor(args: readonly unknown[], what: () => string) {
    const moved = movedArgs(args, what);
    this.values = moved ? moved.values : snapshotArgs(args, what);
    this.transfer = moved ? moved.transfer : null;
  }
}

/** How a task runs, beyond its arguments. */
export interface RunOptions {
  /** Cancels the task's future when this signal aborts (a queued task never starts; a running one sees isCanceled()). */
  readonly signal?: AbortSignal;
  /** Cancels the future this many ms after it was started (with a TaskDeadlineError); the worker is kept. */
  readonly deadlineMs?: number;
}

/**
 * One task with its arguments, ready for a pool (Qt's QRunnable, made with `QRunnable::create`): the function
 * exported by a module, the arguments copied now (later changes to them are invisible to the task, QC-1), and the
 * future that reports it. Give it to `QThreadPool.start` or `tryStart`.
 */
export class QRunnable<T = unknown> {
  /** @internal */ readonly args: readonly unknown[];
  /** @internal Objects among the arguments to transfer when they are posted (arguments marked with `transfer`). */
  readonly transfer: readonly object[] | null;
  /** @internal */ readonly state = new FutureState<T>();

  /** @internal */
  constructor(
    /** @internal */ readonly task: TaskRef<TaskFunction>,
    args: readonly unknown[] | CopiedArguments,
    /** @internal */ readonly promiseMode: boolean,
    /** @internal */ readonly options: RunOptions = NO_OPTIONS,
  ) {
    // Marked arguments move now (the caller's buffers are detached at the call); the others are copied now (QC-1).
    const copied =
      args instanceof CopiedArguments
        ? args
        : new CopiedArguments(args, () => `QRunnable.create(${describeTask(task)})`);
    this.args = copied.values;
    this.transfer = copied.transfer;
    this.state.labelSource = this;
  }

  /** @internal The pool that accepted it (set once, by the pool). */
  pool: { describe(): string } | null = null;
  /** @internal The pool's record of it, once accepted. */
  record: object | null = null;

  /** `task fib (tasks.ts) on QThreadPool "name"`, for messages. */
  describe(): string {
    return `${describeTask(this.task)}${this.pool ? ` on ${this.pool.describe()}` : ''}`;
  }

  /** A runnable that calls `task` with `args` (Qt's QRunnable::create). */
  static create<F extends TaskFunction>(task: TaskRef<F>, ...args: Parameters<F>): QRunnable<Awaited<ReturnType<F>>> {
    return new QRunnable(task, args, false);
  }

  /** The future of this runnable's run. */
  future(): QFuture<T> {
    return new QFuture(this.state);
  }
}
