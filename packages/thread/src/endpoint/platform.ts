import { SigslotError } from '@sigslot/core';

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

/**
 * What a Node-only function of the browser build does (the `*.browser.ts` files scripts/bundle.mjs puts in place of
 * their Node modules): they are reached only where Node's `process` exists, which a browser does not have.
 */
export function onlyOnNode(what: string): never {
  throw new SigslotError(
    `${what} runs only on Node, and this is the browser build of @sigslot/thread (its "browser" export condition). ` +
      `On Node, resolve the package with the "node" condition (Node itself does; so do bundlers that target Node).`,
  );
}

/** True inside a Web Worker. */
export function inWebWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
}

/**
 * A SharedArrayBuffer of `bytes` bytes. Browsers provide the class only to cross-origin isolated pages: elsewhere
 * this throws an error that says which headers to send, instead of a bare ReferenceError.
 */
export function sharedBuffer(bytes: number, user: string): SharedArrayBuffer {
  if (typeof SharedArrayBuffer !== 'function') {
    throw new SigslotError(
      `${user} needs SharedArrayBuffer (for the interruption flag, msleep and blocking connections), which this page ` +
        `does not have: it is not cross-origin isolated (crossOriginIsolated is false). Serve the page and its scripts ` +
        `with the headers "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp".`,
    );
  }
  return new SharedArrayBuffer(bytes);
}

/**
 * How many threads can run at once on this machine (Qt's `QThread::idealThreadCount()`): Node's
 * `os.availableParallelism()`, a browser's `navigator.hardwareConcurrency`, or 1 where neither is known.
 */
export function idealThreadCount(): number {
  if (nodeProcess()) return nodeBuiltin<typeof import('node:os')>('node:os').availableParallelism();
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof cores === 'number' && cores > 0 ? cores : 1;
}

/**
 * Node's `util.types` (exact tests for typed arrays, Maps, boxed primitives… across realms), or undefined in a
 * browser, where callers fall back to `instanceof` and tags.
 */
export function nodeTypes<T>(): T | undefined {
  return (nodeProcess()?.getBuiltinModule('node:util') as { types?: T } | undefined)?.types;
}

/**
 * Reports `warning` as the platform does: Node's `process.emitWarning` (--no-warnings and listeners apply), or
 * `console.warn` in a browser.
 */
export function emitWarning(warning: Error): void {
  const node = nodeProcess() as { emitWarning?(warning: Error): void } | undefined;
  if (node?.emitWarning) node.emitWarning(warning);
  else console.warn(`${warning.name}: ${warning.message}`);
}
