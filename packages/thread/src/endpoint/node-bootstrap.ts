/**
 * The first lines of both Node bootstraps: on Node 22.1 and later, turn on Node's compile cache
 * (`module.enableCompileCache`), which keeps V8's compiled code of the modules a worker loads on disk, so that a start
 * after the first skips compiling the package and the thread module (Node's `NODE_DISABLE_COMPILE_CACHE=1` turns it
 * off). Earlier versions have no such cache: they do not even load `node:module`, a cost on every start. Never fails.
 */
export const COMPILE_CACHE = `{
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 1)) {
    try { require('node:module').enableCompileCache?.(); } catch {}
  }
}`;

/**
 * What both Node bootstraps share: `loadThreadModule(data)` loads the module that defines the thread class —
 * through tsx when that module is TypeScript — and `runtimeOf` finds the runtime that `@sigslot/thread`
 * registered on `globalThis` when it was loaded. While the module loads, `globalThis[Symbol.for('sigslot.thread.
 * loading')]` is `[module, thread name]` (the runtime warns if the module's top level starts a thread).
 */
const SHARED = `
'use strict';
${COMPILE_CACHE}
const { workerData } = require('node:worker_threads');
const { pathToFileURL, fileURLToPath } = require('node:url');
let tsxRegistered = false;
const registerTsx = (tsx) => {
  if (tsx && !tsxRegistered) require(tsx).register();
  tsxRegistered ||= !!tsx;
};
const loading = Symbol.for('sigslot.thread.loading');
const loadThreadModule = async (data) => {
  registerTsx(data.tsx);
  const spec = data.init.location.module;
  const isUrl = spec.startsWith('file:');
  globalThis[loading] = [spec, data.init.name];
  try {
    return /\\.mjs$/.test(spec)
      ? await import(isUrl ? spec : pathToFileURL(spec).href)
      : require(isUrl ? fileURLToPath(spec) : spec);
  } finally {
    delete globalThis[loading];
  }
};
const runtimeOf = (what) => {
  const runtime = globalThis[Symbol.for('sigslot.thread.runtime')];
  if (!runtime) throw new Error(what + ' did not load @sigslot/thread.');
  return runtime;
};
const fail = (error) => process.nextTick(() => { throw error; });
`;

/**
 * The first code a Node worker started for its thread runs (as `eval` source, CommonJS): it loads the thread
 * module named in `workerData` and hands its exports to the runtime, which the module's import of
 * `@sigslot/thread` registered. Kept as source so that compiled JavaScript and TypeScript sources start the
 * same way.
 */
export const NODE_BOOTSTRAP = `${SHARED}
// The run's secrets go to the runtime only: the thread module's code sees neither the token nor the sync port.
const data = { ...workerData, init: { ...workerData.init } };
delete workerData.syncPort;
delete workerData.init.token;
loadThreadModule(data)
  .then((exports) => runtimeOf('The thread module ' + data.init.location.module).startNode(exports, data))
  .catch(fail);
`;

/**
 * The first code a prepared Node worker runs (`QThread.prepareWorkers()`): before any thread needs it, it loads the
 * runtime from `workerData.entry` (the main program's copy of `@sigslot/thread`, through tsx when that is
 * TypeScript), and the package's ESM entry `workerData.esm` when the program imported it that way (the ESM
 * loader's start-up is ~10 ms of an ESM thread's start). It also resolves `@sigslot/thread` from the working
 * directory once, so that a thread module's own `require('@sigslot/thread')` finds the package data Node caches
 * (~0.5 ms). Then the runtime says so on `workerData.ready` and waits for the `assign` message that names its
 * thread, which it loads with `loadThreadModule`.
 */
export const NODE_PREPARED_BOOTSTRAP = `${SHARED}
registerTsx(workerData.tsx);
require(workerData.entry);
try { require.resolve('@sigslot/thread', { paths: [process.cwd()] }); } catch {}
(workerData.esm ? import(workerData.esm) : Promise.resolve())
  .then(() => runtimeOf(workerData.entry).prepareNode(workerData.ready, loadThreadModule, fail))
  .catch(fail);
`;
