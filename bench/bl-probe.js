const { PingThread } = require('./dist/threads');
const { QObject, ConnectionType } = require('@sigslot/core');
class Pong extends QObject { acc = 0; onPing(n) { this.acc = (this.acc + n) & 0xfffff; } }
(async () => {
  for (let r = 0; r < 3; r++) {
    const thread = new PingThread(); thread.warmup = 5000; thread.count = 50000;
    const pong = new Pong();
    thread.ping.connect(pong, pong.onPing, ConnectionType.BlockingQueuedConnection);
    const done = new Promise((res) => thread.done.connect((ms, n) => res(ms * 1e3 / n)));
    thread.start();
    console.log('us/rt', (await done).toFixed(2));
    await thread.wait();
  }
})();
