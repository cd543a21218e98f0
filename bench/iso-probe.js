// Worker emit path in isolation: main blocks (Atomics.wait) while the worker emits N, so no contention, no drain.
const { QThread, Signal } = require('@sigslot/thread');
const { QObject, ConnectionType } = require('@sigslot/core');
class Flood extends QThread {
  static module = __filename;
  value = new Signal(this);
  count = 0; gate = null;
  run() {
    const g = new Int32Array(this.gate);
    Atomics.wait(g, 0, 0);
    const v = this.value, n = this.count;
    const t0 = performance.now();
    for (let i = 1; i <= n; i++) v.emit(i);
    QThread.yieldCurrentThread();
    Atomics.store(g, 1, Math.round((performance.now() - t0) * 1e3));
    Atomics.store(g, 2, 1); Atomics.notify(g, 2);
  }
}
module.exports = { Flood };
if (require('node:worker_threads').isMainThread) {
  class Sink extends QObject { sum = 0; c = 0; on(n) { this.sum += n; if (++this.c === this.target) this.done(); } }
  (async () => {
    const W = [], M = [];
    const N = +(process.argv[2] || 1e6);
    for (let r = 0; r < 9; r++) {
      const t = new Flood(); t.count = N; t.maxPendingEmits = 0;
      const g = new Int32Array(new SharedArrayBuffer(16)); t.gate = g.buffer;
      const s = new Sink(); s.target = N;
      const p = new Promise(res => s.done = res);
      t.value.connect(s, s.on, ConnectionType.QueuedConnection);
      const started = t.started.once(); t.start(); await started;
      Atomics.store(g, 0, 1); Atomics.notify(g, 0);
      Atomics.wait(g, 2, 0); // main blocked: the worker emits alone
      const t0 = performance.now();
      if (!process.env.NOWAIT) await p; const ms = performance.now() - t0;
      W.push(Atomics.load(g, 1) * 1e3 / N); M.push(ms * 1e6 / N);
      await t.wait();
    }
    const med = a => [...a].sort((x, y) => x - y)[a.length >> 1];
    console.log(`worker alone med ${med(W).toFixed(1)} min ${Math.min(...W).toFixed(1)} | main alone med ${med(M).toFixed(1)} min ${Math.min(...M).toFixed(1)} ns/emit`);
  })();
}
