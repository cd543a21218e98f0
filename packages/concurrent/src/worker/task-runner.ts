import { toWireError, type Endpoint } from '@sigslot/thread/channel';
import { CANCEL, KIND_FIELDS, RUN, TASK_FIELDS, type PoolWorkerInit, type TaskKind } from '../pool/protocol';
import { takeTransfers } from '../task/transfer-marks';
import { ReportBuffer } from './report-buffer';
import { WorkerPromise } from './worker-promise';

/** Loads a task module (once per worker; the caller caches): `require` or `import`, tsx for TypeScript. */
export type ModuleLoader = (kind: TaskKind) => unknown; // a module, or a Promise of one (import())

type TaskFn = (...args: unknown[]) => unknown;

/** A task kind this worker was told, with its function once the module is loaded and the export found. */
interface KnownKind extends TaskKind {
  fn: TaskFn | null;
}

/**
 * A pool worker's loop: tasks arrive in blocks and run one after another (a pool thread runs one runnable at a
 * time); an async task is awaited before the next starts. A task whose future was canceled before it started is
 * skipped. Reports go out through the {@link ReportBuffer}.
 */
export function runPoolWorker(endpoint: Endpoint, init: PoolWorkerInit, load: ModuleLoader): void {
  const reports = new ReportBuffer(endpoint, init.control);
  const modules = new Map<string, unknown>();
  const kinds: KnownKind[] = [];
  /** Tasks waiting, as the run blocks carry them: (id, kind, slot, args) each. */
  const inbox: unknown[] = [];
  let head = 0;
  let running = false;

  const exportSync = (kind: KnownKind): TaskFn => {
    const fn = (modules.get(kind.module) as Record<string, unknown> | null)?.[kind.name];
    if (typeof fn !== 'function')
      throw new TypeError(
        `${init.name}: the module ${kind.module} has no exported function "${kind.name}". Export it (export function ${kind.name}…), or fix the name given to taskModule().`,
      );
    return (kind.fn = fn as TaskFn);
  };
  const exportOf = async (kind: KnownKind): Promise<TaskFn> => {
    if (!modules.has(kind.module)) {
      const loaded = await Promise.resolve(load(kind));
      modules.set(kind.module, loaded);
    }
    return exportSync(kind);
  };

  const settle = (id: number, promise: WorkerPromise<unknown> | null, t0: number, value: unknown): void => {
    if (promise) promise.finish();
    else {
      const moved = value !== null && typeof value === 'object' ? takeTransfers([value]) : null;
      reports.addReturn(id, moved ? moved.values[0] : value, moved ? moved.transfer : null);
    }
    reports.ranTask(performance.now() - t0);
  };
  const fail = (id: number, t0: number, error: unknown, promise: WorkerPromise<unknown> | null = null): void => {
    promise?.sendHeldProgress(); // the last value before the failure, as before a result
    reports.add({ id, kind: 'failed', error: toWireError(error) }, false);
    reports.ranTask(performance.now() - t0);
  };
  const call = (
    id: number,
    args: readonly unknown[],
    promise: WorkerPromise<unknown> | null,
    t0: number,
    fn: TaskFn,
  ): Promise<void> | undefined => {
    const value = promise ? fn(promise, ...args) : fn(...args);
    if (value === null || typeof value !== 'object' || typeof (value as PromiseLike<unknown>).then !== 'function') {
      settle(id, promise, t0, value);
      return undefined;
    }
    return Promise.resolve(value as PromiseLike<unknown>).then(
      (v) => settle(id, promise, t0, v),
      (e: unknown) => fail(id, t0, e, promise),
    );
  };

  const runOne = (id: number, code: number, slot: number, args: readonly unknown[]): Promise<void> | undefined => {
    if ((Atomics.load(init.flags, slot) & CANCEL) !== 0) {
      reports.add({ id, kind: 'skipped' }, false);
      return undefined;
    }
    const kind = kinds[code >> 1]!;
    const t0 = performance.now();
    const promise = (code & 1) !== 0 ? new WorkerPromise(id, init.flags, slot, reports) : null;
    try {
      if (kind.fn) return call(id, args, promise, t0, kind.fn);
      if (modules.has(kind.module)) return call(id, args, promise, t0, exportSync(kind));
      return exportOf(kind)
        .then((fn) => call(id, args, promise, t0, fn))
        .catch((e: unknown) => fail(id, t0, e, promise));
    } catch (error) {
      fail(id, t0, error, promise);
      return undefined;
    }
  };

  const drain = async (): Promise<void> => {
    running = true;
    while (head < inbox.length) {
      const at = head;
      head += TASK_FIELDS;
      const args = inbox[at + 3] as readonly unknown[];
      inbox[at + 3] = undefined; // the arguments go with the task
      const pending = runOne(inbox[at] as number, inbox[at + 1] as number, inbox[at + 2] as number, args);
      if (pending) await pending;
    }
    inbox.length = 0;
    head = 0;
    running = false;
    reports.flush();
  };

  endpoint.onMessage((message) => {
    if (!Array.isArray(message) || message[0] !== RUN) return;
    const kindsAt = 2 + (message[1] as number) * TASK_FIELDS;
    for (let i = kindsAt; i + KIND_FIELDS <= message.length; i += KIND_FIELDS)
      kinds.push({
        module: message[i] as string,
        name: message[i + 1] as string,
        tsx: message[i + 2] as string | null,
        fn: null,
      });
    for (let i = 2; i < kindsAt; i++) inbox.push(message[i]);
    if (!running) void drain();
  });
}
