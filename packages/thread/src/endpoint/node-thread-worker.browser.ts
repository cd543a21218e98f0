// The browser build's node-thread-worker.ts (scripts/bundle.mjs puts it in place of that module): Node-only, so the bundle
// carries none of it.
import type * as Node from './node-thread-worker';
import { onlyOnNode } from './platform';

export const startNodeThreadWorker: typeof Node.startNodeThreadWorker = () => onlyOnNode('startNodeThreadWorker()');
