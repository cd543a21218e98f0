import {
  affinity,
  InvalidArgumentError,
  reportError,
  type Connection,
  type QObject,
  type Signal,
  type Thread,
} from '@sigslot/core';
import {
  bindObjectToThread,
  currentThreadData,
  deliverEmission,
  setEmittingThread,
  threadDataOf,
  watchSignalRouting,
  type ThreadTransport,
} from '@sigslot/core/kernel';
import type { SpawnOptions, WorkerEndpoint } from '../endpoint/endpoint';
import { sharedBuffer } from '../endpoint/platform';
import { startThreadWorker, type SyncChannel } from '../endpoint/start-thread-worker';
import { ThreadCrashedError } from '../errors';
import { answer, setAndWake } from '../wire/blocking';
import { snapshotArgs } from '../wire/clone-check';
import { ControlWords, type ClassLocation, type WireError } from '../wire/protocol';
import type { WorkerClass } from '../class-location';
import { RemoteObjectHandle } from './remote-object';
import { crashFromRun, crashFromWorkerError } from './crash';
import { describeThreadId, programWaitGraph, setRunning } from './program-threads';
import { RemoteSignals } from './remote-signals';
import { WorkerCalls } from './worker-calls';
import { WorkerMessages } from './worker-messages';

/** What the controller needs from the QThread it drives (kept narrow to avoid an import cycle). */
export interface ControlledThread extends Thread {
  readonly started: Signal<[]>;
  readonly finished: Signal<[]>;
  readonly errorOccurred: Signal<[error: ThreadCrashedError]>;
}

/** Options the QThread passes when it starts. */
export interface StartOptions {
  readonly location: ClassLocation;
  readonly state: Record<string, unknown>;
  readonly resourceLimits?: NonNullable<SpawnOptions['resourceLimits']>;
  /** Browsers: the class's `static worker`. */
  readonly createWorker?: SpawnOptions['createWorker'];
  /** Backpressure: see `QThread.maxPendingEmits` (0: no limit). */
  readonly maxPendingEmits: number;
}

/**
 * The main side of one thread: starts its worker and ends the run (normally, by a crash, or by terminate()), is the
 * {@link ThreadTransport} that carries calls to the objects living there ({@link WorkerCalls}), and puts everything
 * the worker sends on this thread's one event queue, where {@link WorkerMessages} reads it.
 */
export class ThreadController implements ThreadTransport {
  /** Shared control words: interruption flag, blocking hand-shakes, routing version, blocking-connection counts. */
  readonly control = new Int32Array(sharedBuffer(ControlWords.Size * 4, 'A QThread'));
  endpoint: WorkerEndpoint | null = null;
  sync: SyncChannel | null = null;
  /** How `start()` starts the worker: the platform's way (the in-memory test tier sets its own before start). */
  startWorker: typeof startThreadWorker = startThreadWorker;
  readonly calls: WorkerCalls;
  readonly signals: RemoteSignals;
  private readonly messages: WorkerMessages;
  /** Calls from the worker join this thread's one event queue, in order with everything else posted here. */
  private readonly loop = currentThreadData().loop!;
  private state: 'idle' | 'running' | 'finished' = 'idle';
  private ended = false;
  private crash: ThreadCrashedError | null = null;
  /** True when the crash is a terminate() of ours: asked for, so not reported as an error nobody caught. */
  private terminated = false;
  private finishWaiters: Array<() => void> = [];
  private nextObjectId = 1;
  private readonly handles = new Map<number, RemoteObjectHandle>();

  constructor(readonly thread: ControlledThread) {
    this.calls = new WorkerCalls(this, programWaitGraph, describeThreadId);
    this.signals = new RemoteSignals(this);
    this.messages = new WorkerMessages(this);
    // `started` and `finished` are emitted in the new thread (Qt): their connections to objects living there are
    // made there too, so that they run there, during the emit; the main side's delivery skips them (runsThere).
    for (const signal of [thread.started, thread.finished])
      watchSignalRouting(signal, (s) => this.signals.mirror(0, s as Signal<unknown[]>));
  }

  /** True from `start()` until the thread has finished. */
  get running(): boolean {
    return this.state === 'running' && !this.ended;
  }

  /** True once a started thread has finished (its `finished` signal was emitted). */
  get finished(): boolean {
    return this.ended;
  }

  /** True while a worker exists (from `start()` until it has stopped, a little after `finished`). */
  get alive(): boolean {
    return this.state === 'running';
  }

  get threadId(): number {
    return threadDataOf(this.thread).id;
  }

  describe(): string {
    return this.thread.describe();
  }

  /** Starts the worker. */
  start(options: StartOptions): void {
    if (this.alive)
      throw new InvalidArgumentError(
        `${this.thread.describe()}.start(): the previous run's worker has not stopped yet; await wait() first.`,
      );
    const words = [ControlWords.Interrupt, ControlWords.Posted, ControlWords.Delivered, ControlWords.MainBlocked];
    for (const word of [...words, ControlWords.Release]) Atomics.store(this.control, word, 0);
    this.state = 'running';
    this.ended = false;
    this.crash = null;
    this.terminated = false;
    this.signals.reset();
    const data = threadDataOf(this.thread);
    setRunning(data, true);
    const token = newToken();
    this.messages.begin(token);
    const init = {
      type: 'init',
      threadId: data.id,
      name: data.name,
      location: options.location,
      state: options.state,
      control: this.control.buffer as SharedArrayBuffer,
      affinityPolicy: affinity.policy,
      calls: this.calls.takeForStart(),
      waitGraph: programWaitGraph().buffer,
      token,
      watches: this.signals.watches,
      maxPendingEmits: options.maxPendingEmits,
    } as const;
    const { resourceLimits, createWorker } = options;
    const spawn = {
      name: data.name,
      ...(resourceLimits ? { resourceLimits } : {}),
      ...(createWorker ? { createWorker } : {}),
    };
    const { endpoint, sync } = this.startWorker(init, spawn, `Thread ${this.thread.describe()}`);
    this.endpoint = endpoint;
    this.sync = sync;
    // Everything the worker sends, and its end, joins this thread's event queue in arrival order (Qt: one
    // posted-event list per thread), so that a deleteLater() posted here before an emit arrived drops it. When the
    // queue is empty it runs at once: it would run next anyway, and a blocked worker waits one turn less.
    const post = (run: () => void): void => this.loop.runOrPost({ receiver: null, run });
    endpoint.onMessage((message) => post(() => this.endpoint === endpoint && this.messages.receive(message)));
    endpoint.onError((error) => post(() => this.endpoint === endpoint && this.fail(error)));
    endpoint.onExit((code) => post(() => this.endpoint === endpoint && this.onExit(code)));
  }

  /** The id of `receiver` when it is a handle of an object living in this thread's worker, else null. */
  objectLivingThere(receiver: QObject | null): number | null {
    const id = (receiver as unknown as { objectId?: unknown } | null)?.objectId;
    return typeof id === 'number' && this.handles.has(id) ? id : null;
  }

  /** See {@link ThreadTransport.runsThere}: a connection between two objects of this worker, made there too. */
  runsThere = (connection: Connection): boolean => this.signals.runsThere(connection);

  /** Asks the worker's event loop to return `code` from `exec()`. */
  exit(code: number): void {
    if (this.running) this.endpoint?.postMessage({ type: 'exit', code });
  }

  /** Sets the interruption flag the worker reads synchronously. */
  requestInterruption(): void {
    Atomics.store(this.control, ControlWords.Interrupt, 1);
  }

  /** True once `requestInterruption()` was called for the current run. */
  isInterruptionRequested(): boolean {
    return Atomics.load(this.control, ControlWords.Interrupt) === 1;
  }

  /** Stops the worker at once; everything pending on it is released with a {@link ThreadTerminatedError}. */
  async terminate(): Promise<void> {
    const endpoint = this.endpoint;
    if (!this.alive || !endpoint) return;
    answer(this.control, ControlWords.WorkerWait, 2); // a worker blocked on us must not stay blocked
    answer(this.control, ControlWords.Sleep, 2);
    setAndWake(this.control, ControlWords.Release, 1); // nor waiting for its emits to drain
    this.crash ??= new ThreadCrashedError(`Thread ${this.thread.describe()} was terminated.`);
    this.terminated = true;
    await endpoint.terminate();
    this.onExit(1);
  }

  /**
   * Queued emits the worker has sent that this side has not delivered yet (backpressure keeps it near
   * `maxPendingEmits`); emits still in the worker's unsent batch are not counted.
   */
  pendingEmits(): number {
    if (!this.alive) return 0;
    const posted = Atomics.load(this.control, ControlWords.Posted);
    return Math.max(0, (posted - Atomics.load(this.control, ControlWords.Delivered)) | 0);
  }

  /** Resolves once the thread has ended (at once if it is not running). */
  whenFinished(): Promise<void> {
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => this.finishWaiters.push(resolve));
  }

  /** Registers the main-side signals of object `objectId` that the worker emits; `index` order is the worker's. */
  registerRemoteSignal(objectId: number, signal: Signal<unknown[]>, flagSlot?: number): void {
    setEmittingThread(signal, threadDataOf(this.thread));
    this.signals.register(objectId, signal, flagSlot);
  }

  /** Tells a running worker which blocking-flag slot counts a signal's blocking connections. */
  watch(objectId: number, signal: string, slot: number): void {
    if (this.running) this.endpoint?.postMessage({ type: 'watch', objectId, signal, slot });
  }

  /** Asks the worker to create an object of `location`'s class; returns the main side's handle to it. */
  createObject(
    cls: WorkerClass & { prototype: object },
    location: ClassLocation,
    args: readonly unknown[],
  ): RemoteObjectHandle {
    // Copied now: the call waits for the next flush, or for start().
    const copy = snapshotArgs(args, () => `${this.thread.describe()}.create(${cls.name})`);
    const objectId = this.nextObjectId++;
    const handle = new RemoteObjectHandle(objectId, cls, this);
    bindObjectToThread(handle, threadDataOf(this.thread));
    this.handles.set(objectId, handle);
    handle.destroyed.connect(() => this.handles.delete(objectId));
    this.send({ kind: 'create', objectId, location, args: copy });
    return handle;
  }

  // ThreadTransport: calls from this (main) side to objects living in the worker.

  send: WorkerCalls['send'] = (call) => this.calls.send(call);
  queueSlot: WorkerCalls['queueSlot'] = (connection, args) => this.calls.queueSlot(connection, args);
  blockSlot: WorkerCalls['blockSlot'] = (connection, args) => this.calls.blockSlot(connection, args);
  queueInvoke: WorkerCalls['queueInvoke'] = (target, method, args) => this.calls.queueInvoke(target, method, args);
  blockInvoke: WorkerCalls['blockInvoke'] = (target, method, args) => this.calls.blockInvoke(target, method, args);

  /** The worker stopped while this thread was blocked on it: that is the thread's crash, thrown to the caller. */
  stoppedWhileBlocked(where: string): Error {
    return (this.crash ??= new ThreadCrashedError(
      `Thread ${this.thread.describe()} stopped (it crashed, ran out of memory or exited) while ${where} waited for it.`,
    ));
  }

  /** The handle of worker object `objectId`, if this side created it and it is not destroyed. */
  handle(objectId: number): RemoteObjectHandle | undefined {
    return this.handles.get(objectId);
  }

  /** The worker reported that `run()` ended: the run is over (its worker stops by itself). */
  onFinished(error: WireError | undefined): void {
    if (error) this.crash ??= crashFromRun(error, this.thread.describe());
    this.end();
    this.endpoint?.release();
  }

  /** Reports a message from the worker that was rejected (see {@link WorkerMessages}). */
  protocolError(problem: string): void {
    this.messages.protocolError(problem);
  }

  private fail(error: unknown): void {
    this.crash ??= crashFromWorkerError(error, this.thread.describe());
  }

  private onExit(code: number): void {
    if (!this.ended) {
      this.crash ??= new ThreadCrashedError(
        `Thread ${this.thread.describe()} exited with code ${code} before run() returned.`,
      );
      this.end();
    }
    this.endpoint = null;
    setRunning(threadDataOf(this.thread), false);
    this.sync?.close();
    this.sync = null;
    this.state = 'finished';
    for (const resolve of this.finishWaiters.splice(0)) resolve();
  }

  /** The end of a run, normal or not: report the crash, release everyone waiting, emit finished. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.messages.end();
    answer(this.control, ControlWords.MainWait, 2);
    setAndWake(this.control, ControlWords.Release, 1);
    this.calls.end(`thread ${this.thread.describe()} finished before the call ran.`);
    const from = threadDataOf(this.thread);
    if (this.crash) {
      // Nobody listens for the crash: report it, as a slot's error is, rather than let it pass in silence.
      if (this.thread.errorOccurred.connectionCount === 0 && !this.terminated) {
        reportError(this.crash, { where: `thread ${this.thread.describe()}`, thread: from.describe() });
      }
      deliverEmission(this.thread.errorOccurred, [this.crash], from);
    }
    deliverEmission(this.thread.finished, [], from);
  }
}

/** A secret no code in the worker can guess: 128 random bits. */
function newToken(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
