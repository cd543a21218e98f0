'use strict';
// Group 2 peer: comlink, one remote call per emit (fire-and-forget), awaiting only the last one.
const { parentPort, workerData } = require('node:worker_threads');
const Comlink = require('comlink');
const nodeEndpoint = require('comlink/dist/umd/node-adapter.js');
const { n, gate } = workerData;
const g = new Int32Array(gate);
const main = Comlink.wrap(nodeEndpoint(parentPort));
(async () => {
  await main.ready();
  Atomics.wait(g, 0, 0);
  for (let i = 1; i < n; i++) void main.onValue(i);
  await main.onValue(n);
})();
