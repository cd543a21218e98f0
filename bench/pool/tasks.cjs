// The work of the pool comparison, for sigslot's pool (named exports) and the peers' workers below.
exports.echo = (x) => x;
exports.progress = (promise, n) => {
  promise.setProgressRange(0, n);
  for (let i = 1; i <= n; i++) promise.setProgressValue(i);
  return undefined;
};
