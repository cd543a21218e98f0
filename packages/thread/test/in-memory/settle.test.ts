// Rule 6 of the delivery model, in memory: every call settles exactly once. A call that ran resolves with its result
// (or rejects with the worker's error); one that never ran rejects when the thread ends; a legitimate program never
// sees a ProtocolError (the harness fails a test on any report it did not take); a result that answers no waiting
// call is refused and settles nothing again.
import { ConnectionType, QObject, Signal } from '@sigslot/core';
import { ProtocolError, RemoteError, ThreadCrashedError, ThreadTerminatedError } from '@sigslot/thread';
import { Counter, Emitter } from './fixtures';
import { inMemory, settled } from './harness';

/** The invoke calls main has sent the worker so far. */
function invokes(sent: readonly unknown[]): Array<{ method: string; replyId: number }> {
  return sent.flatMap((m) => ((m as { type: string }).type === 'calls' ? (m as { calls: [] }).calls : [])) as never;
}

/** What became of `call`: resolved, or rejected with an error of which class. */
function outcome(call: Promise<unknown>, events: string[]): Promise<void> {
  return call.then(
    () => void events.push('resolved'),
    (error: unknown) => void events.push(`rejected (${(error as Error).constructor.name})`),
  );
}

describe('every call settles exactly once (in memory)', () => {
  test('a call that ran resolves with its result; one whose method throws rejects with a RemoteError', async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    await inMemory(thread, async () => {
      await expect(counter.add(2)).resolves.toBe(2);
      await expect(counter.add(3)).resolves.toBe(5);
      const failed = counter.fail('no such frame');
      await expect(failed).rejects.toBeInstanceOf(RemoteError);
      await expect(failed).rejects.toThrow('no such frame');
    });
  });

  test('a call the worker never ran rejects with ThreadTerminatedError when the thread finishes, once', async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    const events: string[] = [];
    let call: Promise<void> | null = null;
    await inMemory(thread, (tier) => {
      tier.run!.channel.toWorker.hold(); // the call stays in flight until the thread has ended
      call = outcome(counter.add(1), events);
      tier.inWorker(() => tier.worker.quit());
    });
    await call;
    expect(events).toEqual([`rejected (${ThreadTerminatedError.name})`]);
  });

  test('a call pending when the thread is terminated rejects once; errorOccurred then finished are emitted on main', async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    const events: string[] = [];
    thread.errorOccurred.connect((error) => events.push(`errorOccurred (${error.constructor.name})`));
    thread.finished.connect(() => events.push('finished'));
    await inMemory(thread, async (tier) => {
      tier.run!.channel.toWorker.hold();
      const call = outcome(counter.add(1), events);
      await thread.terminate();
      await call;
    });
    expect(events).toEqual([
      `errorOccurred (${ThreadCrashedError.name})`,
      'finished',
      `rejected (${ThreadTerminatedError.name})`,
    ]);
  });

  test('a result for a call that was already answered, or never made, is a ProtocolError and settles nothing again', async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    await inMemory(thread, async (tier, reports) => {
      const events: string[] = [];
      await outcome(counter.add(4), events);
      const [{ replyId }] = invokes(tier.run!.channel.toWorker.sent);
      tier.run!.channel.worker.postMessage({ type: 'result', replyId, ok: false, value: { name: 'E', message: 'x' } });
      tier.run!.channel.worker.postMessage({ type: 'result', replyId: 999, ok: true, value: 1 });
      await settled(tier);
      expect(events).toEqual(['resolved']);
      const errors = reports.splice(0).map(([error]) => error);
      expect(errors).toEqual([expect.any(ProtocolError), expect.any(ProtocolError)]);
      expect(String(errors[0])).toContain(
        `a result for call #${replyId}, which was never made or was already answered`,
      );
      expect(String(errors[1])).toContain('a result for call #999');
    });
  });

  test("a slot that throws in the worker is reported on main's error handler, naming the worker thread", async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    const source = new (class Source extends QObject {
      readonly frame = new Signal<[message: string]>(this);
    })();
    source.frame.connect(counter, 'fail', ConnectionType.QueuedConnection);
    await inMemory(thread, async (tier, reports) => {
      source.frame.emit('bad frame');
      await settled(tier);
      const [[error, context], ...others] = reports.splice(0);
      expect(others).toEqual([]);
      expect(error).toBeInstanceOf(RemoteError); // it crossed: a worker's error arrives as a RemoteError
      expect(String(error)).toContain('bad frame');
      expect(context.thread).toBe(thread.describe());
    });
  });
});
