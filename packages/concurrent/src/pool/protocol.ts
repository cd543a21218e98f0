import type { WireError } from '@sigslot/thread/channel';

/**
 * The messages between a pool and its workers. Tasks leave in blocks (one message per block); reports come back
 * batched (one message for many tasks' results and progress). Cancel and suspend do not travel as messages: they
 * are bits in the pool's shared flag words, one word per task in flight, so a task sees them without yielding.
 */

/** Bits of a task's flag word. */
export const CANCEL = 1;
export const SUSPEND = 2;

/** Tasks in workers at once, at most: the pool's shared array has two words per task slot. */
export const SLOTS = 1 << 16;
/**
 * Where a task's result credit lives: `flags[CREDIT + slot]` is how many results the task may have added in all
 * before its next addResult waits (QW-7: a watcher's delivered results plus its pendingResultsLimit).
 */
export const CREDIT = SLOTS;
/** The credit of a task nobody holds back. */
export const UNLIMITED = 0x7fffffff;

/** Words of a worker's control array: how many report messages it posted, and how many main has delivered. */
export const POSTED = 0;
export const DELIVERED = 1;

/** What a task runs: a module's exported function. A worker is told each kind once, then tasks name it by number. */
export interface TaskKind {
  readonly module: string;
  readonly name: string;
  /** tsx's register API, when the module is TypeScript (Node). */
  readonly tsx: string | null;
}

/**
 * Main → worker: a block of n tasks as one flat array, `['run', n, ...n × (id, kind, slot, args), ...k × (module,
 * name, tsx)]`. The k kinds at the end are new to this worker, numbered on from those it was told before; a task's
 * `kind` is that number times 2, plus 1 in run-with-promise mode (the function gets a QPromise first); `slot` is the
 * index of its flag word. Flat, because copying an array between threads costs about half what copying objects with named fields does
 * (one message per block of a 100,000-task burst, and one per task when the pool is idle).
 */
export type RunBlock = readonly unknown[];
export const RUN = 'run';
export const KIND_FIELDS = 3;
export const TASK_FIELDS = 4;

/**
 * Worker → main: reports in order, `['reports', ran, ms, ...n × (code, id, payload)]`, with how many tasks finished in
 * this batch and the ms the worker spent running them. A task's return value travels as `(RETURNED, id, value)`; every
 * other report as `(REPORT, id, report)`.
 */
export type ReportBatch = readonly unknown[];
export const REPORTS = 'reports';
/** What a browser pool worker posts when it closes itself (`self.close()`), of which the page gets no event. */
export const CLOSING = 'closing';
export const REPORT_FIELDS = 3;
export const RETURNED = 0;
export const REPORT = 1;

/** What the worker tells about one task. */
export type WireReport =
  | { readonly id: number; readonly kind: 'failed'; readonly error: WireError }
  /** `QPromise.setException` in the task: the future fails now; it finishes when the task returns (QP-4). */
  | { readonly id: number; readonly kind: 'exception'; readonly error: WireError }
  | { readonly id: number; readonly kind: 'skipped' }
  | { readonly id: number; readonly kind: 'results'; readonly index: number; readonly values: readonly unknown[] }
  | { readonly id: number; readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly id: number; readonly kind: 'progress'; value: number; text: string | null }
  | { readonly id: number; readonly kind: 'suspended' }
  | { readonly id: number; readonly kind: 'finished' };

/** The start-up data of a pool worker. */
export interface PoolWorkerInit {
  readonly flags: Int32Array;
  readonly control: Int32Array;
  readonly name: string;
}
