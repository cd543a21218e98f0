// In a browser pool worker, a pool made without a workerUrl (the worker's global pool, where a task's child tasks go:
// F-9) starts its workers on that worker's own script, which serves the same task modules. The mark lives on
// globalThis under a registered symbol, so that it reaches this module from the web-worker entry whichever bundle
// each of them ends up in.

const KEY = Symbol.for('@sigslot/concurrent: pool worker script');

/** Called by `startWebPoolWorker`: the script this Web Worker runs serves pools made here without a workerUrl. */
export function markPoolWorkerScript(url: string): void {
  (globalThis as Record<symbol, unknown>)[KEY] = url;
}

/** The script pools without a workerUrl start their workers on: this pool worker's own, else none. */
export function poolWorkerScript(): string | undefined {
  const url = (globalThis as Record<symbol, unknown>)[KEY];
  return typeof url === 'string' ? url : undefined;
}
