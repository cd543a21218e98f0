import type { QFuture } from '../future/qfuture';
import { InvalidArgumentError } from '@sigslot/core';
import { CopiedArguments, QRunnable, type RunOptions } from '../pool/qrunnable';
import { QThreadPool } from '../pool/qthreadpool';
import { describeTask, type TaskFunction, type TaskRef } from '../task/task-ref';
import type { PromiseTask } from './run';

/**
 * Qt's `QtConcurrent::task(fn)` builder, with two additions Qt lacks: an AbortSignal and a deadline.
 *
 * ```ts
 * const future = QtConcurrent.task(tasks.render)
 *   .withArguments(tile)
 *   .onThreadPool(pool)
 *   .withPriority(5)
 *   .withDeadline(2_000) // canceled (TaskDeadlineError) if not done in 2 s; the worker is kept
 *   .spawn();
 * ```
 */
export class TaskBuilder<Args extends unknown[], R> {
  private args = new CopiedArguments([], () => '');
  /** Arguments moved with `transfer` went to the first spawned task; another spawn needs new ones. */
  private argsSpent = false;
  private pool: QThreadPool | null = null;
  private priority = 0;
  private options: RunOptions = {};

  /** @internal */
  constructor(
    private readonly task: TaskRef<TaskFunction>,
    private readonly promiseMode: boolean,
  ) {}

  /**
   * The task's arguments, copied now (QC-9): changes made to them before `spawn()` are not seen by the task.
   * Arguments marked with `transfer` move now, to the first task spawned.
   */
  withArguments(...args: Args): this {
    this.args = new CopiedArguments(args, () => `QtConcurrent.task(${describeTask(this.task)}).withArguments()`);
    this.argsSpent = false;
    return this;
  }
  /** The pool to run on (default: the global instance). */
  onThreadPool(pool: QThreadPool): this {
    this.pool = pool;
    return this;
  }
  /** Its place in the pool's queue: higher first (default 0). */
  withPriority(priority: number): this {
    this.priority = priority;
    return this;
  }
  /** Cancels the future `ms` after `spawn()` with a TaskDeadlineError, without ending its worker. */
  withDeadline(ms: number): this {
    this.options = { ...this.options, deadlineMs: ms };
    return this;
  }
  /** Cancels the future when `signal` aborts. */
  withSignal(signal: AbortSignal): this {
    this.options = { ...this.options, signal };
    return this;
  }
  /** Starts the task and returns its future. */
  spawn(): QFuture<R> {
    if (this.argsSpent)
      throw new InvalidArgumentError(
        `QtConcurrent.task(${describeTask(this.task)}).spawn(): its arguments marked with transfer() were moved to the task spawned before. Call withArguments() again before another spawn().`,
      );
    if (this.args.transfer) this.argsSpent = true;
    const runnable = new QRunnable<R>(this.task, this.args, this.promiseMode, this.options);
    (this.pool ?? QThreadPool.globalInstance()).start(runnable as QRunnable<unknown>, this.priority);
    return runnable.future();
  }
}

/** Starts a {@link TaskBuilder} for `task`, whose return value its future carries. */
export function task<F extends TaskFunction>(ref: TaskRef<F>): TaskBuilder<Parameters<F>, Awaited<ReturnType<F>>> {
  return new TaskBuilder(ref, false);
}

/** Starts a {@link TaskBuilder} for a task that gets a QPromise first and reports through it. */
export function taskWithPromise<T, A extends unknown[]>(ref: TaskRef<PromiseTask<T, A>>): TaskBuilder<A, T> {
  return new TaskBuilder(ref, true);
}
