// Rule 2 of the delivery model, in memory: post at once, batch only when the receiver is busy. An emit leaves
// during the emit while the main thread has taken everything sent before; while it has not, emits coalesce into
// one batch, which leaves when the thread yields, when it is full, or before any other message. What crossed is
// read from the channel, so each case is exact, not timed.
import { MAX_BATCH_EMITS } from '@sigslot/thread/channel';
import { Counter, Emitter } from './fixtures';
import { batches, inMemory, settled } from './harness';

/** The arguments of the one-argument emits in `batch`, in order (every run here has one argument). */
function values(batch: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < batch.length;) {
    const emits = batch[i + 4] as number;
    out.push(...batch.slice(i + 5, i + 5 + emits));
    i += 5 + emits;
  }
  return out;
}

describe('post at once; batch only when the receiver is busy (in memory)', () => {
  test('post at once: an emit made while the main thread has taken everything sent before leaves during the emit', async () => {
    await inMemory(new Emitter(), async (tier) => {
      for (const n of [1, 2, 3]) {
        tier.inWorker(() => tier.worker.value.emit(n));
        expect(batches(tier)).toHaveLength(n); // before any microtask
        await settled(tier); // main takes it: caught up again
      }
      expect(batches(tier).map(values)).toEqual([[1], [2], [3]]);
    });
  });

  test('coalesce when busy: emits made while main has not taken the last batch leave together when the thread yields', async () => {
    const thread = new Emitter();
    const got: number[] = [];
    thread.value.connect((n) => got.push(n));
    await inMemory(thread, async (tier) => {
      tier.inWorker(() => {
        for (let n = 1; n <= 5; n++) tier.worker.value.emit(n);
      });
      expect(batches(tier).map(values)).toEqual([[1]]);
      await Promise.resolve(); // the worker's code yields
      expect(batches(tier).map(values)).toEqual([[1], [2, 3, 4, 5]]);
      await settled(tier);
      expect(got).toEqual([1, 2, 3, 4, 5]);
      tier.inWorker(() => tier.worker.value.emit(6)); // caught up again: at once
      expect(batches(tier).map(values)).toEqual([[1], [2, 3, 4, 5], [6]]);
    });
  });

  test(`a full batch (${MAX_BATCH_EMITS} emits) leaves at once, without waiting for the thread to yield`, async () => {
    await inMemory(new Emitter(), async (tier) => {
      tier.inWorker(() => {
        for (let n = 0; n <= MAX_BATCH_EMITS + 1; n++) tier.worker.value.emit(n);
      });
      expect(batches(tier).map((batch) => values(batch).length)).toEqual([1, MAX_BATCH_EMITS]);
      await Promise.resolve();
      expect(batches(tier).map((batch) => values(batch).length)).toEqual([1, MAX_BATCH_EMITS, 1]);
    });
  });

  test("an emit of numbers carries them in the batch's Float64Array; an emit of other values, in the batch itself", async () => {
    await inMemory(new Emitter(), async (tier) => {
      tier.run!.channel.toMain.hold(); // main is behind: the emits below coalesce into one batch
      tier.inWorker(() => {
        tier.worker.ping.emit();
        tier.worker.value.emit(1.5);
        tier.worker.value.emit(-0);
        tier.worker.pair.emit(2, 'two');
        tier.worker.value.emit(3);
      });
      await Promise.resolve(); // the worker's code yields
      const sent = tier.run!.channel.toMain.sent.filter((m) => (m as { type: string }).type === 'emits');
      const { batch, numbers } = sent[1] as { batch: unknown[]; numbers: Float64Array };
      // Three runs of (objectId, signal, version, argCount, emits, ...arguments); a negative argCount: numbers.
      expect(batch).toHaveLength(5 + 7 + 5);
      expect([batch[3], batch[4], batch[8], batch[9], batch[15], batch[16]]).toEqual([-1, 2, 2, 1, -1, 1]);
      expect(batch.slice(10, 12)).toEqual([2, 'two']);
      expect(Object.prototype.toString.call(numbers)).toBe('[object Float64Array]'); // made in another realm
      expect([...numbers]).toEqual([1.5, -0, 3]);
      expect(Object.is(numbers[1], -0)).toBe(true);
    });
  });

  test("any other message leaves after the emits made before it: a method's signal arrives before its result", async () => {
    const thread = new Emitter();
    const counter = thread.create(Counter);
    const events: string[] = [];
    counter.changed.connect((count) => events.push(`changed ${count}`));
    await inMemory(thread, async (tier) => {
      tier.run!.channel.toMain.hold();
      tier.inWorker(() => tier.worker.ping.emit()); // posted at once: main is behind from now on
      const result = counter.add(5).then((count) => events.push(`result ${count}`));
      await new Promise<void>((resolve) => tier.run!.channel.toWorker.whenDelivered(resolve));
      // The worker ran add(5): its emit was batched (main is behind), and the result's message sent it first.
      const types = tier.run!.channel.toMain.sent.map((m) => (m as { type: string }).type);
      expect(types.slice(-2)).toEqual(['emits', 'result']);
      tier.run!.channel.toMain.release();
      await result;
    });
    expect(events).toEqual(['changed 5', 'result 5']);
  });

  test('pendingEmits() counts the emits the worker posted that main has not taken yet', async () => {
    const thread = new Emitter();
    await inMemory(thread, async (tier) => {
      tier.run!.channel.toMain.hold();
      tier.inWorker(() => {
        for (let n = 1; n <= 3; n++) tier.worker.value.emit(n);
      });
      await Promise.resolve();
      expect(thread.pendingEmits()).toBe(3);
      tier.run!.channel.toMain.release();
      await settled(tier);
      expect(thread.pendingEmits()).toBe(0);
    });
  });
});
