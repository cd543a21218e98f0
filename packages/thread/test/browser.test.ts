// @sigslot/thread in a real browser: headless Chromium runs the page in test/browser/, whose QThreads run in
// module Web Workers. esbuild bundles the page script and the thread module as two entries (the thread module
// is the script each worker runs); a tiny server sends the COOP/COEP headers that SharedArrayBuffer needs.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, stop as stopEsbuild } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../test/support/headless-chromium';
import { serveIsolated } from '../../../test/support/isolated-server';
import type { Results } from './browser/results';

const SCREENSHOT = process.env.SIGSLOT_BROWSER_SCREENSHOT ?? path.join(os.tmpdir(), 'browser-test.png');
const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(__dirname, 'browser');

let dir = '';
let server: http.Server | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
let results: Results;
let isolation: { crossOriginIsolated: boolean; error: string };
let problems: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-browser-'));
  const www = path.join(dir, 'www');
  await build({
    entryPoints: ['main.ts', 'threads.ts', 'no-isolation.ts'].map((entry) => path.join(FIXTURES, entry)),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: www,
    sourcemap: true,
    logLevel: 'error',
    // The packages' package.json point at dist/; the test runs their sources, as jest does.
    alias: {
      '@sigslot/core/kernel': path.join(ROOT, 'packages/core/src/kernel.ts'),
      '@sigslot/core': path.join(ROOT, 'packages/core/src/index.ts'),
      '@sigslot/thread': path.join(ROOT, 'packages/thread/src/index.ts'),
    },
  });
  for (const html of ['index.html', 'no-isolation.html'])
    fs.copyFileSync(path.join(FIXTURES, html), path.join(www, html));
  // no-isolation.html shows what a page without the headers gets.
  let url: string;
  ({ server, url } = await serveIsolated(www, (pathname) => !pathname.startsWith('/no-isolation')));

  ({ context, problems } = await launchChromium(path.join(dir, 'profile'), 'The browser test'));

  // First the page without the headers (a second tab), then the real one, which stays for the screenshot.
  const plain = await context.newPage();
  await plain.goto(`${url}no-isolation.html`);
  await plain.waitForFunction(() => 'no-isolation' in window || '__isolation' in window, undefined, {
    timeout: 10_000,
  });
  isolation = await plain.evaluate(() => (window as unknown as { __isolation: typeof isolation }).__isolation);
  await plain.close();

  page = await context.newPage();
  await page.goto(`${url}index.html`);
  // The timeout bounds a failure only: the page reports as soon as it is done.
  const done = await page
    .waitForFunction(() => (window as unknown as { __results?: Results }).__results?.done === true, undefined, {
      timeout: 40_000,
    })
    .then(
      () => true,
      () => false,
    );
  results = await page.evaluate(() => (window as unknown as { __results: Results }).__results);
  if (!done) {
    throw new Error(
      `The page did not finish within 40 s. It reported: ${JSON.stringify(results)}\n` +
        `Console and page errors:\n${problems.join('\n') || '(none)'}`,
    );
  }
}, 60_000);

afterAll(async () => {
  await page?.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => undefined);
  await context?.close();
  await stopEsbuild();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the page is cross-origin isolated, so SharedArrayBuffer exists, and reports no errors', () => {
  expect(results.crossOriginIsolated).toBe(true);
  expect(results.errors).toEqual([]);
  expect(problems).toEqual([]);
  expect(results.idealThreadCount).toBeGreaterThanOrEqual(1);
});

test('QThread.prepareWorkers() does nothing in a browser: it resolves, no worker is prepared, threads start as always', () => {
  expect(results.prepared).toEqual({ resolved: true, count: 0, afterRelease: 0 });
});

test("Designer's timer runs in a Web Worker: 7 queued ticks reach the page's receiver in order, then finished", () => {
  expect(results.queued).toEqual({
    ticks: [1, 2, 3, 4, 5, 6, 7].map((i) => [i, '"Timer" (worker #1)', 'main']),
    finished: true,
    wait: true,
  });
});

test("with BlockingQueuedConnection the worker waits for each slot on the page's main thread, then continues", () => {
  const blocking = results.blocking!;
  expect(blocking.ticks).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(blocking.finished).toBe(true);
  expect(blocking.waited.map(([count]) => count)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  for (const [count, waitedMs, slotsRunBefore] of blocking.waited) {
    expect(slotsRunBefore).toBeGreaterThanOrEqual(count); // the slot for tick `count` ran before the emit returned
    expect(waitedMs).toBeGreaterThanOrEqual(blocking.slotMs - 1); // the emit waited for the slot's work
  }
});

test('a worker object created in a thread answers method calls with Promises and emits signals to the page', () => {
  expect(results.workerObject).toEqual({
    add: 15,
    changedBeforeResult: 1, // the method's emit arrived before its result
    addLater: 16,
    changed: [
      [15, '"Host" (worker #3)'],
      [16, '"Host" (worker #3)'],
    ],
    failure: 'RemoteError (RangeError): counter overflow',
    exitedCleanly: true,
  });
});

test('requestInterruption() on the page is seen at once by a worker that never yields to its event loop', () => {
  const { stopped, finished } = results.interruption!;
  expect(stopped?.[0]).toBe(true);
  expect(stopped?.[1]).toBeGreaterThanOrEqual(1); // the request came while the worker was inside its loop
  expect(finished).toBe(true);
});

test("the page's main thread cannot block: msleep, blocking invokeMethod and blocking emits are refused with DeadlockError", () => {
  const refusals = results.pageCannotBlock!;
  expect(refusals.msleep).toMatch(/^DeadlockError: QThread\.msleep\(\) was called on thread main, which cannot block/);
  expect(refusals.invokeBlocking).toMatch(/^DeadlockError: .*cannot block \(a browser's main thread may not wait\)/);
  expect(refusals.emitBlocking).toMatch(
    /^DeadlockError: .*BlockingQueuedConnection.*cannot block \(a browser's main thread may not wait\)/,
  );
});

test('terminate() stops a worker that never yields: errorOccurred, then finished, and wait() resolves', () => {
  expect(results.terminated).toEqual({
    errors: ['ThreadCrashedError: Thread "Stuck" (worker #5) was terminated.'],
    finished: true,
    running: false,
  });
});

test('an exception escaping run() in the worker reaches the page as errorOccurred with its class, then finished', () => {
  expect(results.crashed).toEqual({
    errors: ['ThreadCrashedError: Thread "Crasher" (worker #6): run() threw TypeError: the timer broke [TypeError]'],
    finished: true,
  });
});

test('a page that is not cross-origin isolated gets an error naming the two headers when it creates a thread', () => {
  expect(isolation.crossOriginIsolated).toBe(false);
  expect(isolation.error).toMatch(
    /^SigslotError: A QThread needs SharedArrayBuffer .* not cross-origin isolated .*"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp"\.$/,
  );
});

describe("Qt's delivery model in a browser (the rules of delivery-model.test.ts, in Web Workers)", () => {
  test('post at once: a run() that never yields has each progress emit delivered to the idle page while it works', () => {
    expect(results.deliveryModel?.busyAcks).toEqual([true, true, true, true, true]);
  });

  // The lock-step tests hold the page in a slot, spinning (a page may not Atomics.wait) while its worker emits.
  test('route once at the emit: an emit made before a disconnect() on the page still reaches the slot (a posted call survives)', () => {
    expect(results.routing?.disconnectAfterEmit).toEqual([1]);
  });

  test('route once at the emit: a slot connected on the page after the worker emitted does not receive that emit, only later ones', () => {
    expect(results.routing?.connectAfterEmit).toEqual([2]);
  });

  test('route once at the emit: blockSignals() counts when the worker emits, not when the page delivers', () => {
    expect(results.routing?.blockedAtEmit).toEqual([1, 3]);
  });

  test("one queue per thread: a deleteLater() posted on the page before a worker's emit arrives drops that emit", () => {
    expect(results.routing?.deletedReceiverGot).toEqual([]);
  });

  test('every call settles exactly once: calls queued when run() returns are rejected if they never ran, and no ProtocolError is reported', () => {
    const { outcomes, reports } = results.settleOnce!;
    expect(outcomes).toHaveLength(20);
    for (const outcome of outcomes) expect(['ran', 'ThreadTerminatedError']).toContain(outcome);
    expect(reports).toEqual([]);
  });

  test("a worker's blocking emit returns what the page's slot returned, through shared memory", () => {
    expect(results.deliveryModel?.blockingResult).toEqual({
      title: expect.any(String),
      sizes: [1, 2, 3],
      when: new Date(0),
    });
  });

  test('started and finished are emitted in the new thread: slots connected there run there', () => {
    const worker = results.deliveryModel!.workerThread;
    expect(results.deliveryModel?.workerLog).toEqual([`started in ${worker}`, `finished in ${worker}`]);
  });

  test("a worker object's own finished signal reaches the page, and the thread's finished runs its slot in the worker", () => {
    expect(results.deliveryModel?.jobFinished).toEqual([42]);
    expect(results.deliveryModel?.ran).toEqual([`onFinished in ${results.deliveryModel!.hostThread}`]);
  });
});

test("a thread started by the thread module's top level, in its worker, is reported there with a ThreadModuleWarning", () => {
  expect(results.topLevelStart).toEqual([
    expect.stringMatching(
      /^ThreadModuleWarning: Idle\.start\(\) was called at the top level of the thread module http:\/\/127\.0\.0\.1:\d+\/threads\.js, in the worker that loaded it to run thread "Warned": .* Guard the start with/,
    ),
  ]);
});

test("a worker that first gets a message of the page's own with type 'init' takes only the thread's init: the thread runs", () => {
  expect(results.foreignInit).toEqual({
    said: [expect.stringMatching(/^ran in worker #\d+$/)],
    errors: [],
    finished: true,
  });
});
