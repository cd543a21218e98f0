import { toWireError, type Endpoint } from '@sigslot/thread/channel';
import { CANCEL, type PoolWorkerInit, type RunBlock, type WireTask } from '../pool/protocol';
import { takeTransfers } from '../task/transfer-marks';
import { ReportBuffer } from './report-buffer';
import { WorkerPromise } from './worker-promise';

/** Loads a task module (once per worker; the caller caches): `require` or `import`, tsx for TypeScript. */
export type ModuleLoader = (task: WireTask) => unknown; // a module, or a Promise of one (import())

/**
 * A pool worker's loop: tasks arrive in blocks and run one after another (a pool thread runs one runnable at a
 * time); an async task is awaited before the next starts. A task whose future was canceled before it started is
 * skipped. Reports go out through the {@link ReportBuffer}.
 */
export function runPoolWorker(endpoint: Endpoint, init: PoolWorkerInit, load: ModuleLoader): void {
  const reports = new ReportBuffer(endpoint, init.control);
  const modules = new Map<string, unknown>();
  const inbox: WireTask[] = [];
  let head = 0;
  let running = false;

  const exportOf = async (task: WireTask): Promise<(...args: unknown[]) => unknown> => {
    let loaded = modules.get(task.module);
    if (loaded === undefined) {
      loaded = await Promise.resolve(load(task));
      modules.set(task.module, loaded);
    }
    const fn = (loaded as Record<string, unknown> | null)?.[task.name];
    if (typeof fn !== 'function')
      throw new TypeError(
        `${init.name}: the module ${task.module} has no exported function "${task.name}". Export it (export function ${task.name}…), or fix the name given to taskModule().`,
      );
    return fn as (...args: unknown[]) => unknown;
  };

  const settle = (task: WireTask, promise: WorkerPromise<unknown> | null, t0: number, value: unknown): void => {
    if (promise) promise.finish();
    else {
      const moved = takeTransfers([value]);
      reports.add({ id: task.id, kind: 'returned', value: moved ? moved.values[0] : value }, false, moved?.transfer);
    }
    reports.ranTask(performance.now() - t0);
  };
  const fail = (task: WireTask, t0: number, error: unknown, promise: WorkerPromise<unknown> | null = null): void => {
    promise?.sendHeldProgress(); // the last value before the failure, as before a result
    reports.add({ id: task.id, kind: 'failed', error: toWireError(error) }, false);
    reports.ranTask(performance.now() - t0);
  };
  const call = (
    task: WireTask,
    promise: WorkerPromise<unknown> | null,
    t0: number,
    fn: (...args: unknown[]) => unknown,
  ): Promise<void> | undefined => {
    const value = promise ? fn(promise, ...task.args) : fn(...task.args);
    if (value === null || typeof value !== 'object' || typeof (value as PromiseLike<unknown>).then !== 'function') {
      settle(task, promise, t0, value);
      return undefined;
    }
    return Promise.resolve(value as PromiseLike<unknown>).then(
      (v) => settle(task, promise, t0, v),
      (e: unknown) => fail(task, t0, e, promise),
    );
  };

  /**
   * Runs a task; returns a Promise only when it must be awaited (an async task, a module still to load). No closure
   * is made for a synchronous task: a block of tiny tasks runs back to back.
   */
  const runOne = (task: WireTask): Promise<void> | undefined => {
    if ((Atomics.load(init.flags, task.slot) & CANCEL) !== 0) {
      reports.add({ id: task.id, kind: 'skipped' }, false);
      return undefined;
    }
    const t0 = performance.now();
    const promise = task.promise ? new WorkerPromise(task.id, init.flags, task.slot, reports) : null;
    try {
      if (modules.has(task.module)) return call(task, promise, t0, exportSync(task));
      return exportOf(task)
        .then((fn) => call(task, promise, t0, fn))
        .catch((e: unknown) => fail(task, t0, e, promise));
    } catch (error) {
      fail(task, t0, error, promise);
      return undefined;
    }
  };

  /** The export of an already loaded module, without an await (a block of tiny tasks stays synchronous). */
  const exportSync = (task: WireTask): ((...args: unknown[]) => unknown) => {
    const fn = (modules.get(task.module) as Record<string, unknown> | null)?.[task.name];
    if (typeof fn === 'function') return fn as (...args: unknown[]) => unknown;
    throw new TypeError(
      `${init.name}: the module ${task.module} has no exported function "${task.name}". Export it, or fix the name given to taskModule().`,
    );
  };

  const drain = async (): Promise<void> => {
    running = true;
    while (head < inbox.length) {
      const task = inbox[head]!;
      inbox[head++] = undefined as unknown as WireTask;
      const pending = runOne(task);
      if (pending) await pending;
    }
    inbox.length = 0;
    head = 0;
    running = false;
    reports.flush();
  };

  endpoint.onMessage((message) => {
    const block = message as RunBlock;
    if (block.type !== 'run') return;
    for (const task of block.tasks) inbox.push(task);
    if (!running) void drain();
  });
}
