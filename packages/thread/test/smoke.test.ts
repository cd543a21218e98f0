import { ConnectionType, QObject, currentThread } from '@sigslot/core';
import { TimerThread } from './fixtures/timer-thread';

class Receiver extends QObject {
  ticks: Array<[number, string, string]> = [];
  onTick(count: number, emittedOn: string): void {
    this.ticks.push([count, emittedOn, currentThread().describe()]);
  }
}

test('a worker emits ticks that a main-thread receiver gets queued, in order, before finished', async () => {
  const timer = new TimerThread();
  const receiver = new Receiver();
  timer.tick.connect(receiver, receiver.onTick, ConnectionType.QueuedConnection);
  const finished = timer.finished.once();
  timer.start();
  await finished;
  expect(receiver.ticks).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => [i, `worker #${timer.threadId}`, 'main']));
  expect(timer.isFinished()).toBe(true);
});
