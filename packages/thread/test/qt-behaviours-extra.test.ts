// Qt behaviours (../shared/reference/qt-and-designer.md, B.1-B.4) that the other thread tests do not prove.
// Real workers throughout; no sleeps as synchronisation.
import { ConnectionType, InvalidArgumentError, QObject, QSignalBlocker } from '@sigslot/core';
import { QThread } from '@sigslot/thread';
import { CounterThread, Worker } from './fixtures/threads';
import {
  EmitThenExitThread,
  ExitBeforeExecThread,
  MixedThread,
  Probe,
  ProbeThread,
  RunningThread,
  SelfWaitThread,
  SleeperThread,
} from './fixtures/qt-behaviours-extra';

/** Stops a thread that a failing test left running. */
async function stop(thread: QThread): Promise<void> {
  if (thread.isRunning()) await thread.terminate();
}

describe('QThread (Qt behaviours, extra)', () => {
  test('exit() called while no event loop runs makes the next exec() return that code at once', async () => {
    // Qt 6 QThread::exit(): "If the eventloop in QThread::exec() is not running then the next call to
    // QThread::exec() will also return immediately." (qthread.cpp: exec() returns d->returnCode when d->exited.)
    const thread = new ExitBeforeExecThread();
    const exited = thread.exited.once();
    thread.start();
    try {
      expect(await thread.wait(2_000)).toBe(true);
      expect(await exited).toEqual([3]);
    } finally {
      await stop(thread);
    }
  });

  test('destroying a QThread while it runs is refused, naming the thread (Qt: "Destroyed while thread is still running")', async () => {
    const owner = new QObject();
    const sibling = new QObject(owner);
    const thread = new RunningThread(owner);
    thread.objectName = 'Busy';
    const running = thread.running.once();
    thread.start();
    await running;
    try {
      expect(() => thread.destroy()).toThrow(/"Busy".*still running\. Stop it first: quit\(\)/);
      expect(thread.isRunning()).toBe(true);
      // Through its parent too, and the refusal leaves the whole tree as it was.
      expect(() => owner.destroy()).toThrow(InvalidArgumentError);
      expect([owner.isDestroyed(), sibling.isDestroyed(), owner.children()]).toEqual([false, false, [sibling, thread]]);
    } finally {
      await stop(thread);
    }
    owner.destroy(); // a finished thread may go
    expect(thread.isDestroyed()).toBe(true);
  });

  test('QThread.msleep, usleep and sleep block the worker that calls them: no timer of its loop runs meanwhile', async () => {
    const thread = new SleeperThread();
    const slept: Array<[string, number, boolean]> = [];
    thread.slept.connect((kind, elapsedMs, timerRan) => slept.push([kind, elapsedMs, timerRan]));
    thread.start();
    expect(await thread.wait()).toBe(true);
    expect(slept.map(([kind, , timerRan]) => [kind, timerRan])).toEqual([
      ['msleep', false],
      ['usleep', false],
      ['sleep', false],
    ]);
    for (const [, elapsedMs] of slept) expect(elapsedMs).toBeGreaterThanOrEqual(29);
  });

  test('a thread that waits on itself gets false at once', async () => {
    const thread = new SelfWaitThread();
    const waited = thread.waited.once();
    thread.start();
    expect(await waited).toEqual([false]);
    expect(await thread.wait()).toBe(true);
  });

  test('requestInterruption() is advisory: the event loop goes on delivering calls until quit()', async () => {
    const thread = new QThread();
    const worker = thread.create(Worker);
    thread.start();
    await worker.add(0, 0);
    thread.requestInterruption();
    expect(thread.isInterruptionRequested()).toBe(true);
    await expect(worker.add(1, 2)).resolves.toBe(3);
    expect(thread.isRunning()).toBe(true);
    thread.quit();
    expect(await thread.wait()).toBe(true);
  });
});

describe('signals across threads (Qt behaviours, extra)', () => {
  test('(control) a Probe in a thread counts its calls, as the tests below rely on', async () => {
    const thread = new QThread();
    const probe = thread.create(Probe);
    thread.start();
    await probe.hit();
    await expect(probe.count()).resolves.toBe(1);
    thread.quit();
    expect(await thread.wait()).toBe(true);
  });

  test('AutoConnection to an object living in the emitting thread is direct: the slot has run when emit returns', async () => {
    // Qt: Auto compares the emitting thread with the receiver's thread at emit time; both are the worker here.
    const thread = new ProbeThread();
    const probe = thread.create(Probe);
    thread.ping.connect(probe, 'hit');
    const report = thread.report.once();
    thread.start();
    try {
      expect(await report).toEqual([0, 1]);
      expect(await thread.wait(5_000)).toBe(true);
    } finally {
      await stop(thread);
    }
  });

  test('a DirectConnection from a signal emitted in a thread to an object living in that same thread is allowed, and runs during the emit', async () => {
    // Qt refuses nothing here: emitter and receiver share a thread. Only a Direct call across threads is impossible in JS.
    const thread = new ProbeThread();
    const probe = thread.create(Probe);
    expect(() => thread.ping.connect(probe, 'hit', ConnectionType.DirectConnection)).not.toThrow();
    const report = thread.report.once();
    thread.start();
    try {
      expect(await report).toEqual([0, 1]);
      expect(await thread.wait(5_000)).toBe(true);
    } finally {
      await stop(thread);
    }
  });

  test('two objects of one thread connected from the main side talk inside that thread, once per emit, until disconnected', async () => {
    const thread = new QThread();
    const a = thread.create(Worker, 'a');
    const b = thread.create(Worker, 'b');
    const connection = a.resultReady.connect(b, 'doWork'); // Auto: direct, in the thread, during a's emit
    const onMain: string[] = [];
    b.resultReady.connect((result) => onMain.push(result)); // the main side still gets b's emissions
    thread.start();
    try {
      await a.doWork('x');
      expect(await b.callCount()).toBe(1);
      expect(onMain).toEqual([expect.stringMatching(/^b: a: x on .*worker #\d+\)? on .*worker #\d+/)]);
      connection.disconnect(); // removed in the thread too
      await a.doWork('y');
      expect(await b.callCount()).toBe(1);
      const queued = a.resultReady.connect(b, 'doWork', ConnectionType.QueuedConnection); // on the thread's loop
      await a.doWork('z');
      await a.callCount(); // b's queued call ran before this one
      expect(await b.callCount()).toBe(2);
      queued.disconnect();
    } finally {
      thread.quit();
      await thread.wait();
    }
  });

  test('started is emitted from the new thread, before run(): a slot of an object living there has run when run() begins', async () => {
    // Qt's worker-object pattern: connect(thread, &QThread::started, worker, &Worker::doWork) runs doWork in the
    // new thread, directly, before run().
    const thread = new ProbeThread();
    const probe = thread.create(Probe);
    thread.started.connect(probe, 'hit');
    const report = thread.report.once();
    thread.start();
    try {
      expect(await report).toEqual([1, 1]);
      expect(await thread.wait(5_000)).toBe(true);
    } finally {
      await stop(thread);
    }
  });

  test('a started slot that ran in the thread does not run again from the main side; a queued one runs once', async () => {
    const thread = new QThread(); // run() = exec(): the loop stays for the calls below
    const probe = thread.create(Probe);
    thread.started.connect(probe, 'hit'); // Auto: in the new thread, before run()
    thread.started.connect(probe, 'hit', ConnectionType.QueuedConnection); // queued to the new thread's loop
    const started = thread.started.once();
    thread.start();
    try {
      await started;
      expect(await probe.count()).toBe(2); // a call queued behind both
    } finally {
      thread.quit();
      await thread.wait();
    }
  });

  // The main-side object's flag decides, when the emissions are delivered (the worker's copy cannot see it).
  test('blockSignals() on the thread object drops the emissions made in its run(), as on any sender', async () => {
    const thread = new CounterThread();
    thread.count = 5;
    const received: number[] = [];
    thread.value.connect((n) => received.push(n));
    expect(thread.blockSignals(true)).toBe(false);
    thread.start();
    expect(await thread.wait()).toBe(true);
    expect(received).toEqual([]);
  });

  test('a QSignalBlocker on the thread object drops its emissions until it is disposed', async () => {
    const thread = new CounterThread();
    thread.count = 3;
    const received: number[] = [];
    thread.value.connect((n) => received.push(n));
    {
      using blocker = new QSignalBlocker(thread);
      thread.start();
      expect(await thread.wait()).toBe(true);
      void blocker;
    }
    expect(received).toEqual([]);
    thread.start();
    expect(await thread.wait()).toBe(true);
    expect(received).toEqual([0, 1, 2]);
  });

  test('queued emits made before a blocking emit are delivered before its slot runs, and in order after it', async () => {
    const thread = new MixedThread();
    const order: string[] = [];
    thread.queued.connect((n) => order.push(`queued ${n}`), ConnectionType.QueuedConnection);
    thread.blocking.connect((n) => order.push(`blocking ${n}`), ConnectionType.BlockingQueuedConnection);
    const finished = thread.finished.once();
    thread.start();
    await finished;
    expect(order).toEqual(['queued 1', 'queued 2', 'blocking 3', 'queued 4']);
  });

  test('nothing is lost: emits made before a worker calls process.exit are delivered before finished', async () => {
    const thread = new EmitThenExitThread();
    thread.count = 10;
    const received: number[] = [];
    let receivedAtFinish = -1;
    const events: string[] = [];
    thread.value.connect((n) => received.push(n));
    thread.errorOccurred.connect((error) => events.push(`error: ${error.message}`));
    thread.finished.connect(() => {
      receivedAtFinish = received.length;
      events.push('finished');
    });
    thread.start();
    expect(await thread.wait()).toBe(true);
    expect(events).toEqual([expect.stringMatching(/exited with code 3/), 'finished']);
    expect(received).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(receivedAtFinish).toBe(10);
  });
});
