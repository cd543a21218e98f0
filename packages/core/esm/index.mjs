// ESM entry: re-exports the CommonJS build so that ESM and CJS share one instance (one thread registry, one event loop).
export * from '../dist/index.js';
