'use strict';
// Group 3 floor: the worker stores a request and blocks in Atomics.wait; main answers from Atomics.waitAsync.
const { parentPort, workerData } = require('node:worker_threads');
const { warmup, count, sab } = workerData;
const ctl = new Int32Array(sab); // [0] request sequence, [1] answer sequence
let seq = 0;
function roundTrip() {
  seq++;
  Atomics.store(ctl, 0, seq);
  Atomics.notify(ctl, 0);
  while (Atomics.load(ctl, 1) !== seq) Atomics.wait(ctl, 1, seq - 1);
}
for (let i = 0; i < warmup; i++) roundTrip();
const t0 = performance.now();
for (let i = 0; i < count; i++) roundTrip();
parentPort.postMessage({ ms: performance.now() - t0, count });
