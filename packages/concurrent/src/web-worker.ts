/**
 * `@sigslot/concurrent/web-worker`: the start of a browser pool worker. A pool in a browser starts module Web Workers
 * on a script you bundle (its own entry point, as a QThread's module is): the script registers the task modules it
 * serves and calls {@link startWebPoolWorker}.
 *
 * ```ts
 * // pool-worker.ts (bundled as its own entry)
 * import { startWebPoolWorker } from '@sigslot/concurrent/web-worker';
 * import * as tasks from './tasks';
 * startWebPoolWorker({ tasks }); // on the page: taskModule<typeof Tasks>('tasks'), new QThreadPool(null, { workerUrl })
 * ```
 * A task whose module is not registered is loaded with `import()` (a URL the worker can fetch).
 * @packageDocumentation
 */
import { webEndpoint } from '@sigslot/thread/channel';
import { CLOSING, type PoolWorkerInit } from './pool/protocol';
import { markPoolWorkerScript } from './pool/worker-script';
import { runPoolWorker } from './worker/task-runner';

/** Starts the pool worker loop in this Web Worker; `modules` maps the names tasks use to the modules' exports. */
export function startWebPoolWorker(modules: Readonly<Record<string, unknown>>): void {
  const scope = globalThis as unknown as {
    addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
    removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
    postMessage(message: unknown, transfer: object[]): void;
    close(): void;
  };
  // The page gets no event when a worker closes itself: it is told first, so that the pool fails the worker's tasks
  // and replaces it, as it does for a worker that dies (F-7).
  const close = scope.close.bind(scope);
  scope.close = () => {
    scope.postMessage(CLOSING, []);
    close();
  };
  const onInit = (event: MessageEvent): void => {
    const data = event.data as { type?: string; init?: PoolWorkerInit };
    if (data?.type !== 'pool-init' || !data.init) return;
    scope.removeEventListener('message', onInit);
    // A task's child tasks go to this worker's global pool, whose workers run this same script (F-9).
    markPoolWorkerScript(String((globalThis as { location?: { href: string } }).location?.href));
    runPoolWorker(webEndpoint(scope), data.init, (task) =>
      Object.hasOwn(modules, task.module)
        ? modules[task.module]
        : import(/* @vite-ignore */ /* webpackIgnore: true */ task.module),
    );
  };
  scope.addEventListener('message', onInit);
}
