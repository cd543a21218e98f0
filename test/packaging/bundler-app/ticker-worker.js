// The worker's script when the page makes the worker itself (main-worker.js): the thread module, and the list of
// classes this worker can run, which it cannot import again by URL once the bundler has built it.
import { serveThreadClasses } from '@sigslot/thread';
import { Ticker } from './ticker.js';

serveThreadClasses({ Ticker });
