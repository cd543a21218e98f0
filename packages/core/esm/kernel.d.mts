// Types of the ESM entry of @sigslot/core/kernel: the declarations of the CommonJS build it re-exports.
export * from '../dist/kernel.js';
