import { AffinityError } from '../errors';
import { ThreadData } from './thread-data';

/** Node's `process`, reached without importing it, so that browser bundles need no Node shims. */
interface NodeProcessLike {
  versions?: { node?: string };
  getBuiltinModule?: (name: string) => unknown;
}

/** The parts of `node:worker_threads` that say which thread this is. */
interface WorkerThreadsLike {
  isMainThread?: unknown;
  threadId?: unknown;
  parentPort?: unknown;
}

/** Which thread this isolate runs, or why that cannot be known. */
type Detection =
  { readonly isMain: boolean; readonly unknown: null } | { readonly isMain: false; readonly unknown: string };

/**
 * Decides whether this isolate is the program's main thread. It fails closed: when the platform's own answer is
 * missing or contradicts itself (an old Node without `process.getBuiltinModule`, a redefined `isMainThread`), the
 * thread is unknown and taken for a worker, so that main-thread-only APIs refuse the call and can say why.
 */
function detectThread(): Detection {
  const g = globalThis as { WorkerGlobalScope?: unknown; process?: NodeProcessLike; document?: unknown };
  if (typeof g.WorkerGlobalScope !== 'undefined') return { isMain: false, unknown: null };
  const proc = g.process;
  if (proc?.versions?.node) {
    if (typeof proc.getBuiltinModule !== 'function') {
      return { isMain: false, unknown: 'process.getBuiltinModule is missing (sigslot needs Node 20.16 or later)' };
    }
    const wt = proc.getBuiltinModule('node:worker_threads') as WorkerThreadsLike | undefined;
    if (!wt) return { isMain: false, unknown: 'node:worker_threads is not available' };
    // Three independent answers must agree: one redefined property cannot turn a worker into the main thread.
    const { isMainThread, threadId, parentPort } = wt;
    if (isMainThread === true && threadId === 0 && parentPort === null) return { isMain: true, unknown: null };
    if (isMainThread === false && typeof threadId === 'number' && threadId > 0 && parentPort != null) {
      return { isMain: false, unknown: null };
    }
    return {
      isMain: false,
      unknown:
        `node:worker_threads disagrees with itself (isMainThread ${String(isMainThread)}, threadId ${String(threadId)}, ` +
        `parentPort ${parentPort === null ? 'null' : typeof parentPort}): was one of them redefined?`,
    };
  }
  if (typeof g.document !== 'undefined') return { isMain: true, unknown: null };
  return { isMain: false, unknown: 'neither Node nor a browser page nor a Web Worker was detected' };
}

const detection = detectThread();
const isMain = detection.isMain;

/**
 * The data of the thread this isolate runs. JavaScript runs one thread per isolate, so this never changes
 * within an isolate; a worker's runtime renames it (and gives it its id) when it adopts the thread.
 */
const current: ThreadData = ThreadData.local(
  isMain ? 0 : -1,
  isMain ? 'main' : detection.unknown === null ? 'worker' : 'unknown thread',
  isMain,
);
// A page's main thread may not wait (Atomics.wait throws there); Node's main thread may.
current.canBlock = !(isMain && typeof (globalThis as { document?: unknown }).document !== 'undefined');

/** Set only where one isolate runs the code of more than one thread (see {@link setThreadResolver}). */
let resolver: (() => ThreadData | undefined) | null = null;

/** The data of the thread that is running this code. */
export function currentThreadData(): ThreadData {
  return resolver === null ? current : (resolver() ?? current);
}

/**
 * Kernel: makes {@link currentThreadData} ask `next` first, for an isolate that runs the code of more than one
 * thread — the thread package's in-memory test tier runs a worker's side in the main isolate, and says which
 * thread runs (undefined: this isolate's own). Returns the previous resolver; `null` restores the default. A real
 * isolate runs one thread and never sets it.
 *
 * @throws AffinityError outside the main thread: a worker may not make its code pass for another thread's (the
 *   main thread's, say, to pass `assertMainThread`).
 */
export function setThreadResolver(next: (() => ThreadData | undefined) | null): (() => ThreadData | undefined) | null {
  if (!current.isMain) {
    throw new AffinityError(
      `setThreadResolver() was called from thread ${current.describe()}; only the main thread may run other threads' code.`,
    );
  }
  const previous = resolver;
  resolver = next;
  return previous;
}

/**
 * Why the running thread cannot be known (then it counts as a worker, so main-thread-only calls are refused),
 * or null when it is known.
 */
export function unknownThreadReason(): string | null {
  return detection.unknown;
}
