// The browser build's node-bootstrap.ts (scripts/bundle.mjs puts it in place of that module): a browser never runs
// the Node bootstraps' source, so the bundle carries none of it.
import type { NodeBootstrap } from './endpoint';

const NONE: NodeBootstrap = { file: '', dir: undefined, source: '' };
export const NODE_BOOTSTRAP = NONE;
export const NODE_PREPARED_BOOTSTRAP = NONE;
