// ESM entry of @sigslot/sd-shim/jest: re-exports the CommonJS build so that ESM and CJS share one instance
// (one Designer state, one affinity record). Importing it registers the matchers with jest's `expect`.
export * from '../dist/jest/index.js';
