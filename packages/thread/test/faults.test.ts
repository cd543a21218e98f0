import { QObject, setErrorHandler, Signal, type ErrorContext } from '@sigslot/core';
import { QThread, RemoteError, ThreadCrashedError } from '@sigslot/thread';
import { ExitingThread, HungryThread, ThrowingThread, Worker } from './fixtures/threads';

/** Collects what a thread reports, in order. */
function watch(thread: ThrowingThread | ExitingThread | HungryThread): {
  events: string[];
  errors: ThreadCrashedError[];
} {
  const events: string[] = [];
  const errors: ThreadCrashedError[] = [];
  thread.errorOccurred.connect((error) => {
    errors.push(error);
    events.push('errorOccurred');
  });
  thread.finished.connect(() => events.push('finished'));
  return { events, errors };
}

describe('faults in a thread leave the main thread running', () => {
  test('an exception escaping run() is reported with its class and stack, then finished; earlier emits were delivered', async () => {
    const thread = new ThrowingThread();
    const { events, errors } = watch(thread);
    const before = thread.before.once();
    thread.start();
    await before;
    expect(await thread.wait()).toBe(true);
    expect(events).toEqual(['errorOccurred', 'finished']);
    const error = errors[0]!;
    expect(error).toBeInstanceOf(ThreadCrashedError);
    expect(error.remoteName).toBe('TypeError');
    expect(error.message).toContain('run() threw TypeError: run() failed on purpose');
    expect(error.remoteStack).toContain('threads.ts');
  });

  test('a crash that no errorOccurred slot listens for goes to the error handler instead of passing in silence', async () => {
    const reports: Array<[unknown, ErrorContext]> = [];
    const previous = setErrorHandler((error, context) => reports.push([error, context]));
    try {
      const thread = new ThrowingThread();
      thread.objectName = 'Unwatched';
      thread.start();
      expect(await thread.wait()).toBe(true);
      expect(reports).toHaveLength(1);
      const [error, context] = reports[0]!;
      expect(error).toBeInstanceOf(ThreadCrashedError);
      expect(context.where).toBe('thread "Unwatched" (worker #' + thread.threadRecord.id + ')');

      reports.length = 0; // terminate() was asked for: not an error nobody caught
      const stopped = new QThread(); // run() = exec(): runs until stopped
      stopped.start();
      await stopped.terminate();
      expect(reports).toEqual([]);

      // A listener takes it over: no report either.
      const watched = new ThrowingThread();
      watch(watched);
      watched.start();
      expect(await watched.wait()).toBe(true);
      expect(reports).toEqual([]);
    } finally {
      setErrorHandler(previous);
    }
  });

  test('a worker that calls process.exit ends its thread with an error, then finished', async () => {
    const thread = new ExitingThread();
    const { events, errors } = watch(thread);
    thread.start();
    expect(await thread.wait()).toBe(true);
    expect(events).toEqual(['errorOccurred', 'finished']);
    expect(errors[0]!.message).toMatch(/exited with code 3 before run\(\) returned/);
  });

  test('a worker that runs out of memory (resourceLimits) ends its thread with an error, then finished', async () => {
    const thread = new HungryThread();
    thread.resourceLimits = { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 };
    const { events, errors } = watch(thread);
    thread.start();
    expect(await thread.wait()).toBe(true);
    expect(events).toEqual(['errorOccurred', 'finished']);
    expect(errors[0]!.message).toMatch(/ran out of memory/);
    // The main thread is fine: it can still create objects and run slots.
    expect(new QObject().isDestroyed()).toBe(false);
  }, 60_000);

  test('a slot error inside the worker is reported on the main thread, naming the slot and the thread', async () => {
    const reports: Array<[unknown, ErrorContext]> = [];
    let reported!: () => void;
    const twoReports = new Promise<void>((resolve) => (reported = resolve));
    const previous = setErrorHandler((error, context) => {
      reports.push([error, context]);
      if (reports.length === 2) reported();
    });
    try {
      const thread = new QThread();
      thread.objectName = 'Faulty';
      const worker = thread.create(Worker);
      const controller = new Controller();
      controller.trigger.connect(worker, 'fail');
      class NotExported extends QObject {
        static readonly module = require.resolve('./fixtures/threads');
      }
      thread.create(NotExported);
      thread.start();
      controller.trigger.emit('queued failure');
      await twoReports;
      const messages = reports.map(([error, context]) => `${context.where} @ ${context.thread}: ${String(error)}`);
      expect(messages).toEqual([
        expect.stringMatching(
          /^creating NotExported in thread "Faulty" \(worker #\d+\) @ "Faulty" \(worker #\d+\): .*NotExported is not exported by/,
        ),
        expect.stringMatching(/^slot fail of Worker @ "Faulty" \(worker #\d+\): RemoteError: queued failure$/),
      ]);
      expect((reports[1]![0] as RemoteError).remoteName).toBe('RangeError');
      thread.quit();
      await thread.wait();
    } finally {
      setErrorHandler(previous);
    }
  });
});

class Controller extends QObject {
  readonly trigger = new Signal<[message: string]>(this);
}
