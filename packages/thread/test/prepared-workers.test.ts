/**
 * Prepared workers (`QThread.prepareWorkers()`, Node): a thread started on a spare worker that has already loaded
 * the runtime behaves exactly like one started on a new worker. Real workers throughout; which worker ran a thread
 * is told by worker_threads' `threadId`, which Node gives workers in the order they are created: a thread on a
 * prepared worker runs on one created before a marker worker made after the spare was ready.
 */
import { ConnectionType, invokeMethod, QObject, SignalSpy, waitFor } from '@sigslot/core';
import { QThread, RemoteError, ThreadCrashedError } from '@sigslot/thread';
import { validateAssignment } from '@sigslot/thread/channel';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker as NodeWorker } from 'node:worker_threads';
import { WhereThread } from './fixtures/prepared-workers';
import {
  BlockingThread,
  ExitingThread,
  InterruptibleThread,
  SleepyThread,
  ThrowingThread,
  Worker,
} from './fixtures/threads';

/** The `threadId` of a worker created now: every worker created before this call has a smaller one. */
async function workerIdNow(): Promise<number> {
  const marker = new NodeWorker('', { eval: true });
  const id = marker.threadId;
  await marker.terminate();
  return id;
}

/** Prepares one worker, waits until it is ready, and returns a marker id that the spare's worker id is below. */
async function oneReadySpare(): Promise<number> {
  await QThread.prepareWorkers(1);
  expect(QThread.preparedWorkers()).toBe(1);
  return workerIdNow();
}

/** Everything a WhereThread reports, in order, with the worker id kept apart (it differs between runs). */
function record(thread: WhereThread): { events: string[]; workerId: () => number } {
  const events: string[] = [];
  let workerId = -1;
  thread.started.connect(() => events.push('started'));
  thread.where.connect((id, name) => {
    workerId = id;
    events.push(`where ${name.replace(/#\d+/, '#N')}`);
  });
  thread.value.connect((n) => events.push(`value ${n}`));
  thread.exited.connect((code) => events.push(`exited ${code}`));
  thread.errorOccurred.connect((error) => events.push(`errorOccurred ${error.message.replace(/#\d+/g, '#N')}`));
  thread.finished.connect(() => events.push('finished'));
  return { events, workerId: () => workerId };
}

afterEach(() => QThread.releasePreparedWorkers());

describe('a thread on a prepared worker behaves like one on a new worker', () => {
  test('started, its signals in order, its exit code and finished are the same; only the worker differs', async () => {
    const run = async (): Promise<{ events: string[]; workerId: number }> => {
      const thread = new WhereThread();
      thread.objectName = 'Where';
      thread.count = 5;
      thread.code = 7;
      const { events, workerId } = record(thread);
      thread.start();
      expect(thread.isRunning()).toBe(true);
      expect(await thread.wait()).toBe(true);
      expect(thread.isFinished()).toBe(true);
      return { events, workerId: workerId() };
    };
    const fresh = await run();
    const marker = await oneReadySpare();
    expect(fresh.workerId).toBeLessThan(marker);
    const prepared = await run();
    expect(prepared.workerId).toBeLessThan(marker); // the spare, created before the marker
    expect(prepared.workerId).toBeGreaterThan(fresh.workerId);
    expect(prepared.events).toEqual(fresh.events);
    expect(prepared.events).toEqual([
      'started',
      'where "Where" (worker #N)',
      'value 1',
      'value 2',
      'value 3',
      'value 4',
      'value 5',
      'finished',
    ]);
  });

  test('start() takes the spare, and a replacement is prepared once the thread has started', async () => {
    const marker = await oneReadySpare();
    const first = new WhereThread();
    const firstRun = record(first);
    first.start();
    expect(QThread.preparedWorkers()).toBe(0);
    await first.wait();
    expect(firstRun.workerId()).toBeLessThan(marker);
    await waitFor(() => QThread.preparedWorkers() === 1, 20_000);
    await QThread.prepareWorkers(1); // resolves once the replacement is ready
    const secondMarker = await workerIdNow();
    const second = new WhereThread();
    const secondRun = record(second);
    second.start();
    await second.wait();
    expect(secondRun.workerId()).toBeGreaterThan(marker); // the replacement, created after the first marker…
    expect(secondRun.workerId()).toBeLessThan(secondMarker); // …and before the second
    expect(secondRun.events).toEqual(firstRun.events);
  });

  test('an exception escaping run() and a worker that exits are reported as on a new worker', async () => {
    await oneReadySpare();
    const throwing = new ThrowingThread();
    const errors = new SignalSpy(throwing.errorOccurred);
    const before = throwing.before.once();
    throwing.start();
    await before;
    await throwing.wait();
    expect(errors.count).toBe(1);
    const error = errors.at(0)[0];
    expect(error).toBeInstanceOf(ThreadCrashedError);
    expect(error.remoteName).toBe('TypeError');
    expect(error.message).toContain('run() threw TypeError: run() failed on purpose');
    expect(error.remoteStack).toContain('threads.ts');

    await QThread.prepareWorkers(1);
    const exiting = new ExitingThread();
    const crashed = exiting.errorOccurred.once();
    exiting.start();
    const [exitError] = await crashed;
    expect(exitError.message).toMatch(/exited with code 3 before run\(\) returned/);
    expect(await exiting.wait()).toBe(true);
  });

  test('requestInterruption() reaches a busy run(), and terminate() stops a sleeping one', async () => {
    await oneReadySpare();
    const busy = new InterruptibleThread();
    const looping = busy.looping.once();
    const stopped = new SignalSpy(busy.stopped);
    busy.start();
    await looping;
    expect([stopped.count, busy.isRunning()]).toEqual([0, true]); // busy until asked
    busy.requestInterruption();
    expect(await stopped.wait()).toBe(true);
    expect(stopped.count).toBe(1);
    await busy.wait();

    await QThread.prepareWorkers(1);
    const sleepy = new SleepyThread();
    const sleeping = sleepy.sleeping.once();
    const events: string[] = [];
    sleepy.errorOccurred.connect((error) => events.push(`error: ${error.message}`));
    sleepy.finished.connect(() => events.push('finished'));
    sleepy.start();
    await sleeping;
    await sleepy.terminate();
    expect(events).toEqual([`error: Thread ${sleepy.describe()} was terminated.`, 'finished']);
  });

  test('worker objects created before start(), calls made right after it and blocking connections work', async () => {
    const marker = await oneReadySpare();
    const thread = new WhereThread();
    thread.loop = true;
    thread.count = 0;
    const run = record(thread);
    const worker = thread.create(Worker, 'early');
    const results = new SignalSpy(worker.resultReady);
    thread.start();
    // Sent before the prepared worker has built the thread: held, then run in order after the early creation.
    const sum = worker.add(2, 3);
    const queued = worker.doWork('queued');
    expect(await sum).toBe(5);
    expect(await queued).toMatch(/^early: queued on/);
    expect(invokeMethod(worker, 'add', ConnectionType.BlockingQueuedConnection, 4, 5)).toBe(9);
    await expect(worker.fail('on purpose')).rejects.toBeInstanceOf(RemoteError);
    expect(results.count).toBe(1);
    thread.quit();
    await thread.wait();
    expect(run.workerId()).toBeLessThan(marker);
    expect(run.events).toEqual(['started', 'where worker #N', 'exited 0', 'finished']);

    await QThread.prepareWorkers(1);
    const blocking = new BlockingThread();
    const receiver = new (class extends QObject {
      onTick(n: number): void {
        Atomics.store(blocking.shared, 0, n);
      }
    })();
    blocking.tick.connect(receiver, receiver.onTick, ConnectionType.BlockingQueuedConnection);
    const report = blocking.report.once();
    blocking.start();
    expect(await report).toEqual([[]]);
    await blocking.wait();
  });
});

describe('which threads take a prepared worker', () => {
  test('a thread with resourceLimits gets a new worker, and the spare stays prepared', async () => {
    const marker = await oneReadySpare();
    const thread = new WhereThread();
    thread.resourceLimits = { maxOldGenerationSizeMb: 64 };
    const run = record(thread);
    thread.start();
    await thread.wait();
    expect(run.workerId()).toBeGreaterThan(marker);
    expect(QThread.preparedWorkers()).toBe(1);
  });

  test('a TypeScript thread module (loaded through tsx) runs on a prepared worker', async () => {
    expect(WhereThread.module).toMatch(/\.ts$/);
    const marker = await oneReadySpare();
    const thread = new WhereThread();
    const run = record(thread);
    thread.start();
    await thread.wait();
    expect(run.workerId()).toBeLessThan(marker);
    expect(run.events).toContain('value 3');
  });

  test('with two threads and one spare, the first takes it and the second starts on a new worker', async () => {
    const marker = await oneReadySpare();
    const [a, b] = [new WhereThread(), new WhereThread()];
    const [runA, runB] = [record(a), record(b)];
    a.start();
    b.start();
    await Promise.all([a.wait(), b.wait()]);
    expect(runA.workerId()).toBeLessThan(marker);
    expect(runB.workerId()).toBeGreaterThan(marker);
    expect(runB.events).toEqual(runA.events);
  });
});

describe('preparing and releasing', () => {
  test('releasePreparedWorkers() stops the spares: the next thread gets a new worker', async () => {
    await QThread.prepareWorkers(2);
    expect(QThread.preparedWorkers()).toBe(2);
    await QThread.releasePreparedWorkers();
    expect(QThread.preparedWorkers()).toBe(0);
    const marker = await workerIdNow();
    const thread = new WhereThread();
    const run = record(thread);
    thread.start();
    await thread.wait();
    expect(run.workerId()).toBeGreaterThan(marker);
  });

  test('prepareWorkers(n) sets how many are kept: more are started, the extra ones stopped, 0 stops all', async () => {
    await QThread.prepareWorkers(3);
    expect(QThread.preparedWorkers()).toBe(3);
    await QThread.prepareWorkers(1);
    expect(QThread.preparedWorkers()).toBe(1);
    await QThread.prepareWorkers(0);
    expect(QThread.preparedWorkers()).toBe(0);
  });

  test('a count that is not a whole number of 0 or more is refused at the call', () => {
    for (const bad of [-1, 1.5, NaN, Infinity])
      expect(() => QThread.prepareWorkers(bad)).toThrow(/prepareWorkers\(count\): count must be a whole number/);
  });

  test('the "assign" message is validated like the others', () => {
    const init = {
      type: 'init',
      threadId: 1,
      name: 'worker #1',
      location: { module: '/x.js', exportName: 'X' },
      state: {},
      control: new SharedArrayBuffer(8),
      affinityPolicy: 'throw',
      calls: [],
      waitGraph: new SharedArrayBuffer(8),
      token: 'secret',
      watches: [],
      maxPendingEmits: 0,
    };
    expect(validateAssignment({ type: 'assign', init })).toBeNull();
    expect(validateAssignment({ type: 'assign', init, tsx: '/tsx.js', syncPort: {} })).toBeNull();
    expect(validateAssignment({ type: 'init' })).toMatch(/not an "assign" message/);
    expect(validateAssignment({ type: 'assign' })).toMatch(/carries no "init"/);
    expect(validateAssignment({ type: 'assign', init: { ...init, location: { module: 1 } } })).toMatch(/location/);
    expect(validateAssignment({ type: 'assign', init: { ...init, control: new ArrayBuffer(8) } })).toMatch(
      /SharedArrayBuffer/,
    );
    expect(validateAssignment({ type: 'assign', init, tsx: 3 })).toMatch(/tsx/);
    // The resolutions main made for the worker's bootstrap (worker-resolutions.ts): [from, request, file] strings.
    expect(validateAssignment({ type: 'assign', init, resolved: [['/a.js', '@sigslot/core', '/c.js']] })).toBeNull();
    for (const resolved of ['/a.js', [['/a.js', '@sigslot/core']], [['/a.js', '@sigslot/core', 7]], [null]])
      expect(validateAssignment({ type: 'assign', init, resolved })).toMatch(
        /"assign" has resolutions that are not \[from, request, file\] strings/,
      );
  });
});

describe('a program with prepared workers (a child node process, the compiled packages)', () => {
  const repo = path.resolve(__dirname, '../../..');
  const dist = path.join(repo, 'packages/thread/dist/index.js');
  const fixture = path.join(__dirname, 'fixtures/prepared-workers.ts');
  let dir = '';

  beforeAll(() => {
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first.`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-prepared-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs `source` (CommonJS) in a child node process; resolves with its exit code and output. */
  function child(
    source: string,
    env: NodeJS.ProcessEnv = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const file = path.join(dir, `child-${Math.random().toString(36).slice(2)}.cjs`);
    fs.writeFileSync(file, source);
    const childEnv = { ...process.env, ...env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
    return new Promise((resolve) => {
      execFile(process.execPath, [file], { env: childEnv, timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
  }

  test('a process that only prepares workers exits by itself, whether it waits for them or not', async () => {
    const waits = await child(`
      const { QThread } = require(${JSON.stringify(dist)});
      QThread.prepareWorkers(2).then(() => console.log('ready: ' + QThread.preparedWorkers()));
    `);
    expect(waits).toEqual({ code: 0, stdout: 'ready: 2\n', stderr: '' });
    const doesNot = await child(`
      const { QThread } = require(${JSON.stringify(dist)});
      QThread.prepareWorkers(2);
      console.log('prepared: ' + QThread.preparedWorkers());
    `);
    expect(doesNot).toEqual({ code: 0, stdout: 'prepared: 2\n', stderr: '' });
  });

  test('a compiled program runs a TypeScript thread module on a prepared worker (tsx registered when it arrives), then exits', async () => {
    const result = await child(
      `
      require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); // this process only: workers do not inherit it
      const { QThread } = require(${JSON.stringify(dist)});
      const { WhereThread } = require(${JSON.stringify(fixture)});
      const { Worker } = require('node:worker_threads');
      (async () => {
        await QThread.prepareWorkers(1);
        const markerWorker = new Worker('', { eval: true });
        const marker = markerWorker.threadId;
        await markerWorker.terminate();
        const thread = new WhereThread();
        let worker = -1;
        const values = [];
        thread.where.connect((id) => (worker = id));
        thread.value.connect((n) => values.push(n));
        thread.start();
        await thread.wait();
        console.log(JSON.stringify({ prepared: worker < marker, values }));
      })();
    `,
      { TSX_TSCONFIG_PATH: undefined },
    );
    expect(result).toEqual({ code: 0, stdout: '{"prepared":true,"values":[1,2,3]}\n', stderr: '' });
  });

  test('an ESM program runs an ESM thread module on a prepared worker', async () => {
    const esm = path.join(repo, 'packages/thread/esm/index.mjs');
    fs.writeFileSync(
      path.join(dir, 'esm-thread.mjs'),
      `import { QThread, Signal } from ${JSON.stringify(esm)};
      import { threadId } from 'node:worker_threads';
      export class EsmThread extends QThread {
        static module = import.meta.url;
        where = new Signal(this);
        run() { this.where.emit(threadId); }
      }`,
    );
    fs.writeFileSync(
      path.join(dir, 'esm-main.mjs'),
      `import { QThread } from ${JSON.stringify(esm)};
      import { EsmThread } from './esm-thread.mjs';
      import { Worker } from 'node:worker_threads';
      await QThread.prepareWorkers(1);
      const markerWorker = new Worker('', { eval: true });
      const marker = markerWorker.threadId;
      await markerWorker.terminate();
      const thread = new EsmThread();
      let seen;
      thread.where.connect((id) => (seen = { prepared: id < marker }));
      thread.start();
      await thread.wait();
      console.log(JSON.stringify(seen));`,
    );
    const result = await child(`import(${JSON.stringify(path.join(dir, 'esm-main.mjs'))});`);
    expect(result).toEqual({ code: 0, stdout: '{"prepared":true}\n', stderr: '' });
  });

  test('a thread module that loads another copy of @sigslot/thread fails with an error that says so', async () => {
    const result = await child(
      `
      require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();
      const { QThread } = require(${JSON.stringify(dist)});
      const { WhereThread } = require(${JSON.stringify(fixture)});
      // From here on, tsx in new workers maps @sigslot/* to the sources: a copy other than this program's.
      process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(path.join(repo, 'tsconfig.workers.json'))};
      (async () => {
        await QThread.prepareWorkers(1);
        const thread = new WhereThread();
        thread.errorOccurred.connect((error) => console.log(error.message));
        thread.start();
        await thread.wait();
      })();
    `,
      { TSX_TSCONFIG_PATH: undefined },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /its module .*prepared-workers\.ts loaded its own copy of @sigslot\/thread \(.*src.*\), not the one this prepared worker had loaded .*dist/,
    );
  });
});
