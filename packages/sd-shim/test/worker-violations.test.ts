import { affinity, resetDesigner, SigslotError, UNIDENTIFIED_WORKER, VIOLATION_CHANNEL } from '@sigslot/sd-shim';
import { setErrorHandler, type ErrorContext } from '@sigslot/core';
import '@sigslot/sd-shim/jest';
import { inPlainWorker } from './plain-worker';

beforeEach(() => {
  resetDesigner();
  affinity.clear();
  affinity.setPolicy('throw');
});

interface Attempt {
  name: string;
  message: string;
}

/** The errors `calls` raised in the worker, each `{ name, message }`. */
const ATTEMPT = `
  const attempt = (fn) => { try { fn(); return null; } catch (e) { return { name: e.name, message: e.message }; } };
`;

test('a plain worker_threads Worker that loads sd-shim gets its AffinityError, and the main thread records the violation', async () => {
  const error = await inPlainWorker<Attempt>(`
    ${ATTEMPT}
    const shim = require(workerData.entry);
    done(attempt(() => shim.getContext()));
  `);
  expect(error.name).toBe('AffinityError');
  expect(error.message).toMatch(/^sd\.getContext\(\) was called from thread "worker" \(worker #-1\); the Designer API/);
  // Recorded before the worker's call returned: nothing to wait for once the worker has answered.
  expect(affinity).toHaveAffinityViolation({ className: 'sd', method: 'getContext', thread: UNIDENTIFIED_WORKER });
  expect(affinity.violations()).toHaveLength(1);
  const [violation] = affinity.violations();
  expect(violation!.threadId).toBe(-1);
  expect(violation!.message).toBe(
    'sd.getContext() was called from thread unidentified worker (it calls itself "\\"worker\\" (worker #-1)"; a worker that ' +
      'is not a QThread cannot be identified); the Designer API is main-thread-only. Emit a signal connected with ' +
      'QueuedConnection to a receiver on the main thread instead.',
  );
  expect(violation!.stack).toContain('getContext');
});

test('a violation a worker forges in the name of the main thread is recorded as an unidentified worker’s, never as main’s', async () => {
  await inPlainWorker(
    `
    const { BroadcastChannel } = require('node:worker_threads');
    const channel = new BroadcastChannel(workerData.data.channel);
    const ack = new SharedArrayBuffer(4);
    channel.postMessage({
      kind: workerData.data.channel,
      violation: { className: 'SDNode', method: 'setPropertyValue', thread: 'main', threadId: 0,
        message: 'SDNode.setPropertyValue() was called from thread main; …', stack: '' },
      ack,
    });
    Atomics.wait(new Int32Array(ack), 0, 0, 5000);
    channel.close();
    done(null);
  `,
    { data: { channel: VIOLATION_CHANNEL } },
  );
  expect(affinity).toHaveAffinityViolation({ className: 'SDNode', method: 'setPropertyValue', thread: -1 });
  expect(affinity).not.toHaveAffinityViolation({ thread: 0 });
  expect(affinity).not.toHaveAffinityViolation({ thread: 'main' });
  expect(affinity.violations().map((v) => [v.threadId, v.thread])).toEqual([[-1, UNIDENTIFIED_WORKER]]);
});

test('a malformed report is ignored and reported as an error; the main thread goes on', async () => {
  const reported: { error: unknown; context: ErrorContext }[] = [];
  const previous = setErrorHandler((error, context) => reported.push({ error, context }));
  try {
    await inPlainWorker(
      `
      const { BroadcastChannel } = require('node:worker_threads');
      const channel = new BroadcastChannel(workerData.data.channel);
      const kind = workerData.data.channel;
      channel.postMessage('hello');
      channel.postMessage({ kind, violation: { className: 'SDNode\\nat main', method: 'x', thread: '', message: '', stack: '' } });
      channel.postMessage({ kind, violation: { className: 'SDNode', method: 'x', thread: 1, message: '', stack: '' } });
      channel.postMessage({ kind, violation: { className: 'SDNode', method: 'x', thread: '', message: '', stack: '' }, ack: 7 });
      // A last, valid report with an ack: once it is recorded, the ones before it (same channel, in order) were read.
      const ack = new SharedArrayBuffer(4);
      channel.postMessage({ kind, violation: { className: 'SDNode', method: 'getIdentifier', thread: '', message: '', stack: '' }, ack });
      Atomics.wait(new Int32Array(ack), 0, 0, 5000);
      channel.close();
      done(null);
    `,
      { data: { channel: VIOLATION_CHANNEL } },
    );
  } finally {
    setErrorHandler(previous);
  }
  expect(affinity.violations().map((v) => `${v.className}.${v.method}`)).toEqual(['SDNode.getIdentifier']);
  expect(reported.map((r) => (r.error as Error).message)).toEqual([
    `sd-shim: a violation report on "${VIOLATION_CHANNEL}" was ignored: it is not an object.`,
    `sd-shim: a violation report on "${VIOLATION_CHANNEL}" was ignored: its className is not a class name.`,
    `sd-shim: a violation report on "${VIOLATION_CHANNEL}" was ignored: its thread is not a string.`,
    `sd-shim: a violation report on "${VIOLATION_CHANNEL}" was ignored: its ack is not a SharedArrayBuffer.`,
  ]);
  expect(reported.every((r) => r.error instanceof SigslotError)).toBe(true);
});

describe('a thread that cannot be known is refused, whatever the policy', () => {
  test.each([
    [
      'process.getBuiltinModule is missing',
      'delete process.getBuiltinModule;',
      'process.getBuiltinModule is missing (sigslot needs Node 20.16 or later)',
    ],
    [
      'isMainThread was redefined',
      "require('node:worker_threads').isMainThread = true;",
      'node:worker_threads disagrees with itself (isMainThread true, threadId ',
    ],
  ])('when %s', async (_, prelude, reason) => {
    const errors = await inPlainWorker<(Attempt | null)[]>(
      `
      ${ATTEMPT}
      const shim = require(workerData.entry);
      const first = attempt(() => shim.getContext());
      shim.affinity.setPolicy('record');
      done([first, attempt(() => shim.SDValueFloat.sNew(1))]);
    `,
      { prelude },
    );
    expect(errors.map((e) => e?.name)).toEqual(['AffinityError', 'AffinityError']);
    expect(errors[0]!.message).toContain(`sd.getContext() was called from thread unknown (${reason}`);
    expect(errors[1]!.message).toContain('SDValueFloat.sNew() was called from thread unknown (');
    expect(errors[1]!.message).toContain(
      'the Designer API is main-thread-only, so a call from a thread that cannot be known is refused.',
    );
  });
});
