import {
  affinity,
  currentThreadData,
  InvalidArgumentError,
  reportError,
  type Connection,
  type QObject,
  type Signal,
  type ThreadData,
  type ThreadTransport,
} from '@sigslot/core';
import type { SpawnOptions, WorkerEndpoint } from '../endpoint/endpoint';
import { sharedBuffer } from '../endpoint/platform';
import { startThreadWorker, type SyncChannel } from '../endpoint/start-thread-worker';
import { ProtocolError, ThreadCrashedError } from '../errors';
import { answer, delivered, setAndWake } from '../wire/blocking';
import { snapshotArgs } from '../wire/clone-check';
import { countEmits, decodeBatch } from '../wire/codec';
import { ControlWords, validateFromWorker, type ClassLocation, type FromWorker } from '../wire/protocol';
import { WaitGraph } from '../wire/wait-graph';
import type { WorkerClass } from '../class-location';
import { deliverPosted } from './deliver-posted';
import { RemoteObjectHandle } from './remote-object';
import { crashFromRun, crashFromWorkerError } from './crash';
import { RemoteSignals } from './remote-signals';
import { toRemoteError, WorkerCalls } from './worker-calls';

/** What the controller needs from the QThread it drives (kept narrow to avoid an import cycle). */
export interface ControlledThread {
  readonly threadRecord: ThreadData;
  readonly started: Signal<[]>;
  readonly finished: Signal<[]>;
  readonly errorOccurred: Signal<[error: ThreadCrashedError]>;
  describe(): string;
}

/** Options the QThread passes when it starts. */
export interface StartOptions {
  readonly location: ClassLocation;
  readonly state: Record<string, unknown>;
  readonly resourceLimits?: NonNullable<SpawnOptions['resourceLimits']>;
  /** Backpressure: see `QThread.maxPendingEmits` (0: no limit). */
  readonly maxPendingEmits: number;
}

/** Signal names every QObject and QThread has on the main side; they are never taken from a worker. */
export const LOCAL_SIGNALS: ReadonlySet<string> = new Set([
  'destroyed',
  'objectNameChanged',
  'started',
  'finished',
  'errorOccurred',
]);

/** The program's wait-for graph, shared with every thread it starts (made by the first start). */
let waitGraph: WaitGraph | null = null;
const programWaitGraph = (): WaitGraph => (waitGraph ??= new WaitGraph(WaitGraph.allocate()));
/** The threads this side runs, by id, for naming them in deadlock messages. */
const runningThreads = new Map<number, ThreadData>();
const describeThreadId = (id: number): string =>
  id === 0 ? currentThreadData().describe() : (runningThreads.get(id)?.describe() ?? `worker #${id}`);

/**
 * The main side of one thread: starts its worker, is the {@link ThreadTransport} that carries calls to the objects
 * living there ({@link WorkerCalls}), and delivers what the worker sends. Every message from the worker is untrusted:
 * it is validated, then accepted only where the run is (`started` once and first, `finished` last), and joins this
 * thread's one event queue; a bad one is reported as a {@link ProtocolError} and changes nothing.
 */
export class ThreadController implements ThreadTransport {
  /** Shared control words: interruption flag, blocking hand-shakes, routing version, blocking-connection counts. */
  readonly control = new Int32Array(sharedBuffer(ControlWords.Size * 4, 'A QThread'));
  endpoint: WorkerEndpoint | null = null;
  sync: SyncChannel | null = null;
  /** How `start()` starts the worker: the platform's way (the in-memory test tier sets its own before start). */
  startWorker: typeof startThreadWorker = startThreadWorker;
  private readonly calls: WorkerCalls;
  readonly signals: RemoteSignals;
  /** Calls from the worker join this thread's one event queue, in order with everything else posted here. */
  private readonly loop = currentThreadData().loop!;
  private state: 'idle' | 'running' | 'finished' = 'idle';
  /** Where this run is: what the worker may send next depends on it (see `handle`). */
  private phase: 'starting' | 'started' | 'done' = 'done';
  private ended = false;
  private crash: ThreadCrashedError | null = null;
  /** True when the crash is a terminate() of ours: asked for, so not reported as an error nobody caught. */
  private terminated = false;
  private finishWaiters: Array<() => void> = [];
  private nextObjectId = 1;
  private readonly handles = new Map<number, RemoteObjectHandle>();
  /** This run's secret (see `ThreadInit.token`): `started` and `finished` must carry it. */
  private token = '';
  /** Object ids the worker has announced ("created"); each may be announced once. */
  private readonly announced = new Set<number>();

  constructor(private readonly thread: ControlledThread) {
    this.calls = new WorkerCalls(this, programWaitGraph, describeThreadId);
    this.signals = new RemoteSignals(this);
    // `started` and `finished` are emitted in the new thread (Qt): their connections to objects living there are
    // made there too, so that they run there, during the emit; the main side's delivery skips them (runsThere).
    for (const signal of [thread.started, thread.finished])
      signal.watcher = (s) => this.signals.mirror(0, s as Signal<unknown[]>);
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
    return this.thread.threadRecord.id;
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
    this.phase = 'starting';
    this.ended = false;
    this.crash = null;
    this.terminated = false;
    this.signals.reset();
    this.announced.clear();
    const data = this.thread.threadRecord;
    runningThreads.set(data.id, data);
    this.token = newToken();
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
      token: this.token,
      watches: this.signals.watches,
      maxPendingEmits: options.maxPendingEmits,
    } as const;
    const spawn = { name: data.name, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) };
    const { endpoint, sync } = this.startWorker(init, spawn, `Thread ${this.thread.describe()}`);
    this.endpoint = endpoint;
    this.sync = sync;
    // Everything the worker sends, and its end, joins this thread's event queue in arrival order (Qt: one
    // posted-event list per thread), so that a deleteLater() posted here before an emit arrived drops it.
    const post = (run: () => void): void => this.loop.post({ receiver: null, run });
    endpoint.onMessage((message) => post(() => this.endpoint === endpoint && this.onMessage(message)));
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
    signal.emittedIn = this.thread.threadRecord;
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
    handle.bindToThread(this.thread.threadRecord);
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

  // Messages from the worker: untrusted input.

  private onMessage(message: unknown): void {
    try {
      this.handle(message);
    } catch (error) {
      // Slots report their own errors; this catches a routing error (a deadlock, a bad argument) so that a
      // message from a worker can never throw into the main thread's event loop.
      const thread = this.thread.threadRecord.describe();
      reportError(error, { where: `delivering a message from thread ${this.thread.describe()}`, thread });
    }
  }

  private handle(message: unknown): void {
    const problem = validateFromWorker(message);
    if (problem !== null) return this.protocolError(problem);
    const m = message as FromWorker;
    // Each kind of message is valid only where the run is: "started" once, first; "finished" last.
    if (this.phase === 'done') return this.protocolError(`"${m.type}" after the thread finished`);
    if ((m.type === 'started' || m.type === 'finished') && m.token !== this.token)
      return this.protocolError(`a "${m.type}" that the thread's runtime did not send`);
    if (m.type === 'started' && this.phase !== 'starting') return this.protocolError('a second "started"');
    if ((m.type === 'emits' || m.type === 'emit-wait' || m.type === 'result') && this.phase === 'starting')
      return this.protocolError(`"${m.type}" before "started"`);
    const from = this.thread.threadRecord;
    switch (m.type) {
      case 'started':
        this.phase = 'started';
        this.signals.announce(0, m.signals);
        this.thread.started.deliver([], from); // skips what ran in the worker (runsThere)
        return;
      case 'created': {
        const handle = this.handles.get(m.objectId);
        if (!handle || this.announced.has(m.objectId))
          return this.protocolError(`"created" for object #${m.objectId}, which this side did not ask for`);
        this.announced.add(m.objectId);
        return this.signals.announceObject(handle, m.objectId, m.signals);
      }
      case 'emits':
        // Counted as taken before the slots run: a worker whose emit a slot here answers (through shared memory,
        // say) sees this side caught up, so its next emit is posted at once (see Outbox). Backpressure counts it too.
        delivered(this.control, countEmits(m.batch));
        decodeBatch(m.batch, this.lookup, this.deliverEmit);
        return;
      case 'emit-wait': {
        const signal = this.lookup(m.objectId, m.signal);
        let result: unknown;
        try {
          if (signal) result = this.deliverEmit(signal, m.version, m.args as unknown[]);
        } finally {
          this.calls.sendEmitResult(result, signal);
          answer(this.control, ControlWords.WorkerWait, 1);
        }
        return;
      }
      case 'result':
        if (!this.calls.settle(m.replyId, m.ok, m.value))
          this.protocolError(`a result for call #${m.replyId}, which was never made or was already answered`);
        return;
      case 'slot-error':
        return reportError(toRemoteError(m.error), {
          where: m.where,
          thread: from.describe(),
          ...(m.signal !== undefined ? { signal: m.signal } : {}),
          ...(m.receiver !== undefined ? { receiver: m.receiver } : {}),
        });
      case 'violation':
        // Identity comes from this side: the thread is the one this channel belongs to, whatever the message says.
        return affinity.record({ ...m.violation, thread: from.describe(), threadId: from.id });
      case 'finished':
        this.phase = 'done';
        if (m.error) this.crash ??= crashFromRun(m.error, this.thread.describe());
        this.end();
        this.endpoint?.release();
        return;
    }
  }

  private readonly lookup = (objectId: number, index: number): Signal<unknown[]> | null =>
    this.signals.lookup(objectId, index);

  /**
   * Runs the calls one emission made in the worker, routed there at `version`; a routing error is reported, so
   * the rest of its batch goes on. Returns the last slot's result (for a blocking emit).
   */
  private readonly deliverEmit = (signal: Signal<unknown[]>, version: number, args: unknown[]): unknown => {
    const connections = this.signals.routedAt(signal, version);
    if (connections.length === 0) return undefined;
    try {
      return deliverPosted(signal, connections, args, this.runsThere);
    } catch (error) {
      const from = this.thread.threadRecord.describe();
      reportError(error, { where: `delivering ${signal.describe()} from thread ${from}`, thread: from });
      return undefined;
    }
  };

  protocolError(problem: string): void {
    const error = new ProtocolError(
      `Thread ${this.thread.describe()} sent a message that was rejected: ${problem}. The message was ignored; ` +
        `check that the main side and the worker load the same version of the thread class.`,
    );
    reportError(error, { where: 'the thread protocol', thread: this.thread.threadRecord.describe() });
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
    runningThreads.delete(this.thread.threadRecord.id);
    this.sync?.close();
    this.sync = null;
    this.state = 'finished';
    for (const resolve of this.finishWaiters.splice(0)) resolve();
  }

  /** The end of a run, normal or not: report the crash, release everyone waiting, emit finished. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.phase = 'done';
    answer(this.control, ControlWords.MainWait, 2);
    setAndWake(this.control, ControlWords.Release, 1);
    this.calls.end(`thread ${this.thread.describe()} finished before the call ran.`);
    const from = this.thread.threadRecord;
    if (this.crash) {
      // Nobody listens for the crash: report it, as a slot's error is, rather than let it pass in silence.
      if (this.thread.errorOccurred.connectionCount === 0 && !this.terminated) {
        reportError(this.crash, { where: `thread ${this.thread.describe()}`, thread: from.describe() });
      }
      this.thread.errorOccurred.deliver([this.crash], from);
    }
    this.thread.finished.deliver([], from);
  }
}

/** A secret no code in the worker can guess: 128 random bits. */
function newToken(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
