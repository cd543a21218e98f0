// What the in-memory tier is, and where it stops. Both sides of a thread run in this one isolate: the worker side's
// code runs as the worker thread (its objects live there, its emits are routed from there, started and finished
// are emitted there — rule 4), and nothing there can block, since one isolate cannot wait for itself: blocking
// paths (BlockingQueuedConnection, msleep, backpressure waits) throw instead of hanging, and are proven by the
// real-worker tests.
import { ConnectionType, currentThread, DeadlockError, invokeMethod, QObject } from '@sigslot/core';
import { QThread } from '@sigslot/thread';
import { Counter, Emitter, PretendingThread, Unloadable } from './fixtures';
import { inMemory } from './harness';
import { runInMemory } from '../../src/endpoint/in-memory-thread';
import { ThreadCrashedError } from '@sigslot/thread';

describe('the in-memory tier', () => {
  test('started and finished are emitted in the new thread: a slot connected there runs there, a main-side slot runs on main', async () => {
    const thread = new Emitter();
    const ranOn: string[] = [];
    thread.finished.connect(() => ranOn.push(`main-side slot on ${currentThread().describe()}`));
    await inMemory(thread, (tier) => {
      expect(tier.inWorker(() => QThread.currentThread())).toBe(tier.worker);
      expect(tier.worker).not.toBe(thread);
      tier.inWorker(() => {
        const receiver = new QObject(); // lives in the worker thread
        expect(receiver.thread()).toBe(tier.worker);
        tier.worker.finished.connect(receiver, () => ranOn.push(`worker slot on ${currentThread().describe()}`));
      });
    });
    expect(ranOn).toEqual([`worker slot on ${thread.describe()}`, 'main-side slot on main']);
  });

  test('a blocking emit, or msleep, throws DeadlockError instead of hanging: one isolate cannot wait for itself', async () => {
    const thread = new Emitter();
    const receiver = new QObject();
    thread.value.connect(receiver, () => undefined, ConnectionType.BlockingQueuedConnection);
    await inMemory(thread, (tier) => {
      expect(() => tier.inWorker(() => tier.worker.value.emit(1))).toThrow(DeadlockError);
      expect(() => tier.inWorker(() => tier.worker.value.emit(2))).toThrow(/cannot block/);
      expect(() => tier.inWorker(() => QThread.msleep(1))).toThrow(DeadlockError);
    });
  });

  test('a blocking call from main into the thread throws DeadlockError: the thread would run on the waiting thread', async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    await inMemory(thread, async () => {
      expect(() => invokeMethod(counter, 'add', ConnectionType.BlockingQueuedConnection, 1)).toThrow(DeadlockError);
      await expect(counter.add(1)).resolves.toBe(1); // a queued call works, and the blocked one never ran
    });
  });

  test("only the main isolate may run other threads' code: in a real worker, setThreadResolver throws AffinityError", async () => {
    const thread = new PretendingThread(); // a real worker, not in memory
    const outcome = thread.outcome.once();
    thread.start();
    const [refused, message] = await outcome;
    expect(message).toContain('setThreadResolver() was called from thread');
    expect(refused).toBe(true);
    await thread.wait();
  });

  test('a worker that fails before the protocol starts (its module does not load) ends the thread with errorOccurred', async () => {
    const thread = new Unloadable();
    runInMemory(thread);
    const crashed = thread.errorOccurred.once();
    thread.start();
    const [error] = await crashed;
    expect(error).toBeInstanceOf(ThreadCrashedError);
    expect(error.message).toContain('no-such-module');
    await thread.wait();
    expect(thread.isFinished()).toBe(true);
  });
});
