// The script each pool worker of the demo runs (esbuild bundles it as its own entry, pool-worker.js): it serves the
// tasks of tiles.ts, which the page names "tiles".
import { startWebPoolWorker } from '@sigslot/concurrent/web-worker';
import * as tiles from './tiles';

startWebPoolWorker({ tiles });
