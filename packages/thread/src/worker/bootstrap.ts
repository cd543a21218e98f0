/**
 * The first code a Node worker runs (as `eval` source, CommonJS): it loads the module that defines the
 * thread class — through tsx when that module is TypeScript — and hands its exports to the runtime that
 * `@sigslot/thread` registered on `globalThis` when the module imported it. Kept as source so that compiled
 * JavaScript and TypeScript sources start the same way.
 */
export const NODE_BOOTSTRAP = `
'use strict';
const { workerData } = require('node:worker_threads');
const { pathToFileURL, fileURLToPath } = require('node:url');
const spec = workerData.init.location.module;
(async () => {
  if (workerData.tsx) require(workerData.tsx).register();
  const isUrl = spec.startsWith('file:');
  const exports = /\\.mjs$/.test(spec)
    ? await import(isUrl ? spec : pathToFileURL(spec).href)
    : require(isUrl ? fileURLToPath(spec) : spec);
  const runtime = globalThis[Symbol.for('sigslot.thread.runtime')];
  if (!runtime) throw new Error('The thread module ' + spec + ' did not load @sigslot/thread.');
  runtime.startNode(exports, workerData);
})().catch((error) => process.nextTick(() => { throw error; }));
`;
