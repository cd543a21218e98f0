// Qt's delivery model across threads, rule by rule, with real workers: the emitting thread routes each emit
// once, with what it sees at that moment; a queued call is posted at once; the receiving thread delivers it on
// its one event queue; started and finished are emitted in the new thread; blocking never hangs.
import {
  affinity,
  ConnectionType,
  DeadlockError,
  invokeMethod,
  QObject,
  setErrorHandler,
  type ErrorContext,
} from '@sigslot/core';
import { ProtocolError, RemoteError, ThreadCrashedError, ThreadTerminatedError } from '@sigslot/thread';
import {
  BriefThread,
  ForgingThread,
  BusyProgressThread,
  Clashing,
  IdleLoopThread,
  Job,
  LockStepThread,
  SelfWatchingThread,
} from './fixtures/delivery-model';
import { mark, waitUntil } from './fixtures/shared-words';

/** Collects what the error handler reports while `body` runs. */
async function reported(body: () => Promise<void>): Promise<Array<[unknown, ErrorContext]>> {
  const reports: Array<[unknown, ErrorContext]> = [];
  const previous = setErrorHandler((error, context) => reports.push([error, context]));
  try {
    await body();
  } finally {
    setErrorHandler(previous);
  }
  return reports;
}

/**
 * Starts a LockStepThread whose main-side `ready` slot runs `actions[k - 1]` once the worker has emitted
 * `value(k)`, and resolves with what `connect` received once the thread has finished.
 */
async function lockStep(
  steps: number,
  setup: (thread: LockStepThread, received: number[]) => void,
  actions: Array<(thread: LockStepThread, received: number[]) => void>,
): Promise<number[]> {
  const thread = new LockStepThread();
  thread.steps = steps;
  const received: number[] = [];
  setup(thread, received);
  thread.ready.connect(() => {
    for (let step = 1; step <= steps; step++) {
      if (!waitUntil(thread.words, 0, step)) throw new Error(`the worker never reached step ${step}`);
      actions[step - 1]?.(thread, received);
      mark(thread.words, 1, step);
    }
  });
  const errors = thread.errorOccurred.once().then(([error]) => error);
  thread.start();
  await thread.wait();
  expect(await Promise.race([errors, Promise.resolve(null)])).toBeNull();
  return received;
}

describe("Qt's delivery model across threads", () => {
  test('post at once: a run() that never yields has each progress emit delivered to the idle main thread while it works', async () => {
    const thread = new BusyProgressThread();
    thread.progress.connect((step) => mark(thread.acks, 0, step));
    const report = thread.report.once();
    thread.start();
    const [acknowledged] = await report;
    expect(acknowledged).toEqual([true, true, true, true, true]);
    await thread.wait();
  });

  test('route once at the emit: an emit made before a disconnect() on main still reaches the slot (a posted call survives)', async () => {
    let connection: { disconnect(): boolean } | null = null;
    const received = await lockStep(2, (thread, got) => (connection = thread.value.connect((step) => got.push(step))), [
      () => connection!.disconnect(),
    ]);
    expect(received).toEqual([1]);
  });

  test('route once at the emit: a slot connected on main after the worker emitted does not receive that emit, only later ones', async () => {
    const received = await lockStep(2, () => undefined, [
      (thread, got) => thread.value.connect((step) => got.push(step)),
    ]);
    expect(received).toEqual([2]);
  });

  test('route once at the emit: blockSignals() counts when the worker emits, not when main delivers', async () => {
    const received = await lockStep(3, (thread, got) => thread.value.connect((step) => got.push(step)), [
      (thread) => thread.blockSignals(true),
      (thread) => thread.blockSignals(false),
    ]);
    // value(2) was emitted while blocked; value(1) and value(3) were not. All three were delivered unblocked.
    expect(received).toEqual([1, 3]);
  });

  test("one queue per thread: a deleteLater() posted on main before a worker's emit arrives drops that emit", async () => {
    class Receiver extends QObject {
      readonly got: number[] = [];
      take(step: number): void {
        this.got.push(step);
      }
    }
    const receiver = new Receiver();
    const destroyed = receiver.destroyed.once();
    const received = await lockStep(1, (thread) => thread.value.connect(receiver, 'take'), [
      () => receiver.deleteLater(),
    ]);
    await destroyed;
    expect(receiver.got).toEqual([]);
    expect(received).toEqual([]);
  });

  test('started and finished are emitted in the new thread: slots connected there run there', async () => {
    const thread = new SelfWatchingThread();
    const log: string[] = [];
    thread.log.connect((entry) => log.push(entry));
    thread.finished.connect(() => log.push('finished on main'));
    thread.start();
    await thread.wait();
    const worker = `worker #${thread.threadId}`;
    expect(log).toEqual([`started in ${worker}`, 'run', `finished in ${worker}`, 'finished on main']);
  });

  test("finished -> a worker object's slot runs in the worker, and finished -> deleteLater deletes it there", async () => {
    const thread = new IdleLoopThread();
    const job = thread.create(Job);
    const ran: string[] = [];
    job.ran.connect((what, where) => ran.push(`${what} in ${where}`));
    const gone: string[] = [];
    job.gone.connect((where) => gone.push(where));
    thread.started.connect(job, 'onStarted');
    thread.finished.connect(job, 'onFinished');
    thread.finished.connect(job, 'deleteLater');
    const started = thread.started.once();
    thread.start();
    await started;
    thread.quit();
    await thread.wait();
    const worker = `worker #${thread.threadId}`;
    expect(ran).toEqual([`onStarted in ${worker}`, `onFinished in ${worker}`]);
    expect(gone).toEqual([worker]);
  });

  test('a worker object may declare started, finished and errorOccurred signals: they reach main like any other', async () => {
    const thread = new IdleLoopThread();
    const job = thread.create(Job);
    const got: string[] = [];
    job.started.connect(() => got.push('started'));
    job.finished.connect((result) => got.push(`finished ${result}`));
    thread.start();
    expect(await job.work(21)).toBe(42);
    thread.quit();
    await thread.wait();
    expect(got).toEqual(['started', 'finished 42']);
  });

  test("a worker object's signal named like a member of its handle is reported, naming it, never silently dropped", async () => {
    const thread = new IdleLoopThread();
    const got: number[] = [];
    const reports = await reported(async () => {
      const clashing = thread.create(Clashing);
      clashing.fine.connect((n) => got.push(n));
      thread.start();
      await clashing.poke(7);
      expect(typeof clashing.objectId).toBe('number'); // the handle's own member is intact
      thread.quit();
      await thread.wait();
    });
    expect(got).toEqual([7]);
    expect(reports.map(([error]) => String(error))).toEqual([
      expect.stringMatching(
        /Clashing \(in worker #\d+\) declares a signal "objectId", which is also the name of a member/,
      ),
    ]);
  });

  test('blocking never hangs: main blocking on a worker method that makes a blocking emit back to main gets a DeadlockError', async () => {
    const thread = new IdleLoopThread();
    const job = thread.create(Job);
    job.question.connect(() => 'answer', ConnectionType.BlockingQueuedConnection);
    thread.start();
    await thread.started.once();
    // Queued, the question is answered (the worker blocks, main is free to answer).
    expect(await job.ask('queued?')).toBe('answer');
    let failure: unknown = null;
    try {
      invokeMethod(job, 'ask', ConnectionType.BlockingQueuedConnection, 'blocking?');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(RemoteError);
    expect((failure as RemoteError).remoteName).toBe(DeadlockError.name);
    expect(String(failure)).toMatch(/would block until thread main answers, but main waits for worker #\d+ already/);
    thread.quit();
    await thread.wait();
  });

  test('blocking never hangs: a worker that runs out of memory while main is blocked on it releases main with the crash error', async () => {
    const thread = new IdleLoopThread();
    thread.resourceLimits = { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 };
    const job = thread.create(Job);
    const crashed = thread.errorOccurred.once();
    thread.start();
    await thread.started.once();
    expect(() => invokeMethod(job, 'explode', ConnectionType.BlockingQueuedConnection)).toThrow(ThreadCrashedError);
    const [error] = await crashed;
    expect(error).toBeInstanceOf(ThreadCrashedError);
    expect(error.message).toMatch(/worker #\d+/);
    await thread.wait();
  });

  test('every call settles exactly once: calls queued when run() returns are rejected if they never ran, and no ProtocolError is reported', async () => {
    const thread = new BriefThread();
    const job = thread.create(Job);
    const outcomes: Array<'ran' | 'never ran'> = [];
    const reports = await reported(async () => {
      thread.start();
      const calls = Array.from({ length: 20 }, () =>
        job.count().then(
          () => outcomes.push('ran'),
          (error: unknown) => {
            expect(error).toBeInstanceOf(ThreadTerminatedError);
            outcomes.push('never ran');
          },
        ),
      );
      await Promise.all(calls);
      await thread.wait();
    });
    expect(outcomes).toHaveLength(20);
    expect(reports.filter(([error]) => error instanceof ProtocolError)).toEqual([]);
  });

  test("a slot that throws in a worker is reported on main with the signal and the receiver, as main's own are", async () => {
    const thread = new IdleLoopThread();
    const job = thread.create(Job);
    thread.started.connect(job, 'fail'); // runs in the worker, during started's emit there
    const reports = await reported(async () => {
      thread.start();
      await thread.started.once();
      thread.quit();
      await thread.wait();
    });
    expect(reports).toHaveLength(1);
    const [error, context] = reports[0]!;
    expect(String(error)).toContain('job failed');
    expect(context.signal).toBe('IdleLoopThread.started');
    expect(context.receiver).toMatch(/^Job/);
    expect(context.thread).toBe(thread.describe());
  });

  test("identity comes from main: a violation a worker posts is recorded as that worker's, whatever thread it names", async () => {
    const previous = affinity.setPolicy('record');
    affinity.clear();
    try {
      const thread = new ForgingThread();
      thread.start();
      await thread.wait();
      expect(affinity.violations()).toEqual([
        expect.objectContaining({ message: 'forged', threadId: thread.threadId, thread: thread.describe() }),
      ]);
    } finally {
      affinity.setPolicy(previous);
      affinity.clear();
    }
  });
});
