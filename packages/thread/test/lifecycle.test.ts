import { ConnectionType, currentThread, QObject, SignalSpy } from '@sigslot/core';
import { QThread } from '@sigslot/thread';
import { CounterThread, InterruptibleThread, LoopThread, SleepyThread } from './fixtures/threads';

describe('QThread lifecycle', () => {
  test('started is emitted from the new thread before run(), and run() executes in a worker', async () => {
    const thread = new LoopThread();
    thread.objectName = 'Looper';
    const events: string[] = [];
    thread.started.connect(() => events.push('started'));
    const running = thread.running.once();
    thread.running.connect(() => events.push('running'));
    thread.start();
    const [where, isMain] = await running;
    expect(where).toBe(`"Looper" (worker #${thread.threadId})`);
    expect(isMain).toBe(false);
    expect(currentThread().isMainThread()).toBe(true);
    expect(events).toEqual(['started', 'running']);
    expect(thread.isRunning()).toBe(true);
    thread.quit();
    expect(await thread.wait()).toBe(true);
  });

  test('quit() makes exec() return 0 and exit(code) returns the code; finished follows', async () => {
    for (const code of [0, 7]) {
      const thread = new LoopThread();
      const exited = thread.exited.once();
      const finished = thread.finished.once();
      thread.running.connect(() => (code === 0 ? thread.quit() : thread.exit(code)));
      thread.start();
      expect(await exited).toEqual([code]);
      await finished;
      expect(thread.isFinished()).toBe(true);
      expect(thread.isRunning()).toBe(false);
    }
  });

  test('wait(ms) resolves false while the thread runs and true once it finished; a thread never started waits for nothing', async () => {
    expect(await new LoopThread().wait()).toBe(true);
    const thread = new LoopThread();
    const running = thread.running.once();
    thread.start();
    await running;
    expect(await thread.wait(20)).toBe(false);
    thread.quit();
    expect(await thread.wait(10_000)).toBe(true);
    expect(thread.isFinished()).toBe(true);
  });

  test('requestInterruption() is seen synchronously by a busy run() through shared memory', async () => {
    const thread = new InterruptibleThread();
    const looping = thread.looping.once();
    const stopped = new SignalSpy(thread.stopped);
    thread.start();
    await looping;
    // Still busy: its loop ends only when asked (a stopped emit would have come in the same batch as looping).
    expect([stopped.count, thread.isRunning()]).toEqual([0, true]);
    expect(thread.isInterruptionRequested()).toBe(false);
    thread.requestInterruption();
    expect(thread.isInterruptionRequested()).toBe(true);
    expect(await stopped.wait()).toBe(true);
    expect(stopped.count).toBe(1);
    expect(await thread.wait()).toBe(true);
  });

  test('the interruption flag is cleared when the thread starts again, and a finished thread can be restarted', async () => {
    const thread = new CounterThread();
    thread.count = 3;
    const seen: number[] = [];
    thread.value.connect((n) => seen.push(n));
    thread.requestInterruption();
    thread.start();
    expect(thread.isInterruptionRequested()).toBe(false);
    await thread.wait();
    thread.count = 2;
    thread.start();
    await thread.wait();
    expect(seen).toEqual([0, 1, 2, 0, 1]);
  });

  test('start() on a running thread does nothing', async () => {
    const thread = new LoopThread();
    let started = 0;
    thread.started.connect(() => started++);
    const running = thread.running.once();
    thread.start();
    thread.start();
    await running;
    thread.quit();
    await thread.wait();
    expect(started).toBe(1);
  });

  test('terminate() stops a sleeping worker; errorOccurred then finished are emitted and wait() resolves', async () => {
    const thread = new SleepyThread();
    const sleeping = thread.sleeping.once();
    const events: string[] = [];
    thread.errorOccurred.connect((error) => events.push(`error: ${error.message}`));
    thread.finished.connect(() => events.push('finished'));
    thread.start();
    await sleeping;
    await thread.terminate();
    expect(await thread.wait()).toBe(true);
    expect(events).toEqual([`error: Thread ${thread.describe()} was terminated.`, 'finished']);
  });

  test('QThread statics: currentThread on main, idealThreadCount, msleep blocks the calling thread', () => {
    expect(QThread.currentThread().isMainThread()).toBe(true);
    expect(QThread.idealThreadCount()).toBeGreaterThanOrEqual(1);
    const before = Date.now();
    QThread.msleep(30);
    expect(Date.now() - before).toBeGreaterThanOrEqual(29);
    const priority = new LoopThread();
    priority.setPriority(4);
    expect(priority.priority()).toBe(4);
  });

  test('a thread class without its own static module is refused at start() with the fix', () => {
    class Forgetful extends QThread {}
    expect(() => new Forgetful().start()).toThrow(
      /Forgetful does not say which module defines it.*static override readonly module = __filename/,
    );
  });

  test('the thread object lives in the thread that created it (Qt), and objects report the thread they live in', () => {
    const thread = new LoopThread();
    expect(thread.thread()?.isMainThread()).toBe(true);
    expect(new QObject().thread()).toBe(currentThread());
    expect(ConnectionType.AutoConnection).toBe(0);
  });
});
