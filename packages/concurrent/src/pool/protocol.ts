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

/** One task as the worker receives it. */
export interface WireTask {
  readonly id: number;
  readonly module: string;
  readonly name: string;
  /** Run-with-promise mode: the function gets a QPromise first. */
  readonly promise: boolean;
  readonly args: readonly unknown[];
  /** The index of its flag word. */
  readonly slot: number;
  /** tsx's register API, when the module is TypeScript. */
  readonly tsx?: string;
}

/** Main → worker. */
export interface RunBlock {
  readonly type: 'run';
  readonly tasks: readonly WireTask[];
}

/** What the worker tells about one task. */
export type WireReport =
  | { readonly id: number; readonly kind: 'returned'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'failed'; readonly error: WireError }
  /** `QPromise.setException` in the task: the future fails now; it finishes when the task returns (QP-4). */
  | { readonly id: number; readonly kind: 'exception'; readonly error: WireError }
  | { readonly id: number; readonly kind: 'skipped' }
  | { readonly id: number; readonly kind: 'results'; readonly index: number; readonly values: readonly unknown[] }
  | { readonly id: number; readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly id: number; readonly kind: 'progress'; value: number; text: string | null }
  | { readonly id: number; readonly kind: 'suspended' }
  | { readonly id: number; readonly kind: 'finished' };

/** Worker → main: reports in order, and how long the worker spent running tasks that finished in this batch. */
export interface ReportBatch {
  readonly type: 'reports';
  readonly reports: readonly WireReport[];
  readonly ran: number;
  readonly ms: number;
}

/** The start-up data of a pool worker. */
export interface PoolWorkerInit {
  readonly flags: Int32Array;
  readonly control: Int32Array;
  readonly name: string;
}
