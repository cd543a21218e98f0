import { affinity, setErrorHandler, type ErrorHandler } from '@sigslot/core';
import { currentThreadData, setThreadResolver, ThreadData } from '@sigslot/core/kernel';
import type * as AsyncHooks from 'node:async_hooks';
import type { QThread } from '../qthread';
import type { ClassLocation } from '../wire/protocol';
import { WorkerSide, type SyncChannel, type WorkerIsolate } from '../worker/worker-side';
import type { WorkerEndpoint } from './endpoint';
import { InMemoryChannel } from './in-memory-endpoint';
import { nodeBuiltin } from './platform';

/**
 * The in-memory test tier's platform: it runs the worker side of a thread (WorkerSide, its outbox and object host)
 * in the main isolate, joined to the main side (ThreadController) by an {@link InMemoryChannel}, so that the
 * protocol — routing versions, adaptive flushing, settling calls, validating what arrives — is tested fast and
 * deterministically, next to the real-worker tests that prove the platforms.
 *
 * What a real worker has by being another isolate is given here explicitly:
 * - which thread runs: an AsyncLocalStorage carries the worker's ThreadData through everything its side runs (its
 *   messages, microtasks, timers, the awaits of `run()`), and the kernel's `currentThreadData()` asks it first
 *   (`setThreadResolver`), so objects built there live there and its emits route from there;
 * - its error handler and affinity reports (`WorkerIsolate`): the process has one error handler, so while an
 *   in-memory thread runs, errors reported on the worker's side go to the worker side's handler (which sends them
 *   to main, as a worker's does) and all others to the handler that was set when the thread started.
 *
 * Not covered, by design: anything that blocks. One isolate cannot wait for itself, so the worker's ThreadData
 * cannot block (a blocking emit and msleep throw DeadlockError), blocking calls from main into the thread are
 * refused (it has no synchronous channel: DeadlockError), and backpressure, which makes the worker wait for main
 * to drain, must not be reached (keep emits under `maxPendingEmits`). Those paths are tested with real workers.
 * Process-wide registries stay shared: `affinity.violations()` lists a worker's violation twice (where it happened,
 * and as main records it). Node only (AsyncLocalStorage).
 *
 * Internal, not offered to users' tests (through `@sigslot/thread/channel`, say): a user's thread would behave
 * differently here from a worker in exactly the places above (blocking, msleep, backpressure, one error handler,
 * shared module state), so a passing test would prove less than it seems. Users test threads on real workers.
 */

type Store = AsyncHooks.AsyncLocalStorage<ThreadData>;
let running: Store | null = null;

/** The in-memory threads' context, made (and the kernel told to ask it) on first use. */
function threads(): Store {
  if (running) return running;
  const { AsyncLocalStorage } = nodeBuiltin<typeof AsyncHooks>('node:async_hooks');
  const store: Store = new AsyncLocalStorage<ThreadData>();
  setThreadResolver(() => store.getStore());
  return (running = store);
}

/** The error handlers of the in-memory threads' worker sides, by thread. */
const workerHandlers = new WeakMap<ThreadData, ErrorHandler>();
let mainHandler: ErrorHandler = () => undefined;
const dispatch: ErrorHandler = (error, context) =>
  (workerHandlers.get(currentThreadData()) ?? mainHandler)(error, context);

/** The worker side has no synchronous channel here: nothing can block (see the file's comment). */
const noSync: SyncChannel = {
  reply: () => undefined,
  emitResult: () => undefined,
};

/** Loads a class's module in this isolate, as a Node worker does (the same module instance, so the same class). */
function load(location: ClassLocation): unknown {
  const spec = location.module;
  const { fileURLToPath } = nodeBuiltin<typeof import('node:url')>('node:url');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(spec.startsWith('file:') ? fileURLToPath(spec) : spec);
}

/** One run of a thread in memory: its channel, and its worker side's thread. */
export interface InMemoryRun {
  /** Both directions of the thread's channel (hold one to keep messages in flight; read what crossed). */
  readonly channel: InMemoryChannel;
  /** The worker side's thread data (not the main side's). */
  readonly here: ThreadData;
}

/** A thread whose runs happen in memory: see {@link runInMemory}. */
export interface InMemoryThread<T extends QThread> {
  /** The current (or last) run; null before the first `start()`. */
  readonly run: InMemoryRun | null;
  /** The thread object the worker side built (its own instance of the class), once it has started. */
  readonly worker: T;
  /** Runs `body` as the worker thread of the current run: what it builds lives there, what it emits is routed there. */
  inWorker<R>(body: () => R): R;
}

/**
 * Makes every `start()` of `thread` run its worker side in this isolate, over an in-memory channel, instead of
 * starting a worker. Call it before `start()`. The error handler set when the thread starts receives the main
 * side's reports (set it first).
 */
export function runInMemory<T extends QThread>(thread: T): InMemoryThread<T> {
  const store = threads();
  let current: InMemoryRun | null = null;
  thread.controller!.startWorker = (init) => {
    const previous = setErrorHandler(dispatch);
    if (previous !== dispatch) mainHandler = previous;
    const here = ThreadData.local(init.threadId, init.name, false);
    here.canBlock = false;
    const channel = new InMemoryChannel(
      (deliver) => store.exit(deliver),
      (deliver) => store.run(here, deliver),
    );
    current = { channel, here };
    let exitCode: number | null = null;
    const exitHandlers: Array<(code: number) => void> = [];
    const errorHandlers: Array<(error: unknown) => void> = [];
    const removers: Array<() => void> = [];
    const exit = (code: number): void => {
      if (exitCode !== null) return;
      exitCode = code;
      channel.toWorker.close();
      for (const remove of removers) remove();
      workerHandlers.delete(here);
      // The exit event comes after everything the worker sent, as a worker's does.
      channel.toMain.whenDelivered(() => store.exit(() => exitHandlers.forEach((handler) => handler(code))));
    };
    const endpoint: WorkerEndpoint = {
      ...channel.main,
      onError: (handler) => void errorHandlers.push(handler),
      onExit: (handler) => void exitHandlers.push(handler),
      hasStopped: () => exitCode !== null,
      setKeepAlive: () => undefined, // nothing to keep alive: it runs in the main isolate
      terminate: async () => {
        channel.toMain.close();
        exit(1);
      },
      release: () => undefined, // the worker side ends by itself when run() returns (below)
    };
    const isolate: WorkerIsolate = {
      here,
      reportErrorsTo: (handler) => void workerHandlers.set(here, handler),
      reportViolationsTo: (_policy, listener) => {
        // One isolate, one policy (the thread was given main's); report only the violations made in this thread.
        removers.push(affinity.onViolation((violation) => currentThreadData() === here && listener(violation)));
      },
    };
    // The worker starts after start() returns, as a real one does, in its own context from then on.
    store.run(here, () =>
      setImmediate(() => {
        try {
          const side = new WorkerSide(channel.worker, init, noSync, load, isolate);
          void side.run(load(init.location)).then(() => exit(0));
        } catch (error) {
          store.exit(() => errorHandlers.forEach((handler) => handler(error)));
          exit(1);
        }
      }),
    );
    return { endpoint, sync: null };
  };
  return {
    get run() {
      return current;
    },
    get worker() {
      const worker = current?.here.thread;
      if (!worker) throw new Error('The in-memory thread has not started: await its started signal first.');
      return worker as T;
    },
    inWorker(body) {
      if (!current) throw new Error('The in-memory thread has not been started.');
      return store.run(current.here, body);
    },
  };
}
