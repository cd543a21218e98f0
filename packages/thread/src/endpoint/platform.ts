/** Node's `process`, reached without importing it, so that browser bundles need no shims. */
interface NodeProcess {
  versions: { node?: string };
  getBuiltinModule(name: string): unknown;
}

/** Node's `process` when running on Node, else undefined. */
export function nodeProcess(): NodeProcess | undefined {
  const proc = (globalThis as { process?: Partial<NodeProcess> }).process;
  return proc?.versions?.node && typeof proc.getBuiltinModule === 'function' ? (proc as NodeProcess) : undefined;
}

/** A Node built-in module, loaded without a static import (browser bundles never reach this). */
export function nodeBuiltin<T>(name: string): T {
  const proc = nodeProcess();
  if (!proc) throw new Error(`${name} is only available on Node`);
  return proc.getBuiltinModule(name) as T;
}

/** True inside a Web Worker. */
export function inWebWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
}
