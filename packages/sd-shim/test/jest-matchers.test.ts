import { AffinityError, type AffinityViolation } from '@sigslot/core';
import {
  affinityMatchers,
  assertNoAffinityViolations,
  checkHasAffinityViolation,
  checkNoAffinityViolations,
  checkThrowsAffinityError,
  formatViolation,
  installAffinityMatchers,
  parseAffinityMessage,
  resetDesigner,
  sdShim,
  affinity,
} from '@sigslot/sd-shim/jest';

const MESSAGE =
  'SDNode.setPropertyValue() was called from thread "TimerThread" (worker #1); the Designer API is main-thread-only. ' +
  'Emit a signal connected with QueuedConnection to a receiver on the main thread instead.';

function violation(className: string, method: string, thread: string, threadId: number): AffinityViolation {
  const message = `${className}.${method}() was called from thread ${thread}; the Designer API is main-thread-only. Emit a signal connected with QueuedConnection to a receiver on the main thread instead.`;
  return {
    className,
    method,
    thread,
    threadId,
    message,
    stack: `AffinityError: ${message}\n    at SDNode.setPropertyValue (/work/packages/core/src/affinity/affinity-guard.ts:118:61)\n    at TimerThread.run (/work/plugin/timer.ts:12:5)\n    at main (/work/plugin/main.ts:3:1)`,
  };
}

const timer = violation('SDNode', 'setPropertyValue', '"TimerThread" (worker #1)', 1);
const loader = violation('SDPackageMgr', 'loadUserPackage', 'worker #2', 2);
const throwsAffinity = () => {
  throw new AffinityError(MESSAGE);
};

describe('toThrowAffinityError', () => {
  test("passes when the function throws an AffinityError, matching a substring, a pattern or the call's parts", () => {
    expect(throwsAffinity).toThrowAffinityError();
    expect(throwsAffinity).toThrowAffinityError('the Designer API is main-thread-only');
    expect(throwsAffinity).toThrowAffinityError(/^SDNode\.setPropertyValue\(\)/);
    expect(throwsAffinity).toThrowAffinityError({
      className: 'SDNode',
      method: 'setPropertyValue',
      thread: 'TimerThread',
    });
    expect(throwsAffinity).toThrowAffinityError({ thread: 'worker #1' });
    expect(throwsAffinity).toThrowAffinityError({ thread: '"TimerThread" (worker #1)' });
    expect(throwsAffinity).toThrowAffinityError({ thread: 1 });
    expect(() => 1).not.toThrowAffinityError();
  });

  test('an error that crossed threads (name AffinityError, not the class) counts', () => {
    expect(() => {
      throw Object.assign(new Error(MESSAGE), { name: 'AffinityError' });
    }).toThrowAffinityError({ className: 'SDNode' });
  });

  test("a worker-object call's RemoteError whose original class is AffinityError counts", () => {
    expect(() => {
      throw Object.assign(new Error(MESSAGE), { name: 'RemoteError', remoteName: 'AffinityError' });
    }).toThrowAffinityError({ className: 'SDNode' });
    expect(() => {
      throw Object.assign(new Error(MESSAGE), { name: 'RemoteError', remoteName: 'TypeError' });
    }).not.toThrowAffinityError();
  });

  test('fails when the function returns normally', () => {
    expect(() => expect(() => 42).toThrowAffinityError()).toThrow(
      'expected the function to throw an AffinityError, but it returned normally',
    );
  });

  test('fails when it throws another error, and says which', () => {
    expect(() =>
      expect(() => {
        throw new TypeError('bad');
      }).toThrowAffinityError(),
    ).toThrow('expected the function to throw an AffinityError, but it threw TypeError: bad');
  });

  test('fails when the AffinityError names another class, method or thread, showing what it named', () => {
    expect(() => expect(throwsAffinity).toThrowAffinityError({ className: 'SDGraph', method: 'newNode' })).toThrow(
      /expected the function to throw an AffinityError matching \{ className: "SDGraph", method: "newNode" \}, but it threw:\n {2}AffinityError: SDNode\.setPropertyValue\(\) was called from thread "TimerThread" \(worker #1\); [^\n]*\n\(class SDNode, method setPropertyValue, thread "TimerThread" \(worker #1\)\)/,
    );
    expect(() => expect(throwsAffinity).toThrowAffinityError({ thread: 'OtherThread' })).toThrow(
      'matching { thread: "OtherThread" }',
    );
    expect(() => expect(throwsAffinity).toThrowAffinityError({ thread: 2 })).toThrow('matching { thread: 2 }');
    expect(() => expect(throwsAffinity).toThrowAffinityError('nothing like this')).toThrow(
      'whose message contains "nothing like this"',
    );
    expect(() => expect(throwsAffinity).toThrowAffinityError(/^SDGraph/)).toThrow('whose message matches /^SDGraph/');
  });

  test('.not fails when it throws, quoting the message', () => {
    expect(() => expect(throwsAffinity).not.toThrowAffinityError()).toThrow(
      `expected the function not to throw an AffinityError, but it threw:\n  AffinityError: ${MESSAGE}`,
    );
  });

  test('fails for something that is not a function, and for a promise', () => {
    expect(() => expect(42).toThrowAffinityError()).toThrow(
      'expected a function that throws an AffinityError, received a number (42)',
    );
    expect(() => expect(() => Promise.resolve()).toThrowAffinityError()).toThrow('but it returned a Promise');
  });

  test("an AffinityError whose message is not the guard's matches strings but not parts", () => {
    const odd = () => {
      throw new AffinityError('custom');
    };
    expect(odd).toThrowAffinityError('custom');
    expect(() => expect(odd).toThrowAffinityError({ className: 'X' })).toThrow('AffinityError: custom');
  });
});

describe('toHaveNoAffinityViolations', () => {
  test('passes for an empty list and for the affinity object with nothing recorded', () => {
    affinity.clear();
    expect([]).toHaveNoAffinityViolations();
    expect(affinity).toHaveNoAffinityViolations();
  });

  test("the caller's frame skips the mock's own frames (an API entry point such as getContext)", () => {
    const stack =
      `AffinityError: ${MESSAGE}\n` +
      '    at assertDesignerThread (/work/main/packages/sd-shim/src/affinity/designer-guard.ts:30:5)\n' +
      '    at getContext (/work/main/packages/sd-shim/src/app/context.ts:26:3)\n' +
      '    at getContext (/app/node_modules/@sigslot/sd-shim/dist/index.js:900:3)\n' +
      '    at BadTimer.run (/work/plugin/bad-timer.ts:9:14)';
    expect(formatViolation({ ...timer, stack }, 0)).toBe(
      '  1. SDNode.setPropertyValue() called from thread "TimerThread" (worker #1)\n' +
        '       at BadTimer.run (/work/plugin/bad-timer.ts:9:14)',
    );
  });

  test("fails listing each violation with its class, method, thread and the caller's frame", () => {
    expect(() => expect([timer, loader]).toHaveNoAffinityViolations()).toThrow(
      'expected no affinity violations, but 2 were recorded:\n' +
        '  1. SDNode.setPropertyValue() called from thread "TimerThread" (worker #1)\n' +
        '       at TimerThread.run (/work/plugin/timer.ts:12:5)\n' +
        '  2. SDPackageMgr.loadUserPackage() called from thread worker #2\n' +
        '       at TimerThread.run (/work/plugin/timer.ts:12:5)',
    );
    expect(() => expect([timer]).toHaveNoAffinityViolations()).toThrow('but 1 was recorded');
  });

  test('.not fails when nothing was recorded', () => {
    expect(() => expect([]).not.toHaveNoAffinityViolations()).toThrow(
      'expected affinity violations, but none were recorded',
    );
    expect([timer]).not.toHaveNoAffinityViolations();
  });

  test('fails clearly for something that is not a list of violations', () => {
    expect(() => expect('nope').toHaveNoAffinityViolations()).toThrow(
      'expected a list of AffinityViolation (affinity.violations()) or the affinity object, received a string ("nope")',
    );
    expect(() => expect([{ className: 'X' }]).toHaveNoAffinityViolations()).toThrow(
      'expected a list of AffinityViolation',
    );
  });
});

describe('toHaveAffinityViolation', () => {
  test('passes when one violation matches every given field', () => {
    expect([timer, loader]).toHaveAffinityViolation();
    expect([timer, loader]).toHaveAffinityViolation({ className: 'SDNode' });
    expect([timer, loader]).toHaveAffinityViolation({
      className: 'SDPackageMgr',
      method: 'loadUserPackage',
      thread: 'worker #2',
    });
    expect([timer, loader]).toHaveAffinityViolation({ thread: 'TimerThread' });
    expect([timer, loader]).toHaveAffinityViolation({ thread: 1 });
    expect({ violations: () => [timer] }).toHaveAffinityViolation({ method: 'setPropertyValue' });
  });

  test('fails listing what was recorded when none matches', () => {
    expect(() => expect([timer, loader]).toHaveAffinityViolation({ className: 'SDNode', thread: 'worker #2' })).toThrow(
      'expected an affinity violation matching { className: "SDNode", thread: "worker #2" }, but none of the 2 recorded match:\n' +
        '  1. SDNode.setPropertyValue() called from thread "TimerThread" (worker #1)',
    );
    expect(() => expect([timer]).toHaveAffinityViolation({ method: 'x' })).toThrow('none of the 1 recorded matches');
    expect(() => expect([]).toHaveAffinityViolation({ className: 'SDNode' })).toThrow(
      'expected an affinity violation matching { className: "SDNode" }, but none were recorded',
    );
    expect(() => expect(null).toHaveAffinityViolation()).toThrow('received null');
  });

  test('.not fails listing the matching violations', () => {
    expect([loader]).not.toHaveAffinityViolation({ className: 'SDNode' });
    expect(() => expect([timer, loader]).not.toHaveAffinityViolation({ className: 'SDNode' })).toThrow(
      'expected no affinity violation matching { className: "SDNode" }, but found:\n  1. SDNode.setPropertyValue() called from thread "TimerThread" (worker #1)',
    );
  });
});

describe('the plain functions, without jest', () => {
  test('return { pass, message }', () => {
    expect(checkNoAffinityViolations([])).toEqual({
      pass: true,
      message: 'expected affinity violations, but none were recorded',
    });
    expect(checkNoAffinityViolations([timer]).pass).toBe(false);
    expect(checkHasAffinityViolation([timer], { className: 'SDNode' }).pass).toBe(true);
    expect(checkThrowsAffinityError(throwsAffinity, { method: 'setPropertyValue' }).pass).toBe(true);
    expect(checkThrowsAffinityError(() => undefined).pass).toBe(false);
  });

  test('assertNoAffinityViolations throws an AffinityError listing them', () => {
    expect(() => assertNoAffinityViolations([])).not.toThrow();
    expect(() => assertNoAffinityViolations([timer])).toThrow(AffinityError);
    expect(() => assertNoAffinityViolations([timer])).toThrow(
      'SDNode.setPropertyValue() called from thread "TimerThread" (worker #1)',
    );
  });

  test('parseAffinityMessage and formatViolation', () => {
    expect(parseAffinityMessage(MESSAGE)).toEqual({
      className: 'SDNode',
      method: 'setPropertyValue',
      thread: '"TimerThread" (worker #1)',
    });
    expect(parseAffinityMessage('SDArray.[Symbol.iterator]() was called from thread main; x')).toEqual({
      className: 'SDArray',
      method: '[Symbol.iterator]',
      thread: 'main',
    });
    expect(parseAffinityMessage('something else')).toBeNull();
    expect(formatViolation({ ...timer, stack: '' }, 4)).toBe(
      '  5. SDNode.setPropertyValue() called from thread "TimerThread" (worker #1)',
    );
  });

  test('a violation on the main thread matches thread 0 and "main"', () => {
    const main = violation('SDNode', 'getPosition', 'main', 0);
    expect([main]).toHaveAffinityViolation({ thread: 0 });
    expect([main]).toHaveAffinityViolation({ thread: 'main' });
    expect(
      checkThrowsAffinityError(
        () => {
          throw new AffinityError(main.message);
        },
        { thread: 0 },
      ).pass,
    ).toBe(true);
    expect(
      checkThrowsAffinityError(
        () => {
          throw new AffinityError('X.y() was called from thread "T" (somewhere); z');
        },
        { thread: 3 },
      ).pass,
    ).toBe(false);
  });

  test('installAffinityMatchers registers with any expect that has extend', () => {
    const registered: string[] = [];
    installAffinityMatchers({ extend: (matchers) => registered.push(...Object.keys(matchers)) });
    expect(registered).toEqual(['toThrowAffinityError', 'toHaveNoAffinityViolations', 'toHaveAffinityViolation']);
    expect(affinityMatchers.toHaveNoAffinityViolations([]).message()).toContain('none were recorded');
  });

  test('the jest entry re-exports the reset', () => {
    expect(typeof resetDesigner).toBe('function');
    expect(sdShim.reset).toBe(resetDesigner);
  });
});
