// Types of the ESM entry of @sigslot/thread/channel: the declarations of the CommonJS build it re-exports.
export * from '../dist/channel.js';
