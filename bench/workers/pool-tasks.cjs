// Group 7's tasks for sigslot's pool (a task module: named exports, loaded once per worker).
exports.echo = (x) => x;
// n progress updates in a synchronous loop, then the result n: the watcher must see the last progress first.
exports.progress = (promise, n) => {
  promise.setProgressRange(0, n);
  for (let i = 1; i <= n; i++) promise.setProgressValue(i);
  promise.addResult(n);
};
// The CPU-bound task (about 10 ms in a full run), the same function the serial reference calls on main.
exports.work = require('../dist/cpu-work.js').work;
