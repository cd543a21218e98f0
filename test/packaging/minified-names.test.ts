/**
 * "Error names and messages survive the application's minifier": the packages' browser builds (dist/browser, what
 * the tarballs ship under the `browser` condition) carry no esbuild `keepNames` helpers, so a bundler that minifies
 * an application renames sigslot's classes. The names that messages and `error.name` show are written out in the
 * classes (`static className`), and this test proves they outlive that renaming: it bundles a small program from
 * the built packages as a browser bundler would (browser condition, minified), runs it, and checks what it printed.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { build, stop as stopEsbuild } from 'esbuild';

const repo = path.resolve(__dirname, '../..');
let tmp = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-minified-'));
});

afterAll(async () => {
  await stopEsbuild();
  fs.rmSync(tmp, { recursive: true, force: true });
});

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
  const out = path.join(tmp, 'program.mjs');
  await build({
    stdin: { contents: program, resolveDir: repo, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outfile: out,
    logLevel: 'error',
  });
  const bundle = fs.readFileSync(out, 'utf8');
  expect(bundle).not.toMatch(/__name\(/); // no keepNames helper left in the packages' builds
  const { stdout } = await promisify(execFile)(process.execPath, [out], { cwd: tmp });
  const result = JSON.parse(stdout) as Record<string, unknown>;

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
