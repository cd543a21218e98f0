// The script each pool worker runs in the browser: it serves the task modules it registers.
import { startWebPoolWorker } from '@sigslot/concurrent/web-worker';
import * as tasks from './tasks';

startWebPoolWorker({ tasks });
