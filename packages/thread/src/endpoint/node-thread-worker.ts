import type * as WorkerThreads from 'node:worker_threads';
import { takePreparedWorker } from '../main/prepared-workers';
import type { ThreadAssignment, ThreadInit } from '../wire/protocol';
import type { SpawnOptions } from './endpoint';
import { NODE_BOOTSTRAP } from './node-bootstrap';
import { spawnNodeWorker } from './node-endpoint';
import { nodeBuiltin } from './platform';
import type { ThreadWorker } from './start-thread-worker';
import { isTypeScript, resolveTsx } from './tsx';
import { bundleCodeCaches } from './bundle-code-cache';
import { workerImports } from './worker-resolutions';

/**
 * Starts a thread's Node worker: the bootstrap (or a prepared worker it is handed to), with a sync port the main
 * side reads while it is blocked, and tsx for a TypeScript module. `what` names the thread in errors.
 */
export function startNodeThreadWorker(init: ThreadInit, options: SpawnOptions, what: string): ThreadWorker {
  const { MessageChannel, receiveMessageOnPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  const channel = new MessageChannel();
  const tsx = isTypeScript(init.location.module) ? resolveTsx(init.location.module, what) : undefined;
  // A prepared worker was started without per-worker options: a thread that sets one gets its own worker.
  // (`resourceLimits` is the only one today; a new one must be added to this test.)
  const spare = options.resourceLimits ? null : takePreparedWorker();
  const imports = tsx ? undefined : workerImports(init.location.module);
  const data = {
    init,
    syncPort: channel.port2,
    ...(tsx ? { tsx } : {}),
    ...(imports ? { resolved: imports.resolved } : {}),
  };
  // A prepared worker has loaded the bundles already; a fresh one loads them with the main thread's code caches.
  const preload = imports && !spare ? bundleCodeCaches(imports.bundles) : undefined;
  const endpoint = spare
    ? spare.assign({ type: 'assign', ...data } satisfies ThreadAssignment, [channel.port2])
    : spawnNodeWorker(NODE_BOOTSTRAP, preload ? { ...data, preload } : data, options, [channel.port2]);
  const port = channel.port1;
  return {
    endpoint,
    sync: {
      receive: () => receiveMessageOnPort(port)?.message,
      send: (message) => port.postMessage(message),
      close: () => port.close(),
    },
  };
}
