// ESM entry of @sigslot/concurrent/web-worker: re-exports the CommonJS build (bundlers turn it into ES modules).
export * from '../dist/web-worker.js';
