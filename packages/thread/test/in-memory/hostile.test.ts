// What arrives from a worker is untrusted input, in memory: each malformed or out-of-place message is rejected with
// a ProtocolError that says what was wrong, nothing is thrown into the main thread, and the thread goes on. The test
// posts on the worker's end of the channel, as code running in a worker could.
import { MAX_BATCH_EMITS } from '@sigslot/thread/channel';
import { ProtocolError } from '@sigslot/thread';
import { Emitter } from './fixtures';
import { inMemory, settled, type Reports } from './harness';

const rejected: Array<[string, unknown, string]> = [
  ['a value that is not an object', 42, 'the message is not an object'],
  ['an unknown type', { type: 'hello' }, 'unknown message type "hello"'],
  ['a truncated batch', { type: 'emits', batch: [0, 0] }, '"emits" needs a batch'],
  ['a run with a negative count', { type: 'emits', batch: [0, 0, 0, -5, 1] }, 'a malformed run at 0'],
  [
    'a number run without its numbers',
    { type: 'emits', batch: [0, 0, 0, -1, 1] },
    'number runs of 1 values, and no numbers',
  ],
  ['a run longer than its batch', { type: 'emits', batch: [0, 0, 0, 1, 3, 7] }, 'longer than the batch'],
  [
    `a batch that claims more than ${MAX_BATCH_EMITS} emits`,
    { type: 'emits', batch: [0, 2, 0, 0, MAX_BATCH_EMITS + 1] },
    `claims more than ${MAX_BATCH_EMITS} emits`,
  ],
  [
    'an emit of a signal the thread never declared',
    { type: 'emits', batch: [0, 9, 0, 0, 1] },
    'signal #9 of object #0',
  ],
  ['a "created" for an object main never asked for', { type: 'created', objectId: 7, signals: [] }, 'object #7'],
  ['a malformed "slot-error"', { type: 'slot-error', error: 'boom' }, '"slot-error" needs an error'],
  ['a "finished" without the run\'s token', { type: 'finished', code: 0, token: 'guess' }, 'did not send'],
  ['a "started" without the run\'s token', { type: 'started', signals: [], token: 'guess' }, 'did not send'],
];

/** The one report expected, taken out of `reports`: a ProtocolError from the thread protocol. */
function oneProtocolError(reports: Reports): string {
  const taken = reports.splice(0);
  expect(taken).toHaveLength(1);
  const [[error, context]] = taken;
  expect(error).toBeInstanceOf(ProtocolError);
  expect(context.where).toBe('the thread protocol');
  return (error as Error).message;
}

describe("a worker's messages are untrusted (in memory)", () => {
  test.each(rejected)('%s is rejected with a ProtocolError, and the thread goes on', async (_, message, reason) => {
    const thread = new Emitter();
    const got: number[] = [];
    thread.value.connect((n) => got.push(n));
    await inMemory(thread, async (tier, reports) => {
      tier.run!.channel.worker.postMessage(message);
      tier.inWorker(() => tier.worker.value.emit(1));
      await settled(tier);
      expect(oneProtocolError(reports)).toContain(reason);
      expect(thread.isRunning()).toBe(true);
    });
    expect(got).toEqual([1]);
    expect(thread.isFinished()).toBe(true);
  });

  test('a second "started", even with the token, is rejected', async () => {
    const thread = new Emitter();
    let started = 0;
    thread.started.connect(() => started++);
    await inMemory(thread, async (tier, reports) => {
      const [first] = tier.run!.channel.toMain.sent;
      tier.run!.channel.worker.postMessage(first);
      await settled(tier);
      expect(oneProtocolError(reports)).toContain('a second "started"');
    });
    expect(started).toBe(1);
  });

  test('emits that arrive before "started" are rejected and never delivered', async () => {
    const thread = new Emitter();
    const got: number[] = [];
    thread.value.connect((n) => got.push(n));
    await inMemory(
      thread,
      async (tier, reports) => {
        await settled(tier);
        expect(oneProtocolError(reports)).toContain('"emits" before "started"');
      },
      // Before the worker side has run: this message is the first the main side receives.
      (tier) => tier.run!.channel.worker.postMessage({ type: 'emits', batch: [0, 0, 0, 1, 1, 66] }),
    );
    expect(got).toEqual([]);
  });
});
