import { ConnectionType, QObject, QThread, Signal } from '@sigslot/thread';
import { Ticker } from '../start/ticker';

class Receiver extends QObject {
  onTick(count: number): void {
    console.log('tick', count);
  }
}

const ticker = new Ticker();
const receiver = new Receiver();
const attempt = (what: string, action: () => unknown): void => {
  try {
    action();
    console.log(`${what}: ok`);
  } catch (error) {
    console.log(`${what}: ${(error as Error).name}`);
  }
};

// The slot would have to run inside the worker, which cannot reach this receiver: refused at connect time.
attempt('Direct across isolates', () =>
  ticker.tick.connect(receiver, receiver.onTick, ConnectionType.DirectConnection),
);

// Blocking on the emitting thread itself would never return: refused at the emit.
const local = new Signal<[count: number]>(receiver, 'local');
local.connect(receiver, receiver.onTick, ConnectionType.BlockingQueuedConnection);
attempt('BlockingQueued to the same thread', () => local.emit(1));

// An object cannot move into another isolate: create it there instead (thread.create, the worker-object pattern).
attempt('moveToThread into a worker', () => new QObject().moveToThread(new QThread()));
