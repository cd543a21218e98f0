import type { ThreadInit } from '../wire/protocol';
import type { SpawnOptions, WorkerEndpoint } from './endpoint';
import { startNodeThreadWorker } from './node-thread-worker';
import { nodeProcess } from './platform';
import { spawnWebWorker } from './web-endpoint';
import { writeSharedValue } from '../wire/shared-value';

/** A browser's result region for blocking emits: grows as a result needs, up to this many bytes. */
const MAX_RESULT_BYTES = 16 << 20;
/**
 * A growable SharedArrayBuffer (ES2024's form, which the compiler's ES2022 library lacks). Reached when called, not
 * at load: a page that is not cross-origin isolated has no SharedArrayBuffer, and must still load the module.
 */
function growableSharedBuffer(length: number, maxByteLength: number): SharedArrayBuffer {
  const Growable = SharedArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => SharedArrayBuffer;
  return new Growable(length, { maxByteLength });
}

/**
 * The main side's synchronous channel to a worker, read while this thread is blocked on it (it cannot receive
 * messages then). Node: a MessagePort read with `receiveMessageOnPort`. A browser's main thread never blocks.
 */
export interface SyncChannel {
  /** The message the worker sent before it woke this thread, or undefined. */
  receive(): unknown;
  /** Sends a message the worker reads once it is woken (the result of its blocking emit). */
  send(message: unknown): void;
  close(): void;
}

/** A started thread worker: its endpoint, and its synchronous channel where the platform has one. */
export interface ThreadWorker {
  readonly endpoint: WorkerEndpoint;
  readonly sync: SyncChannel | null;
}

/**
 * Starts the worker that runs a thread, as the platform does it: Node runs the bootstrap (or hands the thread to a
 * prepared worker), with a sync port and tsx for a TypeScript module; a browser starts the thread module itself as
 * a module Web Worker and sends it `init`. `what` names the thread in errors.
 */
export function startThreadWorker(init: ThreadInit, options: SpawnOptions, what: string): ThreadWorker {
  if (!nodeProcess()) {
    // A browser worker blocked in an emit cannot receive a message: the slots' result is written to shared memory.
    const results = growableSharedBuffer(64 << 10, MAX_RESULT_BYTES);
    const endpoint = spawnWebWorker(init.location.module, options);
    endpoint.postMessage({ ...init, results } satisfies ThreadInit);
    return {
      endpoint,
      sync: {
        receive: () => undefined, // a browser's main thread never blocks on a worker
        send: (message) => void writeSharedValue(results, 0, message),
        close: () => undefined,
      },
    };
  }
  return startNodeThreadWorker(init, options, what);
}
