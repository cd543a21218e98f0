import { InvalidArgumentError } from '@sigslot/core';
import { readSharedValue } from '../wire/shared-value';
import { validateInit } from '../wire/validate';
import {
  toWireError,
  type BlockedEmitResult,
  type ClassLocation,
  type FromWorker,
  type ThreadInit,
} from '../wire/protocol';
import { receiveThread } from '../worker/receive-thread';
import { threadModuleLoaded } from '../worker/top-level-start';
import { WorkerSide, type SyncChannel } from '../worker/worker-side';
import { servedClassesWith } from './served-classes';
import { webEndpoint } from './web-endpoint';

// The worker side of a browser thread: a module Web Worker whose script is the thread module itself.

/**
 * A browser's synchronous channel: the main thread writes the result of a blocking emit into shared memory
 * (`init.results`) before it wakes the worker. It never blocks on a worker, so nothing is sent the other way.
 */
function webSyncChannel(init: ThreadInit): SyncChannel {
  return {
    reply: () => {
      throw new InvalidArgumentError('A browser main thread cannot block on a worker.');
    },
    emitResult: () =>
      init.results ? (readSharedValue(init.results, 0) as BlockedEmitResult | undefined)?.value : undefined,
  };
}

function notServed(exportName: string): InvalidArgumentError {
  return new InvalidArgumentError(
    `${exportName} is not among the classes this worker's script serves, and its class has a static worker, not a ` +
      `module to import. Call serveThreadClasses({ ${exportName} }) at the top level of the module that defines it ` +
      `(the script the worker runs), or give the class a static module.`,
  );
}

/**
 * Runs the thread in this Web Worker once the main thread's `init` arrives: loads the thread module (already
 * running: it is this worker's script), builds the thread and runs it; the worker closes when `run()` returns.
 */
export function startWebThread(): void {
  const scope = globalThis as unknown as Parameters<typeof webEndpoint>[0] & { close(): void };
  const endpoint = webEndpoint(scope);
  // The worker's script is the thread module itself, so the first import finds the module that is already
  // running; keeping namespaces makes later loads (worker objects) synchronous, as `require` is on Node.
  const modules = new Map<string, unknown>();
  const load = (location: ClassLocation): unknown => {
    const served = servedClassesWith(location.exportName);
    if (served) return served;
    // A class whose worker the page made (static worker) is found only among the classes the script serves.
    if (location.module === '') return Promise.reject(notServed(location.exportName));
    return (
      modules.get(location.module) ??
      import(/* @vite-ignore */ /* webpackIgnore: true */ location.module).then(
        (exports: unknown) => (modules.set(location.module, exports), exports),
      )
    );
  };
  receiveThread(
    endpoint,
    // Only a whole init: another message with `type: 'init'` (the page's own, say) is left to the script's listeners.
    (message) => validateInit(message) === null,
    (message, sideEndpoint) => {
      const init = message as ThreadInit;
      threadModuleLoaded(init.location.module, init.name);
      void Promise.resolve(load(init.location)).then(
        (exports) => {
          const side = new WorkerSide(sideEndpoint, init, webSyncChannel(init), load);
          return side.run(exports).then(() => scope.close());
        },
        (error: unknown) => {
          // The thread module did not load: report it as run() failing, so that the main side finishes the thread.
          const finished: FromWorker = { type: 'finished', code: 1, error: toWireError(error), token: init.token };
          endpoint.postMessage(finished);
          scope.close();
        },
      );
    },
  );
}
