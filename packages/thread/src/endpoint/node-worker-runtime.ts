import { InvalidArgumentError } from '@sigslot/core';
import type * as WorkerThreads from 'node:worker_threads';
import { ProtocolError } from '../errors';
import { answer } from '../wire/blocking';
import {
  ControlWords,
  toWireError,
  type BlockedEmitResult,
  type ClassLocation,
  type ThreadAssignment,
  type ThreadInit,
} from '../wire/protocol';
import { validateAssignment } from '../wire/validate';
import { receiveThread } from '../worker/receive-thread';
import { WorkerSide, type SyncChannel } from '../worker/worker-side';
import type { Endpoint } from './endpoint';
import { nodeEndpoint } from './node-endpoint';
import { loadedCopies } from './package-entry';
import { nodeBuiltin } from './platform';
import { isTypeScript, resolveTsx } from './tsx';

// The worker side of a Node thread: what the bootstraps (endpoint/node-bootstrap.ts) call once the runtime is loaded.

interface NodeWorkerData {
  readonly init: ThreadInit;
  readonly syncPort: WorkerThreads.MessagePort;
}

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
 * The bootstrap's `import()`: ES modules of worker objects are imported through it, as the package's bundles may
 * have been compiled without one of their own (node-bootstrap.ts loads them with V8's code cache, through `vm`).
 */
export type ImportModule = (url: string) => Promise<unknown>;

/**
 * Runs the thread in this Node worker: `exports` are its module's, `data` its workerData (or a prepared worker's
 * assignment, whose messages then come through `endpoint`). The worker ends when `run()` returns.
 */
export function startNodeThread(
  exports: unknown,
  data: NodeWorkerData,
  importModule: ImportModule,
  endpoint?: Endpoint,
): void {
  const { parentPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
  const load = (location: ClassLocation): unknown => {
    const spec = location.module;
    // Loaded here, not before: a thread whose objects come from its own module never needs it.
    const { pathToFileURL, fileURLToPath } = nodeBuiltin<typeof import('node:url')>('node:url');
    if (/\.mjs$/.test(spec)) return importModule(spec.startsWith('file:') ? spec : pathToFileURL(spec).href);
    const file = spec.startsWith('file:') ? fileURLToPath(spec) : spec;
    // A TypeScript worker-object class in a thread whose own module is JavaScript (a plain QThread runs the
    // package's compiled entry): the bootstrap registered no tsx, so register it now, once.
    if (isTypeScript(file) && !require.extensions['.ts']) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require(resolveTsx(file, `Creating ${location.exportName}`)) as { register(): void }).register();
    }
    // A CommonJS thread module loads synchronously, so worker objects can be made at once (as in Qt).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
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
}

/**
 * A prepared Node worker (`QThread.prepareWorkers()`): the runtime is loaded; say so on `ready`, then wait for
 * the `assign` message, load the thread module it names with `loadThreadModule` (the bootstrap's, which
 * registers tsx for a TypeScript module) and start the thread as a worker started for it would. `fail` throws
 * an error out of the worker (its `error` event on the main side), as the bootstrap does for a module that
 * does not load.
 */
export function prepareNodeWorker(
  ready: WorkerThreads.MessagePort,
  loadThreadModule: (data: ThreadAssignment) => Promise<unknown>,
  fail: (error: unknown) => void,
  importModule: ImportModule,
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
          const copies = loadedCopies;
          if (copies.length > 1) {
            throw new InvalidArgumentError(
              `Thread ${assignment.init.name}: its module ${assignment.init.location.module} loaded its own copy of ` +
                `@sigslot/thread (${copies[1]}), not the one this prepared worker had loaded for the program that ` +
                `started it (${copies[0]}), and one thread cannot run on two copies. Make the thread module resolve ` +
                `the same @sigslot/thread as that program, or start such threads on fresh workers ` +
                `(QThread.releasePreparedWorkers()).`,
            );
          }
          startNodeThread(exports, assignment, importModule, sideEndpoint);
        })
        .catch(fail);
    },
  );
  ready.postMessage(null);
  ready.close();
}
