import type { TransferList } from '@sigslot/core';
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
  /** Stops the worker now; resolves once it has stopped. */
  terminate(): Promise<void>;
  /**
   * The thread reported that it finished: let the worker end by itself, so that its last output is not
   * lost (Node), or close it (browser, which has no exit event). `onExit` follows either way.
   */
  release(): void;
}

/** Options for starting a worker. */
export interface SpawnOptions {
  /** The worker's name (shown in debuggers and in messages). */
  readonly name: string;
  /** Node only: memory limits for the worker (`worker_threads` `resourceLimits`). */
  readonly resourceLimits?: {
    readonly maxOldGenerationSizeMb?: number;
    readonly maxYoungGenerationSizeMb?: number;
    readonly codeRangeSizeMb?: number;
    readonly stackSizeMb?: number;
  };
}
