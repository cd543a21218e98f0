import type { Endpoint, SpawnOptions, WorkerEndpoint } from './endpoint';

/**
 * A Web Worker or a worker's global scope, as far as an endpoint uses it. Typed without the DOM's `Transferable`:
 * these declarations are published, and a consumer compiled without the DOM library must be able to read them.
 */
interface MessageTarget {
  postMessage(message: unknown, transfer: object[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
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
 * class). The browser has no exit event: `onExit` fires when the thread finishes or is terminated.
 */
export function spawnWebWorker(url: string, options: SpawnOptions): WorkerEndpoint {
  const worker = new Worker(url, { type: 'module', name: options.name });
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
              ? `${event.message} (worker script ${url})`
              : `the worker script ${url} failed to load (check the URL and that it is served as JavaScript), or threw an uncaught error`,
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
