import { QObject } from '@sigslot/thread';
import { Ticker } from '../start/ticker';

class Receiver extends QObject {
  onTick(count: number): void {
    console.log(`tick ${count}`);
  }
}

const ticker = new Ticker();
const receiver = new Receiver();
ticker.tick.connect(receiver, receiver.onTick); // AutoConnection, decided at each emit

ticker.tick.emit(0); // emitted here, on the receiver's thread: direct, during the emit
console.log('after the direct emit');
ticker.start(); // emitted in the worker: queued to this thread
void ticker.wait();
