'use strict';
// Group 2 reference: naive batching, arrays of 1,000 objects { i } per postMessage.
const { parentPort, workerData } = require('node:worker_threads');
const { n, gate } = workerData;
const g = new Int32Array(gate);
parentPort.postMessage('ready');
Atomics.wait(g, 0, 0);
Atomics.store(g, 2, process.memoryUsage().heapTotal >> 10);
let batch = [];
for (let i = 1; i <= n; i++) {
  batch.push({ i });
  if (batch.length === 1000) {
    parentPort.postMessage(batch);
    batch = [];
  }
}
if (batch.length) parentPort.postMessage(batch);
// For group 5: every message is posted (the worker's heap recorded, in KB); main may be blocked meanwhile.
Atomics.store(g, 3, process.memoryUsage().heapTotal >> 10);
Atomics.store(g, 1, 1);
Atomics.notify(g, 1);
