'use strict';
// Group 2 (explanation): a wire format without the library. "nested" is sigslot's former format, 1,024 emits per
// message as { type: 'emits', batch: [objectId, signalIndex, [i], ...] } (an array per emit); "runs" is its
// format now, 4,096 emits per message as one run: [objectId, signalIndex, argCount = 1, emitCount, i, i, ...].
// Separates the format's cost from the library's.
const { parentPort, workerData } = require('node:worker_threads');
const { n, gate, format } = workerData;
const g = new Int32Array(gate);
parentPort.postMessage('ready');
Atomics.wait(g, 0, 0);
const t0 = performance.now();
if (format === 'nested') {
  let batch = [];
  for (let i = 1; i <= n; i++) {
    batch.push(0, 0, [i]);
    if (batch.length === 3072) {
      parentPort.postMessage({ type: 'emits', batch });
      batch = [];
    }
  }
  if (batch.length) parentPort.postMessage({ type: 'emits', batch });
} else {
  let batch = [0, 0, 1, 0];
  for (let i = 1; i <= n; i++) {
    batch.push(i);
    batch[3]++;
    if (batch[3] === 4096) {
      parentPort.postMessage({ type: 'emits', batch });
      batch = [0, 0, 1, 0];
    }
  }
  if (batch[3] > 0) parentPort.postMessage({ type: 'emits', batch });
}
Atomics.store(g, 1, Math.round((performance.now() - t0) * 1000)); // µs in the emit loop
