/**
 * The packages' browser builds (dist/browser, what the tarballs ship under the `browser` condition), bundled into a
 * small program as a browser bundler would (browser condition, minified), run, and checked by what it printed:
 *
 * - "Error names and messages survive the application's minifier": the builds carry no esbuild `keepNames`
 *   helpers, so the minifier renames sigslot's classes; the names that messages and `error.name` show are written
 *   out in the classes (`static className`) and outlive that renaming.
 * - "A page's bundle carries no Node-only code": the Node modules (Node workers, their bootstraps, tsx) are replaced
 *   by their `*.browser.ts` stand-ins (scripts/bundle.mjs), which say what to do if they are ever reached.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { build, stop as stopEsbuild } from 'esbuild';
import { SigslotError } from '@sigslot/core';
import * as bootstrap from '../../packages/thread/src/endpoint/node-bootstrap.browser';
import * as endpoint from '../../packages/thread/src/endpoint/node-endpoint.browser';
import * as threadWorker from '../../packages/thread/src/endpoint/node-thread-worker.browser';
import * as runtime from '../../packages/thread/src/endpoint/node-worker-runtime.browser';
import * as tsx from '../../packages/thread/src/endpoint/tsx.browser';
import { mainSide as browserMainSide } from '../../packages/thread/src/main/load-side.browser';
import * as prepared from '../../packages/thread/src/main/prepared-workers.browser';
import { mainSide } from '../../packages/thread/src/main/side';

const repo = path.resolve(__dirname, '../..');
let tmp = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-minified-'));
});

afterAll(async () => {
  await stopEsbuild();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Bundles `source` from the built packages for a browser, minified; runs it with Node; returns the bundle and its output. */
async function bundleAndRun(
  name: string,
  source: string,
): Promise<{ bundle: string; output: Record<string, unknown> }> {
  const out = path.join(tmp, `${name}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: repo, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outfile: out,
    logLevel: 'error',
  });
  const { stdout } = await promisify(execFile)(process.execPath, [out], { cwd: tmp });
  return { bundle: fs.readFileSync(out, 'utf8'), output: JSON.parse(stdout) as Record<string, unknown> };
}

const program = `
  import { AffinityError, InvalidArgumentError, QObject, QTimer, Signal, SigslotError, WaitTimeoutError, currentThread } from '@sigslot/core';
  import { CloneError, ThreadCrashedError, QThread } from '@sigslot/thread';
  import { TaskDeadlineError } from '@sigslot/concurrent';

  const caught = (f) => { try { f(); } catch (error) { return { name: error.name, message: error.message }; } };
  const timer = new QTimer();
  timer.objectName = 't';
  class Mine extends AffinityError { static className = 'Mine'; }
  class Ticker extends QObject { static className = 'Ticker'; }
  console.log(JSON.stringify({
    renamed: [QTimer.name, InvalidArgumentError.name, QThread.name],
    names: [new SigslotError('x'), new AffinityError('x'), new WaitTimeoutError('x'), new CloneError('x'),
      new ThreadCrashedError('x'), new TaskDeadlineError('x'), new Mine('x')].map((error) => error.name),
    described: [new QObject().describe(), timer.describe(), currentThread().describe(), new Signal(timer, 'ping').describe(),
      new Ticker().describe()],
    connectToNumber: caught(() => timer.timeout.connect(42)),
  }));
`;

test('error names, describe() and messages keep the class names in a minified browser bundle', async () => {
  const { bundle, output: result } = await bundleAndRun('names', program);
  expect(bundle).not.toMatch(/__name\(/); // no keepNames helper left in the packages' builds
  // The minifier did rename the classes: without their declared names, the checks below would fail.
  expect(result.renamed).not.toEqual(['QTimer', 'InvalidArgumentError', 'QThread']);
  expect(result.names).toEqual([
    'SigslotError',
    'AffinityError',
    'WaitTimeoutError',
    'CloneError',
    'ThreadCrashedError',
    'TaskDeadlineError',
    'Mine',
  ]);
  expect(result.described).toEqual(['QObject', 'QTimer "t"', 'main', 'QTimer "t".ping', 'Ticker']);
  expect(result.connectToNumber).toEqual({
    name: 'InvalidArgumentError',
    message: 'QTimer "t".timeout.connect(): expected a function, a signal, or a receiver QObject and its slot; got 42.',
  });
});

test('a browser bundle holds none of the Node-only code, and says so if it is run on Node', async () => {
  const { bundle, output } = await bundleAndRun(
    'node-only',
    `import { QThread } from '@sigslot/thread';
    class Host extends QThread { static module = 'file:///nowhere/host.mjs'; }
    let error;
    try { new Host().start(); } catch (e) { error = { name: e.name, message: e.message }; }
    console.log(JSON.stringify({ error }));`,
  );
  // Node workers and their sync ports, the bootstraps' source, tsx: none of it is in a page's bundle. (Core still
  // asks node:worker_threads which thread is running, a few bytes.)
  expect(bundle).not.toMatch(/receiveMessageOnPort|tsxRegistered|tsx\/cjs\/api|require\.resolve/);
  // On Node, the browser build starts no worker: it says which build to use instead.
  expect(output.error).toEqual({
    name: 'SigslotError',
    message: expect.stringContaining(
      'startNodeThreadWorker() runs only on Node, and this is the browser build of @sigslot/thread',
    ) as string,
  });
});

test('each Node-only function of the browser build throws that error, and its bootstraps are empty', () => {
  const stubs = { ...endpoint, ...threadWorker, ...runtime, ...tsx } as unknown as Record<string, () => unknown>;
  expect(Object.keys(stubs).sort()).toEqual(
    [
      'isTypeScript',
      'nodeEndpoint',
      'prepareNodeWorker',
      'resolveTsx',
      'spawnNodeWorker',
      'spawnSpareNodeWorker',
      'startNodeThread',
      'startNodeThreadWorker',
    ].sort(),
  );
  for (const [name, stub] of Object.entries(stubs)) {
    expect(stub).toThrow(SigslotError);
    expect(stub).toThrow(`${name}() runs only on Node`);
  }
  expect([bootstrap.NODE_BOOTSTRAP.source, bootstrap.NODE_PREPARED_BOOTSTRAP.source]).toEqual(['', '']);
});

test('a browser prepares no workers: prepareWorkers() checks its count and resolves, and no spare is ever taken', async () => {
  await expect(prepared.prepareWorkers(2, undefined, undefined)).resolves.toBeUndefined();
  expect(prepared.preparedWorkerCount()).toBe(0);
  expect(prepared.takePreparedWorker()).toBeNull();
  await expect(prepared.releasePreparedWorkers()).resolves.toBeUndefined();
  expect(() => prepared.prepareWorkers(1.5, undefined, undefined)).toThrow(
    'QThread.prepareWorkers(count): count must be a whole number of workers, 0 or more; got 1.5.',
  );
});

test("the browser build's main side is the bundle's own, not one loaded later", () => {
  expect(browserMainSide()).toBe(mainSide);
});
