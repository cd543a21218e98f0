// The browser build's node-endpoint.ts (scripts/bundle.mjs puts it in place of that module): Node-only, so the bundle
// carries none of it.
import type * as Node from './node-endpoint';
import { onlyOnNode } from './platform';

export const nodeEndpoint: typeof Node.nodeEndpoint = () => onlyOnNode('nodeEndpoint()');
export const spawnNodeWorker: typeof Node.spawnNodeWorker = () => onlyOnNode('spawnNodeWorker()');
export const spawnSpareNodeWorker: typeof Node.spawnSpareNodeWorker = () => onlyOnNode('spawnSpareNodeWorker()');
