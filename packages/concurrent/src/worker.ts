/**
 * `@sigslot/concurrent/worker`: the code a Node pool worker runs (loaded by the pool's bootstrap, not by
 * applications). It waits for blocks of tasks and runs them; the bootstrap's loader loads their modules.
 * @packageDocumentation
 */
import type * as WorkerThreads from 'node:worker_threads';
import { nodeBuiltin, nodeEndpoint } from '@sigslot/thread/channel';
import type { PoolWorkerInit } from './pool/protocol';
import { runPoolWorker, type ModuleLoader } from './worker/task-runner';

/** Starts the pool worker loop in this Node worker thread, loading task modules with `load`. */
export function startNodePoolWorker(load: ModuleLoader): void {
  const { parentPort, workerData } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  if (!parentPort) throw new Error('@sigslot/concurrent/worker runs inside a pool worker thread only.');
  runPoolWorker(nodeEndpoint(parentPort), workerData as PoolWorkerInit, load);
}
