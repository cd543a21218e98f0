import { currentThread, QObject } from '@sigslot/thread';
import { Ticker } from '../start/ticker';

const ticker = new Ticker();
ticker.objectName = 'Ticker';
const receiver = new QObject();

console.log(currentThread().describe()); // the thread running this code
console.log(receiver.thread() === currentThread()); // an object lives in the thread that created it
console.log(ticker.thread()?.describe()); // a QThread object too: it lives here, its run() runs there
console.log(ticker.describe(), ticker.threadId); // the thread it starts
