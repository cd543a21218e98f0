// ESM entry of @sigslot/concurrent: re-exports the CommonJS build so that ESM and CJS share one instance.
export * from '../dist/index.js';
