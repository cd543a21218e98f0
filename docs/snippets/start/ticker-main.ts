import { currentThread } from '@sigslot/thread';
import { Ticker } from './ticker';

const ticker = new Ticker();
ticker.tick.connect((count) => console.log(`tick ${count} on ${currentThread().describe()}`));
ticker.finished.connect(() => console.log('finished'));
ticker.start();
void ticker.wait(); // a Promise: the main thread keeps running, and delivers the ticks
