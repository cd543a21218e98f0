// The sigslot thread classes the benchmarks start. Compiled to bench/dist/threads.js (CommonJS): the worker
// loads that file through `static module = __filename`, so main and worker run the same built code.
import { QThread, Signal } from '@sigslot/thread';

/** Control words shared through a SharedArrayBuffer field (copied to the worker at start(), memory shared). */
export const Gate = {
  /** Main stores 1 to let run() begin (so that worker start-up is not timed). */
  Go: 0,
  /** The worker stores 1 once every emit was made and flushed. */
  Emitted: 1,
  /** How many emits the worker made so far (updated every 65,536, and at the end). */
  Progress: 2,
  /** Non-zero: the worker stopped early at this many emits because the process RSS passed `rssCapMb`. */
  StoppedAt: 3,
  /** The worker isolate's heapTotal (KB) when emitting began and when it ended. */
  HeapBefore: 4,
  HeapAfter: 5,
  /** The highest process RSS (MB) the worker saw while emitting (with `rssCapMb` only). */
  PeakRssMb: 6,
  /** Microseconds the worker spent in its emit loop (every emit made and its batch posted). */
  EmitUs: 7,
  Size: 8,
} as const;

/** Emits `count` queued values 1..count once main opens the gate: groups 2 (throughput) and 5 (memory). */
export class FloodThread extends QThread {
  static override readonly module = __filename;
  readonly value = new Signal<[n: number]>(this);

  count = 0;
  gate: SharedArrayBuffer | null = null;
  /** Watch the process RSS every 65,536 emits, and stop (a guard, not backpressure) above this many MB; 0: don't watch. */
  rssCapMb = 0;

  override run(): void {
    const gate = new Int32Array(this.gate!);
    Atomics.wait(gate, Gate.Go, 0);
    Atomics.store(gate, Gate.HeapBefore, process.memoryUsage().heapTotal >> 10);
    const t0 = performance.now();
    const count = this.count;
    const value = this.value;
    let made = count;
    if (this.rssCapMb === 0) {
      for (let i = 1; i <= count; i++) value.emit(i);
    } else {
      const cap = this.rssCapMb;
      for (let i = 1; i <= count; i++) {
        value.emit(i);
        if ((i & 0xffff) === 0) {
          Atomics.store(gate, Gate.Progress, i);
          const rssMb = Math.round(process.memoryUsage.rss() / 1048576);
          if (rssMb > Atomics.load(gate, Gate.PeakRssMb)) Atomics.store(gate, Gate.PeakRssMb, rssMb);
          if (rssMb > cap) {
            made = i;
            Atomics.store(gate, Gate.StoppedAt, i);
            break;
          }
        }
      }
    }
    QThread.yieldCurrentThread(); // sends the last partial batch now
    Atomics.store(gate, Gate.EmitUs, Math.round((performance.now() - t0) * 1000));
    Atomics.store(gate, Gate.HeapAfter, process.memoryUsage().heapTotal >> 10);
    Atomics.store(gate, Gate.Progress, made);
    Atomics.store(gate, Gate.Emitted, 1);
    Atomics.notify(gate, Gate.Emitted);
  }
}

/** Emits `warmup + count` pings through a BlockingQueuedConnection and reports the timed part: group 3. */
export class PingThread extends QThread {
  static override readonly module = __filename;
  readonly ping = new Signal<[n: number]>(this);
  readonly done = new Signal<[ms: number, count: number]>(this);

  warmup = 0;
  count = 0;

  override run(): void {
    const ping = this.ping;
    for (let i = 0; i < this.warmup; i++) ping.emit(i);
    const t0 = performance.now();
    for (let i = 0; i < this.count; i++) ping.emit(i);
    this.done.emit(performance.now() - t0, this.count);
  }
}

/** Does nothing: group 4 times start() → started. */
export class EmptyThread extends QThread {
  static override readonly module = __filename;
  override run(): void {}
}

/**
 * Group 6: a run() that never yields. It computes (a busy loop) and emits `progress(step, sentAt)` every
 * `intervalMs`, `steps` times; `sentAt` is the absolute time of the emit (performance.timeOrigin + now(), the
 * same clock on every thread of the process), so main measures each emit's lag on arrival.
 */
export class BusyProgressThread extends QThread {
  static override readonly module = __filename;
  readonly progress = new Signal<[step: number, sentAt: number]>(this);
  steps = 200;
  intervalMs = 5;
  override run(): void {
    const origin = performance.timeOrigin;
    for (let step = 1; step <= this.steps; step++) {
      const next = performance.now() + this.intervalMs;
      while (performance.now() < next) {
        // heavy work that never yields
      }
      this.progress.emit(step, origin + performance.now());
    }
  }
}
