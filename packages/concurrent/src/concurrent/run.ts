import { InvalidArgumentError } from '@sigslot/core';
import type { QFuture } from '../future/qfuture';
import type { QPromise } from '../future/qpromise';
import { QRunnable, type RunOptions } from '../pool/qrunnable';
import { QThreadPool } from '../pool/qthreadpool';
import type { TaskFunction, TaskRef } from '../task/task-ref';

/** A task that reports through a QPromise given as its first parameter. */
export type PromiseTask<T, A extends unknown[]> = (promise: QPromise<T>, ...args: A) => unknown;

/** Splits `run`'s arguments: an optional pool first, then the task, then its arguments. */
function parse(
  what: string,
  rest: readonly unknown[],
): { pool: QThreadPool; task: TaskRef<TaskFunction>; args: unknown[] } {
  const hasPool = rest[0] instanceof QThreadPool;
  const pool = hasPool ? (rest[0] as QThreadPool) : QThreadPool.globalInstance();
  const task = rest[hasPool ? 1 : 0];
  if (typeof task !== 'object' || task === null || typeof (task as TaskRef<TaskFunction>).module !== 'string')
    throw new InvalidArgumentError(
      `QtConcurrent.${what}(): the task must be a task reference (taskModule<typeof Tasks>(path).name or taskRef(path, name)), not ${typeof task}. A worker cannot run a closure from this thread.`,
    );
  return { pool, task: task as TaskRef<TaskFunction>, args: rest.slice(hasPool ? 2 : 1) };
}

const NO_OPTIONS: RunOptions = {};

/** Starts a task on `pool` and returns its future (QC-1, QC-2). */
export function startRun<T>(
  what: string,
  rest: readonly unknown[],
  promiseMode: boolean,
  options: RunOptions = NO_OPTIONS,
  priority = 0,
): QFuture<T> {
  const { pool, task, args } = parse(what, rest);
  const runnable = new QRunnable<T>(task, args, promiseMode, options);
  pool.start(runnable as QRunnable<unknown>, priority);
  return runnable.future();
}

/** `QtConcurrent.run(task, ...args)` or `run(pool, task, ...args)`: the task's return value as a future. */
export interface Run {
  <F extends TaskFunction>(task: TaskRef<F>, ...args: Parameters<F>): QFuture<Awaited<ReturnType<F>>>;
  <F extends TaskFunction>(
    pool: QThreadPool,
    task: TaskRef<F>,
    ...args: Parameters<F>
  ): QFuture<Awaited<ReturnType<F>>>;
}

/** `QtConcurrent.runWithPromise(task, ...args)`: the task gets a QPromise first and reports through it. */
export interface RunWithPromise {
  <T, A extends unknown[]>(task: TaskRef<PromiseTask<T, A>>, ...args: A): QFuture<T>;
  <T, A extends unknown[]>(pool: QThreadPool, task: TaskRef<PromiseTask<T, A>>, ...args: A): QFuture<T>;
}

export const run: Run = (...rest: unknown[]) => startRun('run', rest, false) as never;
export const runWithPromise: RunWithPromise = (...rest: unknown[]) => startRun('runWithPromise', rest, true) as never;
