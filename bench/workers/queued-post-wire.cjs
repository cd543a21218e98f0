'use strict';
// Group 2 (explanation): a wire format without the library. "nested" is sigslot's first format, 1,024 emits per
// message as { type: 'emits', batch: [objectId, signalIndex, [i], ...] } (an array per emit); "runs" its second,
// 4,096 emits per message as one run: [objectId, signalIndex, argCount = 1, emitCount, i, i, ...]; "numbers" its
// format now for number arguments: the run's header, and the numbers in a Float64Array.
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
} else if (format === 'numbers') {
  // Its wire format now for emits of numbers: the run's header in the batch, the numbers in a Float64Array that
  // is copied once and then transferred.
  const numbers = new Float64Array(4096);
  let k = 0;
  const send = () => {
    const copy = numbers.slice(0, k);
    parentPort.postMessage({ type: 'emits', batch: [0, 0, 0, -1, k], numbers: copy }, [copy.buffer]);
    k = 0;
  };
  for (let i = 1; i <= n; i++) {
    numbers[k++] = i;
    if (k === 4096) send();
  }
  if (k > 0) send();
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
