import { MODULE_PARAMETERS } from './bundle-code-cache';
import type { NodeBootstrap } from './endpoint';

/**
 * `enableCompileCache()`, which both Node bootstraps call first: on Node 22.1 and later it turns on Node's compile
 * cache (`module.enableCompileCache`), which keeps V8's compiled code of the modules a worker loads on disk, so that
 * a start after the first, even in another process, skips compiling the package and the thread module (Node's
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off). Earlier versions have no such cache: they do not even load
 * `node:module`, a cost on every start. Never fails. A thread's worker that the main thread hands code caches of the
 * package (`workerData.preload`, bundle-code-cache.ts) does not call it: turning the cache on costs a worker 1-1.7 ms
 * on Node 22 and 24 (on 24 it loads Node's ES module resolver), more than the thread module's compiling it would save.
 */
export const COMPILE_CACHE = `function enableCompileCache() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 1)) {
    try { require('node:module').enableCompileCache?.(); } catch {}
  }
}`;

/**
 * What both Node bootstraps share:
 * - `loadThreadModule(data)` loads the module that defines the thread class, through tsx when that module is
 *   TypeScript. A module named by a relative path or a bare name is found from the working directory. While it
 *   loads, `globalThis[Symbol.for('sigslot.thread.loading')]` is `[module, thread name]` (the runtime warns if the
 *   module's top level starts a thread).
 * - Before that, `seedResolutions(data.resolved)` takes the resolutions the main thread made for this worker
 *   (`[from, request, file]`, see worker-resolutions.ts) into Node's CommonJS path cache, each only where the copy
 *   of the package Node would find from `from` is the one main found (the same folder, by real path). A bare name
 *   resolved through a package's `exports` map costs a fresh worker ~3 ms (Node loads its ES module resolver for it);
 *   a cached one costs nothing. It reaches Node's cache through the CommonJS loader's own fields, and does nothing
 *   where they are missing (then Node resolves as usual).
 * - Then `preloadBundles(data.preload)` loads the package's bundles the thread module is about to require (core's
 *   kernel, this package's main bundle) with the V8 code caches the main thread made of them (bundle-code-cache.ts),
 *   as Node's CommonJS loader would load them (the module object, `require`, `require.cache`), so that the module's
 *   `require` finds them loaded. A bundle that fails to load is taken out of `require.cache` again, as Node does.
 * - `runtimeOf` finds the runtime that `@sigslot/thread` registered on `globalThis` when it was loaded, which imports
 *   ES modules through `importModule` (a script compiled by `vm` has no `import()` of its own).
 */
const SHARED = `
'use strict';
${COMPILE_CACHE}
const { workerData } = require('node:worker_threads');
let tsxRegistered = false;
const registerTsx = (tsx) => {
  if (tsx && !tsxRegistered) require(tsx).register();
  tsxRegistered ||= !!tsx;
};
const seedResolutions = (resolved) => {
  const Module = module.constructor;
  if (!Array.isArray(resolved) || typeof Module._pathCache !== 'object' || typeof Module._resolveLookupPaths !==
      'function' || typeof Module._nodeModulePaths !== 'function') return;
  if (process.execArgv.includes('--preserve-symlinks') || process.env.NODE_PRESERVE_SYMLINKS === '1') return;
  const fs = require('node:fs');
  const path = require('node:path');
  for (const [from, request, file] of resolved) {
    try {
      const paths = Module._resolveLookupPaths(request, { paths: Module._nodeModulePaths(path.dirname(from)) });
      const name = request.split('/').slice(0, request.startsWith('@') ? 2 : 1).join(path.sep);
      const nearest = paths?.find((dir) => fs.existsSync(path.join(dir, name)));
      if (nearest === undefined) continue;
      const inside = path.relative(fs.realpathSync.native(path.join(nearest, name)), file).split(path.sep);
      if (inside[0] === '..' || path.isAbsolute(inside[0]) || inside.includes('node_modules')) continue;
      Module._pathCache[request + '\\x00' + paths.join('\\x00')] ??= file;
    } catch {}
  }
};
const preloadBundles = (bundles) => {
  if (!Array.isArray(bundles)) return;
  const Module = module.constructor;
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  for (const { file, cache } of bundles) {
    if (Module._cache[file]) continue;
    const compiled = vm.compileFunction(fs.readFileSync(file, 'utf8'), ${JSON.stringify(MODULE_PARAMETERS)}, {
      filename: file,
      cachedData: cache,
    });
    const loaded = new Module(file, module);
    loaded.filename = file;
    loaded.paths = Module._nodeModulePaths(path.dirname(file));
    Module._cache[file] = loaded;
    try {
      compiled.call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, path.dirname(file));
    } catch (error) {
      delete Module._cache[file];
      throw error;
    }
    loaded.loaded = true;
  }
};
const loading = Symbol.for('sigslot.thread.loading');
const loadThreadModule = async (data) => {
  registerTsx(data.tsx);
  seedResolutions(data.resolved);
  preloadBundles(data.preload);
  const spec = data.init.location.module;
  globalThis[loading] = [spec, data.init.name];
  try {
    if (/\\.mjs$/.test(spec))
      return await import(spec.startsWith('file:') ? spec : require('node:url').pathToFileURL(spec).href);
    if (spec.startsWith('file:')) return require(require('node:url').fileURLToPath(spec));
    return require(require('node:path').isAbsolute(spec) ? spec : require.resolve(spec, { paths: [process.cwd()] }));
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
const importModule = (url) => import(url);
`;

/**
 * The first code a Node worker started for its thread runs (CommonJS): it loads the thread module named in
 * `workerData` and hands its exports to the runtime, which the module's import of `@sigslot/thread` registered.
 * Compiled JavaScript and TypeScript sources start the same way.
 */
export const NODE_BOOTSTRAP: NodeBootstrap = {
  file: 'thread-bootstrap.cjs',
  dir: typeof __dirname === 'string' ? __dirname : undefined,
  source: `${SHARED}
if (!workerData.preload) enableCompileCache();
// The run's secrets go to the runtime only: the thread module's code sees neither the token nor the sync port.
const data = { ...workerData, init: { ...workerData.init } };
delete workerData.syncPort;
delete workerData.init.token;
loadThreadModule(data)
  .then((exports) => runtimeOf('The thread module ' + data.init.location.module).startNode(exports, data, importModule))
  .catch(fail);
`,
};

/**
 * The first code a prepared Node worker runs (`QThread.prepareWorkers()`): before any thread needs it, it loads the
 * runtime from `workerData.entry` (the main program's copy of `@sigslot/thread`, through tsx when that is
 * TypeScript), and the package's ESM entry `workerData.esm` when the program imported it that way (the ESM
 * loader's start-up is ~10 ms of an ESM thread's start). It also resolves `@sigslot/thread` from the working
 * directory once, so that a thread module's own `require('@sigslot/thread')` finds the package data Node caches
 * (~0.5 ms). Then the runtime says so on `workerData.ready` and waits for the `assign` message that names its
 * thread, which it loads with `loadThreadModule`.
 */
export const NODE_PREPARED_BOOTSTRAP: NodeBootstrap = {
  file: 'prepared-bootstrap.cjs',
  dir: typeof __dirname === 'string' ? __dirname : undefined,
  source: `${SHARED}
enableCompileCache();
registerTsx(workerData.tsx);
require(workerData.entry);
try { require.resolve('@sigslot/thread', { paths: [process.cwd()] }); } catch {}
(workerData.esm ? import(workerData.esm) : Promise.resolve())
  .then(() => runtimeOf(workerData.entry).prepareNode(workerData.ready, loadThreadModule, fail, importModule))
  .catch(fail);
`,
};
