import type * as WorkerThreads from 'node:worker_threads';
import type { Endpoint, NodeBootstrap, SpareWorker, SpareWorkerEvents, SpawnOptions, WorkerEndpoint } from './endpoint';
import { nodeBuiltin } from './platform';

/** Each bootstrap's built file, once it was found to hold the bootstrap's source (null: evaluate the source). */
const builtFiles = new WeakMap<NodeBootstrap, string | null>();

/** What `new Worker` runs for `bootstrap`: its built file if that holds its source, else the source (`eval`). */
function workerScript(bootstrap: NodeBootstrap): { script: string; eval: boolean } {
  let file = builtFiles.get(bootstrap);
  if (file === undefined) {
    const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
    const path = nodeBuiltin<typeof import('node:path')>('node:path');
    const candidate = bootstrap.dir === undefined ? undefined : path.join(bootstrap.dir, bootstrap.file);
    let text: string | undefined;
    try {
      text = candidate === undefined ? undefined : fs.readFileSync(candidate, 'utf8');
    } catch {
      // not built (sources), or bundled into an application: evaluate the source
    }
    file = text === bootstrap.source ? candidate! : null;
    builtFiles.set(bootstrap, file);
  }
  return file === null ? { script: bootstrap.source, eval: true } : { script: file, eval: false };
}

/** Adapts a Node `MessagePort` or `Worker` (EventEmitter style) to an {@link Endpoint}. */
export function nodeEndpoint(port: WorkerThreads.MessagePort | WorkerThreads.Worker): Endpoint {
  return {
    postMessage: (message, transfer) =>
      port.postMessage(message, transfer as WorkerThreads.TransferListItem[] | undefined),
    onMessage: (handler) => void port.on('message', handler),
  };
}

/** The {@link WorkerEndpoint} of a Node `Worker`. */
function workerEndpoint(worker: WorkerThreads.Worker): WorkerEndpoint {
  let exited = false;
  worker.once('exit', () => (exited = true));
  return {
    ...nodeEndpoint(worker),
    onError: (handler) => void worker.on('error', handler),
    onExit: (handler) => void worker.once('exit', handler),
    // The exit event needs this thread's event loop. A worker's event-loop utilisation is read from the worker
    // itself, under its lock, and reports an idle time of -1 once its thread has stopped: the one synchronous
    // sign of a dead worker Node gives (tested by "a worker that runs out of memory releases the blocked main").
    hasStopped: () => exited || worker.performance.eventLoopUtilization().idle < 0,
    setKeepAlive: (keep) => void (keep ? worker.ref() : worker.unref()),
    terminate: async () => void (await worker.terminate()),
    release: () => {
      // The runtime exits the worker itself right after "finished"; this only guards against a stuck one.
      setTimeout(() => void worker.terminate(), 2000).unref();
    },
  };
}

/**
 * Starts a Node worker that runs `bootstrap` with `workerData`. One bootstrap serves compiled JavaScript and
 * TypeScript run through tsx alike.
 */
export function spawnNodeWorker(
  bootstrap: NodeBootstrap,
  workerData: unknown,
  options: SpawnOptions,
  transferList: readonly WorkerThreads.TransferListItem[] = [],
): WorkerEndpoint {
  const { Worker } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  const { script, eval: isSource } = workerScript(bootstrap);
  const worker = new Worker(script, {
    eval: isSource,
    name: options.name,
    workerData,
    transferList: [...transferList],
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  return workerEndpoint(worker);
}

/**
 * Starts a spare Node worker that runs `bootstrap` with `workerData` plus `ready`, a port on
 * which the bootstrap posts once it has loaded the runtime. The worker keeps the process alive while it starts (so
 * that a Promise waiting for it settles), not while it waits idle for its thread, and again once assigned.
 */
export function spawnSpareNodeWorker(
  bootstrap: NodeBootstrap,
  workerData: Readonly<Record<string, unknown>>,
  events: SpareWorkerEvents,
): SpareWorker {
  const { Worker, MessageChannel } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  const { port1: readyPort, port2 } = new MessageChannel();
  const { script, eval: isSource } = workerScript(bootstrap);
  const worker = new Worker(script, {
    eval: isSource,
    workerData: { ...workerData, ready: port2 },
    transferList: [port2],
  });
  let state: 'starting' | 'ready' | 'assigned' | 'stopped' = 'starting';
  const lost = (error: unknown): void => {
    if (state !== 'starting' && state !== 'ready') return;
    const starting = state === 'starting';
    state = 'stopped';
    readyPort.close();
    events.lost(error, starting);
  };
  const onError = (error: unknown): void => lost(error);
  const onExit = (code: number): void => lost(new Error(`the prepared worker exited with code ${code}`));
  worker.on('error', onError);
  worker.once('exit', onExit);
  readyPort.once('message', () => {
    readyPort.close();
    if (state !== 'starting') return;
    state = 'ready';
    worker.unref();
    events.ready();
  });
  return {
    get ready() {
      return state === 'ready';
    },
    assign(assignment, transfer) {
      if (state !== 'starting' && state !== 'ready') throw new Error(`a ${state} prepared worker cannot be assigned`);
      state = 'assigned';
      readyPort.close();
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.ref();
      let busy = false;
      const onBusy = (): void => {
        if (busy) return;
        busy = true;
        worker.off('message', onBusy);
        worker.off('exit', onBusy);
        setImmediate(() => events.busy()); // after the thread's own listeners, not before them
      };
      worker.on('message', onBusy);
      worker.once('exit', onBusy);
      worker.postMessage(assignment, transfer as WorkerThreads.TransferListItem[] | undefined);
      return workerEndpoint(worker);
    },
    terminate: async () => {
      if (state === 'assigned') return;
      state = 'stopped';
      readyPort.close();
      await worker.terminate();
    },
  };
}
