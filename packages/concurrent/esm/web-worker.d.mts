// Types of the ESM entry: the same declarations as the CommonJS build it re-exports (one instance, one API).
export * from '../dist/web-worker.js';
