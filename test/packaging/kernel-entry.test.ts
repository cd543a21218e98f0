/**
 * `@sigslot/core/kernel` (what sigslot's own packages build on, below the user API) and `@sigslot/core` are one module
 * instance in every format: through require(), through Node's import, and in a browser bundle. Two instances would
 * mean two ThreadData records for one thread (two event loops, objects that do not see their own thread). Runs the
 * built packages as the workspace resolves them (node_modules/@sigslot/core → packages/core), after `npm run build`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { repo, run } from './tarballs';

let tmp = '';

beforeAll(() => {
  if (!fs.existsSync(path.join(repo, 'packages/core/dist/kernel.js')))
    throw new Error('packages/core/dist/kernel.js is missing: run `npm run build` first.');
  tmp = fs.mkdtempSync(path.join(repo, 'node_modules', '.sigslot-kernel-entry-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs `source` as a file `name` inside the repository (so that @sigslot/* resolve); returns its JSON output. */
async function runScript(name: string, source: string): Promise<Record<string, unknown>> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, source);
  return JSON.parse((await run(process.execPath, [file], repo)).trim()) as Record<string, unknown>;
}

test('require(): @sigslot/core/kernel is the same instance as @sigslot/core, and the public entry has no kernel names', async () => {
  const out = await runScript(
    'require.cjs',
    `const core = require('@sigslot/core');
    const kernel = require('@sigslot/core/kernel');
    console.log(JSON.stringify({
      same: Object.keys(core).every((k) => core[k] === kernel[k]),
      thread: kernel.currentThreadData() === core.currentThread().threadData_(),
      kernelOnly: Object.keys(kernel).filter((k) => !(k in core)).sort(),
    }));`,
  );
  expect(out).toEqual({
    same: true,
    thread: true,
    // Everything the kernel adds to the public API, so that a kernel name that leaks into it, or a new one, shows.
    kernelOnly: [
      'EventLoop',
      'ThreadData',
      'activate',
      'activateRun',
      'attachConnection',
      'bindObjectToThread',
      'classNameOf',
      'connectionDelivery',
      'currentThreadData',
      'deliverEmission',
      'invokeSlot',
      'objectThreadData',
      'recordAffinityViolation',
      'setEmittingThread',
      'setThreadResolver',
      'signalConnections',
      'threadDataOf',
      'unknownThreadReason',
      'watchSignalRouting',
    ],
  });
});

test('require(): every package exports plain values, not getters (a getter costs every call into the package on a hot path)', async () => {
  const out = await runScript(
    'plain-exports.cjs',
    `const names = ['@sigslot/core', '@sigslot/core/kernel', '@sigslot/thread', '@sigslot/thread/channel', '@sigslot/concurrent', '@sigslot/sd-shim'];
    console.log(JSON.stringify(Object.fromEntries(names.map((name) => {
      const exports = require(name);
      return [name, Object.keys(exports).filter((key) => Object.getOwnPropertyDescriptor(exports, key).get !== undefined)];
    }))));`,
  );
  expect(out).toEqual({
    '@sigslot/core': [],
    '@sigslot/core/kernel': [],
    '@sigslot/thread': [],
    '@sigslot/thread/channel': [],
    '@sigslot/concurrent': [],
    '@sigslot/sd-shim': [],
  });
});

test("import: @sigslot/core/kernel is the same instance as @sigslot/core, and as require()'s", async () => {
  const out = await runScript(
    'import.mjs',
    `import * as core from '@sigslot/core';
    import * as kernel from '@sigslot/core/kernel';
    import { createRequire } from 'node:module';
    const required = createRequire(import.meta.url)('@sigslot/core/kernel');
    console.log(JSON.stringify({
      same: Object.keys(core).filter((k) => k !== 'default').every((k) => core[k] === kernel[k]),
      sameAsRequire: kernel.ThreadData === required.ThreadData && kernel.QObject === required.QObject,
      thread: kernel.currentThreadData() === core.currentThread().threadData_(),
    }));`,
  );
  expect(out).toEqual({ same: true, sameAsRequire: true, thread: true });
});

test('a browser bundle of code that imports both entries holds one copy of the kernel', async () => {
  const entry = path.join(tmp, 'app.mjs');
  fs.writeFileSync(
    entry,
    `import { QObject, currentThread } from '@sigslot/core';
    import { ThreadData, currentThreadData } from '@sigslot/core/kernel';
    globalThis.result = { same: currentThreadData() === currentThread().threadData_(), data: currentThreadData() instanceof ThreadData, object: new QObject().threadData() === currentThreadData() };`,
  );
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  // ThreadData's one static method that makes ids, defined once per copy of the class.
  expect(code.match(/static nextId\(\) \{/g)).toHaveLength(1);
  const out = await runScript('bundle.mjs', `${code}\nconsole.log(JSON.stringify(globalThis.result));`);
  expect(out).toEqual({ same: true, data: true, object: true });
});

test('on Node, the packages built on core require it as @sigslot/core/kernel only: a worker resolves one core specifier and loads no core/dist/index.js', async () => {
  const out = await runScript(
    'one-core-specifier.cjs',
    `require('@sigslot/thread');
    require('@sigslot/sd-shim');
    require('@sigslot/concurrent');
    const core = (file) => /packages[\\\\/]core[\\\\/]dist[\\\\/]/.test(file);
    console.log(JSON.stringify(Object.keys(require.cache).filter(core).map((file) => file.replace(/.*[\\\\/]/, ''))));`,
  );
  expect(out).toEqual(['kernel.js']);
});
