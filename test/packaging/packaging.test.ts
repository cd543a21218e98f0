/**
 * "Works as an npm dependency": packs @sigslot/core, @sigslot/thread, @sigslot/sd-shim and @sigslot/concurrent with `npm pack`, installs
 * the tarballs into a fresh project outside the repository, and uses them from CommonJS, ESM and TypeScript there.
 *
 * Needs the build (`tsc -b`); `npm test` runs it first (pretest). Packages whose `dist/index.js` is missing are
 * still packed and installed (so that the others resolve their dependencies) but their import tests are skipped.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installTarballs, packTarballs, PACKAGES, repo, run, type PackageDir, type Tarball } from './tarballs';

const isBuilt = (dir: PackageDir): boolean => fs.existsSync(path.join(repo, 'packages', dir, 'dist', 'index.js'));
const builtPackages = PACKAGES.filter(isBuilt);
const testIfBuilt = (dir: PackageDir): jest.It => (isBuilt(dir) ? test : test.skip);

/** A subpath's conditions: types and file for browsers and bundlers (core, thread), Node's import (all but internal entries), and require. */
interface EntryConditions {
  browser?: { types: string; default: string };
  import?: { types: string; default: string };
  require: { types: string; default: string };
}
const manifestOf = (dir: PackageDir): { exports: Record<string, string | EntryConditions> } =>
  JSON.parse(fs.readFileSync(path.join(repo, 'packages', dir, 'package.json'), 'utf8')) as {
    exports: Record<string, string | EntryConditions>;
  };

let tmp = '';
let project = '';
/** The Node bundles a package loads by path, which no export names (scripts/private-bundles.json). */
const privateBundles = (dir: PackageDir): { out: string; src: string }[] =>
  (
    JSON.parse(fs.readFileSync(path.join(repo, 'scripts', 'private-bundles.json'), 'utf8')) as Record<
      string,
      { out: string; src: string }[] | undefined
    >
  )[dir] ?? [];

const tarballs = new Map<PackageDir, Tarball>();

beforeAll(async () => {
  if (!isBuilt('core')) {
    throw new Error(
      'packages/core/dist/index.js is missing: run `npm run build` first (`npm test` does it in pretest).',
    );
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-packaging-'));
  const packDir = path.join(tmp, 'tarballs');
  project = path.join(tmp, 'consumer');

  for (const [dir, tarball] of await packTarballs(packDir)) tarballs.set(dir, tarball);
  await installTarballs(project, tarballs);
}, 300_000);

afterAll(() => {
  if (tmp && !process.env.SIGSLOT_KEEP_PACKAGING_TMP) fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Writes `name` and the other `files` (the modules it loads, by path in the project) into the consumer project and
 * runs `name` with node (and `nodeArgs`); returns its stdout parsed as JSON.
 */
async function runInConsumer(
  name: string,
  source: string,
  { files = {}, nodeArgs = [] }: { files?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Record<string, unknown>> {
  for (const [file, text] of Object.entries({ ...files, [name]: source })) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
  }
  const stdout = await run(process.execPath, [...nodeArgs, name], project);
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe('the packed tarballs', () => {
  test.each(PACKAGES)('@sigslot/%s ships its exports map targets and no tests', (dir) => {
    const { files } = tarballs.get(dir)!;
    expect(files).toContain('package.json');
    expect(files).toContain('esm/index.mjs');
    if (isBuilt(dir)) expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((f) => /(^|\/)(test|__tests__)\//.test(f) || /\.test\.[cm]?[jt]s$/.test(f))).toEqual([]);
  });

  test.each(PACKAGES.filter(isBuilt))(
    '@sigslot/%s ships one bundle per entry point, with its source map and the declarations',
    (dir) => {
      const { files } = tarballs.get(dir)!;
      const entries = Object.values(manifestOf(dir).exports).filter((e) => typeof e === 'object');
      const file = (target: string): string => target.replace(/^\.\//, '');
      // Plus the Node bundles the package loads by path (the main side of @sigslot/thread), which no export names.
      const privates = privateBundles(dir);
      const bundles = [...entries.map((e) => file(e.require.default)), ...privates.map((p) => p.out)];
      const browserBundles = entries.flatMap((e) => (e.browser ? [file(e.browser.default)] : []));
      // The JavaScript is the bundles alone (scripts/bundle.mjs), not one file per module: a worker loads few files.
      expect(files.filter((f) => /^dist\/.*\.js$/.test(f)).sort()).toEqual([...bundles].sort());
      expect(files.filter((f) => /^dist\/.*\.mjs$/.test(f)).sort()).toEqual([...browserBundles].sort());
      expect(files).toEqual(expect.arrayContaining([...bundles, ...browserBundles].map((b) => `${b}.map`)));
      // tsc's declarations for every module, with their maps, and the sources both kinds of map point at.
      const types = entries.flatMap((e) => [
        e.require.types,
        ...[e.import, e.browser].flatMap((c) => (c ? [c.types] : [])),
      ]);
      expect(files).toEqual(expect.arrayContaining(types.map(file)));
      const declarations = files.filter((f) => /^dist\/.*\.d\.ts$/.test(f));
      expect(declarations.length).toBeGreaterThan(bundles.length);
      expect(files).toEqual(expect.arrayContaining(declarations.map((d) => `${d}.map`)));
      const sources = entries.map((e) => file(e.require.default).replace(/^dist\/(.*)\.js$/, 'src/$1.ts'));
      expect(files).toEqual(expect.arrayContaining([...sources, ...privates.map((p) => p.src)]));
      expect(files).toContain('LICENSE');
    },
  );

  test('install into a fresh project outside the repository', () => {
    for (const dir of PACKAGES) {
      const installed = path.join(project, 'node_modules', '@sigslot', dir);
      expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
      expect(fs.existsSync(path.join(installed, 'package.json'))).toBe(true);
    }
    // One copy of core, shared by every package that depends on it.
    for (const dir of ['thread', 'sd-shim', 'concurrent']) {
      expect(
        fs.existsSync(path.join(project, 'node_modules', '@sigslot', dir, 'node_modules', '@sigslot', 'core')),
      ).toBe(false);
    }
  });

  test('installs nothing but @sigslot packages for core and thread (`npm ls --omit=dev`)', async () => {
    interface Node {
      version?: string;
      dependencies?: Record<string, Node>;
    }
    const tree = JSON.parse(await run('npm', ['ls', '--omit=dev', '--all', '--json'], project)) as Node;
    /** The installed packages under `node` (an unmet optional peer, such as tsx, has no version). */
    const installed = (node: Node): string[] =>
      Object.entries(node.dependencies ?? {}).flatMap(([name, child]) =>
        child.version === undefined ? [] : [name, ...installed(child)],
      );
    const runtime = ['core', 'thread'].flatMap((dir) => [
      `@sigslot/${dir}`,
      ...installed(tree.dependencies![`@sigslot/${dir}`]!),
    ]);
    expect(runtime.filter((name) => !name.startsWith('@sigslot/'))).toEqual([]);
    expect(new Set(runtime)).toEqual(new Set(['@sigslot/core', '@sigslot/thread']));
  });
});

describe('@sigslot/core as an npm dependency', () => {
  const scenario = `
    const seen = [];
    const label = new Signal();
    label.connect((n, text) => seen.push('direct ' + n + ' ' + text));
    const sender = new QObject();
    const receiver = new QObject();
    const changed = new Signal(sender, 'changed');
    let queuedRan;
    const queued = new Promise((resolve) => (queuedRan = resolve));
    changed.connect(receiver, (n) => { seen.push('queued ' + n); queuedRan(); }, ConnectionType.QueuedConnection);
    label.emit(1, 'one');
    changed.emit(2);
    seen.push('after emit');
  `;
  const expected = ['direct 1 one', 'after emit', 'queued 2'];

  test('require() from a .cjs file: connect, emit, queued delivery', async () => {
    const out = await runInConsumer(
      'core.cjs',
      `'use strict';
      const { Signal, QObject, ConnectionType, currentThread } = require('@sigslot/core');
      ${scenario}
      queued.then(() => console.log(JSON.stringify({
        seen,
        main: currentThread().isMainThread(),
        resolved: require.resolve('@sigslot/core'),
      })));`,
    );
    expect(out.seen).toEqual(expected);
    expect(out.main).toBe(true);
    expect(out.resolved).toBe(path.join(fs.realpathSync(project), 'node_modules/@sigslot/core/dist/index.js'));
  });

  test('named imports from a .mjs file share one instance with require()', async () => {
    const out = await runInConsumer(
      'core.mjs',
      `import { Signal, QObject, ConnectionType, currentThread } from '@sigslot/core';
      import * as esm from '@sigslot/core';
      import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)('@sigslot/core');
      ${scenario}
      await queued;
      const esmNames = Object.keys(esm).filter((k) => k !== 'default' && k !== '__esModule').sort();
      const cjsNames = Object.keys(cjs).filter((k) => k !== '__esModule').sort();
      console.log(JSON.stringify({
        seen,
        main: currentThread().isMainThread(),
        resolved: import.meta.resolve('@sigslot/core'),
        sameInstance: cjs.Signal === Signal && cjs.QObject === QObject && cjs.currentThread() === currentThread(),
        esmNames,
        cjsNames,
      }));`,
    );
    expect(out.seen).toEqual(expected);
    expect(out.main).toBe(true);
    expect(out.resolved).toMatch(/\/node_modules\/@sigslot\/core\/esm\/index\.mjs$/);
    expect(out.sameInstance).toBe(true);
    expect(out.esmNames).toEqual(out.cjsNames);
    expect(out.esmNames).toEqual(expect.arrayContaining(['Signal', 'Connection', 'ConnectionType', 'QObject']));
  });
});

describe('@sigslot/thread and @sigslot/sd-shim as npm dependencies', () => {
  const importBoth = (specifier: string): string => `
    import * as esm from '${specifier}';
    import { createRequire } from 'node:module';
    const cjs = createRequire(import.meta.url)('${specifier}');
    const esmNames = Object.keys(esm).filter((k) => k !== 'default' && k !== '__esModule').sort();
    const cjsNames = Object.keys(cjs).filter((k) => k !== '__esModule').sort();
    const same = esmNames.every((k) => esm[k] === cjs[k]);
  `;

  testIfBuilt('thread')(
    '@sigslot/thread loads through require() and import, with the same exports (nothing is started)',
    async () => {
      const out = await runInConsumer(
        'thread.mjs',
        `${importBoth('@sigslot/thread')}
      console.log(JSON.stringify({ esmNames, cjsNames, same, qthread: typeof esm.QThread }));`,
      );
      expect(out.cjsNames).not.toEqual([]);
      expect(out.esmNames).toEqual(out.cjsNames);
      expect(out.same).toBe(true);
      expect(out.qthread).toBe('function');
    },
  );

  testIfBuilt('sd-shim')('@sigslot/sd-shim loads through require() and import, with the same exports', async () => {
    const out = await runInConsumer(
      'sd-shim.mjs',
      `${importBoth('@sigslot/sd-shim')}
      console.log(JSON.stringify({ esmNames, cjsNames, same, getContext: typeof esm.getContext }));`,
    );
    expect(out.getContext).toBe('function');
    expect(out.cjsNames).not.toEqual([]);
    expect(out.esmNames).toEqual(out.cjsNames);
    expect(out.same).toBe(true);
  });

  testIfBuilt('thread')(
    'a QThread from a .cjs thread module, and a plain QThread with a worker object, run in real workers',
    async () => {
      const out = await runInConsumer(
        'threads.cjs',
        `'use strict';
        const { ConnectionType, QObject, QThread } = require('@sigslot/thread');
        const { Ticker, Doubler } = require('./ticker.cjs');
        (async () => {
          const ticks = [];
          const ticker = new Ticker();
          ticker.tick.connect(new QObject(), (n) => ticks.push(n), ConnectionType.QueuedConnection);
          ticker.start();
          await ticker.wait();
          const thread = new QThread(); // loads the package's own bundle in its worker
          const doubler = thread.create(Doubler);
          thread.start();
          const doubled = await doubler.double(21);
          thread.quit();
          await thread.wait();
          console.log(JSON.stringify({ ticks, doubled, finished: ticker.isFinished() && thread.isFinished() }));
        })();`,
        {
          files: {
            'ticker.cjs': `'use strict';
        const { QThread, QObject, Signal } = require('@sigslot/thread');
        class Ticker extends QThread {
          static module = __filename;
          tick = new Signal(this);
          run() { for (let i = 1; i <= 3; i++) this.tick.emit(i); }
        }
        class Doubler extends QObject {
          static module = __filename;
          double(n) { return 2 * n; }
        }
        module.exports = { Ticker, Doubler };`,
          },
        },
      );
      expect(out).toEqual({ ticks: [1, 2, 3], doubled: 42, finished: true });
    },
  );

  testIfBuilt('thread')(
    "a CommonJS thread's worker starts from the package's bootstrap file and resolves no exports map",
    async () => {
      const out = await runInConsumer(
        'probe-main.cjs',
        `'use strict';
        const { ConnectionType, QObject } = require('@sigslot/thread');
        const { Probe } = require('./probe.cjs');
        const probe = new Probe();
        probe.seen.connect(new QObject(), (script, esmResolver) => console.log(JSON.stringify({ script, esmResolver })), ConnectionType.QueuedConnection);
        probe.start();`,
        {
          files: {
            'probe.cjs': `'use strict';
        const { QThread, Signal } = require('@sigslot/thread');
        class Probe extends QThread {
          static module = __filename;
          seen = new Signal(this);
          run() {
            // What started this worker, and whether Node had to load its ES module resolver (which reading an
            // exports map costs a CommonJS require) for the package's own imports.
            this.seen.emit(require.main.filename, process.moduleLoadList.includes('NativeModule internal/modules/esm/resolve'));
          }
        }
        module.exports = { Probe };`,
          },
        },
      );
      expect(out).toEqual({
        script: fs.realpathSync(path.join(project, 'node_modules/@sigslot/thread/dist/thread-bootstrap.cjs')),
        esmResolver: false,
      });
    },
  );

  testIfBuilt('thread')(
    'a thread module named by a path relative to the working directory is found from there in its worker',
    async () => {
      const out = await runInConsumer(
        'relative-main.cjs',
        `'use strict';
        const { ConnectionType, QObject } = require('@sigslot/thread');
        const { Relative } = require('./relative.cjs');
        const thread = new Relative();
        thread.seen.connect(new QObject(), (file) => console.log(JSON.stringify({ file })), ConnectionType.QueuedConnection);
        thread.start();`,
        {
          files: {
            'relative.cjs': `'use strict';
        const { QThread, Signal } = require('@sigslot/thread');
        class Relative extends QThread {
          static module = './relative.cjs';
          seen = new Signal(this);
          run() { this.seen.emit(__filename); }
        }
        module.exports = { Relative };`,
          },
        },
      );
      expect(out).toEqual({ file: fs.realpathSync(path.join(project, 'relative.cjs')) });
    },
  );

  testIfBuilt('thread')(
    'a thread module with a copy of @sigslot/core of its own gets that copy in its worker, as on main',
    async () => {
      // @sigslot/thread's own import of core finds the project's copy; the module's import finds the nearer one.
      const nested = path.join(project, 'nested');
      fs.rmSync(nested, { recursive: true, force: true });
      fs.cpSync(path.join(project, 'node_modules/@sigslot/core'), path.join(nested, 'node_modules/@sigslot/core'), {
        recursive: true,
        dereference: true,
      });
      const out = await runInConsumer(
        'own-core-main.cjs',
        `'use strict';
        const { ConnectionType, QObject } = require('@sigslot/thread');
        const { OwnCore, core } = require('./nested/own-core.cjs');
        const thread = new OwnCore();
        thread.seen.connect(new QObject(), (worker) => console.log(JSON.stringify({ main: core, worker })), ConnectionType.QueuedConnection);
        thread.start();`,
        {
          files: {
            'nested/own-core.cjs': `'use strict';
        const { QThread, Signal } = require('@sigslot/thread');
        require('@sigslot/core');
        class OwnCore extends QThread {
          static module = __filename;
          seen = new Signal(this);
          run() { this.seen.emit(require.resolve('@sigslot/core')); }
        }
        module.exports = { OwnCore, core: require.resolve('@sigslot/core') };`,
          },
        },
      );
      const own = path.join(fs.realpathSync(nested), 'node_modules/@sigslot/core/dist/index.js');
      expect(out).toEqual({ main: own, worker: own });
    },
  );

  testIfBuilt('thread')(
    "once a thread has started, workers load the package from the main thread's code caches: as Node would (errors at their lines, import() works)",
    async () => {
      const out = await runInConsumer(
        'cached-main.mjs',
        `import { ConnectionType, QObject, QThread } from '@sigslot/thread';
        import { createRequire } from 'node:module';
        import { setImmediate } from 'node:timers/promises';
        import * as fs from 'node:fs';
        const { Cached } = createRequire(import.meta.url)('./cached.cjs');
        const { Doubler } = await import('./doubler.mjs');
        const seen = [];
        for (let i = 0; i < 2; i++) {
          const thread = new Cached();
          thread.seen.connect(new QObject(), (loader, frame) => seen.push({ loader, line: frame && fs.readFileSync(frame[0], 'utf8').split('\\n')[frame[1] - 1].trim() }), ConnectionType.QueuedConnection);
          thread.start();
          await thread.wait();
          await setImmediate(); // the main thread makes the caches after the first thread started
        }
        const thread = new QThread();
        const doubler = thread.create(Doubler); // the worker's bundle import()s doubler.mjs
        thread.start();
        const doubled = await doubler.double(21);
        thread.quit();
        await thread.wait();
        console.log(JSON.stringify({ seen, doubled }));`,
        {
          files: {
            'doubler.mjs': `import { QObject } from '@sigslot/thread';
        export class Doubler extends QObject {
          static module = import.meta.url;
          double(n) { return 2 * n; }
        }`,
            'cached.cjs': `'use strict';
        const { QThread, Signal } = require('@sigslot/thread');
        class Cached extends QThread {
          static module = __filename;
          seen = new Signal(this);
          run() {
            // Who loaded the package in this worker, and where a library error says it was thrown.
            const loader = require.cache[require.resolve('@sigslot/core/kernel')].parent?.filename;
            let frame = null;
            try { this.seen.connect(undefined); } catch (error) { frame = /\\((.*kernel\\.js):(\\d+):\\d+\\)/.exec(error.stack)?.slice(1) ?? null; }
            this.seen.emit(loader, frame);
          }
        }
        module.exports = { Cached };`,
          },
        },
      );
      const bootstrap = fs.realpathSync(path.join(project, 'node_modules/@sigslot/thread/dist/thread-bootstrap.cjs'));
      const thrown = expect.stringMatching(/^throw new InvalidArgumentError\(/);
      expect(out).toEqual({
        seen: [
          { loader: expect.not.stringMatching(/thread-bootstrap/), line: thrown }, // the first: Node loaded it
          { loader: bootstrap, line: thrown },
        ],
        doubled: 42,
      });
      // With source maps enabled, Node loads the bundles itself, so that it can map their errors.
      const mapped = await runInConsumer(
        'cached-main.mjs',
        fs.readFileSync(path.join(project, 'cached-main.mjs'), 'utf8'),
        { nodeArgs: ['--enable-source-maps'] },
      );
      expect((mapped.seen as { loader: string }[]).map((s) => s.loader)).toEqual([
        expect.not.stringMatching(/thread-bootstrap/),
        expect.not.stringMatching(/thread-bootstrap/),
      ]);
    },
  );

  testIfBuilt('thread')('a QThread from an .mjs thread module runs in a real worker', async () => {
    const out = await runInConsumer(
      'esm-thread.mjs',
      `import { ConnectionType, QObject } from '@sigslot/thread';
      import { EsmTicker } from './ticker.mjs';
      const ticks = [];
      const ticker = new EsmTicker();
      ticker.tick.connect(new QObject(), (n) => ticks.push(n), ConnectionType.QueuedConnection);
      ticker.start();
      await ticker.wait();
      console.log(JSON.stringify({ ticks, finished: ticker.isFinished() }));`,
      {
        files: {
          'ticker.mjs': `import { QThread, Signal } from '@sigslot/thread';
      export class EsmTicker extends QThread {
        static module = import.meta.url;
        tick = new Signal(this);
        run() { for (let i = 1; i <= 3; i++) this.tick.emit(i); }
      }`,
        },
      },
    );
    expect(out).toEqual({ ticks: [1, 2, 3], finished: true });
  });

  testIfBuilt('sd-shim')(
    "@sigslot/sd-shim/jest shares the main entry's instance (one Designer state, one affinity record)",
    async () => {
      const out = await runInConsumer(
        'sd-shim-jest.mjs',
        `import * as main from '@sigslot/sd-shim';
        import * as jest from '@sigslot/sd-shim/jest';
        import { createRequire } from 'node:module';
        const require = createRequire(import.meta.url);
        const cjsJest = require('@sigslot/sd-shim/jest');
        const { affinity } = require('@sigslot/core');
        console.log(JSON.stringify({
          sdShim: jest.sdShim === main.sdShim && cjsJest.sdShim === main.sdShim,
          resetDesigner: jest.resetDesigner === main.resetDesigner,
          affinity: jest.affinity === affinity,
        }));`,
      );
      expect(out).toEqual({ sdShim: true, resetDesigner: true, affinity: true });
    },
  );

  test('every subpath in the exports maps resolves to a shipped file', async () => {
    const specifiers = builtPackages.flatMap((dir) => {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(project, 'node_modules/@sigslot', dir, 'package.json'), 'utf8'),
      ) as { exports?: Record<string, unknown> };
      return Object.entries(manifest.exports ?? { '.': null })
        .filter(([key]) => key !== './package.json' && !key.includes('*'))
        .map(([key, conditions]) => ({
          specifier: `@sigslot/${dir}${key.slice(1)}`,
          // A subpath with conditions but no `import` one is for require() alone (concurrent's ./worker).
          importable: typeof conditions !== 'object' || conditions === null || 'import' in conditions,
        }));
    });
    const out = await runInConsumer(
      'resolve.mjs',
      `import { createRequire } from 'node:module';
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const require = createRequire(import.meta.url);
      const result = {};
      for (const { specifier: s, importable } of ${JSON.stringify(specifiers)}) {
        const r = require.resolve(s);
        const i = importable ? existsSync(fileURLToPath(import.meta.resolve(s))) : 'require only';
        result[s] = { require: existsSync(r), import: i };
      }
      console.log(JSON.stringify(result));`,
    );
    for (const { specifier: s, importable } of specifiers)
      expect([s, out[s]]).toEqual([s, { require: true, import: importable ? true : 'require only' }]);
    expect(specifiers.filter((s) => s.importable).length).toBeGreaterThan(specifiers.length / 2);
  });
});

describe('TypeScript consumers (module node16)', () => {
  test('get the types of the installed packages, and wrong arguments fail to compile', async () => {
    const files: Record<string, string> = {
      'consumer.mts': `import { ConnectionType, QObject, Signal } from '@sigslot/core';
        class Counter extends QObject {
          readonly valueChanged = new Signal<[value: number, label: string]>(this);
        }
        const counter = new Counter();
        counter.valueChanged.connect((value, label) => {
          const n: number = value;
          const s: string = label;
          return [n, s];
        });
        counter.valueChanged.connect(new QObject(), () => undefined, ConnectionType.QueuedConnection);
        counter.valueChanged.emit(1, 'one');
        // @ts-expect-error: the first argument is a number
        counter.valueChanged.emit('1', 'one');
        // @ts-expect-error: the label is missing
        counter.valueChanged.emit(1);
        export {};
        `,
      'consumer.cts': `import { Signal } from '@sigslot/core';
        const ready = new Signal<[ok: boolean]>();
        ready.connect((ok) => !ok);
        ready.emit(true);
        // @ts-expect-error: a slot of the wrong shape
        ready.connect((ok: string) => ok);
        export = ready;
        `,
    };
    for (const dir of builtPackages.filter((d) => d !== 'core')) {
      const name = dir.replace(/-(.)/g, (_m, c: string) => c.toUpperCase());
      files[`uses-${dir}.mts`] =
        `import * as ${name} from '@sigslot/${dir}';\nexport const names = Object.keys(${name});\n`;
    }
    // Every other subpath too, from ESM where it has an `import` condition, else from CommonJS: the declarations
    // behind them (the browser endpoints included) must compile without the DOM library.
    for (const dir of builtPackages) {
      for (const [subpath, conditions] of Object.entries(manifestOf(dir).exports)) {
        if (subpath === '.' || typeof conditions !== 'object') continue;
        const specifier = `@sigslot/${dir}${subpath.slice(1)}`;
        const file = `uses-${dir}-${subpath.slice(2).replace(/\W/g, '-')}.${conditions.import ? 'mts' : 'cts'}`;
        files[file] = conditions.import
          ? `import * as entry from '${specifier}';\nexport const names = Object.keys(entry);\n`
          : `import entry = require('${specifier}');\nexport = Object.keys(entry);\n`;
      }
    }
    if (isBuilt('thread')) {
      files['timer-thread.mts'] = `import { ConnectionType, QObject } from '@sigslot/core';
        import { QThread, Signal } from '@sigslot/thread';
        export class Timer extends QThread {
          static override readonly module = import.meta.url;
          readonly tick = new Signal<[count: number]>(this);
          override run(): void {
            this.tick.emit(1);
            // @ts-expect-error: tick carries a number
            this.tick.emit('1');
            QThread.msleep(1);
          }
        }
        class Receiver extends QObject {
          onTick(count: number): void {
            void count;
          }
        }
        export function wire(timer: Timer, receiver: Receiver): void {
          timer.tick.connect(receiver, receiver.onTick, ConnectionType.QueuedConnection);
          timer.finished.connect(() => undefined);
        }
        `;
    }
    // The README's TypeScript snippets compile against the installed packages, as a reader would paste them.
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .filter((code) => [...code.matchAll(/from '@sigslot\/([\w-]+)'/g)].every((m) => isBuilt(m[1] as PackageDir)))
      .forEach((code, i) => (files[`readme-${i + 1}.mts`] = code));
    expect(Object.keys(files).some((f) => f.startsWith('readme-'))).toBe(true);
    for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(project, name), source);
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify(
        {
          // What a Node 20 project typically uses (@tsconfig/node20): no DOM library, the library's .d.ts checked too.
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023'],
            module: 'node16',
            moduleResolution: 'node16',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
            typeRoots: [path.join(repo, 'node_modules/@types')],
          },
          files: Object.keys(files),
        },
        null,
        2,
      ),
    );
    const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
    // Fails with the compiler's diagnostics if a type is missing or if an @ts-expect-error line compiles (types were `any`).
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
  });
});
