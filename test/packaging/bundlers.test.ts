/**
 * "Works with the usual browser toolchains": a small app (test/packaging/bundler-app) that runs a QThread in a Web
 * Worker and lists its ticks on the page is built from the packed tarballs, installed in a fresh project, by each
 * bundler, served cross-origin isolated, and run in headless Chromium. The packages' `browser` condition gives
 * each bundler real ES modules; each bundler emits the thread module as the worker's script its own way (see the
 * app's main-*.js). The runtime's `import(url)` of the thread module carries `webpackIgnore` (and `@vite-ignore`):
 * without it webpack 5 rewrites that import into its own module lookup, which fails in the worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, stop as stopEsbuild } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { webpack, type Configuration } from 'webpack';
import { launchChromium } from '../support/headless-chromium';
import { ISOLATION, serveIsolated } from '../support/isolated-server';
import { installTarballs, packTarballs, repo, run } from './tarballs';

const APP = path.join(__dirname, 'bundler-app');
const VITE = path.join(repo, 'node_modules/vite/bin/vite.js');

let tmp = '';
let project = '';
let context: BrowserContext;
let problems: string[] = [];
const servers: http.Server[] = [];
const children: ChildProcess[] = [];

/** Copies the app into `project/<name>/` with `main-<bundler>.js` as its main.js; returns the folder. */
function appFor(name: string, main: string): string {
  const dir = path.join(project, name);
  fs.mkdirSync(dir);
  for (const file of ['index.html', 'app.js', 'ticker.js', 'ticker-worker.js'])
    fs.copyFileSync(path.join(APP, file), path.join(dir, file));
  fs.copyFileSync(path.join(APP, main), path.join(dir, 'main.js'));
  return dir;
}

/** Serves a built app on 127.0.0.1, cross-origin isolated; resolves to its URL. */
async function serveStatic(dir: string): Promise<string> {
  const { server, url } = await serveIsolated(dir);
  servers.push(server);
  return url;
}

/** Opens the app and waits for its result: the ticks the page received, or the error it met. */
async function openApp(url: string): Promise<unknown> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as { __result?: unknown }).__result, undefined, {
      timeout: 20_000,
    });
    return await handle.jsonValue();
  } finally {
    await page.close();
  }
}

const EXPECTED = { ticks: [1, 2, 3, 4, 5], finished: true, isolated: true };

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-bundlers-'));
  project = path.join(tmp, 'app');
  await installTarballs(project, await packTarballs(path.join(tmp, 'tarballs')), { type: 'module' });
  ({ context, problems } = await launchChromium(path.join(tmp, 'profile'), 'The bundler tests'));
}, 300_000);

afterAll(async () => {
  await context?.close();
  for (const child of children) child.kill();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await stopEsbuild();
  if (tmp && !process.env.SIGSLOT_KEEP_PACKAGING_TMP) fs.rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  // Every page must load without console errors, failed requests or HTTP errors.
  expect(problems.splice(0)).toEqual([]);
});

test('esbuild: the thread module as a second entry point; the worker sends its ticks to the page', async () => {
  const dir = appFor('esbuild', 'main-esbuild.js');
  const out = path.join(dir, 'dist');
  await build({
    absWorkingDir: dir,
    entryPoints: { main: 'main.js', ticker: 'ticker.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outdir: out,
    logLevel: 'error',
  });
  fs.copyFileSync(path.join(dir, 'index.html'), path.join(out, 'index.html'));
  expect(await openApp(await serveStatic(out))).toEqual(EXPECTED);
});

test('vite build: the thread module as a second input that keeps its exports; the worker runs it', async () => {
  const dir = appFor('vite-build', 'main-entry.js');
  const config = {
    logLevel: 'warn',
    build: {
      rollupOptions: {
        input: { index: 'index.html', ticker: 'ticker.js' },
        preserveEntrySignatures: 'exports-only',
        output: { entryFileNames: '[name].js' },
      },
    },
  };
  fs.writeFileSync(path.join(dir, 'vite.config.js'), `export default ${JSON.stringify(config)};\n`);
  await run(process.execPath, [VITE, 'build'], dir);
  expect(await openApp(await serveStatic(path.join(dir, 'dist')))).toEqual(EXPECTED);
});

/** Starts Vite's dev server in `dir`, serving cross-origin isolated; resolves to its URL. */
async function startViteDev(dir: string): Promise<string> {
  fs.writeFileSync(
    path.join(dir, 'vite.config.js'),
    `export default { server: { headers: ${JSON.stringify(ISOLATION)} }, logLevel: 'info', clearScreen: false };\n`,
  );
  const child = spawn(process.execPath, [VITE, '--host', '127.0.0.1', '--port', '0'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
  });
  children.push(child);
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`vite exited with ${code}:\n${output}`)));
  });
}

test('vite dev server: the packages are pre-bundled as ES modules and the worker runs', async () => {
  expect(await openApp(await startViteDev(appFor('vite-dev', 'main-vite.js')))).toEqual(EXPECTED);
});

test('webpack 5: the thread module as a second entry built as an ES module library; the worker runs it', async () => {
  const dir = appFor('webpack', 'main-entry.js');
  const out = path.join(dir, 'dist');
  const config: Configuration = {
    context: dir,
    mode: 'production',
    entry: { main: './main.js', ticker: { import: './ticker.js', library: { type: 'module' } } },
    experiments: { outputModule: true },
    output: { path: out, filename: '[name].js', module: true },
    devtool: false,
  };
  const stats = await new Promise<string[]>((resolve, reject) =>
    webpack(config, (error, result) => {
      if (error || !result) return reject(error ?? new Error('webpack gave no result'));
      const { errors = [], warnings = [] } = result.toJson({ all: false, errors: true, warnings: true });
      resolve([...errors, ...warnings].map((problem) => `${problem.moduleName ?? ''} ${problem.message}`));
    }),
  );
  // No errors, and no warnings either: the packages' Node-only imports do not look like dynamic requires to webpack.
  expect(stats).toEqual([]);
  fs.copyFileSync(path.join(dir, 'index.html'), path.join(out, 'index.html'));
  expect(await openApp(await serveStatic(out))).toEqual(EXPECTED);
}, 120_000);

/** Builds `config` with webpack; resolves to its errors and warnings. */
function webpackProblems(config: Configuration): Promise<string[]> {
  return new Promise<string[]>((resolve, reject) =>
    webpack(config, (error, result) => {
      if (error || !result) return reject(error ?? new Error('webpack gave no result'));
      const { errors = [], warnings = [] } = result.toJson({ all: false, errors: true, warnings: true });
      resolve([...errors, ...warnings].map((problem) => `${problem.moduleName ?? ''} ${problem.message}`));
    }),
  );
}

describe('the standard worker pattern: Ticker.worker = () => new Worker(new URL(...), { type: "module" })', () => {
  test('vite build emits the worker script by itself, with no extra input; the worker runs', async () => {
    const dir = appFor('vite-build-worker', 'main-worker.js');
    await run(process.execPath, [VITE, 'build', '--logLevel', 'warn'], dir);
    expect(await openApp(await serveStatic(path.join(dir, 'dist')))).toEqual(EXPECTED);
  });

  test('vite dev server serves the worker script from the pattern; the worker runs', async () => {
    expect(await openApp(await startViteDev(appFor('vite-dev-worker', 'main-worker.js')))).toEqual(EXPECTED);
  });

  test('webpack 5 emits the worker chunk by itself, from one entry; the worker runs', async () => {
    const dir = appFor('webpack-worker', 'main-worker.js');
    const out = path.join(dir, 'dist');
    const problems = await webpackProblems({
      context: dir,
      mode: 'production',
      entry: { main: './main.js' },
      output: { path: out, filename: '[name].js' },
      devtool: false,
    });
    expect(problems).toEqual([]);
    fs.copyFileSync(path.join(dir, 'index.html'), path.join(out, 'index.html'));
    expect(await openApp(await serveStatic(out))).toEqual(EXPECTED);
  }, 120_000);
});
