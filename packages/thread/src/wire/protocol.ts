/**
 * The wire protocol between a thread and the thread that started it: every message that crosses is one of
 * these types. It knows nothing of worker_threads or Web Workers: an {@link Endpoint} carries it, so a
 * process or a socket could later carry it too.
 *
 * Everything that arrives from a worker is untrusted: `validate.ts` checks it before use.
 */

/** Errors as they cross: class name, message, stack. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/** Where the worker finds a class: a module (path or URL) and the export's name. */
export interface ClassLocation {
  readonly module: string;
  readonly exportName: string;
}

/** A call from the main side to an object living in the worker. */
export type WireCall =
  /** Create an object (the worker-object pattern); `signals` names the slots its blocking flags use. */
  | {
      readonly kind: 'create';
      readonly objectId: number;
      readonly location: ClassLocation;
      readonly args: readonly unknown[];
    }
  /** Run a slot (a method) of an object; `replyId` asks for its result, `wait` means the caller blocks. */
  | {
      readonly kind: 'invoke';
      readonly objectId: number;
      readonly method: string;
      readonly args: readonly unknown[];
      readonly replyId: number;
      readonly wait: boolean;
    }
  /** Destroy an object in its thread (deleteLater on the handle). */
  | { readonly kind: 'delete'; readonly objectId: number }
  /**
   * Connect, inside the thread, a signal of object `objectId` to method `method` of object `target`, both living
   * there (made on the main side; `connectionId` names it for `disconnect`). Qt's routing then runs in the thread.
   */
  | {
      readonly kind: 'connect';
      readonly objectId: number;
      readonly signal: string;
      readonly target: number;
      readonly method: string;
      readonly type: number;
      readonly connectionId: number;
    }
  /** Remove a connection made by `connect`. */
  | { readonly kind: 'disconnect'; readonly objectId: number; readonly connectionId: number };

/** A method call on an object living in the worker. */
export type InvokeCall = Extract<WireCall, { readonly kind: 'invoke' }>;

/** Main → worker. */
export type ToWorker =
  | { readonly type: 'calls'; readonly calls: readonly WireCall[] }
  /** Leave the worker's event loop (`exec()` returns `code`). */
  | { readonly type: 'exit'; readonly code: number }
  /** Which blocking-flag slot watches an object's signal (sent when the main side first uses the signal). */
  | { readonly type: 'watch'; readonly objectId: number; readonly signal: string; readonly slot: number };

/**
 * Main → worker on the sync port (Node), read by a worker blocked in an emit once it is woken: what the slots of
 * its BlockingQueuedConnection returned (the last one's result, as `emit` returns it).
 */
export interface BlockedEmitResult {
  readonly type: 'emit-result';
  readonly value: unknown;
}

/** The data a worker starts with (Node: `workerData`, or the {@link ThreadAssignment} of a prepared worker; browser: the first message). */
export interface ThreadInit {
  readonly type: 'init';
  readonly threadId: number;
  readonly name: string;
  readonly location: ClassLocation;
  /** The thread object's own fields on the main side, copied onto the worker's instance before `run()`. */
  readonly state: Readonly<Record<string, unknown>>;
  /** Control words shared with the main thread; see `ControlWords`. */
  readonly control: SharedArrayBuffer;
  /** The affinity policy of the main thread, applied in the worker too. */
  readonly affinityPolicy: 'throw' | 'record';
  /** Objects created before the thread started, and other calls queued for it. */
  readonly calls: readonly WireCall[];
  /** The program's wait-for graph (see `WaitGraph`): where every thread publishes what it is blocked on. */
  readonly waitGraph: SharedArrayBuffer;
  /**
   * This run's secret: the runtime puts it in `started` and `finished`, so that code in the worker that posts its own
   * messages cannot start or end the thread. On Node the bootstrap takes it (and the sync port) out of `workerData`
   * before the thread module loads.
   */
  readonly token: string;
  /**
   * Browsers: where a worker blocked in an emit reads what the main thread's slots returned (written with
   * `writeSharedValue`), since a blocked browser worker cannot receive a message. Node uses its sync port.
   */
  readonly results?: SharedArrayBuffer;
  /** Blocking-flag slots already assigned: [objectId, signal name, slot]. */
  readonly watches: readonly (readonly [number, string, number])[];
  /**
   * Backpressure: the most queued emits that may wait for the main thread before the worker's next batch
   * waits for them to drain (`QThread.maxPendingEmits`); 0: no limit.
   */
  readonly maxPendingEmits: number;
}

/**
 * Main → a prepared worker: "here is your thread". A prepared worker has started and loaded the runtime before any
 * thread needed it (`QThread.prepareWorkers()`, Node); this is the first message it gets, and it carries what a
 * worker started for its thread gets at start (Node: its `workerData`). The thread's own messages follow it.
 */
export interface ThreadAssignment {
  readonly type: 'assign';
  readonly init: ThreadInit;
  /** The port blocking calls' replies travel on, where the platform needs one (Node: a `MessagePort`, transferred). */
  readonly syncPort?: unknown;
  /** Node: the path of tsx's CommonJS register API, when the thread module is TypeScript. */
  readonly tsx?: string;
  /**
   * Node: resolutions the main thread made for the worker, which its bootstrap caches where they hold there
   * (endpoint/worker-resolutions.ts).
   */
  readonly resolved?: readonly WorkerResolution[];
}

/** A resolution a worker would make, made on the main thread: `request`, required from the file `from`, is `file`. */
export type WorkerResolution = readonly [from: string, request: string, file: string];

/**
 * Worker → main: queued emits in the order they were made, in one flat array of plain values. The batch is a
 * sequence of runs, each `objectId, signalIndex, version, argCount, emitCount`, then the arguments of `emitCount`
 * consecutive emits of that signal, `argCount` values each (`0, 2, 7, 1, 3, 10, 11, 12` is three emits of signal 2
 * of object 0 with one argument, routed at version 7: 10, then 11, then 12). `version` is the thread's routing
 * version (`ControlWords.Routing`) the emits read when they were made: the main side delivers them to the
 * connections it had at that version (Qt routes in the emitting thread, at the emit).
 *
 * Runs keep the arguments flat because the structured clone algorithm pays for every object it copies: an
 * array per emit cost more than everything else on the worker side (benchmark group 2). Signal indexes refer
 * to the `signals` list the object announced. `wire/codec.ts` builds, checks and reads batches.
 */
export interface EmitBatch {
  readonly type: 'emits';
  readonly batch: readonly unknown[];
  /**
   * The arguments of the batch's number runs (a negative `argCount`: `-argCount` numbers per emit), in order: a
   * typed array is copied as one block, where an array is copied value by value.
   */
  readonly numbers: Float64Array | undefined;
}

/**
 * Worker → main: one emit whose main-side connections include a blocking one, the worker waiting on the control
 * words. A bare array, `[objectId, signal, version, args]`, the one message that is not an object with a `type`:
 * copying an array between threads costs about half what an object with named fields does, and this message is half
 * of a blocking round trip.
 */
export type EmitWait = readonly [objectId: number, signal: number, version: number, args: readonly unknown[]];

/** Worker → main. */
export type FromWorker =
  /** The worker built the thread object (object 0) and is about to call `run()`; `signals` are its signal names. */
  | { readonly type: 'started'; readonly signals: readonly string[]; readonly token: string }
  /** An object created in the worker announces its signals. */
  | { readonly type: 'created'; readonly objectId: number; readonly signals: readonly string[] }
  | EmitBatch
  | EmitWait
  /** The result of an `invoke` call. */
  | { readonly type: 'result'; readonly replyId: number; readonly ok: boolean; readonly value: unknown }
  /** A slot or queued call in the worker threw: reported on the main thread's error handler. */
  | {
      readonly type: 'slot-error';
      readonly error: WireError;
      readonly where: string;
      /** The signal whose slot threw, when a slot threw (as `ErrorContext.signal`). */
      readonly signal?: string;
      /** The receiver whose slot threw (as `ErrorContext.receiver`). */
      readonly receiver?: string;
    }
  /** A main-thread-only API was called in the worker. */
  | {
      readonly type: 'violation';
      readonly violation: {
        readonly className: string;
        readonly method: string;
        readonly thread: string;
        readonly threadId: number;
        readonly message: string;
        readonly stack: string;
      };
    }
  /** `run()` ended: normally (`error` absent, `code` its exit code) or by an exception. */
  | { readonly type: 'finished'; readonly code: number; readonly error?: WireError; readonly token: string };

/** Indexes into the control words (an Int32Array over `ThreadInit.control`). */
export const ControlWords = {
  /** 1 once `requestInterruption()` was called. */
  Interrupt: 0,
  /**
   * Worker → main blocking emit: 0 while waiting; 1 when the main side ran the slots and sent their result on the
   * synchronous channel; 3 when they ran and returned undefined (nothing sent: most slots return nothing); 2 if
   * released by an error or an end.
   */
  WorkerWait: 1,
  /** Main → worker blocking call: 0 while waiting, 1 answered, 2 released because the worker ended. */
  MainWait: 2,
  /** Woken to cut a worker's `msleep` short when it is terminated. */
  Sleep: 3,
  /**
   * Backpressure: how many queued emits the worker has posted in batches (it stores the count after each
   * batch; Int32 arithmetic wraps, so only differences are meaningful).
   */
  Posted: 4,
  /**
   * How many of those the main side has taken for delivery (it adds a batch's count when it starts delivering it,
   * then notifies). Equal to `Posted`: main has caught up, and the worker's next emit is posted at once.
   */
  Delivered: 5,
  /**
   * Backpressure: 1 while the main thread is blocked waiting for this worker (a BlockingQueued call into it):
   * the worker must not then wait for the main thread to drain its emits.
   */
  MainBlocked: 6,
  /** Backpressure: 1 once the thread is being terminated or has ended: a waiting worker stops waiting. */
  Release: 7,
  /**
   * The main side adds 1 after every change a worker waiting or emitting must notice (`Delivered`, `Routing`, a
   * blocking flag; `MainBlocked` or `Release` set), and notifies it. Backpressure: a worker reads it before checking
   * those words and waits on the value it read, so no change can slip between its check and its wait (no lost
   * wake-up). Emits: a worker reads `Routing`, `Delivered` and its flags again only when it changed.
   */
  Wake: 8,
  /**
   * Routing: the version of the main side's connections to the signals this worker emits. The main side adds 1
   * on every connect, disconnect and blockSignals() that concerns them; each emit reads it (see `EmitBatch`).
   */
  Routing: 9,
  /** First of the blocking-flag slots: how many blocking connections the main side has on a signal. */
  FirstFlag: 16,
  /** Total number of words. */
  Size: 16 + 1024,
} as const;

/** Turns any thrown value into a {@link WireError}. */
export function toWireError(error: unknown): WireError {
  if (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string') {
    const e = error as Error;
    return {
      name: String(e.name || e.constructor?.name || 'Error'),
      message: e.message,
      ...(typeof e.stack === 'string' ? { stack: e.stack } : {}),
    };
  }
  return { name: typeof error, message: String(error) };
}
