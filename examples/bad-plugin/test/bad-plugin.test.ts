import '@sigslot/sd-shim/jest';
import { affinity, AffinityError } from '@sigslot/core';
import { getContext, resetDesigner } from '@sigslot/sd-shim';
import { ThreadCrashedError } from '@sigslot/thread';
import { runBadPlugin } from '../src/main';

beforeEach(() => {
  resetDesigner();
  affinity.clear();
});
afterEach(() => affinity.setPolicy('throw'));

describe('a plugin that calls the Designer API from run() fails as a user expects', () => {
  test("'throw' policy: the first call raises AffinityError in the worker, which ends the thread with that error", async () => {
    const lines: string[] = [];
    const { error, ticks } = await runBadPlugin('throw', (line) => lines.push(line));
    expect(error).toBeInstanceOf(ThreadCrashedError);
    const crash = error as ThreadCrashedError;
    expect(crash.remoteName).toBe(AffinityError.name);
    const expected =
      /sd\.getContext\(\) was called from thread "BadTimer" \(worker #\d+\); the Designer API is main-thread-only\. Emit a signal connected with QueuedConnection to a receiver on the main thread instead\./;
    expect(crash.message).toMatch(expected);
    expect(ticks).toBe(0);
    // The violation was reported to the main thread, where a test can assert it in one line.
    expect(affinity.violations()).toHaveAffinityViolation({
      className: 'sd',
      method: 'getContext',
      thread: 'BadTimer',
    });
    expect(() => expect(affinity.violations()).toHaveNoAffinityViolations()).toThrow(/sd\.getContext\(\).*"BadTimer"/s);
    expect(lines.join('\n')).toMatch(expected);
  });

  test("'record' policy: every wrong-thread call is recorded and reported, and the thread goes on", async () => {
    const { error, ticks } = await runBadPlugin('record', () => undefined);
    expect(error).toBeNull();
    expect(ticks).toBe(3);
    const calls = affinity.violations().map((v) => `${v.className}.${v.method}`);
    expect(calls.filter((call) => call === 'SDGraph.newNode' || call === 'SDSBSCompGraph.newNode')).toHaveLength(3);
    expect(affinity.violations().every((v) => v.thread.startsWith('"BadTimer" (worker #'))).toBe(true);
    // The worker's calls touched the worker's own copy of the mock, never the main thread's state.
    expect(getContext().getSDApplication().getPackageMgr().getUserPackages().getSize()).toBe(0);
  });

  test('the same calls on the main thread are legal', () => {
    expect(() => getContext().getSDApplication().getPackageMgr().newUserPackage()).not.toThrowAffinityError();
    expect(affinity.violations()).toHaveNoAffinityViolations();
  });
});
