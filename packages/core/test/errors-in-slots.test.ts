import {
  AffinityError,
  CancelledError,
  ConnectionType,
  ConnectionTypeError,
  DeadlockError,
  InvalidArgumentError,
  QObject,
  Signal,
  SigslotError,
  WaitTimeoutError,
  setErrorHandler,
} from '@sigslot/core';
import { captureErrors, deferred } from './helpers';

class Emitter extends QObject {
  readonly valueChanged = new Signal<[value: number]>(this);
}

class Receiver extends QObject {
  readonly seen: number[] = [];
  onValue(value: number): void {
    this.seen.push(value);
  }
  explode(value: number): void {
    throw new Error(`boom ${value}`);
  }
}

describe('a slot that throws', () => {
  test("a throwing slot does not stop the other slots; the handler gets the signal's and receiver's names", () => {
    const { errors, restore } = captureErrors();
    try {
      const emitter = new Emitter().setObjectName('source');
      const bad = new Receiver().setObjectName('bad');
      const good = new Receiver().setObjectName('good');
      emitter.valueChanged.connect(bad, bad.explode);
      emitter.valueChanged.connect(good, good.onValue);
      expect(() => emitter.valueChanged.emit(1)).not.toThrow();
      expect(good.seen).toEqual([1]);
      expect(errors).toHaveLength(1);
      const { error, context } = errors[0]!;
      expect((error as Error).message).toBe('boom 1');
      expect(context.signal).toBe('Emitter "source".valueChanged');
      expect(context.receiver).toBe('Receiver "bad"');
      expect(context.thread).toBe('main');
      expect(context.where).toBe('slot explode of Receiver "bad" for signal Emitter "source".valueChanged');
    } finally {
      restore();
    }
  });

  test('a plain-function slot that throws is reported with the signal and no receiver', () => {
    const { errors, restore } = captureErrors();
    try {
      const emitter = new Emitter();
      const after = jest.fn();
      emitter.valueChanged.connect(function thrower() {
        throw new TypeError('bad type');
      });
      emitter.valueChanged.connect(after);
      emitter.valueChanged.emit(2);
      expect(after).toHaveBeenCalledWith(2);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.error).toBeInstanceOf(TypeError);
      expect(errors[0]!.context.where).toBe('slot thrower for signal Emitter.valueChanged');
      expect(errors[0]!.context.receiver).toBeUndefined();
    } finally {
      restore();
    }
  });

  test('a queued slot that throws is reported and the loop goes on to the next call', async () => {
    const { errors, restore } = captureErrors();
    try {
      const emitter = new Emitter();
      const bad = new Receiver().setObjectName('bad');
      const good = new Receiver();
      const done = deferred();
      emitter.valueChanged.connect(bad, bad.explode, ConnectionType.QueuedConnection);
      emitter.valueChanged.connect(
        good,
        (v: number) => (good.onValue(v), done.resolve()),
        ConnectionType.QueuedConnection,
      );
      emitter.valueChanged.emit(3);
      await done.promise;
      expect(good.seen).toEqual([3]);
      expect(errors.map((e) => [(e.error as Error).message, e.context.receiver])).toEqual([
        ['boom 3', 'Receiver "bad"'],
      ]);
    } finally {
      restore();
    }
  });

  test('the default handler writes to console.error with where it happened', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const emitter = new Emitter().setObjectName('e');
      const bad = new Receiver().setObjectName('r');
      emitter.valueChanged.connect(bad, bad.explode);
      emitter.valueChanged.emit(4);
      expect(consoleError).toHaveBeenCalledTimes(1);
      const [text, error] = consoleError.mock.calls[0]!;
      expect(text).toBe(
        'sigslot: uncaught error in slot explode of Receiver "r" for signal Emitter "e".valueChanged on thread main:',
      );
      expect((error as Error).message).toBe('boom 4');
    } finally {
      consoleError.mockRestore();
    }
  });

  test('setErrorHandler returns the previous handler, and undefined restores the default', () => {
    const mine = (): void => undefined;
    const original = setErrorHandler(mine);
    expect(setErrorHandler(undefined)).toBe(mine);
    expect(setErrorHandler(original)).not.toBe(mine);
  });

  test('a handler that throws is itself reported to console.error, and emit still returns', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const previous = setErrorHandler(() => {
      throw new Error('handler broke');
    });
    try {
      const emitter = new Emitter();
      const bad = new Receiver();
      const after = jest.fn();
      emitter.valueChanged.connect(bad, bad.explode);
      emitter.valueChanged.connect(after);
      expect(() => emitter.valueChanged.emit(5)).not.toThrow();
      expect(after).toHaveBeenCalled();
      expect(consoleError).toHaveBeenCalledWith(
        'sigslot: the error handler threw while reporting',
        expect.objectContaining({ message: 'boom 5' }),
        expect.objectContaining({ message: 'handler broke' }),
      );
    } finally {
      setErrorHandler(previous);
      consoleError.mockRestore();
    }
  });

  test('every error class shares the SigslotError base and is named after its class', () => {
    for (const cls of [
      AffinityError,
      DeadlockError,
      ConnectionTypeError,
      InvalidArgumentError,
      CancelledError,
      WaitTimeoutError,
    ]) {
      const error = new cls('message', { cause: 'why' });
      expect(error).toBeInstanceOf(SigslotError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(cls.name);
      expect(error.cause).toBe('why');
    }
  });
});
