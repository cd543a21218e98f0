// The page: starts a Ticker in a Web Worker and lists the ticks its receiver gets on the main thread; the test
// reads window.__result.
import { ConnectionType, QObject } from '@sigslot/thread';
import { Ticker } from './ticker.js';

/** Runs the app once the entry has said where the worker script is. */
export async function runApp() {
  try {
    const list = document.getElementById('ticks');
    const ticks = [];
    const ticker = new Ticker();
    const receiver = new QObject();
    ticker.tick.connect(
      receiver,
      (n) => {
        ticks.push(n);
        list.append(Object.assign(document.createElement('li'), { textContent: `tick ${n}` }));
      },
      ConnectionType.QueuedConnection,
    );
    ticker.start();
    await ticker.wait();
    window.__result = { ticks, finished: ticker.isFinished(), isolated: globalThis.crossOriginIsolated };
  } catch (error) {
    window.__result = { error: String(error?.stack ?? error) };
  }
}
