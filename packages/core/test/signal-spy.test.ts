import {
  ConnectionType,
  InvalidArgumentError,
  QObject,
  QTimer,
  Signal,
  SignalSpy,
  WaitTimeoutError,
  invokeMethod,
  waitFor,
} from '@sigslot/core';
import { flushQueued } from './helpers';

class Counter extends QObject {
  readonly valueChanged = new Signal<[value: number, label: string]>(this);
  value = 0;
  setValue(value: number): void {
    this.value = value;
    this.valueChanged.emit(value, `v${value}`);
  }
}

describe('SignalSpy', () => {
  test('records every emission with its arguments, in order', () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.valueChanged);
    expect(spy.count).toBe(0);
    counter.setValue(1);
    counter.setValue(2);
    counter.setValue(3);
    expect(spy.count).toBe(3);
    expect(spy).toHaveLength(3);
    expect(spy.at(0)).toEqual([1, 'v1']);
    expect(spy.at(-1)).toEqual([3, 'v3']);
    expect([...spy]).toEqual([
      [1, 'v1'],
      [2, 'v2'],
      [3, 'v3'],
    ]);
    expect(spy.signal).toBe(counter.valueChanged);
  });

  test('takeFirst and takeLast remove what they return; clear forgets all and keeps recording', () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.valueChanged);
    [1, 2, 3, 4].forEach((v) => counter.setValue(v));
    expect(spy.takeFirst()).toEqual([1, 'v1']);
    expect(spy.takeLast()).toEqual([4, 'v4']);
    expect(spy.count).toBe(2);
    spy.clear();
    expect(spy.count).toBe(0);
    counter.setValue(5);
    expect([...spy]).toEqual([[5, 'v5']]);
  });

  test('reading an emission that was not recorded throws a clear error', () => {
    const counter = new Counter().setObjectName('c');
    const spy = new SignalSpy(counter.valueChanged);
    counter.setValue(1);
    expect(() => spy.at(1)).toThrow(InvalidArgumentError);
    expect(() => spy.at(1)).toThrow(
      'SignalSpy(Counter "c".valueChanged).at(1): 1 emission is recorded, so there is no emission 1.',
    );
    spy.clear();
    expect(() => spy.at(0)).toThrow('0 emissions are recorded');
    expect(() => spy.takeFirst()).toThrow(/takeFirst\(\): no emission is recorded/);
    expect(() => spy.takeLast()).toThrow(/takeLast\(\): no emission is recorded/);
  });

  test('wait() resolves true when the next emission arrives from the event loop', async () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.valueChanged);
    counter.setValue(1); // before wait(): does not count for it
    const waiting = spy.wait();
    void invokeMethod(counter, 'setValue', ConnectionType.QueuedConnection, 2);
    expect(spy.count).toBe(1);
    await expect(waiting).resolves.toBe(true);
    expect(spy.count).toBe(2);
    expect(spy.at(1)).toEqual([2, 'v2']);
  });

  test('wait() resolves false on timeout', async () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.valueChanged);
    const started = Date.now();
    await expect(spy.wait(30)).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(spy.count).toBe(0);
  });

  test('wait() releases every waiter on one emission', async () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.valueChanged);
    const a = spy.wait();
    const b = spy.wait();
    counter.setValue(1);
    await expect(Promise.all([a, b])).resolves.toEqual([true, true]);
  });

  test('wait() resolves false at once when the owner is destroyed', async () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.valueChanged);
    const waiting = spy.wait(60_000);
    counter.destroy();
    await expect(waiting).resolves.toBe(false);
    expect(spy.isValid).toBe(false);
    await expect(spy.wait(60_000)).resolves.toBe(false);
  });

  test('a spy on destroyed records the destruction', async () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.destroyed);
    const waiting = spy.wait();
    counter.destroy();
    await expect(waiting).resolves.toBe(true);
    expect([...spy]).toEqual([[counter]]);
  });

  test('dispose() disconnects, releases waiters with false, and keeps what was recorded', async () => {
    const counter = new Counter();
    const spy = new SignalSpy(counter.valueChanged);
    counter.setValue(1);
    const waiting = spy.wait(60_000);
    spy.dispose();
    await expect(waiting).resolves.toBe(false);
    expect(spy.isValid).toBe(false);
    counter.setValue(2);
    expect(spy.count).toBe(1);
    expect(counter.valueChanged.connectionCount).toBe(0);
    expect(counter.destroyed.connectionCount).toBe(0);
    spy.dispose(); // twice is harmless
  });

  test('`using` a spy disposes it at the end of the scope', () => {
    const counter = new Counter();
    {
      using spy = new SignalSpy(counter.valueChanged);
      counter.setValue(1);
      expect(spy.count).toBe(1);
    }
    expect(counter.valueChanged.connectionCount).toBe(0);
  });

  test('wait() refuses a negative or infinite timeout', () => {
    const spy = new SignalSpy(new Signal<[]>());
    expect(() => spy.wait(-1)).toThrow(InvalidArgumentError);
    expect(() => spy.wait(Number.POSITIVE_INFINITY)).toThrow(/finite number of milliseconds/);
  });

  test('a spy works on a signal without owner', () => {
    const standalone = new Signal<[string]>(null, 'message');
    const spy = new SignalSpy(standalone);
    standalone.emit('a');
    expect(spy.takeFirst()).toEqual(['a']);
  });
});

describe('waitFor', () => {
  test('resolves once the condition holds, letting timers and queued calls run meanwhile', async () => {
    const counter = new Counter();
    const timer = new QTimer();
    timer.timeout.connect(counter, () => counter.setValue(counter.value + 1));
    timer.start(1);
    await waitFor(() => counter.value >= 3);
    timer.stop();
    expect(counter.value).toBeGreaterThanOrEqual(3);
    timer.destroy();
  });

  test('resolves at once, without waiting, when the condition already holds', async () => {
    let checks = 0;
    await waitFor(() => ++checks > 0, 0);
    expect(checks).toBe(1);
  });

  test('rejects with WaitTimeoutError naming the condition', async () => {
    const counter = new Counter();
    const failure = waitFor(() => counter.value === 42, 30);
    await expect(failure).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(failure).rejects.toThrow(
      /^waitFor: the condition `\(\) => counter\.value === 42` was still false after 30 ms \(\d+ checks\)\.$/,
    );
  });

  test('a description replaces the source text; a throwing check counts as false and becomes the cause', async () => {
    const cause = new Error('not ready');
    const failure = waitFor(
      () => {
        throw cause;
      },
      20,
      { description: 'the server is ready', intervalMs: 5 },
    );
    await expect(failure).rejects.toThrow(
      /the condition the server is ready was still false after 20 ms .*; its last check threw: Error: not ready\.$/,
    );
    await failure.catch((error: Error) => expect(error.cause).toBe(cause));
  });

  test('refuses a non-function condition and bad timings', () => {
    expect(() => waitFor(true as unknown as () => boolean)).toThrow(InvalidArgumentError);
    expect(() => waitFor(() => true, -1)).toThrow(/the timeout must be/);
    expect(() => waitFor(() => true, 10, { intervalMs: 0 })).toThrow(/intervalMs must be/);
  });

  test('a queued call is delivered while waitFor polls', async () => {
    const counter = new Counter();
    void invokeMethod(counter, 'setValue', ConnectionType.QueuedConnection, 7);
    await waitFor(() => counter.value === 7, 1000);
    await flushQueued();
    expect(counter.value).toBe(7);
  });
});

test('SignalSpy.wait() on a signal whose owner is already destroyed resolves false at once', async () => {
  const counter = new Counter();
  counter.destroy();
  const spy = new SignalSpy(counter.valueChanged);
  await expect(spy.wait(60_000)).resolves.toBe(false);
});
