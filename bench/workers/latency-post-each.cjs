// Group 6's floor: a worker whose busy loop posts each progress message itself (one postMessage per emit), with
// the absolute time of the post, so main measures the lag a bare worker_threads message has.
const { parentPort, workerData } = require('node:worker_threads');
const { steps, intervalMs } = workerData;
const origin = performance.timeOrigin;
for (let step = 1; step <= steps; step++) {
  const next = performance.now() + intervalMs;
  while (performance.now() < next) {
    // heavy work that never yields
  }
  parentPort.postMessage([step, origin + performance.now()]);
}
