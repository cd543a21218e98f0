import { run, runWithPromise } from './run';
import { task, taskWithPromise } from './task-builder';
import { filtered, filteredReduced, map, mapped, mappedReduced } from './map-functions';

/**
 * Qt's QtConcurrent namespace: `run` (the task's return value), `runWithPromise` (the task reports through a
 * QPromise), `task` / `taskWithPromise` (the builder: pool, priority, AbortSignal, deadline).
 */
export const QtConcurrent = {
  run,
  runWithPromise,
  task,
  taskWithPromise,
  map,
  mapped,
  mappedReduced,
  filtered,
  filteredReduced,
} as const;
