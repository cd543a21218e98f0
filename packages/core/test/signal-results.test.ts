// A signal with a declared result returns what its last direct slot returned, as Qt's emit does for a signal with
// a return type (the thread tests show it for a BlockingQueuedConnection from a worker).
import { ConnectionType, QObject, Signal } from '@sigslot/core';
import { captureErrors, flushQueued, WARM_EMITS } from './helpers';

class Form extends QObject {
  readonly validate = new Signal<[text: string], boolean>(this);
  readonly count = new Signal<[], number>(this);
}

class Validator extends QObject {
  notEmpty(text: string): boolean {
    return text.length > 0;
  }
}

describe("a signal's result", () => {
  test('emit returns what the last slot that ran returned, before and after its emit is compiled', () => {
    const form = new Form();
    form.count.connect(() => 1);
    form.count.connect(() => 2);
    const results = Array.from({ length: WARM_EMITS + 10 }, () => form.count.emit());
    expect(new Set(results)).toEqual(new Set([2]));
  });

  test('a receiver method connected by name or by value gives its result too', () => {
    const form = new Form();
    const validator = new Validator();
    form.validate.connect(validator, 'notEmpty');
    expect(form.validate.emit('a')).toBe(true);
    form.validate.disconnect();
    form.validate.connect(validator, validator.notEmpty);
    expect(form.validate.emit('')).toBe(false);
    for (let i = 0; i < WARM_EMITS; i++) form.validate.emit('a'); // compiled by now
    expect(form.validate.emit('')).toBe(false);
    expect(form.validate.emit('a')).toBe(true);
  });

  test('is undefined with no slot, with only queued slots, and when the last slot threw', async () => {
    const { errors, restore } = captureErrors();
    try {
      const form = new Form();
      expect(form.count.emit()).toBeUndefined();
      const receiver = new QObject();
      form.count.connect(receiver, () => 7, ConnectionType.QueuedConnection);
      expect(form.count.emit()).toBeUndefined();
      form.count.connect(() => {
        throw new Error('no count');
      });
      expect(form.count.emit()).toBeUndefined();
      expect(errors).toHaveLength(1);
      await flushQueued();
    } finally {
      restore();
    }
  });

  test('a queued slot after a direct one leaves the direct one’s result', () => {
    const form = new Form();
    form.count.connect(() => 5);
    form.count.connect(new QObject(), () => 9, ConnectionType.QueuedConnection);
    expect(form.count.emit()).toBe(5);
  });
});
