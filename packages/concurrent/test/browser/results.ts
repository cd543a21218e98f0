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
  /** The QtConcurrent rules for promise tasks, map, filter and reduce (rules-map.ts). */
  mapRules?: MapRuleResults;
  /** The future, promise and watcher rules (rules-future.ts). */
  futureRules?: FutureRuleResults;
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
    /** A task whose worker closed itself (self.close()): how its future ended, and the next task's result. */
    closedSelf: { rejected: string; message: string };
    afterClose: number;
    waitedAll: boolean;
  };
  f8: { rejected: string; after: number; threads: number };
}

/** The QtConcurrent rules for promise tasks, map, filter and reduce (rules-map.ts). */
export interface MapRuleResults {
  qc3: { ranges: string[]; resultsAtFinished: number; lastProgress: number; lastResult: number };
  qc4: {
    mappedRight: boolean;
    filteredRight: boolean;
    inPlace: number[];
    mappedReduced: number;
    filteredReduced: number;
  };
  qc6: { ordered: number[]; unordered: number[]; reducedOnPageThread: boolean };
  qc7: {
    progress: { ranges: string[]; value: number };
    cancel: { canceled: boolean; resultsBelowItems: boolean };
    suspend: { doneBelowItems: boolean; resultsAfterResume: number };
  };
  qc10: { rejected: string; remoteName: string };
}

/** The future, promise and watcher rules (rules-future.ts). */
export interface FutureRuleResults {
  qf2: {
    value: string;
    failed: string;
    atCancel: { canceled: boolean; finished: boolean; results: number };
    resultsAfter: number;
  };
  qf3: {
    atSuspend: { suspending: boolean; suspended: boolean };
    parked: boolean;
    log: string[];
    suspendingAfterCancel: boolean;
    cancelLog: string[];
  };
  qf9: { doubled: number; handled: string; onCanceled: number; contextResult: number; seen: string[] };
  qp1: { canceled: boolean; finished: boolean; awaited: string };
  /** What the task's addResult calls returned (1 true, 0 false), and the results main kept. */
  qp2: { returned: number[]; results: string[] };
  /** Progress minimum, maximum, value and text after each list of steps. */
  qp3: { risingOnly: (number | string)[]; reversedRange: (number | string)[] };
  qp5: {
    parkedResultsKept: boolean;
    resultsAfterResume: number;
    unsuspendedResults: number;
    releasedByCancel: boolean;
  };
  qw2: { inSetFuture: number; log: string[] };
  qw3: string[];
  qw4: boolean[];
  /** The signals a watcher delivered after its slot canceled the future. */
  qw5: { afterCancel: string[] };
}
