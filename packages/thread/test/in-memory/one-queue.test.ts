// Rule 3 of the delivery model, in memory: one queue per thread, main included. A worker's emits join the main
// thread's event queue in arrival order with main's own posted calls, so deleteLater() and destroyed receivers
// apply as in Qt; and a connection between two objects of the worker runs there, once, not again on main.
import { ConnectionType, QObject, Signal } from '@sigslot/core';
import { Counter, Emitter } from './fixtures';
import { inMemory, settled } from './harness';

class Receiver extends QObject {
  readonly got: string[] = [];
  take(what: string): void {
    this.got.push(what);
  }
}

class Poster extends QObject {
  readonly post = new Signal<[what: string]>(this);
}

describe('one queue per thread (in memory)', () => {
  test("a worker's emit joins main's queue behind the call main posted before it arrived, though it arrives first", async () => {
    const thread = new Emitter();
    const receiver = new Receiver();
    const poster = new Poster();
    thread.pair.connect((n, s) => receiver.take(`worker ${n} ${s}`));
    poster.post.connect(receiver, 'take', ConnectionType.QueuedConnection);
    await inMemory(thread, async (tier) => {
      tier.inWorker(() => tier.worker.pair.emit(1, 'a')); // on its way: it arrives in the next macrotask
      poster.post.emit('main'); // waits for main's loop, which runs after that arrival
      await settled(tier);
    });
    expect(receiver.got).toEqual(['main', 'worker 1 a']);
  });

  test('a deleteLater() posted on main before an emit from the worker arrives drops the call to that receiver', async () => {
    const thread = new Emitter();
    const doomed = new Receiver();
    const other = new Receiver();
    thread.value.connect(doomed, (n) => doomed.take(`${n}`));
    thread.value.connect(other, (n) => other.take(`${n}`));
    await inMemory(thread, async (tier) => {
      tier.inWorker(() => tier.worker.value.emit(1)); // arrives before main's loop runs the deleteLater below
      doomed.deleteLater();
      await settled(tier);
    });
    expect(doomed.isDestroyed()).toBe(true);
    expect(doomed.got).toEqual([]);
    expect(other.got).toEqual(['1']);
  });

  test('a connection made on main between two objects of the worker runs in the worker, once', async () => {
    const thread = new Emitter();
    const source = thread.create(Counter);
    const mirror = thread.create(Counter);
    source.changed.connect(mirror, 'add');
    await inMemory(thread, async () => {
      await expect(source.add(5)).resolves.toBe(5);
      // mirror.add(5) ran in the worker during source's emit: once, so 5, not 10.
      await expect(mirror.add(0)).resolves.toBe(5);
    });
  });
});
