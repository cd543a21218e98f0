// The live demo's thread module: Designer's "Using threads" Timer. esbuild bundles it as its own file,
// timer-thread.js, which is the script each Web Worker runs; the page's bundle contains it too, for the main
// thread's half of the class (its signals, start(), wait()).
import { QThread, Signal } from '@sigslot/thread';

/** Milliseconds since the epoch: comparable between the page and its workers (each has its own performance.now()). */
export const now = (): number => performance.timeOrigin + performance.now();

export class Timer extends QThread {
  // Where a worker finds this class: the bundled worker script, next to the page's bundle.
  static override readonly module = new URL('./timer-thread.js', import.meta.url).href;

  /** Designer's `tick = Signal()`, carrying the tick's number and when the worker emitted it. */
  readonly tick = new Signal<[count: number, emittedAt: number]>(this);
  /** After each tick: how long `emit()` took. A blocking emit returns only once the main thread's slot has run. */
  readonly emitted = new Signal<[count: number, waitedMs: number]>(this);

  /** Copied to the worker's instance at start(), like every plain field. */
  intervalMs = 500;
  ticks = 7;

  override run(): void {
    for (let i = 1; i <= this.ticks && !this.isInterruptionRequested(); i++) {
      const before = now();
      this.tick.emit(i, before);
      this.emitted.emit(i, now() - before);
      QThread.msleep(this.intervalMs); // Python: time.sleep(0.5)
    }
  }
}
