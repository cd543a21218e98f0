// The thread module of the browser test: bundled as its own entry (threads.js), it is the script each Web
// Worker runs. The page imports it too, for the classes' main-side halves; both find the worker script by the
// same URL, which is also what the worker's runtime imports to build its instance.
import { QObject, QThread, Signal } from '@sigslot/thread';
import { mark, waitUntil } from '../fixtures/shared-words';

/** Where the worker script is: this module, bundled next to the page's script. */
const THREADS_URL = new URL('./threads.js', import.meta.url).href;

/** Designer's "Using threads" timer: emits tick `ticks` times, `intervalMs` apart. */
export class Timer extends QThread {
  static override readonly module = THREADS_URL;
  readonly tick = new Signal<[count: number, thread: string]>(this);
  /** After each tick: how long the emit took (a blocking one returns only after the page's slot ran). */
  readonly emitted = new Signal<[count: number, waitedMs: number]>(this);

  /** Copied to the worker's instance at start(). */
  intervalMs = 500;
  ticks = 7;

  override run(): void {
    for (let i = 1; i <= this.ticks; i++) {
      const before = performance.now();
      this.tick.emit(i, QThread.currentThread().describe());
      this.emitted.emit(i, performance.now() - before);
      QThread.msleep(this.intervalMs);
    }
  }
}

/**
 * Spins without ever returning to its event loop until the page requests interruption (or `limitMs` passes): the
 * flag is read from shared memory. It emits `spinning` from inside the loop, so the request comes while it spins.
 */
export class Spinner extends QThread {
  static override readonly module = THREADS_URL;
  readonly spinning = new Signal<[]>(this);
  readonly stopped = new Signal<[interrupted: boolean, spins: number]>(this);
  limitMs = 5000;

  override run(): void {
    const end = performance.now() + this.limitMs;
    let spins = 0;
    while (!this.isInterruptionRequested() && performance.now() < end) {
      if (spins++ === 0) {
        this.spinning.emit();
        QThread.yieldCurrentThread(); // sends the emit now, without leaving the loop
      }
    }
    this.stopped.emit(this.isInterruptionRequested(), spins);
  }
}

/** A thread whose run() throws: the page gets errorOccurred (with the original class), then finished. */
export class Crasher extends QThread {
  static override readonly module = THREADS_URL;
  override run(): void {
    throw new TypeError('the timer broke');
  }
}

/** A plain event-loop thread (run() = exec()) that hosts worker objects; in a browser it too needs the URL. */
export class Host extends QThread {
  static override readonly module = THREADS_URL;
}

/** A worker object: lives in a Host thread, driven from the page through its methods. */
export class Counter extends QObject {
  static readonly module = THREADS_URL;
  readonly changed = new Signal<[value: number, thread: string]>(this);

  constructor(private value: number) {
    super();
  }

  add(n: number): number {
    this.value += n;
    this.changed.emit(this.value, QThread.currentThread().describe());
    return this.value;
  }

  async addLater(n: number): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return this.add(n);
  }

  fail(): never {
    throw new RangeError('counter overflow');
  }
}

/**
 * The delivery model's "post at once": a run() that never yields emits `progress(step)` and waits, without
 * yielding, for the page to acknowledge it in word 0; it reports whether each acknowledgement came while it ran.
 */
export class BusyProgress extends QThread {
  static override readonly module = THREADS_URL;
  readonly progress = new Signal<[step: number]>(this);
  readonly report = new Signal<[acknowledged: boolean[]]>(this);
  acks = new Int32Array(new SharedArrayBuffer(4));
  steps = 5;
  override run(): void {
    const acknowledged: boolean[] = [];
    for (let step = 1; step <= this.steps; step++) {
      this.progress.emit(step);
      acknowledged.push(waitUntil(this.acks, 0, step));
    }
    this.report.emit(acknowledged);
  }
}

/**
 * Emits in lock step with the page (delivery-model.test.ts's LockStepThread): `ready()` first; then, for each step,
 * `value(step)`, then marks the step in word 0 and waits for the page to mark it in word 1. The page's slot for
 * `ready` holds the page for the whole exchange, so a change it makes at step k comes after `value(k)` was emitted
 * and before it is delivered.
 */
export class LockStep extends QThread {
  static override readonly module = THREADS_URL;
  readonly ready = new Signal<[]>(this);
  readonly value = new Signal<[step: number]>(this);
  words = new Int32Array(new SharedArrayBuffer(8));
  steps = 2;
  override run(): void {
    this.ready.emit();
    for (let step = 1; step <= this.steps; step++) {
      this.value.emit(step);
      mark(this.words, 0, step);
      if (!waitUntil(this.words, 1, step)) throw new Error(`the page never reached step ${step}`);
    }
  }
}

/** A thread whose run() returns at once: calls still queued for its objects then never run. */
export class Brief extends QThread {
  static override readonly module = THREADS_URL;
  override run(): void {}
}

/** Says that it ran. The page gives it a `worker` that posts a message of its own with `type: 'init'` first. */
export class Greeted extends QThread {
  static override readonly module = THREADS_URL;
  readonly said = new Signal<[what: string]>(this);
  override run(): void {
    this.said.emit(`ran in ${QThread.currentThread().describe()}`);
  }
}

/** Records `started` and `finished` from connections made inside the worker, and says where they ran. */
export class SelfWatching extends QThread {
  static override readonly module = THREADS_URL;
  readonly log = new Signal<[entry: string]>(this);
  constructor() {
    super();
    // The class is built on both sides (the page's handle, the worker's thread object): connect in the worker only.
    if (QThread.currentThread().isMainThread()) return;
    this.started.connect(() => this.log.emit(`started in ${QThread.currentThread().describe()}`));
    this.finished.connect(() => this.log.emit(`finished in ${QThread.currentThread().describe()}`));
  }
  override run(): void {}
}

/** Asks the page, blocking, for something only the page knows, and reports the answer (a signal with a result). */
export class Asker extends QThread {
  static override readonly module = THREADS_URL;
  readonly ask = new Signal<[question: string], { title: string; sizes: number[]; when: Date }>(this);
  readonly answered = new Signal<[answer: unknown]>(this);
  override run(): void {
    this.answered.emit(this.ask.emit('the page title'));
  }
}

/** A worker object with a `finished` signal of its own (Qt's worker-object examples declare one). */
export class Job extends QObject {
  static readonly module = THREADS_URL;
  readonly finished = new Signal<[result: number]>(this);
  readonly ran = new Signal<[what: string, where: string]>(this);
  work(n: number): number {
    this.finished.emit(n * 2);
    return n * 2;
  }
  onFinished(): void {
    this.ran.emit('onFinished', QThread.currentThread().describe());
  }
}

/** Reports the warnings its worker printed while its script (this module) ran: see the top-level start below. */
export class WarnedThread extends QThread {
  static override readonly module = THREADS_URL;
  readonly warned = new Signal<[warnings: string[]]>(this);
  override async run(): Promise<void> {
    await startedAtTopLevel?.wait();
    this.warned.emit(workerWarnings);
  }
}

/** What the top level starts: a thread that ends at once. */
export class Idle extends QThread {
  static override readonly module = THREADS_URL;
  override run(): void {}
}

// The thread-module rule broken on purpose, in the worker of the thread named "Warned" only (a worker's name is its
// thread's): its top level starts a thread there, which the runtime reports with a console warning once the worker is
// told its thread. The worker keeps its warnings for WarnedThread instead of printing them.
const workerWarnings: string[] = [];
let startedAtTopLevel: Idle | undefined;
if ((globalThis as { name?: unknown }).name === 'Warned' && typeof document === 'undefined') {
  console.warn = (...args: unknown[]) => void workerWarnings.push(args.map(String).join(' '));
  startedAtTopLevel = new Idle();
  startedAtTopLevel.start();
}
