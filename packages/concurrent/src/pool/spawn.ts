import type * as WorkerThreads from 'node:worker_threads';
import type * as Fs from 'node:fs';
import type * as Path from 'node:path';
import {
  isTypeScript,
  nodeBuiltin,
  nodeEndpoint,
  nodeProcess,
  resolveTsx,
  spawnWebWorker,
  type Endpoint,
} from '@sigslot/thread/channel';
import { InvalidArgumentError } from '@sigslot/core';
import { NODE_POOL_BOOTSTRAP } from './node-bootstrap';
import type { PoolWorkerInit } from './protocol';

/** The main side of one pool worker. */
export interface PoolWorkerHandle extends Endpoint {
  /** Calls `handler` once when the worker dies or fails outside a task, with the reason. */
  onDeath(handler: (reason: string) => void): void;
  /** Whether the worker keeps the process alive: yes while it has work, no while idle (an idle pool never holds a program open). */
  setBusy(busy: boolean): void;
  terminate(): Promise<void>;
}

/** Node memory limits for pool workers (`worker_threads` `resourceLimits`). */
export type ResourceLimits = WorkerThreads.ResourceLimits;

let runtime: { path: string; tsx: string | undefined } | null = null;

/** Where this package's worker runtime is: dist/worker.js when built, src/worker.ts (through tsx) from sources. */
function runtimeLocation(): { path: string; tsx: string | undefined } {
  if (runtime) return runtime;
  const fs = nodeBuiltin<typeof Fs>('node:fs');
  const path = nodeBuiltin<typeof Path>('node:path');
  const built = path.join(__dirname, 'worker.js');
  const source = path.join(__dirname, '..', 'worker.ts');
  const file = fs.existsSync(built) ? built : source;
  runtime = { path: file, tsx: isTypeScript(file) ? resolveTsx(file, 'QThreadPool') : undefined };
  return runtime;
}

/**
 * Starts a Node pool worker. Spawned here rather than with `spawnNodeWorker` because a pool needs to `unref` idle
 * workers (a program that used the global pool must still exit), which the channel's endpoint does not offer.
 */
export function spawnPoolWorker(
  init: PoolWorkerInit,
  resourceLimits: ResourceLimits | undefined,
  workerUrl: string | URL | undefined,
  pool: string,
): PoolWorkerHandle {
  if (workerUrl !== undefined) return spawnWebPoolWorker(init, String(workerUrl));
  if (!nodeProcess())
    throw new InvalidArgumentError(
      `${pool} has no workerUrl: in a browser a pool starts module Web Workers on a script you bundle, which calls startWebPoolWorker() from @sigslot/concurrent/web-worker. Create the pool with new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) }).`,
    );
  const { Worker } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  const where = runtimeLocation();
  const worker = new Worker(NODE_POOL_BOOTSTRAP, {
    eval: true,
    name: init.name,
    workerData: { ...init, runtime: where.path, runtimeTsx: where.tsx },
    ...(resourceLimits ? { resourceLimits } : {}),
  });
  const death = deathLatch();
  worker.on('error', (error: Error) => death.die(`it threw outside a task: ${error.name}: ${error.message}`));
  worker.once('exit', (code) => death.die(`it exited with code ${code}`));
  worker.unref();
  return {
    ...nodeEndpoint(worker),
    onDeath: death.listen,
    setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
    terminate: async () => {
      death.silence();
      await worker.terminate();
    },
  };
}

/** Starts a browser pool worker on `url` (a module script that calls `startWebPoolWorker`) and sends it `init`. */
function spawnWebPoolWorker(init: PoolWorkerInit, url: string): PoolWorkerHandle {
  const endpoint = spawnWebWorker(url, { name: init.name });
  const death = deathLatch();
  endpoint.onError((error: unknown) => death.die(`it failed: ${(error as Error).message}`));
  endpoint.onExit((code: number) => death.die(`it stopped with code ${code}`));
  // Not 'init': @sigslot/thread, loaded in the worker too (the browser build of its channel imports its main entry),
  // listens in every Web Worker for a QThread's 'init' and would take this one for its own.
  endpoint.postMessage({ type: 'pool-init', init });
  return {
    postMessage: (message, transfer) => endpoint.postMessage(message, transfer),
    onMessage: (handler) => endpoint.onMessage(handler),
    onDeath: death.listen,
    setBusy: () => {},
    terminate: async () => {
      death.silence();
      await endpoint.terminate();
    },
  };
}

/** Reports a worker's death once, to one listener; silenced when the pool ends the worker itself. */
function deathLatch(): { die(reason: string): void; listen(handler: (reason: string) => void): void; silence(): void } {
  let dead = false;
  let listener: ((reason: string) => void) | null = null;
  return {
    die: (reason) => {
      if (dead) return;
      dead = true;
      listener?.(reason);
    },
    listen: (handler) => void (listener = handler),
    silence: () => void (dead = true),
  };
}
