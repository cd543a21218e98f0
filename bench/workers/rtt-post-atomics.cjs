'use strict';
// Group 3 reference (sigslot's own mechanism, without the library): the worker posts a message and blocks in
// Atomics.wait; main's 'message' handler runs the "slot" and answers through the SharedArrayBuffer.
const { parentPort, workerData } = require('node:worker_threads');
const { warmup, count, sab } = workerData;
const ctl = new Int32Array(sab); // [0] answer word
function roundTrip(i) {
  Atomics.store(ctl, 0, 0);
  parentPort.postMessage(i);
  while (Atomics.load(ctl, 0) === 0) Atomics.wait(ctl, 0, 0);
}
for (let i = 0; i < warmup; i++) roundTrip(i);
const t0 = performance.now();
for (let i = 0; i < count; i++) roundTrip(i);
parentPort.postMessage({ ms: performance.now() - t0, count });
