'use strict';
// Group 3 peer: comlink, worker → main `await main.f(i)` round trips.
const { parentPort, workerData } = require('node:worker_threads');
const Comlink = require('comlink');
const nodeEndpoint = require('comlink/dist/umd/node-adapter.js');
const { warmup, count } = workerData;
const main = Comlink.wrap(nodeEndpoint(parentPort));
(async () => {
  for (let i = 0; i < warmup; i++) await main.f(i);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await main.f(i);
  await main.report(performance.now() - t0, count);
})();
