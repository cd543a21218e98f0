const { QThread, Signal } = require('@sigslot/thread');
const { QObject, ConnectionType } = require('@sigslot/core');
class Flood extends QThread {
  static module = __filename;
  value = new Signal(this);
  stats = new Signal(this);
  count = 0;
  run() {
    const v = this.value, n = this.count;
    const t0 = performance.now();
    for (let i = 1; i <= n; i++) v.emit(i);
    QThread.yieldCurrentThread();
    const ms = performance.now() - t0;
    this.stats.emit(ms, globalThis.__nb, globalThis.__ne);
  }
}
module.exports = { Flood };
if (require('node:worker_threads').isMainThread) {
  class Sink extends QObject { sum = 0; c = 0; on(n) { this.sum += n; if (++this.c === this.target) this.done(); } }
  (async () => {
    const W = [], T = [];
    const N = +(process.argv[2] || 1e6);
    for (let r = 0; r < 7; r++) {
      const t = new Flood(); t.count = N;
      const s = new Sink(); s.target = N;
      const p = new Promise(res => s.done = res);
      const st = new Promise(res => t.stats.connect((ms, nb, ne) => { console.log("batches", nb, "avg", (ne/nb).toFixed(1)); res(ms); }));
      t.value.connect(s, s.on, ConnectionType.QueuedConnection);
      const started = t.started.once(); t.start(); await started;
      const t0 = performance.now();
      if (!process.env.NOWAIT) await p; const ms = performance.now() - t0;
      const wms = await st;
      W.push(wms * 1e6 / N); T.push(ms * 1e6 / N);
      await t.wait();
    }
    const med = a => [...a].sort((x, y) => x - y)[a.length >> 1];
    console.log(`total med ${med(T).toFixed(0)} min ${Math.min(...T).toFixed(0)} | worker med ${med(W).toFixed(0)} min ${Math.min(...W).toFixed(0)} ns/emit`);
  })();
}
