import {
  affinity,
  DeadlockError,
  InvalidArgumentError,
  QObject,
  setErrorHandler,
  Thread,
  type AffinityPolicy,
  type AffinityViolation,
  type Connection,
  type ErrorHandler,
  type Signal,
} from '@sigslot/core';
import { bindObjectToThread, currentThreadData, ThreadData, type ThreadTransport } from '@sigslot/core/kernel';
import type { Endpoint } from '../endpoint/endpoint';
import { ThreadTerminatedError } from '../errors';
import { allPrimitive, assertCloneable, snapshotArgs } from '../wire/clone-check';
import {
  ControlWords,
  toWireError,
  type ClassLocation,
  type EmitWait,
  type ThreadInit,
  type ToWorker,
} from '../wire/protocol';
import { WaitGraph } from '../wire/wait-graph';
import { adopting } from './adoption';
import { ForwardConnection, ObjectHost } from './object-host';
import { ownSignals } from '../own-signals';
import { Outbox } from './outbox';

/** The interface of the thread object that the runtime drives (a QThread built inside the worker). */
interface ThreadObject extends Thread {
  readonly started: Signal<[]>;
  readonly finished: Signal<[]>;
  readonly errorOccurred: Signal<[error: Error]>;
  run(): void | number | Promise<void | number>;
}

/** What a worker blocked on the main thread receives back, and how (the platform's synchronous channel). */
export interface SyncChannel {
  /** Sends the result of a blocking call the main thread waits for, then wakes it. */
  reply(ok: boolean, value: unknown): void;
  /** After a blocking emit was answered: what the main side's slots returned. */
  emitResult(): unknown;
}

/**
 * What the worker side takes from the isolate it runs in, rather than reading process-wide state itself: a real
 * worker gives its own ({@link workerIsolate}); the in-memory test tier, which runs a worker's side in the main
 * isolate, gives one of its own making (`endpoint/in-memory-thread.ts`).
 */
export interface WorkerIsolate {
  /** The data of the thread this side runs (a real worker: the isolate's current thread). */
  readonly here: ThreadData;
  /** Sends the errors reported in this thread (by slots, queued calls, timers) to `handler`. */
  reportErrorsTo(handler: ErrorHandler): void;
  /** Applies the main thread's affinity `policy` here, and calls `listener` for each violation made here. */
  reportViolationsTo(policy: AffinityPolicy, listener: (violation: AffinityViolation) => void): void;
}

/** A real worker's isolate: it runs this one thread, so the process-wide error handler and affinity are its own. */
export function workerIsolate(): WorkerIsolate {
  return {
    here: currentThreadData(),
    reportErrorsTo: (handler) => void setErrorHandler(handler),
    reportViolationsTo: (policy, listener) => {
      affinity.setPolicy(policy);
      affinity.onViolation(listener);
    },
  };
}

/** The worker side that runs each thread of this isolate (a real worker has one), found by the running thread. */
const sides = new WeakMap<ThreadData, WorkerSide>();

/** The worker side of the thread running the caller, or null outside a sigslot worker thread. */
export function workerSideOrNull(): WorkerSide | null {
  return sides.get(currentThreadData()) ?? null;
}

/**
 * The runtime inside a worker: adopts the worker as a sigslot thread, builds the thread object, runs `run()`
 * between `started` and `finished` (both emitted here, as in Qt), and is this thread's {@link ThreadTransport} to
 * the main thread: emits leave through the {@link Outbox}; main's calls run on the objects of the {@link ObjectHost}.
 */
export class WorkerSide implements ThreadTransport {
  private readonly control: Int32Array;
  private readonly here: ThreadData;
  private readonly mainProxy: QObject;
  private readonly outbox: Outbox;
  private readonly host: ObjectHost;
  private readonly waitGraph: WaitGraph;
  private execs: Array<(code: number) => void> = [];
  /** The code of an exit() made while no exec() was running, for the next exec(). */
  private exitedWith: number | null = null;

  constructor(
    endpoint: Endpoint,
    private readonly init: ThreadInit,
    private readonly sync: SyncChannel,
    load: (location: ClassLocation) => Promise<unknown> | unknown,
    isolate: WorkerIsolate = workerIsolate(),
  ) {
    this.control = new Int32Array(init.control);
    this.waitGraph = new WaitGraph(init.waitGraph);
    this.here = isolate.here;
    sides.set(this.here, this);
    this.here.id = init.threadId;
    this.here.name = init.name;
    const main = ThreadData.remote(0, 'main', true, this);
    new Thread(main);
    this.mainProxy = new QObject();
    bindObjectToThread(this.mainProxy, main);
    this.outbox = new Outbox(endpoint, this.control, init.maxPendingEmits);
    this.host = new ObjectHost(this.here, this.mainProxy, this.outbox, load, sync.reply, ownSignals);
    isolate.reportViolationsTo(init.affinityPolicy, (violation) => this.outbox.post({ type: 'violation', violation }));
    isolate.reportErrorsTo((error, context) =>
      this.outbox.post({
        type: 'slot-error',
        error: toWireError(error),
        where: context.where,
        ...(context.signal !== undefined ? { signal: context.signal } : {}),
        ...(context.receiver !== undefined ? { receiver: context.receiver } : {}),
      }),
    );
    endpoint.onMessage((message) => this.onMessage(message as ToWorker));
  }

  /** Builds the thread object from the module's exports, creates the early objects, and runs the thread. */
  async run(exports: unknown): Promise<void> {
    let code = 0;
    let error: ReturnType<typeof toWireError> | undefined;
    let thread: ThreadObject | null = null;
    try {
      const { exportName, module } = this.init.location;
      const cls = (exports as Record<string, unknown> | null)?.[exportName] as (new () => ThreadObject) | undefined;
      if (typeof cls !== 'function') {
        throw new InvalidArgumentError(
          `The thread class ${exportName} is not exported by ${module}. Export it (export class ${exportName} ...).`,
        );
      }
      thread = adopting(this.here, () => new cls());
      Object.assign(thread, this.init.state);
      if (this.init.name !== `worker #${this.init.threadId}`) thread.objectName = this.init.name; // the main side's objectName
      this.host.adopt(0, thread);
      for (const [objectId, signal, slot] of this.init.watches) this.host.watch(objectId, signal, slot);
      for (const call of this.init.calls) await this.host.dispatch(call);
      // `started` is emitted from the new thread (Qt): slots of objects living here run now, directly (those
      // connected here, and those the main side connected, mirrored here); main delivers it to its own receivers.
      this.outbox.post({ type: 'started', signals: this.host.forwardedNames(thread, true), token: this.init.token });
      thread.started.emit();
      const result = await thread.run();
      if (typeof result === 'number') code = result;
    } catch (thrown) {
      error = toWireError(thrown);
      code = 1;
    }
    // So is `finished`, when run() ends: `finished -> deleteLater` on an object living here deletes it.
    thread?.finished.emit();
    // The thread is over: calls still queued never run (the main side rejects them), deferred deletions do (Qt).
    this.here.loop!.finish();
    this.outbox.close({ type: 'finished', code, ...(error ? { error } : {}), token: this.init.token });
  }

  /** Sends the emits batched so far (the runtime calls it when the worker is about to end). */
  flush(): void {
    this.outbox.flush();
  }

  // The thread's own API, inside the worker.

  exec(): Promise<number> {
    // Qt 6: an exit() made while no loop ran makes the next exec() return its code at once.
    const code = this.exitedWith;
    if (code !== null) {
      this.exitedWith = null;
      return Promise.resolve(code);
    }
    return new Promise((resolve) => this.execs.push(resolve));
  }

  exit(code: number): void {
    if (this.execs.length === 0) this.exitedWith = code;
    for (const resolve of this.execs.splice(0)) resolve(code);
  }

  requestInterruption(): void {
    Atomics.store(this.control, ControlWords.Interrupt, 1);
  }

  isInterruptionRequested(): boolean {
    return Atomics.load(this.control, ControlWords.Interrupt) === 1;
  }

  sleep(ms: number): void {
    this.outbox.sleep(ms);
  }

  // ThreadTransport: calls from this worker to the main thread.

  queueSlot(connection: Connection, args: readonly unknown[]): unknown {
    const count = args.length;
    if (count >= 1 && count <= 4 && this.postNumbers(connection, count, args[0], args[1], args[2], args[3])) return;
    return this.post(connection, args);
  }

  queueArgs(connection: Connection, count: number, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): unknown {
    if (this.postNumbers(connection, count, a0, a1, a2, a3)) return;
    return this.post(connection, [a0, a1, a2, a3].slice(0, count));
  }

  /**
   * The common queued emit, kept small so that it inlines into the compiled emit: `count` (1 to 4) numbers to the
   * main thread, nothing to transfer, no blocking connection there. Returns false, having done nothing, otherwise.
   */
  private postNumbers(
    connection: Connection,
    count: number,
    a0: unknown,
    a1: unknown,
    a2: unknown,
    a3: unknown,
  ): boolean {
    const forward = connection as ForwardConnection;
    if (
      connection.receiver !== this.mainProxy ||
      connection.signal.transfer !== undefined ||
      typeof a0 !== 'number' ||
      (count > 1 && typeof a1 !== 'number') ||
      (count > 2 && typeof a2 !== 'number') ||
      (count > 3 && typeof a3 !== 'number') ||
      this.blocks(forward, this.outbox.sync())
    )
      return false;
    this.outbox.emitNumbers(forward, count, a0, a1 as number, a2 as number, a3 as number);
    return true;
  }

  /** Any other queued emit to the main thread: blocking, transferring, or with arguments that are not all numbers. */
  private post(connection: Connection, args: readonly unknown[]): unknown {
    // Only the forwarding connections reach the main thread's proxy (a pointer test: cheaper than instanceof).
    if (connection.receiver !== this.mainProxy) throw this.noMainObjects(connection.receiver!);
    const forward = connection as ForwardConnection;
    if (this.blocks(forward, this.outbox.sync())) return this.blockSlot(forward, args);
    const transfer = connection.signal.transfer;
    if (transfer === undefined && allPrimitive(args)) return this.outbox.emit(forward, args, null);
    this.queueObjects(forward, args, transfer);
  }

  /**
   * Whether the main side holds a blocking connection on `forward`'s signal, as of `wake` (the `Wake` word just
   * read): its flag is read again only when `Wake` changed, since the main side changes `Wake` after a flag.
   */
  private blocks(forward: ForwardConnection, wake: number): boolean {
    if (forward.flagSlot === 0) return false;
    if (forward.flagReadAt !== wake) {
      forward.flagReadAt = wake;
      forward.blocking = Atomics.load(this.control, forward.flagSlot) > 0;
    }
    return forward.blocking;
  }

  /**
   * A queued emit with object arguments, or a signal that transfers: copied now, since the batch is serialised later
   * (transferred ones are only checked, and sent at once).
   */
  private queueObjects(
    forward: ForwardConnection,
    args: readonly unknown[],
    transfer: Signal<unknown[]>['transfer'],
  ): void {
    if (transfer) assertCloneable(args, () => emitted(forward));
    else args = snapshotArgs(args, () => emitted(forward)); // post() found an object argument
    this.outbox.emit(forward, args, transfer ? transfer(...(args as unknown[])) : null);
  }

  /** A thread's name in a deadlock message, by id (this thread, main, or another worker). */
  private readonly describeThread = (id: number): string =>
    id === this.here.id ? this.here.describe() : id === 0 ? 'main' : `worker #${id}`;

  blockSlot(connection: Connection, args: readonly unknown[]): unknown {
    if (!(connection instanceof ForwardConnection)) throw this.noMainObjects(connection.receiver!);
    // A real worker can always wait; a thread sharing the main thread's isolate (the in-memory test tier) cannot.
    if (!this.here.canBlock)
      throw new DeadlockError(
        `${emitted(connection)}: thread ${this.here.describe()} shares the main thread's isolate, so it cannot block. Use QueuedConnection.`,
      );
    // Described only for a message, by arrows passed on (not named: esbuild's keepNames would name a local one on
    // every call, and a blocking emit is a hot path).
    assertCloneable(args, () => emitted(connection));
    const self = this.here.id;
    // Throws, before anything is sent, when main waits (directly or through others) for this thread.
    this.waitGraph.enter(self, 0, () => `${emitted(connection)} (BlockingQueuedConnection)`, this.describeThread);
    const transfer = connection.signal.transfer;
    let code: number;
    try {
      code = this.outbox.postAndWait(
        [
          connection.objectId,
          connection.signalIndex,
          Atomics.load(this.control, ControlWords.Routing),
          args,
        ] satisfies EmitWait,
        transfer ? transfer(...(args as unknown[])) : undefined,
      );
    } finally {
      this.waitGraph.leave(self);
    }
    if (code === 2) {
      throw new ThreadTerminatedError(
        `${emitted(connection)}: the main thread released this blocked emit because the thread is ending.`,
      );
    }
    return code === 1 ? this.sync.emitResult() : undefined; // 3: the slots returned nothing, so nothing was sent
  }

  queueInvoke(target: QObject): Promise<unknown> {
    throw this.noMainObjects(target);
  }

  blockInvoke(target: QObject): unknown {
    throw this.noMainObjects(target);
  }

  private noMainObjects(target: QObject): InvalidArgumentError {
    return new InvalidArgumentError(
      `${target.describe()} lives on the main thread; a worker reaches the main thread through its own signals. Emit a signal and connect it there.`,
    );
  }

  private onMessage(message: ToWorker): void {
    switch (message.type) {
      case 'calls':
        for (const call of message.calls) void this.host.dispatch(call);
        return;
      case 'exit':
        return this.exit(message.code);
      case 'watch':
        return this.host.watch(message.objectId, message.signal, message.slot);
    }
  }
}

/** `Object.signal.emit()`, naming an emit in messages. */
function emitted(connection: Connection): string {
  return `${connection.signal.describe()}.emit()`;
}
