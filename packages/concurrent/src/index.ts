/**
 * `@sigslot/concurrent`: Qt's QThreadPool, QtConcurrent and QFuture / QPromise / QFutureWatcher for TypeScript —
 * heavy work on a pool of workers, with results, progress, cancel and suspend reported as queued signals.
 * @packageDocumentation
 */
export { TaskFailedError, TaskCanceledError, TaskDeadlineError, TaskCrashedError } from './errors';
export { QFuture } from './future/qfuture';
export type { AwaitMode } from './future/qfuture';
export { QPromise } from './future/qpromise';
export { QFutureWatcher } from './future/qfuture-watcher';
export { QFutureSynchronizer } from './future/qfuture-synchronizer';
export { QtFuture } from './future/qtfuture';
export type { SignalValue, WhenAnyResult } from './future/qtfuture';
export { QThreadPool } from './pool/qthreadpool';
export type { QThreadPoolOptions } from './pool/qthreadpool';
export { QRunnable } from './pool/qrunnable';
export type { RunOptions } from './pool/qrunnable';
export type { ResourceLimits } from './pool/spawn';
export { idealThreadCount } from '@sigslot/thread/channel';
export { taskModule, taskRef } from './task/task-ref';
export { transfer } from './task/transfer';
export type { TaskRef, TaskModule, TaskFunction } from './task/task-ref';
export { QtConcurrent } from './concurrent/qtconcurrent';
export type { Run, RunWithPromise, PromiseTask } from './concurrent/run';
export { TaskBuilder } from './concurrent/task-builder';
export { ReduceOption } from './concurrent/reduce-option';
export type { ReduceOptions } from './concurrent/reduce-option';
export type {
  ItemTask,
  ReduceSettings,
  Mapped,
  MapInPlace,
  Filtered,
  MappedReduced,
  FilteredReduced,
} from './concurrent/map-functions';
