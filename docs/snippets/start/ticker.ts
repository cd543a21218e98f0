import { QThread, Signal } from '@sigslot/thread';

export class Ticker extends QThread {
  static override readonly module = __filename; // the worker loads this file (ESM: import.meta.url)
  readonly tick = new Signal<[count: number]>(this);

  override run(): void {
    for (let i = 1; i <= 3; i++) {
      this.tick.emit(i); // emitted in the worker
      QThread.msleep(100);
    }
  }
}
