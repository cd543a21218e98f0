import type { NodeBootstrap } from '@sigslot/thread/channel';

/**
 * The first code a Node pool worker runs (CommonJS, as QThread's bootstrap): it loads the worker
 * runtime (through tsx when that is TypeScript, as under jest) and gives it a loader for task modules — `require`
 * (tsx registered first for a TypeScript module) or a real `import()` for `.mjs` and `file:` URLs, which a bundled
 * runtime could not do itself.
 */
export const NODE_POOL_BOOTSTRAP: NodeBootstrap = {
  file: 'pool-bootstrap.cjs',
  dir: typeof __dirname === 'string' ? __dirname : undefined,
  source: `
'use strict';
const { workerData } = require('node:worker_threads');
const { pathToFileURL, fileURLToPath } = require('node:url');
const registered = new Set();
const register = (tsx) => {
  if (tsx && !registered.has(tsx)) { require(tsx).register(); registered.add(tsx); }
};
register(workerData.runtimeTsx);
const load = (task) => {
  register(task.tsx);
  const spec = task.module;
  const isUrl = spec.startsWith('file:');
  if (/\\.mjs$/.test(spec)) return import(isUrl ? spec : pathToFileURL(spec).href);
  if (isUrl) return require(fileURLToPath(spec));
  // As an eval'd bootstrap would: a relative path or a bare name is found from the working directory.
  return require(require('node:path').isAbsolute(spec) ? spec : require.resolve(spec, { paths: [process.cwd()] }));
};
require(workerData.runtime).startNodePoolWorker(load);
`,
};
