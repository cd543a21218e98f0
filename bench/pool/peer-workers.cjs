// One worker file for the four peers: each loads it with its own worker API (chosen by argv or workerData).
const { isMainThread, workerData } = require('node:worker_threads');
const echo = (x) => x;
if (!isMainThread || require.main !== module) {
  const kind = workerData?.peer ?? process.env.SIGSLOT_PEER;
  if (kind === 'workerpool') require('workerpool').worker({ echo });
  else if (kind === 'poolifier') {
    const { ThreadWorker } = require('poolifier');
    module.exports = new ThreadWorker(echo);
  } else module.exports = echo; // piscina, tinypool: the default export is the task
}
