// ESM entry of @sigslot/thread/channel: re-exports the CommonJS build so that ESM and CJS share one instance.
export * from '../dist/channel.js';
