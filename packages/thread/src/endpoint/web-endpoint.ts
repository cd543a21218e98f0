import type { Endpoint, SpawnOptions, WorkerEndpoint } from './endpoint';

/**
 * A Web Worker or a worker's global scope, as far as an endpoint uses it. Typed without the DOM's `Transferable`:
 * these declarations are published, and a consumer compiled without the DOM library must be able to read them.
 */
interface MessageTarget {
  postMessage(message: unknown, transfer: object[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * A Web Worker as a thread uses it (a DOM `Worker` is one), typed without the DOM library for the same reason: what
 * a class's `static worker` returns.
 */
export interface WebWorker extends MessageTarget {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(
    type: 'error',
    listener: (event: { readonly message?: string; preventDefault(): void }) => void,
  ): void;
  addEventListener(type: 'messageerror', listener: (event: unknown) => void): void;
  terminate(): void;
}

/** Adapts a Web Worker, or a worker's global scope, to an {@link Endpoint}. */
export function webEndpoint(target: MessageTarget): Endpoint {
  return {
    postMessage: (message, transfer) => target.postMessage(message, transfer ? [...transfer] : []),
    onMessage: (handler) => target.addEventListener('message', (event) => handler(event.data)),
  };
}

/**
 * Starts a module Web Worker on `url` (a script that imports `@sigslot/thread` and defines the thread
 * class), or the one `options.createWorker` makes. The browser has no exit event: `onExit` fires when the thread
 * finishes or is terminated.
 */
export function spawnWebWorker(url: string, options: SpawnOptions): WorkerEndpoint {
  const worker: WebWorker = options.createWorker?.() ?? new Worker(url, { type: 'module', name: options.name });
  const script = options.createWorker ? "made by the thread class's static worker" : url;
  let exited: ((code: number) => void) | undefined;
  let exitCode: number | undefined;
  const exit = (code: number): void => {
    if (exitCode !== undefined) return;
    exitCode = code;
    exited?.(code);
  };
  return {
    ...webEndpoint(worker),
    onError: (handler) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        handler(
          new Error(
            event.message
              ? `${event.message} (worker script ${script})`
              : `the worker script ${script} failed to load (check the URL and that it is served as JavaScript), or threw an uncaught error`,
          ),
        );
        exit(1);
      });
      worker.addEventListener('messageerror', () =>
        handler(new Error('a message from the worker could not be deserialized')),
      );
    },
    onExit: (handler) => {
      exited = handler;
      if (exitCode !== undefined) handler(exitCode);
    },
    // A browser's main thread never blocks on a worker, so it never needs to ask.
    hasStopped: () => exitCode !== undefined,
    setKeepAlive: () => undefined,
    terminate: async () => {
      worker.terminate();
      exit(1);
    },
    release: () => {
      worker.terminate();
      exit(0);
    },
  };
}
