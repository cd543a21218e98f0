import type * as WorkerThreads from 'node:worker_threads';
import type { Endpoint, SpawnOptions, WorkerEndpoint } from './endpoint';
import { nodeBuiltin } from './platform';

/** Adapts a Node `MessagePort` or `Worker` (EventEmitter style) to an {@link Endpoint}. */
export function nodeEndpoint(port: WorkerThreads.MessagePort | WorkerThreads.Worker): Endpoint {
  return {
    postMessage: (message, transfer) =>
      port.postMessage(message, transfer as WorkerThreads.TransferListItem[] | undefined),
    onMessage: (handler) => void port.on('message', handler),
  };
}

/**
 * Starts a Node worker that runs `bootstrap` (CommonJS source) with `workerData`. Starting from source
 * keeps one code path for compiled JavaScript and for TypeScript run through tsx.
 */
export function spawnNodeWorker(
  bootstrap: string,
  workerData: unknown,
  options: SpawnOptions,
  transferList: readonly WorkerThreads.TransferListItem[] = [],
): WorkerEndpoint {
  const { Worker } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData,
    transferList: [...transferList],
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  return {
    ...nodeEndpoint(worker),
    onError: (handler) => void worker.on('error', handler),
    onExit: (handler) => void worker.once('exit', handler),
    terminate: async () => void (await worker.terminate()),
    release: () => {
      // The runtime exits the worker itself right after "finished"; this only guards against a stuck one.
      setTimeout(() => void worker.terminate(), 2000).unref();
    },
  };
}
