// #region setup
import '@sigslot/sd-shim/jest'; // registers the matchers, and their types
import { affinity, resetDesigner } from '@sigslot/sd-shim';

beforeEach(() => {
  resetDesigner(); // every package, node, menu and callback is gone; the id counters restart
  affinity.clear(); // forget the violations recorded by the previous test
});
afterEach(() => {
  affinity.setPolicy('throw'); // the default, for the next test
});
// #endregion setup

import { QObject, SignalSpy, waitFor } from '@sigslot/core';
import { getContext } from '@sigslot/sd-shim';
import { QThread, type ThreadCrashedError } from '@sigslot/thread';
import { runExample } from '../designer-example/main';
import { BadTimer, Counter, Inspector } from './threads';

// #region example
test('the Designer example edits its graph on the main thread only', async () => {
  const receiver = await runExample({ intervalMs: 10, log: () => undefined });
  expect(receiver.graph.getNodes().getSize()).toBe(7);
  expect(affinity.violations()).toHaveNoAffinityViolations();
});
// #endregion example

// #region throw
test("'throw' policy: the first API call in run() fails there, and ends the thread", async () => {
  const timer = new BadTimer().setObjectName('BadTimer');
  const crashed = timer.errorOccurred.once();
  timer.start();
  const [error]: [ThreadCrashedError] = await crashed;
  expect(error.remoteName).toBe('AffinityError');
  expect(affinity.violations()).toHaveAffinityViolation({
    className: 'sd',
    method: 'getContext',
    thread: 'BadTimer',
  });
  expect(affinity.violations()).toHaveLength(1);
  await timer.wait();
});
// #endregion throw

// #region record
test("'record' policy: every wrong call is recorded, and run() goes on", async () => {
  affinity.setPolicy('record'); // before start(): the worker takes the policy with it
  const timer = new BadTimer().setObjectName('BadTimer');
  const ticks = new SignalSpy(timer.tick);
  timer.start();
  await timer.wait();
  expect(ticks.count).toBe(3);
  expect(affinity.violations()).toHaveAffinityViolation({ method: 'newNode', thread: 'BadTimer' });
  expect(affinity.violations().filter((v) => v.method === 'newNode')).toHaveLength(3);
  // The worker has its own copy of the mock: its calls never touched the main thread's packages.
  expect(getContext().getSDApplication().getPackageMgr().getUserPackages().getSize()).toBe(0);
});
// #endregion record

// #region main-thread
test('what the main thread may do, and what it may not', () => {
  const packages = getContext().getSDApplication().getPackageMgr();
  expect(() => packages.newUserPackage()).not.toThrowAffinityError();
  expect(() => new QObject().moveToThread(new QThread())).toThrowAffinityError('runs in another isolate');
  expect(affinity).toHaveNoAffinityViolations();
});
// #endregion main-thread

// #region worker-object
test("a worker object's wrong call rejects its caller, and is recorded", async () => {
  const thread = new QThread().setObjectName('Inspecting');
  const inspector = thread.create(Inspector);
  thread.start();
  try {
    await expect(inspector.packageCount()).rejects.toMatchObject({ name: 'RemoteError', remoteName: 'AffinityError' });
    expect(affinity).toHaveAffinityViolation({ className: 'sd', method: 'getContext', thread: 'Inspecting' });
  } finally {
    thread.quit(); // a thread left running would keep jest from exiting
    await thread.wait();
  }
});
// #endregion worker-object

// #region spy
test('SignalSpy records what a worker emits; wait() and waitFor() wait without sleeping', async () => {
  const counter = new Counter();
  counter.count = 3;
  using spy = new SignalSpy(counter.value);
  counter.start();
  expect(await spy.wait(5000)).toBe(true); // the next emission arrived
  await waitFor(() => spy.count === 3, 1000); // QTRY_COMPARE: polls while the event loop runs
  expect([...spy]).toEqual([[1], [2], [3]]);
  expect(spy.at(-1)).toEqual([3]);
  await counter.wait();
});
// #endregion spy
