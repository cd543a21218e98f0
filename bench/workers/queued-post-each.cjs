'use strict';
// Group 2 peer: one postMessage per emit ({ i }), 1..n, once main opens the gate.
const { parentPort, workerData } = require('node:worker_threads');
const { n, gate } = workerData;
const g = new Int32Array(gate);
parentPort.postMessage('ready');
Atomics.wait(g, 0, 0);
Atomics.store(g, 2, process.memoryUsage().heapTotal >> 10);
for (let i = 1; i <= n; i++) parentPort.postMessage({ i });
// For group 5: every message is posted (the worker's heap recorded, in KB); main may be blocked meanwhile.
Atomics.store(g, 3, process.memoryUsage().heapTotal >> 10);
Atomics.store(g, 1, 1);
Atomics.notify(g, 1);
