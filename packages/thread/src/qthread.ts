import { currentThread, InvalidArgumentError, QObject, Signal, Thread, type Connection } from '@sigslot/core';
import { currentThreadData, ThreadData } from '@sigslot/core/kernel';
import { classLocation, type WorkerClass } from './class-location';
import type { SpawnOptions } from './endpoint/endpoint';
import type { WebWorker } from './endpoint/web-endpoint';
import { PACKAGE_ENTRY, packageEsmEntry } from './endpoint/package-entry';
import { idealThreadCount } from './endpoint/platform';
import { ThreadCrashedError } from './errors';
import { mainSide } from './main/load-side';
import type { Remote } from './main/remote-object';
import type { ThreadController } from './main/thread-controller';
import { ownSignals } from './own-signals';
import { sleepFor } from './sleep';
import { Priority } from './thread-priority';
import { ControlWords } from './wire/protocol';
import { takeAdoption } from './worker/adoption';
import { workerSide } from './worker/runtime';
import type { WorkerSide } from './worker/worker-side';
import { pendingEmitLimit, stateForWorker } from './thread-start';
import { checkTopLevelStart } from './worker/top-level-start';

export { Priority };

/** What `run()` may return: nothing, an exit code, or a Promise of either (an async `run`). */
export type RunResult = void | number | Promise<void | number>;

/**
 * A thread whose `run()` executes in a real worker: a Node `worker_threads` Worker, or a module Web Worker in
 * a browser (Qt's QThread). Subclass it, declare signals, override `run()`, and say where the class is
 * defined so the worker can load it:
 *
 * ```ts
 * export class Timer extends QThread {
 *   static override readonly module = __filename; // ESM: import.meta.url
 *   readonly tick = new Signal<[count: number]>(this);
 *   override run(): void {
 *     for (let i = 1; i <= 7; i++) { this.tick.emit(i); QThread.msleep(500); }
 *   }
 * }
 * const timer = new Timer();
 * timer.tick.connect(receiver, receiver.onTick, ConnectionType.QueuedConnection);
 * timer.start();
 * ```
 *
 * The main thread holds this object; the worker builds its own instance of the same class and calls `run()`
 * on it. Signals emitted there arrive here, in order, according to each connection's type.
 */
export class QThread extends Thread {
  /** The class's name in messages, whatever a minifier renames the class to. */
  static override readonly className: string = 'QThread';
  /**
   * The module that defines the class (see {@link WorkerClass.module}). Subclasses must set it; a plain
   * `QThread` loads this package and runs an event loop (`exec()`), for the worker-object pattern.
   */
  static readonly module: string | URL | undefined = PACKAGE_ENTRY;
  /** The export's name in {@link QThread.module}, if it differs from the class's `name`. */
  static readonly exportName: string | undefined = undefined;
  /**
   * Browsers: makes the Web Worker that runs this thread, in the form bundlers (Vite, webpack 5)
   * recognise, so that a build emits the thread module as the worker's script with no entry listed by hand:
   *
   * ```ts
   * Ticker.worker = () => new Worker(new URL('./ticker.js', import.meta.url), { type: 'module' });
   * ```
   *
   * Set it where the page starts, and list the classes in the worker's script (the thread module, or a module that
   * imports it): `serveThreadClasses({ Ticker })`. A class with a `worker` needs no `module` in a browser; without
   * one, `start()` does `new Worker(module, { type: 'module' })`. Node ignores it.
   */
  static worker: (() => WebWorker) | undefined = undefined;

  /**
   * The {@link QThread.maxPendingEmits} of threads created from now on (a subclass may override it):
   * 65,536 emits, which is well under a megabyte of small arguments and tens of milliseconds of slots.
   */
  static defaultMaxPendingEmits = 65_536;

  /** Emitted from the new thread when it starts, before `run()`. */
  readonly started = new Signal<[]>(this, 'started');
  /** Emitted from the thread when it ends, normally or not; everything it emitted before has been delivered. */
  readonly finished = new Signal<[]>(this, 'finished');
  /**
   * Emitted before `finished` when the thread ended abnormally: an exception escaped `run()`, the worker
   * exited or ran out of memory, or it was terminated. The error carries the original class and stack.
   */
  readonly errorOccurred = new Signal<[error: ThreadCrashedError]>(this, 'errorOccurred');

  /** Node only: memory limits for the worker (`worker_threads` resourceLimits), applied at `start()`. */
  resourceLimits: SpawnOptions['resourceLimits'] = undefined;

  /**
   * Backpressure: at most this many queued emits from the worker may wait to be delivered on the main
   * thread (plus the worker's batch being filled). When the main thread falls behind, the emit that would
   * send the next batch blocks the worker until half of them have been delivered; nothing is dropped and
   * order is kept. It bounds memory when a worker emits faster than the main thread's slots run. Counted in
   * emits, not bytes: lower it for large arguments. `0` or `Infinity` turns it off. Applied at `start()`;
   * defaults to {@link QThread.defaultMaxPendingEmits}.
   *
   * The worker never waits while the main thread is blocked on it (a BlockingQueued call into the thread)
   * or once it is being terminated. Blocking emits, and emits made on the main thread, are not counted.
   */
  maxPendingEmits: number = (this.constructor as typeof QThread).defaultMaxPendingEmits;

  /** @internal The main side's controller; null for the thread object inside its own worker. */
  readonly controller: ThreadController | null;
  /** @internal The worker's runtime, for the thread object inside its own worker. */
  readonly side: WorkerSide | null;
  private threadPriority: Priority = Priority.InheritPriority;
  private remoteSignalCount = 0;
  /** QThread's own fields, recorded before a subclass's: they are not copied to the worker (see stateForWorker). */
  private readonly baseKeys: ReadonlySet<string>;

  /** Creates the thread (not started). `parent` owns it, as for any QObject. */
  constructor(parent: QObject | null = null) {
    const adopted = takeAdoption();
    const data = adopted ?? ThreadData.remote(ThreadData.nextId(), '', false, null);
    if (!adopted) data.name = `worker #${data.id}`;
    super(data);
    if (parent) this.setParent(parent);
    this.side = adopted ? workerSide() : null;
    this.controller = adopted ? null : new (mainSide().ThreadController)(this);
    data.transport = this.controller ?? data.transport;
    this.baseKeys = new Set(Object.keys(this).concat('baseKeys'));
  }

  /** @internal Signals a subclass declares are emitted in the worker: the main side delivers them from there. */
  protected override signalDeclared(signal: Signal<unknown[]>): void {
    // QThread's own signals are declared before `baseKeys` is set; a subclass's after.
    if (this.baseKeys !== undefined && this.controller) {
      this.controller.registerRemoteSignal(0, signal, ControlWords.FirstFlag + this.remoteSignalCount++);
    }
  }

  /**
   * @internal A running thread may not be destroyed (Qt: "QThread: Destroyed while thread is still running"): its
   * worker would go on, unreachable, and keep the process alive.
   */
  protected override checkDestroyable(where: string): void {
    if (this.controller?.running) {
      throw new InvalidArgumentError(
        `${where}: thread ${this.describe()} is still running. Stop it first: quit() (or requestInterruption()) and ` +
          `await wait(), or terminate(); or destroy it from a slot connected to its finished signal.`,
      );
    }
    super.checkDestroyable(where);
  }

  /** The signals this thread's worker emits (those a subclass declares), in declaration order. */
  workerSignals(): Signal<unknown[]>[] {
    const own = ownSignals(this, true);
    return this.signals().filter((s) => !own.has(s));
  }

  /**
   * The thread's work, run in the worker. The default runs the event loop (`return this.exec()`), which the
   * worker-object pattern needs. Return an exit code, or a Promise (an async `run`).
   */
  run(): RunResult {
    return this.exec();
  }

  /**
   * Runs the worker's event loop until `exit()` or `quit()`, and resolves with the exit code. Only inside
   * the worker (`run()`); queued calls to objects living in the thread are delivered while it runs.
   */
  exec(): Promise<number> {
    return this.requireSide('exec').exec();
  }

  /**
   * Starts the thread: a worker is created, builds its instance of this class, emits `started` and calls
   * `run()`. Does nothing if the thread is running. A finished thread can be started again.
   */
  start(priority: Priority = Priority.InheritPriority): void {
    const controller = this.requireController('start');
    if (controller.running) return;
    checkTopLevelStart(this.constructor);
    this.threadPriority = priority;
    const cls = this.constructor as typeof QThread;
    const where = `${this.describe()}.start()`;
    controller.start({
      location: classLocation(cls, where, cls === QThread ? undefined : QThread.module),
      state: stateForWorker(this, this.baseKeys, where),
      ...(this.resourceLimits ? { resourceLimits: this.resourceLimits } : {}),
      ...(cls.worker ? { createWorker: cls.worker } : {}),
      maxPendingEmits: pendingEmitLimit(this.maxPendingEmits, where),
    });
  }

  /**
   * How many queued emits the worker has sent that the main thread has not delivered yet (0 when it is not
   * running): the queue that {@link QThread.maxPendingEmits} bounds. Read on the main thread.
   */
  pendingEmits(): number {
    return this.controller ? this.controller.pendingEmits() : 0;
  }

  /** True while the thread runs (from `start()` until `finished`). */
  isRunning(): boolean {
    return this.controller ? this.controller.running : true;
  }

  /** True once the thread has finished (it may be started again). */
  isFinished(): boolean {
    return this.controller ? this.controller.finished : false;
  }

  /** Tells the thread's event loop to return `code` from `exec()`. Does nothing when no event loop runs. */
  exit(code = 0): void {
    if (this.side) this.side.exit(code);
    else this.controller?.exit(code);
  }

  /** Tells the thread's event loop to return 0 (Qt's `quit()`, a slot). */
  quit(): void {
    this.exit(0);
  }

  /**
   * Resolves `true` once the thread has finished (or at once if it never started), or `false` after `ms`
   * milliseconds. Unlike Qt's, it does not block: the main thread must keep running to deliver the signals the
   * thread emits (blocking it would deadlock on the first queued emit), so await it. Inside the thread itself
   * it resolves false (a thread cannot wait on itself).
   */
  async wait(ms?: number): Promise<boolean> {
    if (this.side) return false;
    const controller = this.requireController('wait');
    if (!controller.alive) return true;
    if (ms === undefined) return controller.whenFinished().then(() => true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
    try {
      return await Promise.race([controller.whenFinished().then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Stops the worker at once, wherever it is (dangerous, as in Qt: it may leave shared state half-written).
   * `errorOccurred` and `finished` follow; pending calls and waiters are released with errors.
   * Resolves once the worker has stopped.
   */
  terminate(): Promise<void> {
    return this.requireController('terminate').terminate();
  }

  /** Asks the thread to stop; its code checks {@link QThread.isInterruptionRequested}. Advisory, as in Qt. */
  requestInterruption(): void {
    if (this.side) this.side.requestInterruption();
    else this.controller!.requestInterruption();
  }

  /** True once {@link QThread.requestInterruption} was called; read from shared memory, so a busy `run()` sees it at once. */
  isInterruptionRequested(): boolean {
    return this.side ? this.side.isInterruptionRequested() : this.controller!.isInterruptionRequested();
  }

  /** The priority given to `start()` or {@link QThread.setPriority} (kept; JavaScript cannot apply it). */
  priority(): Priority {
    return this.threadPriority;
  }

  /** Records a priority; JavaScript engines expose no thread priorities, so it has no effect on scheduling. */
  setPriority(priority: Priority): void {
    this.threadPriority = priority;
  }

  /**
   * Creates an object of class `cls` inside this thread (the worker-object pattern) and returns the main
   * thread's handle to it at once: connect its signals, connect signals to its methods by name, call its
   * methods (each returns a Promise). `cls` must declare `static module` like a thread class. The object is
   * built when the worker gets to it (at start if the thread has not started yet).
   */
  create<T extends QObject, A extends unknown[]>(cls: (new (...args: A) => T) & WorkerClass, ...args: A): Remote<T> {
    const controller = this.requireController('create');
    const location = classLocation(cls, `${this.describe()}.create(${cls.name})`);
    return mainSide().remoteProxy<T>(controller.createObject(cls, location, args));
  }

  /**
   * Node only: keeps `count` spare workers ready for threads to start on. Each spare is a worker that has already
   * started and loaded this package's runtime (~17 ms of worker start-up plus ~5 ms of loading the library, which a
   * new worker pays inside `start()`), and waits, idle, for a thread. {@link QThread.start} then hands the thread to
   * a spare instead of starting a new worker, and a replacement is started in the background (once that thread has
   * started, so as not to compete with it) so that `count` stay prepared. A worker runs one thread, once: spares
   * are not reused after their thread finishes (that is a thread pool's job).
   *
   * - `start()` takes a spare for any thread except one that needs its own worker options: a thread with
   *   {@link QThread.resourceLimits} always gets a new worker. A spare still starting is taken too (it is further
   *   along than a new worker). TypeScript thread modules work as on a new worker (tsx is registered when needed);
   *   when the program imported this package as ESM, spares load its ESM entry too, for ESM thread modules.
   * - A spare sees `process.env` and `process.execArgv` as they were when it was started, not at `start()`.
   * - The thread module must load the same `@sigslot/thread` as the program that starts it (it does unless a
   *   loader maps them apart): a spare has loaded that copy, and a thread whose module brings another copy fails
   *   with an error that says so.
   * - Idle spares do not keep the process alive (they are unref'd, and end with the process); a spare still
   *   starting does, for the few tens of milliseconds until it is ready, so that the returned Promise settles.
   *   Each idle spare holds a worker's memory (an isolate with the library loaded: see the package README).
   * - Calling it again sets a new count: more spares are started, or the extra ones are stopped. `0` stops them
   *   all, as {@link QThread.releasePreparedWorkers} does.
   * - If a spare fails before it is ready (the runtime does not load in a worker), no more are kept, and the
   *   Promise rejects with a `ThreadCrashedError` (with no call waiting, it goes to the error handler); threads
   *   then start on new workers as before, and report that failure themselves.
   *
   * In a browser this does nothing and resolves at once (and {@link QThread.preparedWorkers} stays 0): a Web
   * Worker's script is the thread module itself, so there is no generic worker to prepare before the thread is
   * known. Code shared with Node may call it unconditionally.
   *
   * ```ts
   * await QThread.prepareWorkers(2); // at start-up, before the threads are needed
   * const timer = new Timer();
   * timer.start(); // on a prepared worker: `started` follows in about 2 ms instead of about 22
   * ```
   *
   * @param count - how many spares to keep ready (default 1); a whole number, 0 or more.
   * @returns a Promise that resolves once `count` spares are ready (at once in a browser, for 0, or when they
   *   are released before that).
   * @throws InvalidArgumentError for a `count` that is not a whole number of 0 or more, or when this package runs
   *   from TypeScript sources and tsx is missing.
   */
  static prepareWorkers(count = 1): Promise<void> {
    return mainSide().prepareWorkers(count, PACKAGE_ENTRY, packageEsmEntry());
  }

  /**
   * How many prepared workers are waiting for a thread now (see {@link QThread.prepareWorkers}), including spares
   * still starting; 0 when none were prepared, in a browser, and right after `start()` took the last one until its
   * replacement has been started.
   */
  static preparedWorkers(): number {
    return mainSide().preparedWorkerCount();
  }

  /**
   * Stops every prepared worker and keeps none (the same as `prepareWorkers(0)`): threads started afterwards get
   * new workers. Threads already running on prepared workers are not affected. Resolves once the spares have
   * stopped. In a browser it does nothing.
   */
  static releasePreparedWorkers(): Promise<void> {
    return mainSide().releasePreparedWorkers();
  }

  /** The thread running the caller: inside a worker, that worker's thread object. */
  static currentThread(): Thread {
    return currentThread();
  }

  /** How many threads can run at once on this machine (Node: `os.availableParallelism()`; browser: `hardwareConcurrency`). */
  static idealThreadCount(): number {
    return idealThreadCount();
  }

  /** Blocks the calling thread for `ms` milliseconds (Atomics.wait); emits queued so far are sent first. */
  static msleep(ms: number): void {
    sleepFor(ms);
  }

  /** Blocks the calling thread for `us` microseconds (rounded up to whole milliseconds). */
  static usleep(us: number): void {
    sleepFor(Math.ceil(us / 1000));
  }

  /** Blocks the calling thread for `s` seconds. */
  static sleep(s: number): void {
    sleepFor(s * 1000);
  }

  /** Lets other work run: in JavaScript a thread cannot yield its time slice, so this only sends pending emits. */
  static yieldCurrentThread(): void {
    sleepFor(0);
  }

  private requireController(method: string): ThreadController {
    if (!this.controller) {
      throw new InvalidArgumentError(
        `${this.describe()}.${method}() was called inside the thread itself (thread ${currentThreadData().describe()}); ` +
          `only the thread that created it can ${method} it.`,
      );
    }
    return this.controller;
  }

  private requireSide(method: string): WorkerSide {
    if (!this.side) {
      throw new InvalidArgumentError(
        `${this.describe()}.${method}() runs inside the thread (from run()), not on the thread that created it.`,
      );
    }
    return this.side;
  }
}

/** Re-exported for the connection type of `started`/`finished` handles. */
export type { Connection };
