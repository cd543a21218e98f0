// Rule 1 of the delivery model, in memory: the emitting thread routes each emit once, with the connections and the
// blocked state the main side had when the worker emitted (the batch carries that routing version); the main side
// delivers posted calls and never decides again. The worker's batches are held in flight while the main side
// changes its connections, which a real worker can only arrange with shared-memory lock steps.
import { QSignalBlocker } from '@sigslot/core';
import { Emitter } from './fixtures';
import { batches, inMemory, settled } from './harness';

describe('route once, in the emitting thread (in memory)', () => {
  test('an emit made before a disconnect() on main still reaches the slot: a posted call survives', async () => {
    const thread = new Emitter();
    const got: number[] = [];
    const connection = thread.value.connect((n) => got.push(n));
    await inMemory(thread, async (tier) => {
      tier.run!.channel.toMain.hold();
      tier.inWorker(() => tier.worker.value.emit(1));
      connection.disconnect();
      tier.inWorker(() => tier.worker.value.emit(2));
      tier.run!.channel.toMain.release();
      await settled(tier);
    });
    expect(got).toEqual([1]);
  });

  test('a slot connected on main after the emit does not receive it, and receives the emits made after the connect', async () => {
    const thread = new Emitter();
    const got: number[] = [];
    await inMemory(thread, async (tier) => {
      tier.run!.channel.toMain.hold();
      tier.inWorker(() => tier.worker.value.emit(1));
      thread.value.connect((n) => got.push(n));
      tier.inWorker(() => tier.worker.value.emit(2));
      tier.run!.channel.toMain.release();
      await settled(tier);
    });
    expect(got).toEqual([2]);
  });

  test('blockSignals() on main counts when the worker emits: blocking after the emit drops nothing, emits made while blocked are never delivered', async () => {
    const thread = new Emitter();
    const got: number[] = [];
    thread.value.connect((n) => got.push(n));
    await inMemory(thread, async (tier) => {
      tier.run!.channel.toMain.hold();
      tier.inWorker(() => tier.worker.value.emit(1));
      const blocker = new QSignalBlocker(thread);
      tier.inWorker(() => tier.worker.value.emit(2));
      blocker.unblock();
      tier.inWorker(() => tier.worker.value.emit(3));
      tier.run!.channel.toMain.release();
      await settled(tier);
    });
    expect(got).toEqual([1, 3]);
  });

  test('one batch holding emits routed at two versions delivers each to the connections of its own version', async () => {
    const thread = new Emitter();
    const first: number[] = [];
    const second: number[] = [];
    thread.value.connect((n) => first.push(n));
    await inMemory(thread, async (tier) => {
      tier.run!.channel.toMain.hold();
      tier.inWorker(() => {
        tier.worker.value.emit(1); // main has caught up: posted at once
        tier.worker.value.emit(2); // main is behind: batched until the worker yields
      });
      thread.value.connect((n) => second.push(n)); // a connect made on main before the worker yields
      tier.inWorker(() => tier.worker.value.emit(3)); // the same batch, at a later version
      await Promise.resolve(); // the worker yields: its batch leaves
      const [, batch] = batches(tier);
      // Two runs (objectId, signal, version, argCount, emitCount, ...args): emit 2, then emit 3 a version later.
      const [, , before, , , two, , , after, , , three] = batch!;
      expect([two, three]).toEqual([2, 3]);
      expect((after as number) - (before as number)).toBe(1);
      tier.run!.channel.toMain.release();
      await settled(tier);
    });
    expect(first).toEqual([1, 2, 3]);
    expect(second).toEqual([3]);
  });
});
