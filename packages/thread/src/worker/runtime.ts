import { InvalidArgumentError } from '@sigslot/core';
import type * as WorkerThreads from 'node:worker_threads';
import type { Endpoint } from '../endpoint/endpoint';
import { nodeEndpoint } from '../endpoint/node-endpoint';
import { PACKAGE_COPY } from '../endpoint/package-entry';
import { inWebWorker, nodeBuiltin } from '../endpoint/platform';
import { webEndpoint } from '../endpoint/web-endpoint';
import { ProtocolError } from '../errors';
import { answer } from '../wire/blocking';
import { readSharedValue } from '../wire/shared-value';
import {
  ControlWords,
  toWireError,
  type BlockedEmitResult,
  type ClassLocation,
  type FromWorker,
  type ThreadAssignment,
  type ThreadInit,
} from '../wire/protocol';
import { validateAssignment } from '../wire/validate';
import { WorkerSide, workerSideOrNull, type SyncChannel } from './worker-side';

/**
 * Node's synchronous channel: a MessagePort the main thread reads with `receiveMessageOnPort` when it is woken
 * (results of its blocking calls), and the worker reads the same way after a blocking emit (its slots' result).
 */
function nodeSyncChannel(data: NodeWorkerData): SyncChannel {
  const { receiveMessageOnPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  const port = data.syncPort;
  const control = new Int32Array(data.init.control);
  return {
    reply: (ok, value) => {
      try {
        port.postMessage({ type: 'result', replyId: 0, ok, value });
      } catch (error) {
        port.postMessage({ type: 'result', replyId: 0, ok: false, value: toWireError(error) });
      }
      answer(control, ControlWords.MainWait, 1);
    },
    emitResult: () => (receiveMessageOnPort(port)?.message as BlockedEmitResult | undefined)?.value,
  };
}

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

const RUNTIME = Symbol.for('sigslot.thread.runtime');

export { workerSideOrNull };

/** The runtime of the thread running the caller; throws outside a sigslot worker thread. */
export function workerSide(): WorkerSide {
  const side = workerSideOrNull();
  if (!side) throw new InvalidArgumentError('This code runs outside a sigslot worker thread.');
  return side;
}

interface NodeWorkerData {
  readonly init: ThreadInit;
  readonly syncPort: WorkerThreads.MessagePort;
}

/**
 * For a runtime that gets its thread in a message (a browser worker's `init`, a prepared Node worker's `assign`):
 * calls `onThread` with the first message that `isThread` accepts (others before it are ignored), and gives it
 * the endpoint for the thread's {@link WorkerSide}. Messages after that one are held until the runtime has taken
 * the calls the first one carried (it then posts "started", or "finished"), and handed over in order from the
 * worker's event loop: nothing the main side sends early is lost, and none overtakes a call made before start().
 */
function receiveThread(
  endpoint: Endpoint,
  isThread: (message: unknown) => boolean,
  onThread: (message: unknown, sideEndpoint: Endpoint) => void,
): void {
  let assigned = false;
  let held: unknown[] | null = [];
  let deliver: (message: unknown) => void = () => undefined;
  const release = (): void => {
    if (!held) return;
    for (const message of held) deliver(message);
    held = null;
  };
  const sideEndpoint: Endpoint = {
    postMessage: (message, transfer) => {
      endpoint.postMessage(message, transfer);
      const type = (message as FromWorker).type;
      if (type === 'started' || type === 'finished') setTimeout(release);
    },
    onMessage: (handler) => void (deliver = handler),
  };
  endpoint.onMessage((message) => {
    if (assigned) {
      if (held) held.push(message);
      else deliver(message);
      return;
    }
    if (!isThread(message)) return;
    assigned = true;
    onThread(message, sideEndpoint);
  });
}

const COPIES = Symbol.for('sigslot.thread.copies');

/** Entry points the bootstrap (Node) or the first message (browser) calls; on globalThis so any copy is found. */
const runtime = {
  startNode(exports: unknown, data: NodeWorkerData, endpoint?: Endpoint): void {
    const { parentPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
    const { pathToFileURL, fileURLToPath } = nodeBuiltin<typeof import('node:url')>('node:url');
    const load = (location: ClassLocation): unknown => {
      const spec = location.module;
      // The comments keep bundlers from resolving this Node-only import at build time (webpack warns otherwise).
      if (/\.mjs$/.test(spec)) {
        const url = spec.startsWith('file:') ? spec : pathToFileURL(spec).href;
        return import(/* @vite-ignore */ /* webpackIgnore: true */ url);
      }
      // A CommonJS thread module loads synchronously, so worker objects can be made at once (as in Qt).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(spec.startsWith('file:') ? fileURLToPath(spec) : spec);
    };
    const side = new WorkerSide(endpoint ?? nodeEndpoint(parentPort!), data.init, nodeSyncChannel(data), load);
    // If this worker ends early (process.exit, an uncaught error), send the emits it made (process.exit runs no
    // microtask, so the scheduled flush would never come), and release the main thread if it is blocked on it.
    const control = new Int32Array(data.init.control);
    process.on('exit', () => {
      side.flush();
      answer(control, ControlWords.MainWait, 2);
    });
    void side.run(exports).then(() => {
      // The thread is over when run() returns, whatever timers its code left behind (Qt: the thread ends).
      setImmediate(() => process.exit(0));
    });
  },
  /**
   * A prepared Node worker (`QThread.prepareWorkers()`): the runtime is loaded; say so on `ready`, then wait for
   * the `assign` message, load the thread module it names with `loadThreadModule` (the bootstrap's, which
   * registers tsx for a TypeScript module) and start the thread as a worker started for it would. `fail` throws
   * an error out of the worker (its `error` event on the main side), as the bootstrap does for a module that
   * does not load.
   */
  prepareNode(
    ready: WorkerThreads.MessagePort,
    loadThreadModule: (data: ThreadAssignment) => Promise<unknown>,
    fail: (error: unknown) => void,
  ): void {
    const { parentPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
    receiveThread(
      nodeEndpoint(parentPort!),
      () => true,
      (message, sideEndpoint) => {
        const problem = validateAssignment(message);
        if (problem !== null)
          return fail(new ProtocolError(`A prepared worker was given a malformed thread: ${problem}.`));
        const assignment = message as ThreadAssignment & NodeWorkerData;
        loadThreadModule(assignment)
          .then((exports) => {
            const copies = registry[COPIES] ?? [];
            if (copies.length > 1) {
              throw new InvalidArgumentError(
                `Thread ${assignment.init.name}: its module ${assignment.init.location.module} loaded its own copy of ` +
                  `@sigslot/thread (${copies[1]}), not the one this prepared worker had loaded for the program that ` +
                  `started it (${copies[0]}), and one thread cannot run on two copies. Make the thread module resolve ` +
                  `the same @sigslot/thread as that program, or start such threads on fresh workers ` +
                  `(QThread.releasePreparedWorkers()).`,
              );
            }
            runtime.startNode(exports, assignment, sideEndpoint);
          })
          .catch(fail);
      },
    );
    ready.postMessage(null);
    ready.close();
  },
  startWeb(): void {
    const scope = globalThis as unknown as Parameters<typeof webEndpoint>[0] & { close(): void };
    const endpoint = webEndpoint(scope);
    // The worker's script is the thread module itself, so the first import finds the module that is already
    // running; keeping namespaces makes later loads (worker objects) synchronous, as `require` is on Node.
    const modules = new Map<string, unknown>();
    const load = (location: ClassLocation): unknown =>
      modules.get(location.module) ??
      import(/* @vite-ignore */ /* webpackIgnore: true */ location.module).then(
        (exports: unknown) => (modules.set(location.module, exports), exports),
      );
    receiveThread(
      endpoint,
      (message) => (message as { type?: string } | null)?.type === 'init',
      (message, sideEndpoint) => {
        const init = message as ThreadInit;
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
  },
};

const registry = globalThis as { [RUNTIME]?: typeof runtime; [COPIES]?: string[] };
(registry[COPIES] ??= []).push(PACKAGE_COPY);
if (!registry[RUNTIME]) {
  registry[RUNTIME] = runtime;
  if (inWebWorker()) runtime.startWeb();
}
