// The packages' runtime JavaScript, built with esbuild next to the declarations `tsc -b` emits:
//   - for Node, one CommonJS bundle per entry point (`require` target `./dist/X.js`, from `src/X.ts`); Node's
//     `import` gets a hand-written esm/X.mjs that re-exports it, so `require` and `import` share one instance;
//   - for browsers and bundlers, one real ES module per entry point (`browser` target `./dist/browser/X.mjs`, from
//     the same `src/X.ts`), built for the browser platform: a package.json `imports`/`exports` entry with `node` and
//     `browser` conditions resolves to its browser file there, so Node-only code stays out of it.
//
//   node scripts/bundle.mjs            (run by `npm run build`, after `tsc -b`)
//   node scripts/bundle.mjs --clean    (run by `npm run clean`)
//
// Why bundles: a worker thread loads the library afresh (its own isolate, no module cache shared with the main
// thread), and Node reads, wraps and compiles every CommonJS file on its own. Loading @sigslot/thread as the ~40
// files tsc emits cost ~12 ms of every QThread start; as two bundles (core, thread) it costs ~3 ms. `tsc -b` still
// type-checks everything and emits the .d.ts files (the packages set `emitDeclarationOnly`); esbuild only
// transpiles and concatenates.
//
// Entry points come from each package's `exports` map: for each subpath, the `require` target (a string or
// `{ default }`) and, if there is one, the `browser` target. Every bare import (the other @sigslot/* packages, the
// dependencies) and every Node built-in stays external, so that a process or a page holds exactly one instance of
// each package (one thread registry, one event loop). A package with a second entry (sd-shim's `./jest`) takes the
// modules its main entry exports from the main bundle (`require('../index.js')`) instead of a copy: one Designer
// state, one affinity record. Where an entry re-exports the whole main entry (`export * from './index'`: core's
// `./kernel`, the public API plus the kernel below it), that entry's bundle holds the package and the main bundle
// takes everything from it, so `@sigslot/core` and `@sigslot/core/kernel` are one instance in every format.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['core', 'thread', 'sd-shim', 'concurrent'];

/** A condition's target in an exports map: the string, or the `default` of a nested condition object. */
const targetOf = (value) =>
  typeof value === 'string' ? value : typeof value?.default === 'string' ? value.default : undefined;

/**
 * `{ subpath, out: 'dist/x.js', browser?: 'dist/browser/x.mjs', src: 'src/x.ts' }` for every subpath of the exports
 * map with a `require` target; the main entry first.
 */
function entriesOf(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const entries = [];
  for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
    if (typeof conditions !== 'object' || conditions === null) continue;
    const out = targetOf(conditions.require);
    if (out === undefined) continue;
    const match = /^\.\/dist\/(.+)\.js$/.exec(out);
    if (!match) throw new Error(`${manifest.name}: exports["${subpath}"].require must be ./dist/<name>.js, not ${out}`);
    const browser = targetOf(conditions.browser);
    if (browser !== undefined && browser !== `./dist/browser/${match[1]}.mjs`) {
      throw new Error(
        `${manifest.name}: exports["${subpath}"].browser must be ./dist/browser/${match[1]}.mjs, not ${browser}`,
      );
    }
    const src = `src/${match[1]}.ts`;
    if (!fs.existsSync(path.join(dir, src))) throw new Error(`${manifest.name}: ${out} has no source ${src}`);
    entries.push({ subpath, out: out.slice(2), browser: browser?.slice(2), src });
  }
  entries.sort((a, b) => Number(b.subpath === '.') - Number(a.subpath === '.'));
  if (entries[0]?.subpath !== '.') throw new Error(`${manifest.name}: the exports map has no "." require target`);
  // The entry that holds the package's modules comes first: one that re-exports all of the main entry, or the main.
  const whole = entries.findIndex((e) =>
    /^export \* from '\.\/index';$/m.test(fs.readFileSync(path.join(dir, e.src), 'utf8')),
  );
  if (whole > 0) entries.unshift(...entries.splice(whole, 1));
  return entries;
}

/** The names in an `export { ... }` or `import { ... }` clause that exist at run time (no `type` ones), as `[local, exported]`. */
function valueNames(clause) {
  return clause
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !/^type\s/.test(part))
    .map((part) => {
      const [local, exported = local] = part.split(/\s+as\s+/);
      return [local.trim(), exported.trim()];
    });
}

/**
 * For a second entry: an import of a module that the main entry re-exports resolves to the main bundle, so that
 * the entry shares its instance (classes, state) instead of bundling a copy. Modules the main entry does not
 * export (private, stateless helpers) are bundled in. The build fails if the entry imports a name that the main
 * entry does not re-export under that same name (it would be undefined at run time).
 */
function shareMainEntry(dir, mainSrc, mainOut, entryOut) {
  const mainFile = path.join(dir, mainSrc);
  const toFile = (from, specifier) => path.resolve(path.dirname(from), specifier).replace(/(\.ts)?$/, '.ts');
  /** Module file → the names the main entry re-exports from it unchanged ('*': all of them). */
  const reExported = new Map();
  const collect = (from) => {
    const text = fs.readFileSync(from, 'utf8');
    for (const m of text.matchAll(/^export\s+(?!type\b)(\*|\{([^}]*)\})\s*from\s*'(\.[^']+)'/gm)) {
      const file = toFile(from, m[3]);
      const names = reExported.get(file) ?? new Set();
      if (m[1] === '*') names.add('*');
      else for (const [local, exported] of valueNames(m[2])) if (local === exported) names.add(local);
      reExported.set(file, names);
      // `export *` of a module that only re-exports (an index): its modules are re-exported too.
      if (m[1] === '*') collect(file);
    }
  };
  collect(mainFile);
  let specifier = path.relative(path.dirname(path.join(dir, entryOut)), path.join(dir, mainOut)).replace(/\\/g, '/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return {
    name: 'share-main-entry',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const file = toFile(args.importer, args.path);
        const names = reExported.get(file);
        if (!names) return undefined;
        const source = fs.readFileSync(args.importer, 'utf8');
        const quoted = args.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const clause = new RegExp(`^(?:import|export)\\s+(?!type\\b)\\{([^}]*)\\}\\s*from\\s*'${quoted}'`, 'gm');
        const missing = [...source.matchAll(clause)]
          .flatMap((m) => valueNames(m[1]).map(([local]) => local))
          .filter((n) => !names.has('*') && !names.has(n));
        if (missing.length) {
          const where = path.relative(dir, args.importer);
          const errors = [
            {
              text: `${where} imports ${missing.join(', ')} from ${args.path}, which ${mainSrc} does not re-export under that name: ${entryOut} would see undefined. Re-export it from ${mainSrc}, or import it from a module the main entry does not re-export.`,
            },
          ];
          return { errors };
        }
        return { path: specifier, external: true };
      });
    },
  };
}

/**
 * For the browser build: an import of `./x` whose module has a `x.browser.ts` next to `x.ts` gets that file instead
 * (the platform-file convention React Native and others use). The packages' Node-only modules (starting Node
 * workers, their bootstraps, tsx) have such stand-ins, so a page's bundle carries none of their code.
 */
const browserFiles = {
  name: 'browser-files',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '');
      const browser = `${file}.browser.ts`;
      return fs.existsSync(`${file}.ts`) && fs.existsSync(browser) ? { path: browser } : undefined;
    });
  },
};

/**
 * For the Node build of the packages built on core: `@sigslot/core` is required as `@sigslot/core/kernel`, which
 * re-exports the whole public API from the same bundle (one instance). A worker thread resolves every bare specifier
 * through the exports map afresh (Node caches no exports resolution per package, only per requiring file), and loads
 * each file it names: one specifier instead of two is one resolution and one file less in every QThread start.
 */
const coreAsKernel = {
  name: 'core-as-kernel',
  setup(build) {
    // Not a `require.resolve('@sigslot/core')`, which asks where the package's main entry is.
    build.onResolve({ filter: /^@sigslot\/core$/ }, (args) =>
      args.kind === 'require-resolve' ? undefined : { path: '@sigslot/core/kernel', external: true },
    );
  },
};

/**
 * Node-only bundles that no exports subpath names (scripts/private-bundles.json), loaded by path from the package's own
 * code: @sigslot/thread's main side (`src/main/side.ts`, required by `src/main/load-side.ts` the first time a thread
 * is created), so that a worker, which loads the package to run its thread, does not load the code that starts and
 * drives threads. Each takes the modules the main entry exports from the main bundle (one instance), as a second
 * entry does.
 */
const PRIVATE_ENTRIES = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'private-bundles.json'), 'utf8'));

/** For the main bundle: `require('./x')` of a private entry's source, from its loader, is that entry's bundle. */
function privateEntries(dir, entries, mainOut) {
  return {
    name: 'private-entries',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path).replace(/(\.ts)?$/, '.ts');
        const entry = entries.find((e) => path.join(dir, e.src) === file);
        if (!entry || args.kind === 'entry-point') return undefined;
        if (args.kind !== 'require-call' || args.importer !== path.join(dir, entry.from)) {
          const where = path.relative(dir, args.importer);
          return {
            errors: [
              { text: `${where} imports ${entry.src}, a bundle of its own: only ${entry.from} may, with require()` },
            ],
          };
        }
        let specifier = path.relative(path.dirname(path.join(dir, mainOut)), path.join(dir, entry.out));
        if (!specifier.startsWith('.')) specifier = `./${specifier}`;
        return { path: specifier, external: true };
      });
    },
  };
}

/** The two builds of an entry: CommonJS for Node, an ES module for browsers and bundlers. */
const TARGETS = [
  {
    key: 'out',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: {},
    // esbuild's CommonJS exports are getters (live bindings): see plainExports.
    exports: 'plain',
  },
  {
    key: 'browser',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // No CommonJS module variables in a browser: `typeof __filename` checks fold to false here, where webpack would
    // answer "string" for them (its default mocks) and then fail on the bare name.
    define: { __filename: 'undefined', __dirname: 'undefined' },
  },
];

async function bundlePackage(name) {
  const dir = path.join(root, 'packages', name);
  const privates = (PRIVATE_ENTRIES[name] ?? []).map((e) => ({ subpath: `(${e.src})`, ...e }));
  const entries = [...entriesOf(dir), ...privates];
  const outputs = new Set();
  const built = [];
  for (const { key, platform, format, target, define, exports } of TARGETS) {
    for (const [i, entry] of entries.entries()) {
      const outfile = entry[key];
      if (outfile === undefined) continue;
      const main = entries[0][key];
      if (i > 0 && main === undefined)
        throw new Error(`${name}: ${entry.subpath} has a ${key} build, ${entries[0].subpath} has none`);
      const plugins = [
        ...(platform === 'browser' ? [browserFiles] : name === 'core' ? [] : [coreAsKernel]),
        ...(platform === 'node' && privates.length ? [privateEntries(dir, privates, outfile)] : []),
        ...(i === 0 ? [] : [shareMainEntry(dir, entries[0].src, main, outfile)]),
      ];
      const result = await esbuild.build({
        absWorkingDir: dir,
        entryPoints: [entry.src],
        outfile,
        bundle: true,
        // The platform picks the `node` or `browser` condition of package.json `imports`/`exports` entries.
        platform,
        format,
        target,
        define,
        // Bare specifiers (other packages, dependencies) stay imports: one instance of each package per process.
        packages: 'external',
        // Node: class names are part of messages (sd-shim's Designer classes, describe()) and name the class a worker
        // loads. Browsers: no, as they cost a third of the bundle and keep the classes from being tree-shaken; the
        // classes whose names messages show declare them (`static className`, read by classNameOf), which a
        // minifier leaves alone (test/packaging/browser-builds.test.ts).
        keepNames: platform === 'node',
        sourcemap: true,
        // The maps point at src/, which the packages ship (as tsc's declaration maps do).
        sourcesContent: false,
        logLevel: 'warning',
        plugins,
        write: false,
      });
      for (const file of result.outputFiles) {
        const plain = exports === 'plain' && file.path.endsWith('.js');
        writeIfChanged(file.path, plain ? Buffer.from(asciiOnly(plainExports(file.text, file.path))) : file.contents);
        outputs.add(file.path);
      }
      built.push(`packages/${name}/${outfile}`);
    }
  }
  for (const file of await writeBootstraps(dir)) outputs.add(file);
  removeStale(path.join(dir, 'dist'), outputs);
  return built;
}

/**
 * A CommonJS bundle whose exports are plain values, set once the bundle has run, instead of esbuild's getters.
 *
 * esbuild makes a bundle's exports live bindings: `__export` defines a getter per export (an arrow function each),
 * and `__toCommonJS` copies them onto `module.exports` as getters again, at the top of the bundle. Every
 * `core.invokeSlot(...)` the other packages make on a hot path went through two closures and a keyed load (about half
 * of the main thread's time per queued emit delivered), and a worker thread compiles and calls each getter as it
 * loads the bundle (~1 ms of a thread's start). The packages export no binding that changes after loading and
 * require one another without cycles, so the exports can be the values themselves: the `__export` call and the
 * `__toCommonJS` line become blank lines (the source map's lines stay where they are), and `module.exports` is
 * assigned once at the end. esbuild's `0 && (module.exports = {...})` stays, for Node's ESM named-export detection
 * (esm/*.mjs re-export the bundle).
 */
function plainExports(text, file) {
  const entry = /^var (\w+) = \{\};\n__export\(\1, \{\n((?: {2}[\w$]+: \(\) => [\w$.]+,?\n)*)\}\);\n/m.exec(text);
  const assign = entry && `module.exports = __toCommonJS(${entry[1]});\n`;
  if (!entry || !text.includes(assign))
    throw new Error(`${file}: esbuild's CommonJS exports are not where plainExports looks for them`);
  const pairs = [...entry[2].matchAll(/^ {2}([\w$]+): \(\) => ([\w$.]+),?$/gm)].map(
    ([, name, value]) => `${name}: ${value}`,
  );
  const blank = (code) => '\n'.repeat(code.split('\n').length - 1);
  const mapComment = text.lastIndexOf('\n//# sourceMappingURL=');
  return (
    text.slice(0, entry.index) +
    `var ${entry[1]} = {};\n` +
    blank(entry[0].slice(entry[0].indexOf('\n') + 1)) +
    text.slice(entry.index + entry[0].length, mapComment).replace(assign, '\n') +
    `\nmodule.exports = Object.defineProperty({ ${pairs.join(', ')} }, "__esModule", { value: true });` +
    text.slice(mapComment)
  );
}

/**
 * The bundle with the non-ASCII characters that esbuild leaves in comments (its `charset: 'ascii'`, the default,
 * escapes them everywhere else) written as `\\uXXXX`. Node reads a file of ASCII into a one-byte string; a single
 * "—" makes the whole file a two-byte string, slower to read and to compile (~0.5 ms of a worker's start, measured).
 */
function asciiOnly(text) {
  return text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes each Node worker bootstrap of the package to dist/ as a file of its own: a worker starts from a file ~2 ms
 * sooner than from `eval` source. A bootstrap is an export `{ file, dir, source }` of a `node-bootstrap.ts` module
 * (@sigslot/thread's NodeBootstrap); at run time the package starts workers from `dir/file` when that file holds
 * `source`, so the file written here is the source itself, evaluated from the module as the bundle would.
 */
async function writeBootstraps(dir) {
  const modules = fs
    .readdirSync(path.join(dir, 'src'), { recursive: true })
    .filter((file) => path.basename(file) === 'node-bootstrap.ts');
  const written = [];
  for (const module of modules) {
    const result = await esbuild.build({
      absWorkingDir: dir,
      entryPoints: [path.join('src', module)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'warning',
      write: false,
    });
    const loaded = { exports: {} };
    new Function('module', 'exports', 'require', '__dirname', result.outputFiles[0].text)(
      loaded,
      loaded.exports,
      () => ({}),
      path.join(dir, 'dist'),
    );
    const bootstraps = Object.values(loaded.exports).filter(
      (value) => typeof value?.file === 'string' && typeof value.source === 'string',
    );
    for (const { file, source } of bootstraps) {
      const out = path.join(dir, 'dist', file);
      writeIfChanged(out, Buffer.from(source));
      written.push(out);
    }
  }
  return written;
}

/**
 * Writes `file` only if its contents change, and then atomically (a rename): a build that changes nothing leaves
 * dist untouched, and a process loading the package while it is rebuilt never reads half a file.
 */
function writeIfChanged(file, contents) {
  try {
    if (Buffer.compare(fs.readFileSync(file), contents) === 0) return;
  } catch {
    // missing: write it
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** Removes JavaScript that no bundle wrote (left by an older per-file build); declarations stay. */
function removeStale(distDir, keep) {
  if (!fs.existsSync(distDir)) return;
  for (const entry of fs.readdirSync(distDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.[mc]?js(\.map)?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!keep.has(file)) fs.rmSync(file);
  }
}

if (process.argv.includes('--clean')) {
  for (const name of PACKAGES) removeStale(path.join(root, 'packages', name, 'dist'), new Set());
} else {
  const t0 = performance.now();
  const built = (await Promise.all(PACKAGES.map(bundlePackage))).flat();
  if (!process.argv.includes('--silent'))
    console.log(`bundled ${built.join(', ')} in ${Math.round(performance.now() - t0)} ms`);
}
