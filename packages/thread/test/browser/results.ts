// What the browser test's page reports in `window.__results`: written by main.ts, read by browser.test.ts.

/** The page's report. */
export interface Results {
  crossOriginIsolated: boolean;
  idealThreadCount: number;
  queued?: { ticks: Array<[count: number, emittedOn: string, ranOn: string]>; finished: boolean; wait: boolean };
  blocking?: {
    ticks: number[];
    slotMs: number;
    waited: Array<[count: number, waitedMs: number, slotsRunBefore: number]>;
    finished: boolean;
  };
  workerObject?: {
    add: number;
    changedBeforeResult: number;
    addLater: number;
    changed: Array<[number, string]>;
    failure: string;
    exitedCleanly: boolean;
  };
  pageCannotBlock?: { msleep: string; invokeBlocking: string; emitBlocking: string };
  interruption?: { stopped: [interrupted: boolean, spins: number] | null; finished: boolean };
  terminated?: { errors: string[]; finished: boolean; running: boolean };
  crashed?: { errors: string[]; finished: boolean };
  prepared?: { resolved: boolean; count: number; afterRelease: number };
  deliveryModel?: {
    blockingResult: unknown;
    busyAcks: boolean[];
    workerLog: string[];
    workerThread: string;
    jobFinished: number[];
    ran: string[];
    hostThread: string;
  };
  routing?: {
    disconnectAfterEmit: number[];
    connectAfterEmit: number[];
    blockedAtEmit: number[];
    deletedReceiverGot: number[];
  };
  settleOnce?: { outcomes: string[]; reports: string[] };
  /** The console warnings of a worker whose script started a thread at its top level. */
  topLevelStart?: string[];
  /** A thread whose worker got the page's own { type: 'init' } message first: what it said, errors, finished. */
  foreignInit?: { said: string[]; errors: string[]; finished: boolean };
  log: string[];
  errors: string[];
  done: boolean;
  elapsedMs?: number;
}
