'use strict';
// Group 2 (explanation): sigslot's transport without the library — batches of 1,024 emits per postMessage in
// sigslot's wire format, { type: 'emits', batch: [objectId, signalIndex, [i], ...] } ("nested"), or with the
// arguments flattened, [objectId, signalIndex, i, ...] ("flat"). Separates the format's cost from the library's.
const { parentPort, workerData } = require('node:worker_threads');
const { n, gate, format } = workerData;
const g = new Int32Array(gate);
parentPort.postMessage('ready');
Atomics.wait(g, 0, 0);
const t0 = performance.now();
let batch = [];
const nested = format === 'nested';
for (let i = 1; i <= n; i++) {
  if (nested) batch.push(0, 0, [i]);
  else batch.push(0, 0, i);
  if (batch.length === 3072) {
    parentPort.postMessage({ type: 'emits', batch });
    batch = [];
  }
}
if (batch.length) parentPort.postMessage({ type: 'emits', batch });
Atomics.store(g, 1, Math.round((performance.now() - t0) * 1000)); // µs in the emit loop
