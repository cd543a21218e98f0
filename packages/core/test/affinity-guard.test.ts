import { AffinityError, affinity, assertMainThread, mainThreadOnly, type AffinityViolation } from '@sigslot/core';

class HostApi {
  static instances = 0;
  static create(): HostApi {
    HostApi.instances++;
    return new HostApi();
  }
  value = 1;
  getValue(): number {
    return this.value;
  }
  setValue(value: number): this {
    this.value = value;
    return this;
  }
  get doubled(): number {
    return this.value * 2;
  }
}

class DerivedApi extends HostApi {
  extra(): string {
    return `extra ${this.getValue()}`;
  }
}

afterEach(() => {
  affinity.setPolicy('throw');
  affinity.clear();
});

describe('the affinity guard on the main thread', () => {
  test('mainThreadOnly methods run normally on the main thread and keep `this`, arguments and results', () => {
    const Guarded = mainThreadOnly(HostApi, { api: 'the host API' });
    expect(Guarded).toBe(HostApi); // patched in place
    const api = Guarded.create();
    expect(api.setValue(5)).toBe(api);
    expect(api.getValue()).toBe(5);
    expect(api.doubled).toBe(10); // accessors are left alone
    expect(HostApi.instances).toBe(1);
    expect(affinity.violations()).toEqual([]);
  });

  test('guarded methods keep their names, and guarding twice wraps once', () => {
    mainThreadOnly(HostApi);
    const once = HostApi.prototype.getValue;
    mainThreadOnly(HostApi);
    expect(HostApi.prototype.getValue).toBe(once);
    expect(once.name).toBe('getValue');
  });

  test('inherited methods are guarded on the subclass, leaving the base class as it was', () => {
    class Base {
      base(): string {
        return 'base';
      }
    }
    class Derived extends Base {
      own(): string {
        return `own ${this.base()}`;
      }
    }
    const original = Base.prototype.base;
    mainThreadOnly(Derived);
    expect(Object.prototype.hasOwnProperty.call(Derived.prototype, 'base')).toBe(true);
    expect(Derived.prototype.base).not.toBe(original);
    expect(Base.prototype.base).toBe(original);
    expect(new Derived().own()).toBe('own base');
    expect(new DerivedApi().extra()).toBe('extra 1');
  });

  test('assertMainThread on the main thread does not throw and records nothing', () => {
    expect(() => assertMainThread('SDNode', 'setPropertyValue', { api: 'the Designer API' })).not.toThrow();
    affinity.setPolicy('record');
    expect(() => assertMainThread('SDNode', 'setPropertyValue')).not.toThrow();
    expect(affinity.violations()).toHaveLength(0);
  });

  test('the policy switch returns the previous policy and refuses unknown ones', () => {
    expect(affinity.policy).toBe('throw');
    expect(affinity.setPolicy('record')).toBe('throw');
    expect(affinity.policy).toBe('record');
    expect(affinity.setPolicy('throw')).toBe('record');
    expect(() => affinity.setPolicy('ignore' as 'throw')).toThrow(AffinityError);
    expect(() => affinity.setPolicy('ignore' as 'throw')).toThrow(
      "affinity.setPolicy(ignore): the policy must be 'throw' or 'record'.",
    );
    expect(affinity.policy).toBe('throw');
  });

  test('onViolation listeners get each violation reported to this thread, until removed', () => {
    const seen: AffinityViolation[] = [];
    const remove = affinity.onViolation((violation) => seen.push(violation));
    const violation: AffinityViolation = {
      className: 'SDNode',
      method: 'setPropertyValue',
      thread: '"TimerThread" (worker #1)',
      threadId: 1,
      message:
        'SDNode.setPropertyValue() was called from thread "TimerThread" (worker #1); the Designer API is main-thread-only. ' +
        'Emit a signal connected with QueuedConnection to a receiver on the main thread instead.',
      stack: 'AffinityError: ...',
    };
    affinity.record(violation); // what the thread package does with a violation reported by a worker
    expect(seen).toEqual([violation]);
    expect(affinity.violations()).toEqual([violation]);
    remove();
    affinity.record({ ...violation, method: 'getPropertyValue' });
    expect(seen).toHaveLength(1);
    expect(affinity.violations().map((v) => v.method)).toEqual(['setPropertyValue', 'getPropertyValue']);
    affinity.clear();
    expect(affinity.violations()).toEqual([]);
  });
});
