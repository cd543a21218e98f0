// pool-worker.ts — bundled as its own entry: the script every pool worker runs in the browser.
import { startWebPoolWorker } from '@sigslot/concurrent/web-worker';
import * as tasks from './tasks';

startWebPoolWorker({ tasks }); // tasks named 'tasks' on the page run this module's exports
