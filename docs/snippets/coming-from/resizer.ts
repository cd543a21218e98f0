// After: sigslot. The object is a QObject that lives in a thread; what it reports is a signal.
import { QObject, Signal } from '@sigslot/thread';

export class Resizer extends QObject {
  static readonly module = __filename; // the worker loads this file (ESM: import.meta.url)
  readonly progress = new Signal<[percent: number]>(this);

  resize(width: number, height: number): string {
    this.progress.emit(50); // queued to the main thread's slots, in order with the result
    return `${width / 2}x${height / 2}`;
  }
}
