// Group 7's worker for the four peer pools: each loads it with its own worker API (chosen by workerData or, for
// workerpool, the environment). `echo` is the tiny task; `progress` (workerpool only: the one peer with progress on
// the task's own channel) emits n progress events with workerEmit, then returns n.
const { isMainThread, workerData } = require('node:worker_threads');
const echo = (x) => x;
if (!isMainThread || require.main !== module) {
  const kind = workerData?.peer ?? process.env.SIGSLOT_POOL_PEER;
  if (kind === 'workerpool') {
    const workerpool = require('workerpool');
    const progress = (n) => {
      for (let i = 1; i <= n; i++) workerpool.workerEmit(i);
      return n;
    };
    workerpool.worker({ echo, progress });
  } else if (kind === 'poolifier') {
    const { ThreadWorker } = require('poolifier');
    module.exports = new ThreadWorker(echo);
  } else module.exports = echo; // piscina, tinypool: the default export is the task
}
