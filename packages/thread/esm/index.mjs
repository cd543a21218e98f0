// ESM entry: re-exports the CommonJS build so that ESM and CJS share one instance (one thread registry, one event loop).
export * from '../dist/index.js';
// Tells QThread.prepareWorkers() that this program imports the package as ESM, so that spare workers load this entry too.
globalThis[Symbol.for('sigslot.thread.esm')] = import.meta.url;
