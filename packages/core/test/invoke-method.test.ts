import {
  CancelledError,
  ConnectionType,
  ConnectionTypeError,
  DeadlockError,
  InvalidArgumentError,
  QObject,
  currentThread,
  invokeMethod,
} from '@sigslot/core';
import { flushQueued } from './helpers';

const {
  AutoConnection,
  DirectConnection,
  QueuedConnection,
  BlockingQueuedConnection,
  UniqueConnection,
  SingleShotConnection,
} = ConnectionType;

class Calculator extends QObject {
  readonly log: string[] = [];
  add(a: number, b: number): number {
    this.log.push(`add ${a} ${b}`);
    return a + b;
  }
  async later(value: string): Promise<string> {
    await Promise.resolve();
    return `later ${value}`;
  }
  fail(): never {
    throw new RangeError('out of range');
  }
}

describe('invokeMethod', () => {
  test('DirectConnection calls the method now and returns its result', () => {
    const calc = new Calculator();
    expect(invokeMethod(calc, 'add', DirectConnection, 2, 3)).toBe(5);
    expect(calc.log).toEqual(['add 2 3']);
  });

  test('AutoConnection on an object of this thread is a direct call', () => {
    const calc = new Calculator();
    expect(invokeMethod(calc, 'add', AutoConnection, 1, 1)).toBe(2);
    expect(invokeMethod(calc, 'add', undefined, 1, 2)).toBe(3);
    expect(calc.log).toEqual(['add 1 1', 'add 1 2']);
  });

  test('QueuedConnection returns a Promise of the result, settled after the call ran on the loop', async () => {
    const calc = new Calculator();
    const result = invokeMethod(calc, 'add', QueuedConnection, 4, 5);
    expect(result).toBeInstanceOf(Promise);
    expect(calc.log).toEqual([]);
    await expect(result).resolves.toBe(9);
    expect(calc.log).toEqual(['add 4 5']);
    await expect(invokeMethod(calc, 'later', QueuedConnection, 'x')).resolves.toBe('later x');
  });

  test('queued calls run in the order they were made', async () => {
    const calc = new Calculator();
    const results = await Promise.all([1, 2, 3].map((n) => invokeMethod(calc, 'add', QueuedConnection, n, 0)));
    expect(results).toEqual([1, 2, 3]);
    expect(calc.log).toEqual(['add 1 0', 'add 2 0', 'add 3 0']);
  });

  test('a queued method that throws rejects its Promise with that error', async () => {
    const calc = new Calculator();
    await expect(invokeMethod(calc, 'fail', QueuedConnection)).rejects.toThrow(RangeError);
  });

  test('a direct method that throws throws to the caller', () => {
    const calc = new Calculator();
    expect(() => invokeMethod(calc, 'fail', DirectConnection)).toThrow('out of range');
  });

  test('a queued call is rejected with CancelledError when the target is destroyed first', async () => {
    const calc = new Calculator().setObjectName('calc');
    const result = invokeMethod(calc, 'add', QueuedConnection, 1, 2);
    calc.destroy();
    await expect(result).rejects.toBeInstanceOf(CancelledError);
    await expect(result).rejects.toThrow(/Calculator "calc" was destroyed before the call ran/);
    expect(calc.log).toEqual([]);
  });

  test('a held call (target moved to no thread) is rejected with CancelledError when the target is destroyed', async () => {
    const calc = new Calculator();
    calc.moveToThread(null);
    const result = invokeMethod(calc, 'add', QueuedConnection, 1, 2);
    calc.destroy();
    await expect(result).rejects.toBeInstanceOf(CancelledError);
    expect(calc.log).toEqual([]);
  });

  test('AutoConnection on an object with no thread is queued until it has one, as in Qt', async () => {
    const calc = new Calculator();
    calc.moveToThread(null);
    const result = invokeMethod(calc, 'add', AutoConnection, 1, 2);
    await flushQueued();
    expect(calc.log).toEqual([]);
    calc.moveToThread(currentThread());
    await expect(result).resolves.toBe(3);
  });

  test('BlockingQueuedConnection on an object of the calling thread throws DeadlockError instead of hanging', () => {
    const calc = new Calculator().setObjectName('calc');
    expect(() => invokeMethod(calc, 'add', BlockingQueuedConnection, 1, 2)).toThrow(DeadlockError);
    expect(() => invokeMethod(calc, 'add', BlockingQueuedConnection, 1, 2)).toThrow(
      /dead lock detected in BlockingQueuedConnection: receiver is Calculator "calc"/,
    );
    expect(calc.log).toEqual([]);
  });

  test('a bad connection type is refused with ConnectionTypeError', () => {
    const calc = new Calculator();
    expect(() => invokeMethod(calc, 'add', 9 as 0, 1, 2)).toThrow(ConnectionTypeError);
    expect(() => invokeMethod(calc, 'add', (QueuedConnection | UniqueConnection) as 2, 1, 2)).toThrow(
      /UniqueConnection and SingleShotConnection apply to connections, not to invokeMethod/,
    );
    expect(() => invokeMethod(calc, 'add', (DirectConnection | SingleShotConnection) as 1, 1, 2)).toThrow(
      ConnectionTypeError,
    );
    expect(calc.log).toEqual([]);
  });

  test('an unknown method is refused with InvalidArgumentError', () => {
    const calc = new Calculator().setObjectName('calc');
    expect(() => invokeMethod(calc, 'subtract' as 'add', DirectConnection, 1, 2)).toThrow(InvalidArgumentError);
    expect(() => invokeMethod(calc, 'subtract' as 'add', DirectConnection, 1, 2)).toThrow(
      /Calculator "calc" has no method "subtract"/,
    );
  });

  test('a target that is not a QObject is refused with InvalidArgumentError', () => {
    expect(() => invokeMethod({} as Calculator, 'add', DirectConnection, 1, 2)).toThrow(InvalidArgumentError);
    expect(() => invokeMethod(null as unknown as Calculator, 'add', DirectConnection, 1, 2)).toThrow(
      /the target must be a QObject/,
    );
  });

  test('a destroyed target is refused', () => {
    const calc = new Calculator();
    calc.destroy();
    expect(() => invokeMethod(calc, 'add', DirectConnection, 1, 2)).toThrow(InvalidArgumentError);
  });
});
