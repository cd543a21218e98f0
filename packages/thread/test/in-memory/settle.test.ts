// Rule 6 of the delivery model, in memory: every call settles exactly once. A call that ran resolves with its result
// (or rejects with the worker's error); one that never ran rejects when the thread ends; a legitimate program never
// sees a ProtocolError; a result that answers no waiting call is refused and settles nothing again.
import { ConnectionType, QObject, Signal } from '@sigslot/core';
import { ProtocolError, RemoteError, ThreadCrashedError, ThreadTerminatedError } from '@sigslot/thread';
import { Counter, Emitter } from './fixtures';
import { collectReports, settled, startInMemory } from './harness';

/** The invoke calls main has sent the worker so far. */
function invokes(sent: readonly unknown[]): Array<{ method: string; replyId: number }> {
  return sent.flatMap((m) => ((m as { type: string }).type === 'calls' ? (m as { calls: [] }).calls : [])) as never;
}

describe('every call settles exactly once (in memory)', () => {
  test('a call that ran resolves with its result; one whose method throws rejects with a RemoteError; no ProtocolError', async () => {
    const { reports, restore } = collectReports();
    try {
      const thread = new Emitter();
      const counter = thread.create(Counter);
      await startInMemory(thread);
      await expect(counter.add(2)).resolves.toBe(2);
      await expect(counter.add(3)).resolves.toBe(5);
      const failed = counter.fail('no such frame');
      await expect(failed).rejects.toBeInstanceOf(RemoteError);
      await expect(failed).rejects.toThrow('no such frame');
      thread.quit();
      await thread.wait();
      expect(reports).toEqual([]);
    } finally {
      restore();
    }
  });

  test('a call the worker never ran rejects with ThreadTerminatedError when the thread finishes, once, and nothing else is reported', async () => {
    const { reports, restore } = collectReports();
    try {
      const thread = new Emitter();
      const counter = thread.create(Counter);
      const tier = await startInMemory(thread);
      tier.run!.channel.toWorker.hold(); // the call stays in flight
      const outcomes: string[] = [];
      const call = counter.add(1).then(
        () => outcomes.push('resolved'),
        (error: unknown) => outcomes.push(error instanceof ThreadTerminatedError ? 'terminated' : String(error)),
      );
      tier.inWorker(() => tier.worker.quit());
      await thread.wait();
      await call;
      expect(outcomes).toEqual(['terminated']);
      expect(reports).toEqual([]);
    } finally {
      restore();
    }
  });

  test('a call pending when the thread is terminated rejects once; errorOccurred then finished are emitted on main', async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    const events: string[] = [];
    thread.errorOccurred.connect((error) => events.push(`errorOccurred ${error instanceof ThreadCrashedError}`));
    thread.finished.connect(() => events.push('finished'));
    const tier = await startInMemory(thread);
    tier.run!.channel.toWorker.hold();
    const call = counter.add(1).then(
      () => events.push('resolved'),
      (error: unknown) => events.push(`rejected ${error instanceof ThreadTerminatedError}`),
    );
    await thread.terminate();
    await call;
    expect(events).toEqual(['errorOccurred true', 'finished', 'rejected true']);
    expect(thread.isFinished()).toBe(true);
  });

  test('a result for a call that was already answered, or never made, is a ProtocolError and settles nothing again', async () => {
    const { reports, restore } = collectReports();
    try {
      const thread = new Emitter();
      const counter = thread.create(Counter);
      const tier = await startInMemory(thread);
      let settlements = 0;
      await counter.add(4).then(() => settlements++);
      const [{ replyId }] = invokes(tier.run!.channel.toWorker.sent);
      tier.run!.channel.worker.postMessage({ type: 'result', replyId, ok: false, value: { name: 'E', message: 'x' } });
      tier.run!.channel.worker.postMessage({ type: 'result', replyId: 999, ok: true, value: 1 });
      await settled(tier);
      expect(settlements).toBe(1);
      expect(reports.map(([error]) => error)).toEqual([expect.any(ProtocolError), expect.any(ProtocolError)]);
      expect(String(reports[0]![0])).toContain(
        `a result for call #${replyId}, which was never made or was already answered`,
      );
      expect(String(reports[1]![0])).toContain('a result for call #999');
      thread.quit();
      await thread.wait();
    } finally {
      restore();
    }
  });

  test("a slot that throws in the worker is reported on main's error handler, naming the worker thread", async () => {
    const { reports, restore } = collectReports();
    try {
      const thread = new Emitter();
      const counter = thread.create(Counter);
      const source = new (class Source extends QObject {
        readonly frame = new Signal<[message: string]>(this);
      })();
      source.frame.connect(counter, 'fail', ConnectionType.QueuedConnection);
      const tier = await startInMemory(thread);
      source.frame.emit('bad frame');
      await settled(tier);
      expect(reports).toHaveLength(1);
      const [error, context] = reports[0]!;
      expect(error).toBeInstanceOf(RemoteError);
      expect(String(error)).toContain('bad frame');
      expect(context.thread).toBe(thread.describe());
      thread.quit();
      await thread.wait();
    } finally {
      restore();
    }
  });
});
