import type { TransferList } from '@sigslot/core';
import type { WebWorker } from './web-endpoint';
/**
 * The one seam between the thread code and a platform (comlink's idea): something that posts messages and
 * hands over the ones that arrive. Node's worker_threads and Web Workers each get a small adapter; a process
 * or a socket transport can implement it later.
 */
export interface Endpoint {
  /** Sends a message, moving (not copying) the objects in `transfer`. */
  postMessage(message: unknown, transfer?: TransferList): void;
  /** Calls `handler` with each message that arrives, in order. */
  onMessage(handler: (message: unknown) => void): void;
}

/** The main side of a started worker: its endpoint plus its lifecycle. */
export interface WorkerEndpoint extends Endpoint {
  /** Calls `handler` when the worker fails outside the protocol (an uncaught error, running out of memory). */
  onError(handler: (error: unknown) => void): void;
  /** Calls `handler` once when the worker has stopped, with its exit code. */
  onExit(handler: (code: number) => void): void;
  /**
   * True once the worker has stopped, for whatever reason (out of memory included), answered synchronously: a
   * thread blocked on the worker cannot hear its exit event, so it asks this between waits.
   */
  hasStopped(): boolean;
  /**
   * Whether the worker keeps the program running (Node: `ref`/`unref`; it does from the start). A browser page
   * does not end when its workers are idle, so there it does nothing.
   */
  setKeepAlive(keep: boolean): void;
  /** Stops the worker now; resolves once it has stopped. */
  terminate(): Promise<void>;
  /**
   * The thread reported that it finished: let the worker end by itself, so that its last output is not
   * lost (Node), or close it (browser, which has no exit event). `onExit` follows either way.
   */
  release(): void;
}

/**
 * The first code a Node worker runs: CommonJS source, which the build also writes to `file` in `dir` (the bundle's
 * folder), so that a worker starts from that file (a worker starts ~2 ms sooner from a file than from `eval`
 * source, whose path through Node loads more of Node itself). Where the file is missing or differs (the package
 * runs from its TypeScript sources, or an application bundled it), the worker evaluates `source`.
 */
export interface NodeBootstrap {
  readonly source: string;
  /** The file's name (`thread-bootstrap.cjs`). */
  readonly file: string;
  /** The folder of the module that declares it: `dist/` once built, where the build writes `file`. */
  readonly dir: string | undefined;
}

/** Options for starting a worker. */
export interface SpawnOptions {
  /** The worker's name (shown in debuggers and in messages). */
  readonly name: string;
  /** Browsers: makes the thread's Web Worker (a class's `static worker`), instead of `new Worker(url)`. */
  readonly createWorker?: () => WebWorker;
  /** Node only: memory limits for the worker (`worker_threads` `resourceLimits`). */
  readonly resourceLimits?: {
    readonly maxOldGenerationSizeMb?: number;
    readonly maxYoungGenerationSizeMb?: number;
    readonly codeRangeSizeMb?: number;
    readonly stackSizeMb?: number;
  };
}

/**
 * A worker started before its thread (`QThread.prepareWorkers()`): it has loaded the runtime, or is loading it,
 * and waits for the one message that names its thread (a `ThreadAssignment`). Node has one; a platform whose
 * workers can run a generic bootstrap could have one too.
 */
export interface SpareWorker {
  /** True once it has loaded the runtime and waits, idle, for its thread. */
  readonly ready: boolean;
  /**
   * Hands the worker its thread: sends `assignment`, keeps the process alive for it from now on, and returns the
   * thread's endpoint, as starting a worker for that thread would. Once only.
   */
  assign(assignment: unknown, transfer?: TransferList): WorkerEndpoint;
  /** Stops a worker that was not assigned; resolves once it has stopped. */
  terminate(): Promise<void>;
}

/** What the owner of a {@link SpareWorker} hears from it. */
export interface SpareWorkerEvents {
  /** It has loaded the runtime and waits for its thread. */
  ready(): void;
  /** It stopped or failed before it was assigned; `starting`: before it was ready. */
  lost(error: unknown, starting: boolean): void;
  /** After `assign`: its thread has sent its first message, or the worker stopped (its replacement may start). */
  busy(): void;
}
