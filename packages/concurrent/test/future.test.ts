import { QObject } from '@sigslot/core';
import { QFuture, QFutureSynchronizer, QFutureWatcher, QPromise, TaskCanceledError } from '@sigslot/concurrent';

/** Records every watcher signal, in order, as `name(args)`. */
function record<T>(watcher: QFutureWatcher<T>): string[] {
  const log: string[] = [];
  for (const name of ['started', 'finished', 'canceled', 'suspending', 'suspended', 'resumed'] as const)
    watcher[name].connect(() => log.push(name));
  watcher.resultsReadyAt.connect((b, e) => log.push(`resultsReadyAt(${b},${e})`));
  watcher.resultReadyAt.connect((i) => log.push(`resultReadyAt(${i})`));
  watcher.progressRangeChanged.connect((min, max) => log.push(`progressRangeChanged(${min},${max})`));
  watcher.progressValueChanged.connect((v) => log.push(`progressValueChanged(${v})`));
  watcher.progressTextChanged.connect((t) => log.push(`progressTextChanged(${t})`));
  return log;
}

describe('QPromise and QFuture', () => {
  test('QP-2 addResult appends, stores at an index, and returns false when the index is taken or after cancel', () => {
    const promise = new QPromise<string>();
    const future = promise.future();
    promise.start();
    expect(promise.addResult('a')).toBe(true);
    expect(promise.addResult('c', 2)).toBe(true);
    expect(promise.addResult('x', 2)).toBe(false);
    expect(future.results()).toEqual(['a', 'c']);
    expect(future.resultAt(2)).toBe('c');
    expect(future.isResultReadyAt(1)).toBe(false);
    future.cancel();
    expect(promise.isCanceled()).toBe(true);
    expect(promise.addResult('late')).toBe(false);
    expect(future.results()).toEqual(['a', 'c']);
  });

  test('QP-3 progress only rises, is ignored outside the range, and a reversed range means max = min', () => {
    const promise = new QPromise<number>();
    const future = promise.future();
    promise.setProgressRange(0, 100);
    promise.setProgressValue(10);
    promise.setProgressValue(5);
    promise.setProgressValue(101);
    expect(future.progressValue()).toBe(10);
    promise.setProgressRange(50, 20);
    expect([future.progressMinimum(), future.progressMaximum(), future.progressValue()]).toEqual([50, 50, 50]);
    promise.setProgressValueAndText(50, 'half');
    expect(future.progressText()).toBe('half');
  });

  test('QP-1 a promise disposed without finish() cancels and finishes its future', async () => {
    let future: QFuture<number>;
    {
      using promise = new QPromise<number>();
      future = promise.future();
      promise.start();
    }
    expect(future.isCanceled()).toBe(true);
    expect(future.isFinished()).toBe(true);
    await expect(future).rejects.toBeInstanceOf(TaskCanceledError);
  });

  test('QF-2 a future is awaitable: its first result, or the error it failed with', async () => {
    const ok = new QPromise<number>();
    ok.addResult(42);
    ok.finish();
    expect(await ok.future()).toBe(42);
    const bad = new QPromise<number>();
    bad.setException(new RangeError('no'));
    bad.finish();
    await expect(bad.future()).rejects.toThrow(RangeError);
  });

  test('QF-9 then() chains a continuation; onFailed(Type) handles only that type; onCanceled handles a cancel', async () => {
    const p = new QPromise<number>();
    const doubled = p.future().then((v) => v * 2);
    p.addResult(21);
    p.finish();
    expect(await doubled).toBe(42);

    const failing = new QPromise<number>();
    const handled = failing
      .future()
      .onFailed(TypeError, () => -1)
      .onFailed(RangeError, (e) => e.message.length);
    failing.setException(new RangeError('abc'));
    failing.finish();
    expect(await handled).toBe(3);

    const canceled = new QPromise<number>();
    const after = canceled.future().onCanceled(() => 7);
    canceled.future().cancel();
    canceled.finish();
    expect(await after).toBe(7);
  });

  test("QF-9 then(context, fn) runs fn in the context object's thread, after the current turn", async () => {
    const context = new QObject();
    const p = new QPromise<number>();
    const seen: string[] = [];
    const next = p.future().thenOn(context, (v) => {
      seen.push(`continuation ${v}`);
      return v + 1;
    });
    p.addResult(1);
    p.finish();
    seen.push('after finish');
    expect(await next).toBe(2);
    expect(seen).toEqual(['after finish', 'continuation 1']);
  });

  test('QS-1 QFutureSynchronizer waits for every future when its block ends', async () => {
    const a = new QPromise<number>();
    const b = new QPromise<number>();
    {
      await using sync = new QFutureSynchronizer(a.future());
      sync.addFuture(b.future());
      setTimeout(() => a.finish(), 5);
      setTimeout(() => b.finish(), 10);
    }
    expect(a.future().isFinished() && b.future().isFinished()).toBe(true);
  });
});

describe('QFutureWatcher', () => {
  test('QW-4 with no future, isStarted, isCanceled and isFinished are true', () => {
    const watcher = new QFutureWatcher<number>();
    expect([watcher.isStarted(), watcher.isCanceled(), watcher.isFinished()]).toEqual([true, true, true]);
  });

  test('QW-2 setFuture on a finished future replays started, progress, results, then finished', async () => {
    const p = new QPromise<number>();
    p.start();
    p.setProgressRange(0, 10);
    p.setProgressValue(10);
    p.addResults([1, 2]);
    p.finish();
    const watcher = new QFutureWatcher<number>();
    const log = record(watcher);
    watcher.setFuture(p.future());
    expect(log).toEqual([]); // QW-1: queued, never inside setFuture
    await watcher.finished.once();
    expect(log).toEqual([
      'started',
      'progressRangeChanged(0,10)',
      'progressValueChanged(10)',
      'resultsReadyAt(0,2)',
      'resultReadyAt(0)',
      'resultReadyAt(1)',
      'finished',
    ]);
  });

  test('QW-3 connecting after setFuture in the same turn still sees everything', async () => {
    const p = new QPromise<number>();
    p.addResult(5);
    p.finish();
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(p.future());
    const log = record(watcher);
    await watcher.finished.once();
    expect(log).toContain('finished');
    expect(log).toContain('resultsReadyAt(0,1)');
  });

  test('QW-5 after cancel, result and progress signals are dropped, even ones already queued; finished still comes', async () => {
    const p = new QPromise<number>();
    const watcher = new QFutureWatcher<number>();
    const log = record(watcher);
    watcher.setFuture(p.future());
    p.start();
    p.addResult(1); // queued, not yet delivered
    p.setProgressRange(0, 10);
    p.setProgressValue(3);
    p.future().cancel();
    p.addResult(2);
    p.finish();
    await watcher.finished.once();
    expect(log).toEqual(['started', 'progressRangeChanged(0,10)', 'canceled', 'finished']);
  });

  test('QW-6 progress in a tight loop: few signals, the first and the last (the maximum) always delivered', async () => {
    const p = new QPromise<number>();
    const watcher = new QFutureWatcher<number>();
    const values: number[] = [];
    watcher.progressValueChanged.connect((v) => values.push(v));
    watcher.setFuture(p.future());
    p.start();
    p.setProgressRange(0, 100_000);
    for (let i = 1; i <= 100_000; i++) p.setProgressValue(i);
    p.finish();
    await watcher.finished.once();
    expect(values[0]).toBe(1);
    expect(values[values.length - 1]).toBe(100_000);
    // A few per 40 ms of the loop (slower under coverage or load), never one per value.
    expect(values.length).toBeLessThan(100);
  });

  test('QW-6 a value below the maximum that was held back by the throttle still arrives', async () => {
    const p = new QPromise<number>();
    const watcher = new QFutureWatcher<number>();
    const values: number[] = [];
    watcher.progressValueChanged.connect((v) => values.push(v));
    watcher.setFuture(p.future());
    p.setProgressRange(0, 100);
    p.setProgressValue(1);
    p.setProgressValue(2);
    p.setProgressValue(3);
    await watcher.progressValueChanged.once();
    while (values[values.length - 1] !== 3) await watcher.progressValueChanged.once();
    expect(values).toEqual([1, 3]);
    p.finish();
  });

  test('QW-10 a watcher counting resultReadyAt sees every result before finished', async () => {
    const p = new QPromise<number>();
    const watcher = new QFutureWatcher<number>();
    let count = 0;
    let countAtFinished = -1;
    watcher.resultReadyAt.connect(() => count++);
    watcher.finished.connect(() => (countAtFinished = count));
    watcher.setFuture(p.future());
    for (let i = 0; i < 1000; i++) p.addResult(i);
    p.finish();
    await watcher.finished.once();
    expect(countAtFinished).toBe(1000);
  });

  test('QF-3 suspend: suspending at once, suspended when the computation reaches its pause point, resumed after', async () => {
    const p = new QPromise<number>();
    const watcher = new QFutureWatcher<number>();
    const log = record(watcher);
    watcher.setFuture(p.future());
    p.start();
    watcher.suspend();
    expect(p.future().isSuspending()).toBe(true);
    p.suspendIfRequested();
    expect(p.future().isSuspended()).toBe(true);
    watcher.resume();
    p.finish();
    await watcher.finished.once();
    expect(log).toEqual(['started', 'suspending', 'suspended', 'resumed', 'finished']);
  });
});
