// The browser build's node-worker-runtime.ts (scripts/bundle.mjs puts it in place of that module): Node-only, so the bundle
// carries none of it.
import type * as Node from './node-worker-runtime';
import { onlyOnNode } from './platform';

export const startNodeThread: typeof Node.startNodeThread = () => onlyOnNode('startNodeThread()');
export const prepareNodeWorker: typeof Node.prepareNodeWorker = () => onlyOnNode('prepareNodeWorker()');
