// The browser build's node-bootstrap.ts (scripts/bundle.mjs puts it in place of that module): a browser never runs
// the Node bootstraps' source, so the bundle carries none of it.

export const NODE_BOOTSTRAP: string = '';
export const NODE_PREPARED_BOOTSTRAP: string = '';
