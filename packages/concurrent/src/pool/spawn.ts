import type * as WorkerThreads from 'node:worker_threads';
import type * as Fs from 'node:fs';
import type * as Path from 'node:path';
import {
  isTypeScript,
  nodeBuiltin,
  nodeProcess,
  resolveTsx,
  spawnNodeWorker,
  spawnWebWorker,
  type Endpoint,
  type WorkerEndpoint,
} from '@sigslot/thread/channel';
import { InvalidArgumentError } from '@sigslot/core';
import { NODE_POOL_BOOTSTRAP } from './node-bootstrap';
import { CLOSING, type PoolWorkerInit } from './protocol';

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
 * Starts a pool worker: a module Web Worker on `workerUrl` (a script that calls `startWebPoolWorker`), or, on Node
 * without one, a worker that runs this package's runtime. An idle pool worker does not keep the program running
 * (a program that used the global pool must still exit): `setBusy` says when it has work.
 */
export function spawnPoolWorker(
  init: PoolWorkerInit,
  resourceLimits: ResourceLimits | undefined,
  workerUrl: string | URL | undefined,
  pool: string,
): PoolWorkerHandle {
  const web = workerUrl !== undefined;
  if (!web && !nodeProcess())
    throw new InvalidArgumentError(
      `${pool} has no workerUrl: in a browser a pool starts module Web Workers on a script you bundle, which calls startWebPoolWorker() from @sigslot/concurrent/web-worker. Create the pool with new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) }).`,
    );
  const options = { name: init.name, ...(resourceLimits ? { resourceLimits } : {}) };
  let endpoint: WorkerEndpoint;
  if (web) {
    endpoint = spawnWebWorker(String(workerUrl), options);
    // Not 'init': @sigslot/thread, loaded in the worker too (the browser build of its channel imports its main
    // entry), listens in every Web Worker for a QThread's 'init' and would take this one for its own.
    endpoint.postMessage({ type: 'pool-init', init });
  } else {
    const where = runtimeLocation();
    endpoint = spawnNodeWorker(NODE_POOL_BOOTSTRAP, { ...init, runtime: where.path, runtimeTsx: where.tsx }, options);
  }
  endpoint.setKeepAlive(false);
  const death = deathLatch();
  endpoint.onError((error: unknown) => {
    const { name, message } = error as Error;
    death.die(web ? `it failed: ${message}` : `it threw outside a task: ${name}: ${message}`);
    // A Web Worker goes on after an uncaught error (a Node worker exits): the pool counts it as dead and replaces
    // it, so it is ended here, rather than left running the tasks whose futures just failed (F-7).
    if (web) void endpoint.terminate();
  });
  endpoint.onExit((code: number) => death.die(`it exited with code ${code}`));
  return {
    postMessage: (message, transfer) => endpoint.postMessage(message, transfer),
    // A Web Worker that closes itself says so first (startWebPoolWorker): the page gets no event of its own for it.
    onMessage: (handler) =>
      endpoint.onMessage((message) =>
        web && message === CLOSING ? death.die('it closed itself (self.close())') : handler(message),
      ),
    onDeath: death.listen,
    setBusy: (busy) => endpoint.setKeepAlive(busy),
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
