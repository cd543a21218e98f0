// @sigslot/concurrent in a real browser: headless Chromium runs test/browser/index.html, whose QThreadPool starts
// module Web Workers on pool-worker.js. esbuild bundles the page and the worker script as two entries; a tiny server
// sends the COOP/COEP headers that SharedArrayBuffer (the pool's cancel and suspend flags) needs.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, stop as stopEsbuild } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../../test/support/headless-chromium';
import { serveIsolated } from '../../../test/support/isolated-server';
import type { PoolResults } from './browser/results';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(__dirname, 'browser');

let dir = '';
let server: http.Server | undefined;
let context: BrowserContext | undefined;
let results: PoolResults;
let problems: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-pool-browser-'));
  const www = path.join(dir, 'www');
  await build({
    entryPoints: ['main.ts', 'pool-worker.ts'].map((entry) => path.join(FIXTURES, entry)),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: www,
    logLevel: 'error',
    alias: {
      '@sigslot/core/kernel': path.join(ROOT, 'packages/core/src/kernel.ts'),
      '@sigslot/core': path.join(ROOT, 'packages/core/src/index.ts'),
      '@sigslot/thread/channel': path.join(ROOT, 'packages/thread/src/channel.ts'),
      '@sigslot/thread': path.join(ROOT, 'packages/thread/src/index.ts'),
      '@sigslot/concurrent/web-worker': path.join(ROOT, 'packages/concurrent/src/web-worker.ts'),
      '@sigslot/concurrent': path.join(ROOT, 'packages/concurrent/src/index.ts'),
    },
  });
  fs.copyFileSync(path.join(FIXTURES, 'index.html'), path.join(www, 'index.html'));
  let url: string;
  ({ server, url } = await serveIsolated(www));
  ({ context, problems } = await launchChromium(path.join(dir, 'profile'), 'The pool browser test'));
  const page = await context.newPage();
  await page.goto(`${url}index.html`);
  // The timeout bounds a failure only: the page reports as soon as it is done.
  await page
    .waitForFunction(() => (window as unknown as { __results?: PoolResults }).__results?.done === true, undefined, {
      timeout: 40_000,
    })
    .catch(() => undefined);
  results = await page.evaluate(() => (window as unknown as { __results: PoolResults }).__results);
  if (!results?.done)
    throw new Error(
      `The page did not finish: ${JSON.stringify(results)}\n${problems.join('\n') || '(no console errors)'}`,
    );
}, 60_000);

afterAll(async () => {
  await context?.close();
  await stopEsbuild();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('QThreadPool in headless Chromium (module Web Workers)', () => {
  test('the page is cross-origin isolated and reports no errors', () => {
    expect(results.crossOriginIsolated).toBe(true);
    expect(results.errors).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('QC-1 run() computes in a Web Worker', () => {
    expect(results.sum).toBe(5);
  });

  test('QC-5 mapped results are in input order while resultReadyAt indexes arrive out of order', () => {
    expect(results.mapped!.results).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...results.mapped!.indexes].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.mapped!.indexes).not.toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('QW-6 / QW-10 progress is throttled with the last value delivered, and every result comes before finished', () => {
    expect(results.progress!.last).toBe(10_000);
    expect(results.progress!.signals).toBeLessThan(100);
    expect(results.progress!.resultsAtFinished).toBe(10_000);
  });

  test('F-3 a synchronous loop in a Web Worker sees cancel through shared memory; the worker is kept', () => {
    const { canceled, afterwards, threadsBefore, threadsAfter } = results.cancel!;
    expect([canceled, afterwards]).toEqual([true, 2]);
    expect(threadsAfter).toBe(threadsBefore); // no worker was ended or replaced
  });

  test('QW-7 a task never gets more than the pending results limit ahead of a slow watcher', () => {
    expect(results.backPressure!.delivered).toBe(100);
    expect(results.backPressure!.lead).toBeLessThanOrEqual(2);
  });

  test('F-11 queue depth, busy threads and tasks done are announced as they change, ending at their values', () => {
    const { queued, active, completed, final } = results.statistics!;
    expect(queued[0]).toBe(2);
    expect(queued.at(-1)).toBe(0);
    expect(active).toEqual([1, 0]);
    // Tiny tasks: two may finish in one report batch, announced as one change.
    expect(completed.at(-1)).toBe(3);
    expect(completed.every((n, i) => i === 0 || n > completed[i - 1]!)).toBe(true);
    expect(final).toEqual([0, 0, 3]);
  });

  test('transfer: a marked argument is detached at the call and arrives whole; a marked result moves at addResult', () => {
    expect(results.transfer).toEqual({
      argumentBytesAfterCall: 0,
      seen: { sum: 3 << 16, bufferBytes: 1 << 16 },
      resultLength: 2048,
      resultBytesInWorker: 0,
    });
  });

  test('QF-12 whenAny gives the first task to finish while the other is held; whenAll the futures in input order', () => {
    expect(results.combined).toEqual({ allInOrder: true, allFinished: true, anyIndex: 1, heldFinishedAtAny: false });
  });

  test('TP-4 with maxThreadCount 0 tasks still run, on one worker', () => {
    expect(results.rules!.tp4).toEqual({ results: [1, 2], threads: 1 });
  });

  test('TP-7 lowering maxThreadCount ends idle workers beyond it at once', () => {
    expect(results.rules!.tp7).toEqual({ before: 2, after: 1 });
  });

  test('TP-10 a runnable is spent by its run: starting it again throws InvalidArgumentError', () => {
    expect(results.rules!.tp10).toBe('InvalidArgumentError');
  });

  test('QC-8 one task per block while the cost is unknown, larger blocks for tiny tasks, never over queued / (2 × threads)', () => {
    const { firstSizes, largest, overCap } = results.rules!.qc8;
    expect(firstSizes).toEqual([1, 1]); // one block of one task per thread
    expect(largest).toBeGreaterThanOrEqual(16);
    expect(overCap).toBe(0);
  });

  test('QC-9 withArguments copies the arguments at that call', () => {
    expect(results.rules!.qc9).toEqual([1, 2]);
  });

  test('QF-1 an empty future is started, canceled, finished and not valid; a done one is finished and valid', () => {
    expect(results.rules!.qf1).toEqual({
      empty: [true, false, true, true, false],
      done: [true, false, true, false, true],
    });
  });

  test('QF-4 resultCount counts results from 0 without a gap', () => {
    expect(results.rules!.qf4).toEqual({ count: 1, results: ['a', 'c'], gap: false });
  });

  test('QF-5 waitForFinished resolves for a canceled task and rejects for a failed one', () => {
    expect(results.rules!.qf5).toEqual({ canceled: 'resolved', failed: 'rejected TaskFailedError' });
  });

  test('QF-6 a task that throws: watchers get started, canceled, finished', () => {
    expect(results.rules!.qf6).toEqual(['started', 'canceled', 'finished']);
  });

  test('QF-7 without a range the progress is the number of results', () => {
    expect(results.rules!.qf7).toBe(5);
  });

  test('QF-8 a task parked in suspendIfRequested() gives its thread to another task until resumed', () => {
    expect(results.rules!.qf8).toEqual({ activeWhileParked: 0, ranMeanwhile: 7, results: 10 });
  });

  test('QF-11 a failure skips then() and onCanceled() down to the matching onFailed', () => {
    expect(results.rules!.qf11).toEqual(['onFailed(RangeError)']);
  });

  test('QP-4 setException fails the future once; afterwards results are refused and isCanceled() is true', () => {
    expect(results.rules!.qp4).toEqual({ name: 'RangeError', seen: [0, 1] });
  });

  test('QW-1 / QW-8 / QW-9 queued signals: started, a batch, then its indexes, then finished', () => {
    expect(results.rules!.qw).toEqual({
      inSetFuture: 0,
      log: ['started', 'resultsReadyAt(0,3)', 'resultReadyAt(0)', 'resultReadyAt(1)', 'resultReadyAt(2)', 'finished'],
    });
  });

  test("F-9 a task that awaits a child task completes on a one-thread pool (the child runs in its worker's global pool)", () => {
    expect(results.rules!.f9).toBe(9);
  });

  test('TP-1 globalInstance() is one pool, sized by idealThreadCount() (navigator.hardwareConcurrency)', () => {
    const { same, max, hardwareConcurrency } = results.poolRules!.tp1;
    expect(same).toBe(true);
    expect(max).toBe(hardwareConcurrency);
    expect(max).toBeGreaterThanOrEqual(1);
  });

  test('TP-2 with one busy thread, priorities 0, 5, 5, 1 run 5, 5, 1, 0, the two 5s in submission order', () => {
    expect(results.poolRules!.tp2).toEqual([51, 52, 1, 0]);
  });

  test('TP-3 tryStart on a full pool returns false and never runs the task; on an idle pool it runs it', () => {
    expect(results.poolRules!.tp3).toEqual({ whenFull: false, refusedStarted: false, whenIdle: true, result: 8 });
  });

  test('TP-5 reserveThread counts as active beyond the limit; releaseThread, even without a reserve, starts queued work at once', () => {
    expect(results.poolRules!.tp5).toEqual({
      activeReserved: 3,
      queuedWhileReserved: 1,
      ranOnRelease: 2,
      firstStillRunning: true,
      queuedAtLimit: 1,
      ranBeside: 3,
      besideStillRunning: true,
    });
  });

  test('TP-6 a worker idle for expiryTimeout ms ends; the next task starts a new one', () => {
    expect(results.poolRules!.tp6).toEqual({ results: [1, 2], threadsAfterTask: 1, ended: true, threadsAfterNext: 1 });
  });

  test('QC-2 the future is started at submission, while the task is still queued', () => {
    expect(results.poolRules!.qc2).toEqual({ startedAtCall: true, finished: false, queuedTasks: 1 });
  });

  test('TP-8 clear() cancels and finishes queued tasks; the running one completes', () => {
    expect(results.poolRules!.tp8).toEqual({
      canceledAndFinished: true,
      queued: 'rejected TaskCanceledError',
      running: 'resolved 1',
    });
  });

  test('TP-9 waitForDone(ms) resolves false on timeout, true once everything ran, and ends the workers', () => {
    expect(results.poolRules!.tp9).toEqual({
      waitedBeforeDone: false,
      waitedAll: true,
      runningFinished: true,
      threads: 0,
    });
  });

  test('TP-11 a task that throws rejects its future with the original class name; the pool goes on', () => {
    const { rejected, remoteName, message, handled, after } = results.poolRules!.tp11;
    expect([rejected, remoteName, after]).toEqual(['rejected TaskFailedError', 'ParseProblem', 5]);
    expect(message).toMatch(/task throwCustom \(tasks\) on QThreadPool "rulesPool" threw ParseProblem: bad input/);
    expect(handled).toMatch(/threw RangeError: r\./);
  });

  test("F-7 a Web Worker that dies (an uncaught error) fails only its task with TaskCrashedError and is ended; the other thread's task completes", () => {
    const { message, deadWorkerAnswered, closedSelf: _closed, afterClose: _after, ...rest } = results.poolRules!.f7;
    expect(rest).toEqual({
      rejected: 'rejected TaskCrashedError',
      otherFinishedAtCrash: false,
      otherResult: 9,
      after: 4,
      waitedAll: true,
    });
    expect(message).toMatch(/task crashLater \(tasks\).*died.*crashed on purpose/);
    expect(deadWorkerAnswered).toBe(false);
  });

  test('F-7 a Web Worker that closes itself (self.close()) fails its task with TaskCrashedError; the pool replaces it', () => {
    const { closedSelf, afterClose } = results.poolRules!.f7;
    expect(closedSelf.rejected).toBe('rejected TaskCrashedError');
    expect(closedSelf.message).toMatch(/task closeSelf \(tasks\).*died.*closed itself/);
    expect(afterClose).toBe(5);
  });

  test('F-8 a deadline cancels the task with TaskDeadlineError and keeps its worker', () => {
    expect(results.poolRules!.f8).toEqual({ rejected: 'rejected TaskDeadlineError', after: 2, threads: 1 });
  });

  test('QC-3 a task with a QPromise reports results, a progress range and values; results come before finished', () => {
    const { ranges, ...rest } = results.mapRules!.qc3;
    expect(ranges.at(-1)).toBe('0-100'); // after the replayed (0,0) of a future started with no range yet (QW-2)
    expect(rest).toEqual({ resultsAtFinished: 100, lastProgress: 100, lastResult: 100 });
  });

  test('QC-4 mapped, filtered, map in place, mappedReduced and filteredReduced', () => {
    expect(results.mapRules!.qc4).toEqual({
      mappedRight: true,
      filteredRight: true,
      inPlace: [1, 4, 9],
      mappedReduced: 14,
      filteredReduced: 6,
    });
  });

  test('QC-6 OrderedReduce sees input order, UnorderedReduce completion order, with an initial value, on the starting thread', () => {
    const { ordered, unordered, reducedOnPageThread } = results.mapRules!.qc6;
    expect(ordered).toEqual([0, 1, 2, 3, 4]);
    expect([...unordered].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(unordered).not.toEqual([0, 1, 2, 3, 4]);
    expect(reducedOnPageThread).toBe(true);
  });

  test('QC-7 progress runs 0 to the item count; cancel stops a mapped computation; suspend stops it, resume completes it', () => {
    expect(results.mapRules!.qc7).toEqual({
      progress: { ranges: ['0-4'], value: 4 },
      cancel: { canceled: true, resultsBelowItems: true },
      suspend: { doneBelowItems: true, resultsAfterResume: 1000 },
    });
  });

  test('QC-10 an item that throws fails the whole computation with its error', () => {
    expect(results.mapRules!.qc10).toEqual({ rejected: 'rejected TaskFailedError', remoteName: 'RangeError' });
  });

  test('QF-2 a future is awaitable; cancel is asynchronous and no result is added after it', () => {
    const { value, failed, atCancel, resultsAfter } = results.futureRules!.qf2;
    expect([value, failed]).toEqual(['resolved 42', 'rejected TaskFailedError']);
    expect([atCancel.canceled, atCancel.finished]).toEqual([true, false]);
    expect(atCancel.results).toBeGreaterThan(0);
    expect(resultsAfter).toBe(atCancel.results);
  });

  test('QF-3 suspend: suspending at once, suspended when the task parks, resumed after; ignored once canceled', () => {
    expect(results.futureRules!.qf3).toEqual({
      atSuspend: { suspending: true, suspended: false },
      parked: true,
      log: ['suspending', 'suspended', 'resumed', 'finished'],
      suspendingAfterCancel: false,
      cancelLog: ['canceled', 'finished'],
    });
  });

  test('QF-9 then() chains; onFailed(Type) handles only that type; onCanceled handles a cancel; then(context) runs after the turn', () => {
    expect(results.futureRules!.qf9).toEqual({
      doubled: 42,
      handled: 'RangeError',
      onCanceled: 7,
      contextResult: 2,
      seen: ['after thenOn', 'continuation 1'],
    });
  });

  test('QP-1 a promise disposed without finish() cancels and finishes its future', () => {
    expect(results.futureRules!.qp1).toEqual({ canceled: true, finished: true, awaited: 'rejected TaskCanceledError' });
  });

  test('QP-2 in a worker, addResult appends, stores at an index, and returns false when the index is taken or after cancel', () => {
    expect(results.futureRules!.qp2).toEqual({ returned: [1, 1, 0, 0], results: ['a', 'c'] });
  });

  test('QP-3 progress only rises, is ignored outside the range, and a reversed range means max = min', () => {
    expect(results.futureRules!.qp3).toEqual({ risingOnly: [0, 100, 10, ''], reversedRange: [50, 50, 50, 'half'] });
  });

  test('QP-5 suspendIfRequested parks only when asked, reports nothing while parked, and a cancel releases it', () => {
    expect(results.futureRules!.qp5).toEqual({
      parkedResultsKept: true,
      resultsAfterResume: 6,
      unsuspendedResults: 3,
      releasedByCancel: true,
    });
  });

  test('QW-2 setFuture on a finished future replays started, progress, results, then finished', () => {
    expect(results.futureRules!.qw2).toEqual({
      inSetFuture: 0,
      log: [
        'started',
        'progressRangeChanged(0,10)',
        'progressValueChanged(10)',
        'resultsReadyAt(0,2)',
        'resultReadyAt(0)',
        'resultReadyAt(1)',
        'finished',
      ],
    });
  });

  test('QW-3 connecting after setFuture in the same turn still sees everything', () => {
    expect(results.futureRules!.qw3).toContain('started');
    expect(results.futureRules!.qw3).toContain('resultsReadyAt(0,1)');
    expect(results.futureRules!.qw3.at(-1)).toBe('finished');
  });

  test('QW-4 with no future, isStarted, isCanceled and isFinished are true', () => {
    expect(results.futureRules!.qw4).toEqual([true, true, true]);
  });

  test('QW-5 after cancel, result and progress signals are dropped, even ones already queued; finished still comes', () => {
    expect(results.futureRules!.qw5.afterCancel).toEqual(['canceled', 'finished']);
  });
});
