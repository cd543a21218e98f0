// Types of the ESM entry of @sigslot/sd-shim/jest: the declarations of the CommonJS build it re-exports.
export * from '../dist/jest/index.js';
