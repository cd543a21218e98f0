/** What the browser test page reports on window.__results. */
export interface PoolResults {
  done: boolean;
  errors: string[];
  crossOriginIsolated: boolean;
  sum?: number;
  mapped?: { results: number[]; indexes: number[] };
  progress?: { last: number; signals: number; resultsAtFinished: number };
  cancel?: { canceled: boolean; afterwards: number; threadsBefore: number; threadsAfter: number };
  /** QW-7: how far a producer got ahead of a slow watcher with a limit of 2; results delivered before finished. */
  backPressure?: { lead: number; delivered: number };
  /** F-11: the values each statistics signal carried, and the figures at the end. */
  statistics?: { queued: number[]; active: number[]; completed: number[]; final: [number, number, number] };
  /** Transferables: the argument's buffer after the call, what the task saw; a moved result and the size left. */
  transfer?: {
    argumentBytesAfterCall: number;
    seen: { sum: number; bufferBytes: number };
    resultLength: number;
    resultBytesInWorker: number;
  };
  /** QF-12: whenAll's futures in input order; whenAny's index while the other was held. */
  combined?: { allInOrder: boolean; allFinished: boolean; anyIndex: number; heldFinishedAtAny: boolean };
  /** The later pool.md rules (rules.ts). */
  rules?: RuleResults;
  /** The pool rules (rules-pool.ts). */
  poolRules?: PoolRuleResults;
}

/** The later pool.md rules, as the page saw them (rules.ts; kept here, free of import.meta, for the Node test). */
export interface RuleResults {
  tp4: { results: number[]; threads: number };
  tp7: { before: number; after: number };
  tp10: string;
  qc8: { firstSizes: number[]; largest: number; overCap: number };
  qc9: number[];
  qf1: { empty: boolean[]; done: boolean[] };
  qf4: { count: number; results: string[]; gap: boolean };
  qf5: { canceled: string; failed: string };
  qf6: string[];
  qf7: number;
  qf8: { activeWhileParked: number; ranMeanwhile: number; results: number };
  qf11: string[];
  qp4: { name: string; seen: number[] };
  qw: { inSetFuture: number; log: string[] };
  /** F-9: what a task on a one-thread pool got from the child task it awaited (run in its worker's global pool). */
  f9: number;
}

/** The pool rules (rules-pool.ts). */
export interface PoolRuleResults {
  tp1: { same: boolean; max: number; hardwareConcurrency: number };
  /** The order in which queued tasks of priorities 0, 5, 5, 1 (values 0, 51, 52, 1) finished. */
  tp2: number[];
  tp3: { whenFull: boolean; refusedStarted: boolean; whenIdle: boolean; result: number };
  tp5: {
    activeReserved: number;
    queuedWhileReserved: number;
    ranOnRelease: number;
    firstStillRunning: boolean;
    queuedAtLimit: number;
    ranBeside: number;
    besideStillRunning: boolean;
  };
  tp6: { results: number[]; threadsAfterTask: number; ended: boolean; threadsAfterNext: number };
  /** A task queued behind a running one: started at the call, not finished, in the queue. */
  qc2: { startedAtCall: boolean; finished: boolean; queuedTasks: number };
  tp8: { canceledAndFinished: boolean; queued: string; running: string };
  tp9: { waitedBeforeDone: boolean; waitedAll: boolean; runningFinished: boolean; threads: number };
  tp11: { rejected: string; remoteName: string; message: string; handled: string; after: number };
  f7: {
    rejected: string;
    message: string;
    otherFinishedAtCrash: boolean;
    otherResult: number;
    after: number;
    /** Whether the worker counted as dead still ran code afterwards. */
    deadWorkerAnswered: boolean;
    waitedAll: boolean;
  };
  f8: { rejected: string; after: number; threads: number };
}
