import { ThreadData } from './thread-data';

/** Node's `process`, reached without importing it, so that browser bundles need no Node shims. */
interface NodeProcessLike {
  versions?: { node?: string };
  getBuiltinModule?: (name: string) => unknown;
}

/** True when this isolate is the program's main thread (not a Node worker, not a Web Worker). */
function detectMainThread(): boolean {
  const g = globalThis as { WorkerGlobalScope?: unknown; process?: NodeProcessLike };
  if (typeof g.WorkerGlobalScope !== 'undefined') return false;
  const proc = g.process;
  if (proc?.versions?.node && typeof proc.getBuiltinModule === 'function') {
    const workerThreads = proc.getBuiltinModule('node:worker_threads') as { isMainThread: boolean } | undefined;
    if (workerThreads) return workerThreads.isMainThread;
  }
  return true;
}

const isMain = detectMainThread();

/**
 * The data of the thread this isolate runs. JavaScript runs one thread per isolate, so this never changes
 * within an isolate; a worker's runtime renames it (and gives it its id) when it adopts the thread.
 */
const current: ThreadData = ThreadData.local(isMain ? 0 : -1, isMain ? 'main' : 'worker', isMain);
// A page's main thread may not wait (Atomics.wait throws there); Node's main thread may.
current.canBlock = !(isMain && typeof (globalThis as { document?: unknown }).document !== 'undefined');

/** The data of the thread that is running this code. */
export function currentThreadData(): ThreadData {
  return current;
}
