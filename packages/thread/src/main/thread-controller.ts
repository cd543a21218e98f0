import {
  affinity,
  ConnectionType,
  currentThreadData,
  InvalidArgumentError,
  reportError,
  type Connection,
  type QObject,
  type Signal,
  type ThreadData,
  type ThreadTransport,
} from '@sigslot/core';
import type * as WorkerThreads from 'node:worker_threads';
import type { WorkerEndpoint } from '../endpoint/endpoint';
import { spawnNodeWorker } from '../endpoint/node-endpoint';
import { nodeBuiltin, nodeProcess, sharedBuffer } from '../endpoint/platform';
import { spawnWebWorker } from '../endpoint/web-endpoint';
import { CloneError, ProtocolError, RemoteError, ThreadCrashedError, ThreadTerminatedError } from '../errors';
import { assertCloneable, snapshotArgs } from '../wire/clone-check';
import { answer, delivered, setAndWake, waitForAnswer } from '../wire/blocking';
import {
  ControlWords,
  validateFromWorker,
  type BlockedEmitResult,
  type ClassLocation,
  type FromWorker,
  type ThreadAssignment,
  type ThreadInit,
  type WireCall,
  type WireError,
} from '../wire/protocol';
import { WaitGraph } from '../wire/wait-graph';
import { deliverPosted } from './deliver-posted';
import { RoutingHistory } from './routing-history';
import { NODE_BOOTSTRAP } from '../worker/bootstrap';
import type { WorkerClass } from '../class-location';
import { takePreparedWorker } from './prepared-workers';
import { RemoteObjectHandle } from './remote-object';
import { isTypeScript, resolveTsx } from './tsx';

/** What the controller needs from the QThread it drives (kept narrow to avoid an import cycle). */
export interface ControlledThread {
  readonly threadRecord: ThreadData;
  readonly started: Signal<[]>;
  readonly finished: Signal<[]>;
  readonly errorOccurred: Signal<[error: ThreadCrashedError]>;
  describe(): string;
  signalsBlocked(): boolean;
}

/** A handle's view of the controller: the remote signals it creates and the object it stands for. */
export interface RemoteHandleSide {
  readonly objectId: number;
}

interface PendingReply {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  where: string;
}

/** Options the QThread passes when it starts. */
export interface StartOptions {
  readonly location: ClassLocation;
  readonly state: Record<string, unknown>;
  readonly resourceLimits?: NonNullable<import('../endpoint/endpoint').SpawnOptions['resourceLimits']>;
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
/** The threads this side runs, by id, for naming them in deadlock messages. */
const runningThreads = new Map<number, ThreadData>();

function describeThreadId(id: number): string {
  return id === 0 ? currentThreadData().describe() : (runningThreads.get(id)?.describe() ?? `worker #${id}`);
}

/**
 * The main side of one thread: starts its worker, carries queued and blocking calls to the objects that
 * live there (the {@link ThreadTransport} of that thread), and delivers what the worker emits. Every message
 * from the worker is validated first; a bad one is reported as a {@link ProtocolError} and dropped.
 */
export class ThreadController implements ThreadTransport {
  /** Shared control words: interruption flag, blocking hand-shakes, blocking-connection counts. */
  readonly control = new Int32Array(sharedBuffer(ControlWords.Size * 4, 'A QThread'));
  private endpoint: WorkerEndpoint | null = null;
  private syncPort: WorkerThreads.MessagePort | null = null;
  private outgoing: WireCall[] = [];
  /** Objects to move with the next flush (a signal's declared transferables). */
  private outgoingTransfers: object[] = [];
  private flushScheduled = false;
  private readonly replies = new Map<number, PendingReply>();
  private nextReplyId = 1;
  /** objectId → signal index → the main-side signal that delivers it (null: not declared on this side). */
  private readonly tables = new Map<number, ReadonlyArray<Signal<unknown[]> | null>>();
  /** objectId → main-side signals the worker emits (object 0: the thread's own; others: their handles'). */
  private readonly remoteSignals = new Map<number, Signal<unknown[]>[]>();
  /** Per signal emitted in the worker, its connections to objects living there, with their ids (see mirror…). */
  private readonly mirrored = new Map<Signal<unknown[]>, Map<Connection, number>>();
  private nextConnectionId = 1;
  private readonly watches: Array<[number, string, number]> = [];
  private nextFlag: number = ControlWords.FirstFlag + 512;
  /** Per signal the worker emits, what it was connected to here, by routing version (see RoutingHistory). */
  private readonly routing = new Map<Signal<unknown[]>, RoutingHistory>();
  /** Calls from the worker join this thread's one event queue, in order with everything else posted here. */
  private readonly loop = currentThreadData().loop!;
  /** Object ids the worker has announced ("created"); each may be announced once. */
  private readonly announced = new Set<number>();
  private state: 'idle' | 'running' | 'finished' = 'idle';
  private ended = false;
  private crash: ThreadCrashedError | null = null;
  /** Where this run is: what the worker may send next depends on it (see `handle`). */
  private phase: 'starting' | 'started' | 'done' = 'done';
  /** True when the crash is a terminate() of ours: asked for, so not reported as an error nobody caught. */
  private terminated = false;
  private finishWaiters: Array<() => void> = [];
  private nextObjectId = 1;
  private readonly handles = new Map<number, RemoteObjectHandle>();
  private readonly rejected = new Set<string>();

  constructor(private readonly thread: ControlledThread) {
    // `started` and `finished` are emitted in the new thread (Qt): their connections to objects living there are
    // made there too, so that they run there, during the emit; the main side's delivery skips them (runsThere).
    for (const signal of [thread.started, thread.finished]) {
      signal.watcher = (s) => this.mirrorLocalConnections(0, s as Signal<unknown[]>);
    }
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

  /** Starts the worker. */
  start(options: StartOptions): void {
    if (this.alive)
      throw new InvalidArgumentError(
        `${this.thread.describe()}.start(): the previous run's worker has not stopped yet; await wait() first.`,
      );
    for (const word of [
      ControlWords.Interrupt,
      ControlWords.Posted,
      ControlWords.Delivered,
      ControlWords.MainBlocked,
      ControlWords.Release,
    ])
      Atomics.store(this.control, word, 0);
    this.state = 'running';
    this.phase = 'starting';
    this.ended = false;
    this.crash = null;
    this.terminated = false;
    this.tables.clear();
    this.announced.clear();
    const data = this.thread.threadRecord;
    runningThreads.set(data.id, data);
    waitGraph ??= new WaitGraph(WaitGraph.allocate());
    const init: ThreadInit = {
      type: 'init',
      threadId: data.id,
      name: data.name,
      location: options.location,
      state: options.state,
      control: this.control.buffer as SharedArrayBuffer,
      affinityPolicy: affinity.policy,
      calls: this.outgoing.splice(0),
      waitGraph: waitGraph.buffer,
      watches: this.watches,
      maxPendingEmits: options.maxPendingEmits,
    };
    this.flushScheduled = false;
    const spawn = { name: data.name, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) };
    if (nodeProcess()) {
      const { MessageChannel } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
      const channel = new MessageChannel();
      this.syncPort = channel.port1;
      const tsx = isTypeScript(init.location.module)
        ? resolveTsx(init.location.module, `Thread ${this.thread.describe()}`)
        : undefined;
      // A prepared worker was started without per-worker options: a thread that sets one gets its own worker.
      // (`resourceLimits` is the only one today; a new one must be added to this test.)
      const spare = options.resourceLimits ? null : takePreparedWorker();
      const data = { init, syncPort: channel.port2, ...(tsx ? { tsx } : {}) };
      this.endpoint = spare
        ? spare.assign({ type: 'assign', ...data } satisfies ThreadAssignment, [channel.port2])
        : spawnNodeWorker(NODE_BOOTSTRAP, data, spawn, [channel.port2]);
    } else {
      this.endpoint = spawnWebWorker(init.location.module, spawn);
      this.endpoint.postMessage(init);
    }
    // Everything the worker sends, and its end, joins this thread's event queue in arrival order (Qt: one
    // posted-event list per thread), so that a deleteLater() posted here before an emit arrived drops it.
    const endpoint = this.endpoint;
    const post = (run: () => void): void => this.loop.post({ receiver: null, run });
    endpoint.onMessage((message) => post(() => this.endpoint === endpoint && this.onMessage(message)));
    endpoint.onError((error) => post(() => this.endpoint === endpoint && this.fail(error)));
    endpoint.onExit((code) => post(() => this.endpoint === endpoint && this.onExit(code)));
  }

  /** The id of `receiver` when it is a handle of an object living in this thread's worker, else null. */
  private objectLivingThere(receiver: QObject | null): number | null {
    const id = (receiver as unknown as Partial<RemoteHandleSide> | null)?.objectId;
    return typeof id === 'number' && this.handles.has(id) ? id : null;
  }

  /**
   * Keeps the worker's copies of `signal`'s connections to objects living in that same worker: made there as
   * made here, removed there as removed here, so that Qt's routing between two objects of one thread (Auto and
   * Direct run during the emit, Queued on that thread's loop) happens in that thread.
   */
  private mirrorLocalConnections(objectId: number, signal: Signal<unknown[]>): void {
    let mirrored = this.mirrored.get(signal);
    for (const c of signal.connections) {
      const target = this.objectLivingThere(c.receiver);
      if (target === null || mirrored?.has(c as unknown as Connection)) continue;
      if (!mirrored) this.mirrored.set(signal, (mirrored = new Map()));
      const connectionId = this.nextConnectionId++;
      mirrored.set(c as unknown as Connection, connectionId);
      this.send({
        kind: 'connect',
        objectId,
        signal: signal.name,
        target,
        method: c.slot as string,
        type: c.type,
        connectionId,
      });
    }
    if (!mirrored) return;
    for (const [c, connectionId] of mirrored) {
      if (c.alive) continue;
      mirrored.delete(c);
      this.send({ kind: 'disconnect', objectId, connectionId });
    }
  }

  /**
   * See {@link ThreadTransport.runsThere}: a connection between two objects of this worker (or from the thread's
   * own `started` or `finished` to one), made there too.
   */
  runsThere = (connection: Connection): boolean =>
    this.mirrored.get(connection.signal as Signal<unknown[]>)?.has(connection) ?? false;

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
    return Math.max(
      0,
      (Atomics.load(this.control, ControlWords.Posted) - Atomics.load(this.control, ControlWords.Delivered)) | 0,
    );
  }

  /** Resolves once the thread has ended (at once if it is not running). */
  whenFinished(): Promise<void> {
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => this.finishWaiters.push(resolve));
  }

  /** Registers the main-side signals of object `objectId` that the worker emits; `index` order is the worker's. */
  registerRemoteSignal(objectId: number, signal: Signal<unknown[]>, flagSlot?: number): void {
    let list = this.remoteSignals.get(objectId);
    if (!list) this.remoteSignals.set(objectId, (list = []));
    list.push(signal);
    signal.emittedIn = this.thread.threadRecord;
    const routedTo = (s: Signal<unknown[]>): readonly Connection[] | null =>
      s.owner?.signalsBlocked() ? null : (s.connections as unknown as readonly Connection[]);
    const history = new RoutingHistory(Atomics.load(this.control, ControlWords.Routing), routedTo(signal) ?? []);
    this.routing.set(signal, history);
    let slot = flagSlot;
    signal.watcher = (s) => {
      // A new routing version: the worker's emits from now on are delivered to what `s` reaches now.
      history.record(Atomics.add(this.control, ControlWords.Routing, 1) + 1, routedTo(s));
      this.mirrorLocalConnections(objectId, s);
      // Blocking connections here make the worker wait for this thread; mirrored ones run there and need no wait.
      const blocking = s.connections.filter(
        (c) => c.delivery === ConnectionType.BlockingQueuedConnection && !this.runsThere(c as unknown as Connection),
      ).length;
      if (blocking > 0 && slot === undefined) {
        if (this.nextFlag >= ControlWords.Size)
          throw new InvalidArgumentError(`${s.describe()}: too many signals with blocking connections on one thread.`);
        slot = this.nextFlag++;
        this.watches.push([objectId, s.name, slot]);
        if (this.running) this.endpoint!.postMessage({ type: 'watch', objectId, signal: s.name, slot });
      }
      if (slot !== undefined) Atomics.store(this.control, slot, blocking);
    };
    signal.watcher(signal);
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

  /** Queues a call for the worker: sent with the next flush, or in the init data before the thread starts. */
  send(call: WireCall): void {
    this.outgoing.push(call);
    if (this.running && !this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(this.flush);
    }
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (!this.running || this.outgoing.length === 0) return;
    const calls = this.outgoing;
    const transfers = this.outgoingTransfers;
    this.outgoing = [];
    this.outgoingTransfers = [];
    this.endpoint!.postMessage({ type: 'calls', calls }, transfers.length ? transfers : undefined);
  };

  // ThreadTransport: calls from this (main) side to objects living in the worker.

  queueSlot(connection: Connection, args: readonly unknown[]): void {
    const where = (): string => `${connection.signal.describe()}.emit() to ${connection.slotName()}`;
    const transfer = connection.signal.transfer;
    if (transfer && this.running) {
      // Sent at once, moving the declared objects: the emitter loses them at the emit, as in the other direction.
      assertCloneable(args, where);
      this.outgoingTransfers.push(...transfer(...args));
      this.outgoing.push(this.slotCall(connection, args, 0, false));
      this.flush();
      return;
    }
    // Copied now: the call is sent at the next flush (or with the start), and the emitter may change its arguments
    // before then.
    this.send(this.slotCall(connection, snapshotArgs(args, where), 0, false));
  }

  blockSlot(connection: Connection, args: readonly unknown[]): void {
    assertCloneable(args, () => `${connection.signal.describe()}.emit() to ${connection.slotName()}`);
    const transfer = connection.signal.transfer;
    if (transfer && this.running) this.outgoingTransfers.push(...transfer(...args));
    this.blockOn(this.slotCall(connection, args, 0, true), `${connection}`);
  }

  queueInvoke(target: QObject, method: string, args: readonly unknown[]): Promise<unknown> {
    const where = `invokeMethod(${target.describe()}, "${method}")`;
    const copy = snapshotArgs(args, () => where);
    if (this.ended)
      return Promise.reject(new ThreadTerminatedError(`${where}: thread ${this.thread.describe()} has finished.`));
    return new Promise((resolve, reject) => {
      const replyId = this.nextReplyId++;
      this.replies.set(replyId, { resolve, reject, where });
      this.send({ kind: 'invoke', objectId: objectIdOf(target), method, args: copy, replyId, wait: false });
    });
  }

  blockInvoke(target: QObject, method: string, args: readonly unknown[]): unknown {
    const where = `invokeMethod(${target.describe()}, "${method}", BlockingQueuedConnection)`;
    assertCloneable(args, () => where);
    return this.blockOn({ kind: 'invoke', objectId: objectIdOf(target), method, args, replyId: 0, wait: true }, where);
  }

  private slotCall(connection: Connection, args: readonly unknown[], replyId: number, wait: boolean): WireCall {
    return {
      kind: 'invoke',
      objectId: objectIdOf(connection.receiver!),
      method: connection.slot as string,
      args,
      replyId,
      wait,
    };
  }

  /** Sends `call` and blocks this thread until the worker has run it; returns its result. */
  private blockOn(call: WireCall, where: string): unknown {
    if (!this.running || !this.syncPort || !this.endpoint) {
      throw new ThreadTerminatedError(
        `${where}: thread ${this.thread.describe()} is not running, so nothing would answer a blocking call. Start it first.`,
      );
    }
    const self = currentThreadData().id;
    // Throws, before anything is sent, when the worker waits (directly or through others) for this thread.
    waitGraph!.enter(self, this.thread.threadRecord.id, where, describeThreadId);
    Atomics.store(this.control, ControlWords.MainWait, 0);
    // A worker waiting for this thread to drain its emits (backpressure) must go on, or it could never answer.
    setAndWake(this.control, ControlWords.MainBlocked, 1);
    this.outgoing.push(call);
    const endpoint = this.endpoint;
    let code: number;
    try {
      this.flush();
      // A blocked thread cannot hear the worker's exit event: it asks the platform, between waits, whether the
      // worker still runs, so that a worker that dies (out of memory included) releases it.
      code = waitForAnswer(this.control, ControlWords.MainWait, () => endpoint.hasStopped());
    } finally {
      waitGraph!.leave(self);
      Atomics.store(this.control, ControlWords.MainBlocked, 0);
    }
    const { receiveMessageOnPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
    const reply = receiveMessageOnPort(this.syncPort)?.message as FromWorker | undefined;
    if (code !== 1 || !reply || reply.type !== 'result') {
      if (code === 2 && endpoint.hasStopped()) {
        this.crash ??= new ThreadCrashedError(
          `Thread ${this.thread.describe()} stopped (it crashed, ran out of memory or exited) while ${where} waited for it.`,
        );
      }
      throw (
        this.crash ?? new ThreadTerminatedError(`${where}: thread ${this.thread.describe()} ended before answering.`)
      );
    }
    if (!reply.ok) throw toRemoteError(reply.value as WireError);
    return reply.value;
  }

  /** Gives a worker blocked in an emit what its slots returned, before it is woken (Node's sync port). */
  private sendBlockedEmitResult(value: unknown, signal: Signal<unknown[]> | null | undefined): void {
    if (!this.syncPort) return; // a browser's worker has no synchronous channel: its emit returns undefined
    try {
      this.syncPort.postMessage({ type: 'emit-result', value } satisfies BlockedEmitResult);
    } catch (error) {
      reportError(
        new CloneError(
          `${signal?.describe() ?? 'a signal'}: the result of its slot cannot be copied to thread ` +
            `${this.thread.describe()} (${(error as Error).message}); the emit there returns undefined. Return plain ` +
            `data (numbers, strings, arrays, plain objects).`,
        ),
        { where: `the result of a blocking emit of ${signal?.describe() ?? 'a signal'}`, thread: 'main' },
      );
      this.syncPort.postMessage({ type: 'emit-result', value: undefined } satisfies BlockedEmitResult);
    }
  }

  // Messages from the worker: untrusted input.

  private onMessage(message: unknown): void {
    try {
      this.handle(message);
    } catch (error) {
      // Slots report their own errors; this catches a routing error (a deadlock, a bad argument) so that a
      // message from a worker can never throw into the main thread's event loop.
      reportError(error, {
        where: `delivering a message from thread ${this.thread.describe()}`,
        thread: this.thread.threadRecord.describe(),
      });
    }
  }

  private handle(message: unknown): void {
    const problem = validateFromWorker(message);
    if (problem !== null) return this.protocolError(problem);
    const m = message as FromWorker;
    // Each kind of message is valid only where the run is: "started" once, first; "finished" last.
    if (this.phase === 'done') return this.protocolError(`"${m.type}" after the thread finished`);
    if (m.type === 'started' && this.phase !== 'starting') return this.protocolError('a second "started"');
    if ((m.type === 'emits' || m.type === 'emit-wait' || m.type === 'result') && this.phase === 'starting')
      return this.protocolError(`"${m.type}" before "started"`);
    switch (m.type) {
      case 'started':
        this.phase = 'started';
        this.tables.set(0, this.tableFor(0, m.signals));
        this.thread.started.deliver([], this.thread.threadRecord); // skips what ran in the worker (runsThere)
        return;
      case 'created': {
        const handle = this.handles.get(m.objectId);
        if (!handle || this.announced.has(m.objectId))
          return this.protocolError(`"created" for object #${m.objectId}, which this side did not ask for`);
        this.announced.add(m.objectId);
        const known = new Set(this.remoteSignals.get(m.objectId)?.map((signal) => signal.name));
        for (const [index, name] of m.signals.entries()) {
          if (known.has(name)) continue;
          if (name in handle) {
            this.rejected.add(`${m.objectId}:${index}`); // reported here, once: its emits are dropped quietly
            reportError(
              new InvalidArgumentError(
                `${handle.describe()} declares a signal "${name}", which is also the name of a member of its handle ` +
                  `on the main thread (${name}), so the handle cannot show it. Rename the signal.`,
              ),
              { where: `creating ${handle.describe()}`, thread: this.thread.threadRecord.describe() },
            );
            continue;
          }
          handle.remoteSignal(name);
        }
        this.tables.set(m.objectId, this.tableFor(m.objectId, m.signals));
        return;
      }
      case 'emits':
        return this.deliverBatch(m.batch);
      case 'emit-wait': {
        const signal = this.lookup(m.objectId, m.signal);
        let result: unknown;
        try {
          if (signal) result = this.deliverEmit(signal, m.version, m.args as unknown[]);
        } finally {
          this.sendBlockedEmitResult(result, signal);
          answer(this.control, ControlWords.WorkerWait, 1);
        }
        return;
      }
      case 'result': {
        const pending = this.replies.get(m.replyId);
        if (!pending)
          return this.protocolError(`a result for call #${m.replyId}, which was never made or was already answered`);
        this.replies.delete(m.replyId);
        if (m.ok) pending.resolve(m.value);
        else pending.reject(toRemoteError(m.value as WireError));
        return;
      }
      case 'slot-error':
        return reportError(toRemoteError(m.error), {
          where: m.where,
          thread: this.thread.threadRecord.describe(),
          ...(m.signal !== undefined ? { signal: m.signal } : {}),
          ...(m.receiver !== undefined ? { receiver: m.receiver } : {}),
        });
      case 'violation':
        return affinity.record(m.violation);
      case 'finished':
        this.phase = 'done';
        if (m.error) this.crash ??= crashFrom(m.error, this.thread.describe());
        this.end();
        this.endpoint?.release();
        return;
    }
  }

  /**
   * Delivers a batch of queued emits (see `EmitBatch`) in order, then tells the worker how many it delivered
   * (backpressure). A routing error in one emit is reported and does not drop the rest.
   */
  private deliverBatch(batch: readonly unknown[]): void {
    const length = batch.length;
    let count = 0;
    try {
      for (let i = 0; i < length;) {
        const signal = this.lookup(batch[i] as number, batch[i + 1] as number);
        const version = batch[i + 2] as number;
        const argCount = batch[i + 3] as number;
        const emits = batch[i + 4] as number;
        i += 5;
        count += emits;
        if (signal === null) {
          i += argCount * emits;
          continue;
        }
        if (argCount === 1) {
          for (const end = i + emits; i < end; i++) this.deliverEmit(signal, version, [batch[i]]);
        } else if (argCount === 0) {
          for (let k = 0; k < emits; k++) this.deliverEmit(signal, version, []);
        } else {
          for (const end = i + emits * argCount; i < end; i += argCount)
            this.deliverEmit(signal, version, batch.slice(i, i + argCount));
        }
      }
    } finally {
      delivered(this.control, count);
    }
  }

  /**
   * Runs the calls one emission made in the worker, routed there at `version`; a routing error is reported, so
   * the rest of its batch goes on. Returns the last slot's result (for a blocking emit).
   */
  private deliverEmit(signal: Signal<unknown[]>, version: number, args: unknown[]): unknown {
    const connections = this.routing.get(signal)?.at(version);
    if (connections === undefined || connections.length === 0) return undefined;
    try {
      return deliverPosted(signal, connections, args, this.runsThere);
    } catch (error) {
      const from = this.thread.threadRecord.describe();
      reportError(error, { where: `delivering ${signal.describe()} from thread ${from}`, thread: from });
      return undefined;
    }
  }

  private lookup(objectId: number, index: number): Signal<unknown[]> | null {
    const signal = this.tables.get(objectId)?.[index];
    if (signal) return signal;
    const key = `${objectId}:${index}`;
    if (!this.rejected.has(key)) {
      this.rejected.add(key); // once per unknown signal, not once per emit
      this.protocolError(`an emit of signal #${index} of object #${objectId}, which this thread never declared`);
    }
    return null;
  }

  /** Maps the worker's signal list for an object onto the main side's signals; undeclared names map to null. */
  private tableFor(objectId: number, names: readonly string[]): ReadonlyArray<Signal<unknown[]> | null> {
    const signals = this.remoteSignals.get(objectId) ?? [];
    return names.map((name) => signals.find((signal) => signal.name === name) ?? null);
  }

  private protocolError(problem: string): void {
    const error = new ProtocolError(
      `Thread ${this.thread.describe()} sent a message that was rejected: ${problem}. The message was ignored; ` +
        `check that the main side and the worker load the same version of the thread class.`,
    );
    reportError(error, { where: 'the thread protocol', thread: this.thread.threadRecord.describe() });
  }

  private fail(error: unknown): void {
    // Duck-typed: an error from Node's internals may come from another realm (jest's sandbox, a vm context).
    const cause =
      typeof error === 'object' && error !== null && 'message' in error ? (error as Error) : new Error(String(error));
    const oom = (cause as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.crash ??= new ThreadCrashedError(
      oom
        ? `Thread ${this.thread.describe()} ran out of memory (its resourceLimits) and was stopped.`
        : `Thread ${this.thread.describe()} failed: ${cause.name}: ${cause.message}`,
      { cause, remoteName: cause.name, ...(cause.stack ? { remoteStack: cause.stack } : {}) },
    );
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
    this.syncPort?.close();
    this.syncPort = null;
    this.state = 'finished';
    for (const resolve of this.finishWaiters.splice(0)) resolve();
  }

  /** The end of a run, normal or not: report the crash, release everyone waiting, emit finished. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    answer(this.control, ControlWords.MainWait, 2);
    setAndWake(this.control, ControlWords.Release, 1);
    const released = new ThreadTerminatedError(`Thread ${this.thread.describe()} finished before the call ran.`);
    for (const pending of this.replies.values())
      pending.reject(new ThreadTerminatedError(`${pending.where}: ${released.message}`));
    this.replies.clear();
    this.outgoing = [];
    this.outgoingTransfers = [];
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

function objectIdOf(target: QObject): number {
  const id = (target as unknown as Partial<RemoteHandleSide>).objectId;
  if (typeof id !== 'number')
    throw new InvalidArgumentError(`${target.describe()} is not an object created in a thread.`);
  return id;
}

function toRemoteError(error: WireError): RemoteError {
  return new RemoteError(error.name, error.message, error.stack);
}

function crashFrom(error: WireError, thread: string): ThreadCrashedError {
  return new ThreadCrashedError(`Thread ${thread}: run() threw ${error.name}: ${error.message}`, {
    cause: toRemoteError(error),
    remoteName: error.name,
    ...(error.stack ? { remoteStack: error.stack } : {}),
  });
}
