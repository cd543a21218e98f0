import { EventEmitter } from 'node:events';
import {
  ConnectionType,
  EventSignal,
  InvalidArgumentError,
  QObject,
  Signal,
  SignalSpy,
  fromEventEmitter,
  fromEventTarget,
  toEventEmitter,
  toEventTarget,
  type TypedEventEmitter,
  type TypedEventTarget,
} from '@sigslot/core';
import { captureErrors, flushQueued } from './helpers';

type DownloadEvents = {
  data: (chunk: string, index: number) => void;
  end: () => void;
};

/** How many listeners the emitter has for `event` (TypedEventEmitter types only what the bridges use). */
const listenerCount = (emitter: TypedEventEmitter<DownloadEvents>, event: keyof DownloadEvents): number =>
  (emitter as unknown as EventEmitter).listenerCount(event);

class View extends QObject {
  readonly chunks: string[] = [];
  readonly rendered = new Signal<[chunk: string, index: number]>(this);
  onData(chunk: string, index: number): void {
    this.chunks.push(`${index}:${chunk}`);
  }
}

describe('fromEventEmitter', () => {
  test("emits the signal with the event's arguments each time the emitter emits it", () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const data = fromEventEmitter(emitter, 'data');
    expect(data).toBeInstanceOf(EventSignal);
    expect(data).toBeInstanceOf(Signal);
    expect(data.name).toBe('data');
    const spy = new SignalSpy(data);
    emitter.emit('data', 'a', 0);
    emitter.emit('end');
    emitter.emit('data', 'b', 1);
    expect([...spy]).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(listenerCount(emitter, 'data')).toBe(1);
  });

  test("a receiver's slot runs according to its connection type", async () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const view = new View();
    fromEventEmitter(emitter, 'data').connect(view, view.onData, ConnectionType.QueuedConnection);
    emitter.emit('data', 'x', 3);
    expect(view.chunks).toEqual([]);
    await flushQueued();
    expect(view.chunks).toEqual(['3:x']);
  });

  test('removal of the listener via AbortSignal', () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const controller = new AbortController();
    const end = fromEventEmitter(emitter, 'end', { signal: controller.signal });
    const spy = new SignalSpy(end);
    emitter.emit('end');
    expect(end.listening).toBe(true);
    controller.abort();
    expect(end.listening).toBe(false);
    expect(listenerCount(emitter, 'end')).toBe(0);
    emitter.emit('end');
    expect(spy.count).toBe(1);
  });

  test('removal of the listener via dispose(), or `using`', () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const controller = new AbortController();
    const data = fromEventEmitter(emitter, 'data', { signal: controller.signal, name: 'download.data' });
    expect(data.describe()).toBe('download.data');
    data.dispose();
    data.dispose();
    expect(listenerCount(emitter, 'data')).toBe(0);
    controller.abort(); // after dispose: nothing left to remove
    {
      using end = fromEventEmitter(emitter, 'end');
      expect(end.listening).toBe(true);
      expect(listenerCount(emitter, 'end')).toBe(1);
    }
    expect(listenerCount(emitter, 'end')).toBe(0);
  });

  test('an already aborted signal never adds the listener', () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const data = fromEventEmitter(emitter, 'data', { signal: AbortSignal.abort() });
    expect(data.listening).toBe(false);
    expect(listenerCount(emitter, 'data')).toBe(0);
  });

  test("a slot that throws is reported with the event's name, and the emitter's other listeners still run", () => {
    const { errors, restore } = captureErrors();
    try {
      const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
      fromEventEmitter(emitter, 'data').connect(() => {
        throw new Error('bad chunk');
      });
      const other = jest.fn();
      emitter.on('data', other);
      expect(emitter.emit('data', 'a', 0)).toBe(true);
      expect(other).toHaveBeenCalledWith('a', 0);
      expect(errors.map((e) => e.context.signal)).toEqual(['data']);
    } finally {
      restore();
    }
  });
});

describe('toEventEmitter', () => {
  test('re-emits each emission on the emitter, until disconnected', () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const view = new View();
    const received: Array<[string, number]> = [];
    emitter.on('data', (chunk, index) => received.push([chunk, index]));
    const connection = toEventEmitter(view.rendered, emitter, 'data');
    view.rendered.emit('a', 1);
    expect(received).toEqual([['a', 1]]);
    expect(connection.slotName()).toBe('EventEmitter.emit("data")');
    connection.disconnect();
    view.rendered.emit('b', 2);
    expect(received).toEqual([['a', 1]]);
  });

  test("with QueuedConnection, the emitter emits after the signal's emit returns", async () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const end = new Signal<[]>(new View(), 'end');
    const listener = jest.fn();
    emitter.on('end', listener);
    toEventEmitter(end, emitter, 'end', ConnectionType.QueuedConnection);
    end.emit();
    expect(listener).not.toHaveBeenCalled();
    await flushQueued();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('a round trip through an emitter keeps the arguments', () => {
    const emitter = new EventEmitter() as TypedEventEmitter<DownloadEvents>;
    const view = new View();
    toEventEmitter(view.rendered, emitter, 'data');
    const back = fromEventEmitter(emitter, 'data');
    back.connect(view, view.onData);
    view.rendered.emit('z', 9);
    expect(view.chunks).toEqual(['9:z']);
  });
});

type ProgressEvents = { progress: CustomEvent<number>; done: Event };

describe('fromEventTarget', () => {
  test('emits the signal with each dispatched event of that type', () => {
    const target = new EventTarget() as TypedEventTarget<ProgressEvents>;
    const progress = fromEventTarget(target, 'progress');
    const percents: number[] = [];
    progress.connect((event) => percents.push(event.detail));
    target.dispatchEvent(new CustomEvent('progress', { detail: 10 }));
    target.dispatchEvent(new Event('done'));
    target.dispatchEvent(new CustomEvent('progress', { detail: 20 }));
    expect(percents).toEqual([10, 20]);
    expect(progress.name).toBe('progress');
  });

  test('on a plain EventTarget any type is accepted and the event is an Event', () => {
    const target = new EventTarget();
    const spy = new SignalSpy(fromEventTarget(target, 'anything'));
    const event = new Event('anything');
    target.dispatchEvent(event);
    expect(spy.at(0)).toEqual([event]);
  });

  test('the AbortSignal, dispose() and `using` remove the listener', () => {
    const target = new EventTarget() as TypedEventTarget<ProgressEvents>;
    const controller = new AbortController();
    const fromAbort = fromEventTarget(target, 'done', { signal: controller.signal, capture: true, passive: true });
    const fromDispose = fromEventTarget(target, 'done', { capture: true });
    const a = new SignalSpy(fromAbort);
    const b = new SignalSpy(fromDispose);
    let c: SignalSpy<[Event]>;
    {
      using scoped = fromEventTarget(target, 'done');
      c = new SignalSpy(scoped);
      target.dispatchEvent(new Event('done'));
    }
    controller.abort();
    fromDispose.dispose();
    target.dispatchEvent(new Event('done'));
    expect([a.count, b.count, c.count]).toEqual([1, 1, 1]);
    expect(fromAbort.listening).toBe(false);
  });
});

describe('toEventTarget', () => {
  test('dispatches the event made from each emission', () => {
    const target = new EventTarget() as TypedEventTarget<ProgressEvents>;
    const percent = new Signal<[value: number]>(null, 'percent');
    const seen: number[] = [];
    target.addEventListener('progress', (event) => seen.push((event as CustomEvent<number>).detail));
    const connection = toEventTarget(
      percent,
      target,
      'progress',
      (value) => new CustomEvent('progress', { detail: value }),
    );
    percent.emit(50);
    percent.emit(100);
    expect(seen).toEqual([50, 100]);
    expect(connection.slotName()).toBe('EventTarget.dispatchEvent("progress")');
    connection.disconnect();
    percent.emit(0);
    expect(seen).toEqual([50, 100]);
  });

  test('an event whose type is not the one named is reported as InvalidArgumentError, and not dispatched', () => {
    const { errors, restore } = captureErrors();
    try {
      const target = new EventTarget() as TypedEventTarget<ProgressEvents>;
      const percent = new Signal<[value: number]>(null, 'percent');
      const listener = jest.fn();
      target.addEventListener('progress', listener);
      target.addEventListener('other', listener);
      toEventTarget(percent, target, 'progress', (value) => new CustomEvent('other', { detail: value }));
      toEventTarget(percent, target, 'progress', () => null as unknown as CustomEvent<number>);
      percent.emit(1);
      expect(listener).not.toHaveBeenCalled();
      expect(errors.map((e) => e.error)).toEqual([expect.any(InvalidArgumentError), expect.any(InvalidArgumentError)]);
      expect((errors[0]!.error as Error).message).toBe(
        'toEventTarget(percent, "progress"): makeEvent returned an event of type "other"; it must return an Event whose type is "progress".',
      );
      expect((errors[1]!.error as Error).message).toContain('makeEvent returned null');
      expect(errors[0]!.context.signal).toBe('percent');
    } finally {
      restore();
    }
  });
});
