import type { QFuture } from '../future/qfuture';
import { QRunnable, type RunOptions } from '../pool/qrunnable';
import { QThreadPool } from '../pool/qthreadpool';
import type { TaskFunction, TaskRef } from '../task/task-ref';
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
  private args: readonly unknown[] = [];
  private pool: QThreadPool | null = null;
  private priority = 0;
  private options: RunOptions = {};

  /** @internal */
  constructor(
    private readonly task: TaskRef<TaskFunction>,
    private readonly promiseMode: boolean,
  ) {}

  /** The task's arguments, copied when it is spawned. */
  withArguments(...args: Args): this {
    this.args = args;
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
