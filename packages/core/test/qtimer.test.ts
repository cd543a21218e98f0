import {
  AffinityError,
  ConnectionType,
  InvalidArgumentError,
  QObject,
  QTimer,
  SignalSpy,
  SingleShotTimer,
  currentThread,
  waitFor,
} from '@sigslot/core';
import { captureErrors, deferred } from './helpers';

/** How many platform timers are pending in this process: what keeps Node alive. */
function pendingTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

class Context extends QObject {
  readonly calls: Array<{ self: unknown; thread: unknown }> = [];
  ping(): void {
    this.calls.push({ self: this, thread: currentThread() });
  }
}

describe('QTimer', () => {
  test('a started timer emits timeout repeatedly until stopped', async () => {
    const timer = new QTimer();
    const spy = new SignalSpy(timer.timeout);
    expect(timer.isActive()).toBe(false);
    timer.start(5);
    expect(timer.isActive()).toBe(true);
    expect(timer.interval).toBe(5);
    await waitFor(() => spy.count >= 3);
    timer.stop();
    expect(timer.isActive()).toBe(false);
    const count = spy.count;
    expect(await spy.wait(40)).toBe(false); // stopped: no more timeouts
    expect(spy.count).toBe(count);
    timer.destroy();
  });

  test('a single-shot timer times out once per start, and is inactive inside its slot', async () => {
    const timer = new QTimer();
    timer.singleShot = true;
    expect(timer.singleShot).toBe(true);
    const activeInSlot: boolean[] = [];
    timer.timeout.connect(() => activeInSlot.push(timer.isActive()));
    const spy = new SignalSpy(timer.timeout);
    timer.start(1);
    expect(await spy.wait()).toBe(true);
    expect(timer.isActive()).toBe(false);
    expect(await spy.wait(30)).toBe(false);
    expect(spy.count).toBe(1);
    expect(activeInSlot).toEqual([false]);
    timer.start(); // restarts with the same interval
    expect(await spy.wait()).toBe(true);
    expect(spy.count).toBe(2);
  });

  test('a slot may restart a single-shot timer or stop a repeating one', async () => {
    const repeating = new QTimer();
    let ticks = 0;
    repeating.timeout.connect(() => {
      if (++ticks === 2) repeating.stop();
    });
    repeating.start(1);
    await waitFor(() => ticks === 2);
    expect(repeating.isActive()).toBe(false);

    const single = new QTimer();
    single.singleShot = true;
    let shots = 0;
    single.timeout.connect(() => {
      if (++shots < 3) single.start();
    });
    single.start(1);
    await waitFor(() => shots === 3);
    expect(single.isActive()).toBe(false);
  });

  test('setting the interval of an active timer restarts it; remainingTime reflects it', () => {
    const timer = new QTimer();
    expect(timer.remainingTime()).toBe(-1);
    timer.start(10_000);
    expect(timer.remainingTime()).toBeGreaterThan(9_000);
    expect(timer.remainingTime()).toBeLessThanOrEqual(10_000);
    timer.interval = 20_000;
    expect(timer.isActive()).toBe(true);
    expect(timer.remainingTime()).toBeGreaterThan(19_000);
    timer.stop();
    timer.interval = 5;
    expect(timer.isActive()).toBe(false);
    expect(timer.interval).toBe(5);
  });

  test('destroying a timer, or its parent, stops it and clears its platform timer', () => {
    const parent = new QObject();
    const timer = new QTimer(parent);
    const before = pendingTimers();
    timer.start(60_000);
    expect(pendingTimers()).toBe(before + 1);
    parent.destroy();
    expect(timer.isDestroyed()).toBe(true);
    expect(timer.isActive()).toBe(false);
    expect(pendingTimers()).toBe(before);
    expect(() => timer.start()).toThrow(InvalidArgumentError);
  });

  test("a timer's slot that throws goes through the error handler, and the timer keeps running", async () => {
    const { errors, restore } = captureErrors();
    try {
      const timer = new QTimer().setObjectName('poller');
      const receiver = new Context().setObjectName('ctx');
      timer.timeout.connect(receiver, function failing() {
        throw new Error('tick failed');
      });
      const spy = new SignalSpy(timer.timeout);
      timer.start(1);
      await waitFor(() => spy.count >= 2);
      timer.destroy();
      expect(errors.length).toBeGreaterThanOrEqual(2);
      expect(errors[0]!.context.signal).toBe('QTimer "poller".timeout');
      expect(errors[0]!.context.receiver).toBe('Context "ctx"');
      expect((errors[0]!.error as Error).message).toBe('tick failed');
    } finally {
      restore();
    }
  });

  test('an error thrown by the routing itself (a deadlock) is reported, not thrown into the platform loop', async () => {
    const { errors, restore } = captureErrors();
    try {
      const timer = new QTimer();
      timer.singleShot = true;
      timer.timeout.connect(new Context(), () => undefined, ConnectionType.BlockingQueuedConnection); // to this same thread
      timer.start(1);
      await waitFor(() => errors.length === 1);
      expect(errors[0]!.error).toMatchObject({ name: 'DeadlockError' });
      expect(errors[0]!.context.signal).toBe('QTimer.timeout');
      timer.destroy();
    } finally {
      restore();
    }
  });

  test('blockSignals on a timer drops its timeouts', async () => {
    const timer = new QTimer();
    timer.blockSignals(true);
    const spy = new SignalSpy(timer.timeout);
    let fired = 0;
    timer.timeout.connect(() => fired++);
    timer.singleShot = true;
    timer.start(1);
    await waitFor(() => !timer.isActive());
    expect(spy.count).toBe(0);
    expect(fired).toBe(0);
  });

  test('a timer taken out of its thread stops, and cannot be started without one', () => {
    const timer = new QTimer().setObjectName('t');
    timer.start(60_000);
    timer.moveToThread(null);
    expect(timer.isActive()).toBe(false);
    expect(() => timer.start()).toThrow(AffinityError);
    expect(() => timer.start()).toThrow(
      'QTimer "t".start() was called from thread main, but the timer has no thread (it was moved to null). Timers cannot be started from another thread; start it on its own thread, or move it back there first.',
    );
    timer.moveToThread(currentThread());
    timer.start(60_000);
    expect(timer.isActive()).toBe(true);
    timer.destroy();
  });

  test('a timer whose parent leaves the thread stops at its next timeout', async () => {
    const parent = new QObject();
    const timer = new QTimer(parent);
    const spy = new SignalSpy(timer.timeout);
    timer.start(1);
    parent.moveToThread(null);
    await waitFor(() => !timer.isActive());
    expect(spy.count).toBe(0);
  });

  test('intervals must be finite, not negative, and fit a platform timer', () => {
    const timer = new QTimer();
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      expect(() => timer.start(bad)).toThrow(InvalidArgumentError);
      expect(() => (timer.interval = bad)).toThrow(InvalidArgumentError);
    }
    expect(() => timer.start(-1)).toThrow(/Timers cannot have negative timeouts/);
    expect(timer.isActive()).toBe(false);
    expect(timer.interval).toBe(0);
  });
});

describe('QTimer.singleShot', () => {
  test('calls the function once after the delay', async () => {
    const called = deferred<number>();
    let calls = 0;
    const handle = QTimer.singleShot(1, () => called.resolve(++calls));
    expect(handle).toBeInstanceOf(SingleShotTimer);
    expect(handle.isActive()).toBe(true);
    await expect(called.promise).resolves.toBe(1);
    expect(handle.isActive()).toBe(false);
    expect(handle.remainingTime()).toBe(-1);
  });

  test("fires once in the context's thread, with the context as `this`", async () => {
    const context = new Context();
    const done = deferred();
    QTimer.singleShot(1, context, function (this: Context) {
      this.ping();
      done.resolve();
    });
    await done.promise;
    expect(context.calls).toEqual([{ self: context, thread: context.thread() }]);
  });

  test('takes a method name of the context', async () => {
    const context = new Context();
    const handle = QTimer.singleShot(1, context, 'ping');
    await waitFor(() => !handle.isActive());
    expect(context.calls).toHaveLength(1);
  });

  test('never fires if the context was destroyed first, and its platform timer is cleared', async () => {
    const context = new Context();
    const before = pendingTimers();
    const handle = QTimer.singleShot(60_000, context, 'ping');
    expect(pendingTimers()).toBe(before + 1);
    expect(handle.remainingTime()).toBeGreaterThan(59_000);
    context.destroy();
    expect(handle.isActive()).toBe(false);
    expect(pendingTimers()).toBe(before);

    const short = new Context();
    const called = jest.fn();
    QTimer.singleShot(1, short, called);
    short.destroy();
    const later = deferred();
    QTimer.singleShot(5, () => later.resolve());
    await later.promise;
    expect(called).not.toHaveBeenCalled();
  });

  test('stop() cancels it, and clears the platform timer; `using` does too', async () => {
    const before = pendingTimers();
    const called = jest.fn();
    const handle = QTimer.singleShot(60_000, called);
    handle.stop();
    handle.stop();
    expect(handle.isActive()).toBe(false);
    expect(pendingTimers()).toBe(before);
    {
      using scoped = QTimer.singleShot(60_000, called);
      expect(scoped.isActive()).toBe(true);
    }
    expect(pendingTimers()).toBe(before);
    expect(called).not.toHaveBeenCalled();
  });

  test('a context that fires leaves no connection behind on it', async () => {
    const context = new Context();
    const handle = QTimer.singleShot(1, context, 'ping');
    expect(context.destroyed.connectionCount).toBe(1);
    await waitFor(() => !handle.isActive());
    expect(context.destroyed.connectionCount).toBe(0);
  });

  test('a slot that throws goes through the error handler', async () => {
    const { errors, restore } = captureErrors();
    try {
      const context = new Context().setObjectName('ctx');
      QTimer.singleShot(1, context, function explode() {
        throw new Error('late failure');
      });
      await waitFor(() => errors.length === 1);
      expect((errors[0]!.error as Error).message).toBe('late failure');
      expect(errors[0]!.context.signal).toBe('QTimer.singleShot');
      expect(errors[0]!.context.receiver).toBe('Context "ctx"');
    } finally {
      restore();
    }
  });

  test('waits while the context has no thread, and fires when it is moved back', async () => {
    const context = new Context();
    context.moveToThread(null);
    const handle = QTimer.singleShot(1, context, 'ping');
    await waitFor(() => !handle.isActive());
    expect(context.calls).toHaveLength(0);
    context.moveToThread(currentThread());
    await waitFor(() => context.calls.length === 1);
  });

  test('refuses a destroyed context and a bad delay', () => {
    const context = new Context().setObjectName('gone');
    context.destroy();
    expect(() => QTimer.singleShot(1, context, 'ping')).toThrow(
      'QTimer.singleShot(1, Context "gone"): the context object is already destroyed.',
    );
    expect(() => QTimer.singleShot(-5, () => undefined)).toThrow(InvalidArgumentError);
  });
});
