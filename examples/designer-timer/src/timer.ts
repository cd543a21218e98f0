// Designer's "Using threads" example, ported line for line. The Python original:
//
//   class Timer(QtCore.QThread):
//       tick = QtCore.Signal()
//       def run(self):
//           for i in range(7):
//               self.tick.emit()
//               time.sleep(0.5)
import { QThread, Signal } from '@sigslot/thread';

export class Timer extends QThread {
  static override readonly module = __filename; // the worker loads this file to build its own Timer
  readonly tick = new Signal<[]>(this);
  /** Not in Designer's example: after each emit, how long `emit()` took (a blocking one waits for the slot). */
  readonly emitted = new Signal<[tick: number, waitedMs: number]>(this);

  /** Milliseconds between ticks (Designer's example sleeps 0.5 s); a copy reaches the worker at start(). */
  intervalMs = 500;
  /** How many ticks (7 in Designer's example). */
  ticks = 7;

  override run(): void {
    for (let i = 0; i < this.ticks; i++) {
      const before = performance.now();
      this.tick.emit();
      this.emitted.emit(i + 1, performance.now() - before);
      QThread.msleep(this.intervalMs);
    }
  }
}
