import { run, runWithPromise } from './run';
import { task, taskWithPromise } from './task-builder';

/**
 * Qt's QtConcurrent namespace: `run` (the task's return value), `runWithPromise` (the task reports through a
 * QPromise), `task` / `taskWithPromise` (the builder: pool, priority, AbortSignal, deadline).
 */
export const QtConcurrent = { run, runWithPromise, task, taskWithPromise } as const;
