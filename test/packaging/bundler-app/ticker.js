// The thread module: the page imports it for the class, and each Web Worker runs it as its script. Where the
// worker script is depends on the bundler, so the page's entry sets `Ticker.module` (see main.js).
import { QThread, Signal } from '@sigslot/thread';

export class Ticker extends QThread {
  // Minifiers rename classes (Vite's build does by default): the worker finds this one by its export's name.
  static exportName = 'Ticker';
  tick = new Signal(this);

  run() {
    for (let i = 1; i <= 5; i++) this.tick.emit(i);
  }
}
