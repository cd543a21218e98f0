'use strict';
// Group 2 ceiling: a SharedArrayBuffer Int32 ring (65,536 slots). The producer blocks with Atomics.wait when
// the ring is full; it notifies the consumer only when the consumer flagged SLEEP. Only the consumer clears
// SLEEP (the fixed protocol of anchors.md: a producer that clears it loses wake-ups).
const { parentPort, workerData } = require('node:worker_threads');
const { n, gate, ring } = workerData;
const HEAD = 0;
const TAIL = 1;
const SLEEP = 2;
const FULL_WAITS = 3;
const g = new Int32Array(gate);
const ctl = new Int32Array(ring, 0, 8);
const data = new Int32Array(ring, 32);
const CAP = data.length;
const MASK = CAP - 1;
parentPort.postMessage('ready');
Atomics.wait(g, 0, 0);
let head = 0;
let tail = Atomics.load(ctl, TAIL);
for (let i = 1; i <= n; i++) {
  while (head - tail >= CAP) {
    Atomics.add(ctl, FULL_WAITS, 1);
    Atomics.wait(ctl, TAIL, tail, 50);
    tail = Atomics.load(ctl, TAIL);
  }
  data[head & MASK] = i;
  head++;
  Atomics.store(ctl, HEAD, head);
  if (Atomics.load(ctl, SLEEP) === 1) Atomics.notify(ctl, HEAD);
}
