// ESM entry of @sigslot/core/kernel: re-exports the CommonJS build so that ESM and CJS share one instance.
export * from '../dist/kernel.js';
