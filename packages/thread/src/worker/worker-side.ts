import type { TransferList } from '@sigslot/core';
import {
  affinity,
  Connection,
  ConnectionType,
  currentThreadData,
  InvalidArgumentError,
  QObject,
  reportError,
  setErrorHandler,
  Signal,
  Thread,
  ThreadData,
  type Task,
  type ThreadTransport,
} from '@sigslot/core';
import type * as WorkerThreads from 'node:worker_threads';
import type { Endpoint } from '../endpoint/endpoint';
import { nodeBuiltin } from '../endpoint/platform';
import { nodeEndpoint } from '../endpoint/node-endpoint';
import { webEndpoint } from '../endpoint/web-endpoint';
import { ProtocolError, ThreadTerminatedError } from '../errors';
import { assertCloneable, snapshotArgs } from '../wire/clone-check';
import { answer, sleepOn, waitForAnswer, waitForDrain } from '../wire/blocking';
import { WaitGraph } from '../wire/wait-graph';
import {
  ControlWords,
  MAX_BATCH_EMITS,
  type BlockedEmitResult,
  toWireError,
  validateAssignment,
  type ClassLocation,
  type FromWorker,
  type InvokeCall,
  type ThreadAssignment,
  type ThreadInit,
  type ToWorker,
  type WireCall,
} from '../wire/protocol';
import { adopting } from './adoption';

/** Emits per batch before it is sent even while the main thread is busy. */
export const BATCH_EMITS = MAX_BATCH_EMITS;
/** Values (headers and arguments) per batch before it is sent, for emits with many arguments. */
const BATCH_VALUES = 4 * BATCH_EMITS;

/** The interface of the thread object that the runtime drives (a QThread built inside the worker). */
interface ThreadObject extends Thread {
  readonly started: Signal<[]>;
  readonly finished: Signal<[]>;
  readonly errorOccurred: Signal<[error: Error]>;
  run(): void | number | Promise<void | number>;
}

/**
 * The signals of `object` that stay in this thread: QObject's own (and QThread's, for the thread object), which
 * the main side's handle has too. Every other signal, whatever its name, is forwarded.
 */
function ownSignals(object: QObject, isThread: boolean): ReadonlySet<Signal<unknown[]>> {
  const own: unknown[] = [object.destroyed, object.objectNameChanged];
  if (isThread) {
    const thread = object as ThreadObject;
    own.push(thread.started, thread.finished, thread.errorOccurred);
  }
  return new Set(own as Signal<unknown[]>[]);
}

/**
 * A connection from a signal of an object living in the worker to the main thread: every emission is sent
 * there, where the main side's connections deliver it. The core routes it as queued; the transport makes the
 * emit blocking while the main side holds a BlockingQueuedConnection on the signal (a count the main side
 * keeps in shared memory at `flagSlot`, read at each emit), since only the main side knows its connections.
 */
class ForwardConnection extends Connection {
  flagSlot = 0;
  constructor(
    signal: Signal<unknown[]>,
    mainProxy: QObject,
    readonly objectId: number,
    readonly signalIndex: number,
  ) {
    super(signal, mainProxy, 'forward', ConnectionType.QueuedConnection, ConnectionType.QueuedConnection, true);
  }
}

/**
 * The runtime inside a worker: adopts the worker as a sigslot thread, builds the thread object and the
 * objects the main side asks for, runs `run()`, carries emits to the main thread in batches, and runs the
 * main side's queued calls on this thread's event loop. It is this thread's {@link ThreadTransport} to main.
 */
export class WorkerSide implements ThreadTransport {
  private readonly control: Int32Array;
  private readonly here: ThreadData;
  private readonly mainProxy: QObject;
  private readonly objects = new Map<number, QObject>();
  private readonly forwards = new Map<string, ForwardConnection>();
  private readonly watchSlots = new Map<string, number>();
  private readonly waitingForObject = new Map<number, WireCall[]>();
  /** Connections between objects living here, made on the main side's request, by the main side's id. */
  private readonly localConnections = new Map<number, Connection>();
  /** The emits not sent yet, as runs (see `EmitBatch`); `runAt` is where the last run's header starts. */
  private batch: unknown[] = [];
  private batchEmits = 0;
  private runForward: ForwardConnection | null = null;
  private runArgs = -1;
  private runVersion = 0;
  private runAt = 0;
  /** True once "finished" is posted: the thread is over, and nothing more is sent. */
  private closed = false;
  private readonly waitGraph: WaitGraph;
  private transfers: object[] = [];
  private flushScheduled = false;
  /** Queued emits posted so far (Int32, wrapping) and the backpressure marks (0: no limit). */
  private posted = 0;
  private readonly highWater: number;
  private readonly lowWater: number;
  private execs: Array<(code: number) => void> = [];
  /** The code of an exit() made while no exec() was running, for the next exec(). */
  private exitedWith: number | null = null;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly init: ThreadInit,
    private readonly syncPort: WorkerThreads.MessagePort | null,
    private readonly load: (location: ClassLocation) => Promise<unknown> | unknown,
  ) {
    this.control = new Int32Array(init.control);
    this.waitGraph = new WaitGraph(init.waitGraph);
    this.highWater = init.maxPendingEmits;
    this.lowWater = init.maxPendingEmits >>> 1;
    this.here = currentThreadData();
    this.here.id = init.threadId;
    this.here.name = init.name;
    const main = ThreadData.remote(0, 'main', true, this);
    new Thread(main);
    this.mainProxy = new QObject();
    this.mainProxy.bindToThread(main);
    affinity.setPolicy(init.affinityPolicy);
    affinity.onViolation((violation) => this.post({ type: 'violation', violation }));
    setErrorHandler((error, context) =>
      this.post({
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
      this.adopt(0, thread);
      for (const [objectId, signal, slot] of this.init.watches) this.watch(objectId, signal, slot);
      for (const call of this.init.calls) await this.dispatch(call);
      // `started` is emitted from the new thread (Qt): slots of objects living here run now, directly (those
      // connected here, and those the main side connected, mirrored here); main delivers it to its own receivers.
      this.post({ type: 'started', signals: this.forwardedNames(thread) });
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
    this.flush();
    this.post({ type: 'finished', code, ...(error ? { error } : {}) });
    this.closed = true;
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
    this.flush();
    sleepOn(this.control, ms);
  }

  // ThreadTransport: calls from this worker to the main thread.

  queueSlot(connection: Connection, args: readonly unknown[]): unknown {
    // Only the forwarding connections reach the main thread's proxy (a pointer test: cheaper than instanceof).
    if (connection.receiver !== this.mainProxy) throw this.noMainObjects(connection.receiver!);
    const forward = connection as ForwardConnection;
    if (forward.flagSlot !== 0 && Atomics.load(this.control, forward.flagSlot) > 0)
      return this.blockSlot(forward, args);
    const transfer = connection.signal.transfer;
    const count = args.length;
    // Object arguments are copied now: the batch is serialised later, when the emitter may have changed them.
    // (Transferred ones are sent at once, below.) Primitives need neither a check nor a copy.
    for (let i = 0; i < count; i++) {
      const value = args[i];
      if (typeof value === 'object' ? value !== null : typeof value === 'function' || typeof value === 'symbol') {
        args = transfer
          ? (assertCloneable(args, () => `${connection.signal.describe()}.emit()`), args)
          : snapshotArgs(args, () => `${connection.signal.describe()}.emit()`);
        break;
      }
    }
    const batch = this.batch;
    // Routed now (Qt: in the emitting thread, at the emit): the main side delivers it to what it had at `version`.
    const version = Atomics.load(this.control, ControlWords.Routing);
    if (this.runForward === forward && this.runArgs === count && this.runVersion === version) {
      batch[this.runAt + 4] = (batch[this.runAt + 4] as number) + 1;
    } else {
      this.runForward = forward;
      this.runArgs = count;
      this.runVersion = version;
      this.runAt = batch.length;
      batch.push(forward.objectId, forward.signalIndex, version, count, 1);
    }
    for (let i = 0; i < count; i++) batch.push(args[i]);
    this.batchEmits++;
    if (transfer) {
      // Sent at once, so that the emitter loses the transferred objects at the emit, not at some later flush.
      this.transfers.push(...transfer(...(args as unknown[])));
      this.flush();
    } else if (
      // Posted at once while the main thread has delivered everything sent before (it is idle, so a busy run()'s
      // progress reaches it now); while it is still busy with earlier batches, emits coalesce into the next one.
      Atomics.load(this.control, ControlWords.Delivered) === this.posted ||
      this.batchEmits >= BATCH_EMITS ||
      batch.length >= BATCH_VALUES
    )
      this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(this.flush);
    }
  }

  blockSlot(connection: Connection, args: readonly unknown[]): unknown {
    const forward = this.asForward(connection);
    const where = `${connection.signal.describe()}.emit()`;
    assertCloneable(args, () => where);
    this.flush();
    const self = this.here.id;
    this.waitGraph.enter(self, 0, `${where} (BlockingQueuedConnection)`, (id) =>
      id === self ? this.here.describe() : id === 0 ? 'main' : `worker #${id}`,
    );
    Atomics.store(this.control, ControlWords.WorkerWait, 0);
    const transfer = connection.signal.transfer;
    const version = Atomics.load(this.control, ControlWords.Routing);
    let code: number;
    try {
      this.post(
        { type: 'emit-wait', objectId: forward.objectId, signal: forward.signalIndex, version, args },
        transfer ? transfer(...(args as unknown[])) : undefined,
      );
      code = waitForAnswer(this.control, ControlWords.WorkerWait);
    } finally {
      this.waitGraph.leave(self);
    }
    if (code !== 1) {
      throw new ThreadTerminatedError(
        `${connection.signal.describe()}.emit(): the main thread released this blocked emit because the thread is ending.`,
      );
    }
    // What the slots returned: posted on the sync port before the main thread woke us (Node; a browser has none).
    if (this.syncPort === null) return undefined;
    const { receiveMessageOnPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
    return (receiveMessageOnPort(this.syncPort)?.message as BlockedEmitResult | undefined)?.value;
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

  private asForward(connection: Connection): ForwardConnection {
    if (connection instanceof ForwardConnection) return connection;
    throw this.noMainObjects(connection.receiver!);
  }

  /**
   * Sends the emits batched so far, in one message. Backpressure: first waits while more than
   * `maxPendingEmits` sent emits are still waiting for the main thread (see {@link waitForDrain}).
   */
  readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.batchEmits === 0) return;
    if (this.highWater !== 0) waitForDrain(this.control, this.posted, this.highWater, this.lowWater);
    const batch = this.batch;
    const transfers = this.transfers;
    const emits = this.batchEmits;
    this.batch = [];
    this.transfers = [];
    this.batchEmits = 0;
    this.runForward = null;
    this.post({ type: 'emits', batch }, transfers.length ? transfers : undefined);
    this.posted = (this.posted + emits) | 0;
    Atomics.store(this.control, ControlWords.Posted, this.posted);
  };

  private post(message: FromWorker, transfer?: TransferList): void {
    if (!this.closed) this.endpoint.postMessage(message, transfer);
  }

  // Objects living here.

  /** Registers `object` under `objectId` and forwards its signals to the main thread. */
  private adopt(objectId: number, object: QObject): void {
    this.objects.set(objectId, object);
    const own = ownSignals(object, objectId === 0);
    const signals = object.signals().filter((s) => !own.has(s));
    signals.forEach((signal, index) => {
      const forward = new ForwardConnection(signal, this.mainProxy, objectId, index);
      const key = `${objectId}:${signal.name}`;
      // Object 0's signals are numbered the same way on both sides; others get theirs from "watch" messages.
      forward.flagSlot = objectId === 0 ? ControlWords.FirstFlag + index : (this.watchSlots.get(key) ?? 0);
      this.forwards.set(key, forward);
      signal.attach(forward as unknown as Connection<unknown[]>);
    });
    object.destroyed.connect(() => this.objects.delete(objectId));
  }

  private forwardedNames(object: QObject): string[] {
    const own = ownSignals(object, object === this.objects.get(0));
    return object
      .signals()
      .filter((s) => !own.has(s))
      .map((s) => s.name);
  }

  private watch(objectId: number, signal: string, slot: number): void {
    const key = `${objectId}:${signal}`;
    this.watchSlots.set(key, slot); // for an object not built yet
    const forward = this.forwards.get(key);
    if (forward) forward.flagSlot = slot;
  }

  private onMessage(message: ToWorker): void {
    switch (message.type) {
      case 'calls':
        for (const call of message.calls) void this.dispatch(call);
        return;
      case 'exit':
        return this.exit(message.code);
      case 'watch':
        return this.watch(message.objectId, message.signal, message.slot);
    }
  }

  /** Runs one call from the main side: creations at once, method calls on this thread's event loop. */
  private async dispatch(call: WireCall): Promise<void> {
    const waiting =
      this.waitingForObject.get(call.objectId) ??
      (call.kind === 'connect' ? this.waitingForObject.get(call.target) : undefined);
    if (waiting && call.kind !== 'create') {
      waiting.push(call);
      return;
    }
    if (call.kind === 'create') {
      this.waitingForObject.set(call.objectId, []);
      try {
        const exports = await this.load(call.location);
        const cls = (exports as Record<string, unknown> | null)?.[call.location.exportName] as
          (new (...args: unknown[]) => QObject) | undefined;
        if (typeof cls !== 'function') {
          throw new InvalidArgumentError(
            `${call.location.exportName} is not exported by ${call.location.module}. Export the class.`,
          );
        }
        const object = new cls(...call.args);
        this.adopt(call.objectId, object);
        this.post({ type: 'created', objectId: call.objectId, signals: this.forwardedNames(object) });
      } catch (error) {
        this.post({
          type: 'slot-error',
          error: toWireError(error),
          where: `creating ${call.location.exportName} in thread ${this.here.describe()}`,
        });
      }
      const queued = this.waitingForObject.get(call.objectId) ?? [];
      this.waitingForObject.delete(call.objectId);
      for (const next of queued) await this.dispatch(next);
      return;
    }
    const object = this.objects.get(call.objectId);
    if (call.kind === 'delete') {
      object?.deleteLater();
      return;
    }
    if (call.kind === 'connect') return this.connectHere(call);
    if (call.kind === 'disconnect') {
      this.localConnections.get(call.connectionId)?.disconnect();
      this.localConnections.delete(call.connectionId);
      return;
    }
    this.here.loop!.post(this.methodCall(call));
  }

  /** Makes here a connection the main side made between two objects living here (see the 'connect' call). */
  private connectHere(call: Extract<WireCall, { kind: 'connect' }>): void {
    try {
      const target = this.objects.get(call.target);
      const signal = this.objects
        .get(call.objectId)
        ?.signals()
        .find((s) => s.name === call.signal);
      if (!target || !signal) {
        throw new InvalidArgumentError(
          `Thread ${this.here.describe()} could not connect signal "${call.signal}" of object #${call.objectId} to ` +
            `object #${call.target}: one of them does not live here (never created, or destroyed).`,
        );
      }
      this.localConnections.set(call.connectionId, signal.connect(target, call.method as never, call.type));
    } catch (error) {
      reportError(error, { where: 'connecting two objects of this thread', thread: this.here.describe() });
    }
  }

  /** A method call on an object living here, as a task whose result (or error) goes where the caller wants it. */
  private methodCall(call: InvokeCall): Task {
    const object = this.objects.get(call.objectId);
    const task: Task = {
      receiver: object ?? null,
      run: () => {
        if (!object)
          throw new InvalidArgumentError(
            `No object #${call.objectId} lives in thread ${this.here.describe()} (never created, or destroyed).`,
          );
        const method = (object as unknown as Record<string, unknown>)[call.method];
        if (typeof method !== 'function')
          throw new InvalidArgumentError(`${object.describe()} has no method "${call.method}".`);
        return (method as (...a: unknown[]) => unknown).apply(object, call.args as unknown[]);
      },
    };
    return this.withReply(task, call);
  }

  /** Wraps a method call so that its result (or error) goes back to the caller that asked for one. */
  private withReply(task: Task, call: InvokeCall): Task {
    const reply = (ok: boolean, value: unknown): void => {
      this.flush(); // what the method emitted before it returned arrives before its result
      if (call.wait) {
        try {
          this.syncPort!.postMessage({ type: 'result', replyId: 0, ok, value });
        } catch (error) {
          this.syncPort!.postMessage({ type: 'result', replyId: 0, ok: false, value: toWireError(error) });
        }
        answer(this.control, ControlWords.MainWait, 1);
      } else if (call.replyId !== 0) {
        try {
          this.post({ type: 'result', replyId: call.replyId, ok, value });
        } catch (error) {
          this.post({ type: 'result', replyId: call.replyId, ok: false, value: toWireError(error) });
        }
      }
    };
    const answers = call.wait || call.replyId !== 0;
    return {
      receiver: task.receiver,
      run: () => {
        let value: unknown;
        try {
          value = (task.run as () => unknown)();
        } catch (error) {
          if (answers) return reply(false, toWireError(error));
          // A queued slot's error goes to the error handler, which reports it to the main thread.
          return reportError(error, {
            where: `slot ${call.method} of ${task.receiver?.describe() ?? `object #${call.objectId}`}`,
            thread: this.here.describe(),
          });
        }
        if (!answers) return;
        if (value instanceof Promise)
          value.then(
            (v) => reply(true, v),
            (e) => reply(false, toWireError(e)),
          );
        else reply(true, value);
      },
      cancel: () => {
        if (answers)
          reply(
            false,
            toWireError(new ThreadTerminatedError(`${call.method}(): the object was destroyed before the call ran.`)),
          );
      },
    };
  }
}

const RUNTIME = Symbol.for('sigslot.thread.runtime');
let side: WorkerSide | null = null;

/** The runtime of this worker, if this isolate is a sigslot thread. */
export function workerSideOrNull(): WorkerSide | null {
  return side;
}

/** The runtime of this worker; throws outside one. */
export function workerSide(): WorkerSide {
  if (!side) throw new InvalidArgumentError('This code runs outside a sigslot worker thread.');
  return side;
}

interface NodeWorkerData {
  readonly init: ThreadInit;
  readonly syncPort: WorkerThreads.MessagePort;
}

/**
 * For a runtime that gets its thread in a message (a browser worker's `init`, a prepared Node worker's `assign`):
 * calls `onThread` with the first message that `isThread` accepts (others before it are ignored), and gives it
 * the endpoint for the thread's {@link WorkerSide}. Messages after that one are held until the runtime has taken
 * the calls the first one carried (it then posts "started", or "finished"), and handed over in order from the
 * worker's event loop: nothing the main side sends early is lost, and none overtakes a call made before start().
 */
function receiveThread(
  endpoint: Endpoint,
  isThread: (message: unknown) => boolean,
  onThread: (message: unknown, sideEndpoint: Endpoint) => void,
): void {
  let assigned = false;
  let held: unknown[] | null = [];
  let deliver: (message: unknown) => void = () => undefined;
  const release = (): void => {
    if (!held) return;
    for (const message of held) deliver(message);
    held = null;
  };
  const sideEndpoint: Endpoint = {
    postMessage: (message, transfer) => {
      endpoint.postMessage(message, transfer);
      const type = (message as FromWorker).type;
      if (type === 'started' || type === 'finished') setTimeout(release);
    },
    onMessage: (handler) => void (deliver = handler),
  };
  endpoint.onMessage((message) => {
    if (assigned) {
      if (held) held.push(message);
      else deliver(message);
      return;
    }
    if (!isThread(message)) return;
    assigned = true;
    onThread(message, sideEndpoint);
  });
}

/** Where this copy of the package was loaded from, for the message that says a worker holds two copies. */
const HERE: string = typeof __filename === 'string' ? __filename : 'a bundle';
const COPIES = Symbol.for('sigslot.thread.copies');

/** Entry points the bootstrap (Node) or the first message (browser) calls; on globalThis so any copy is found. */
const runtime = {
  startNode(exports: unknown, data: NodeWorkerData, endpoint?: Endpoint): void {
    const { parentPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
    const { pathToFileURL, fileURLToPath } = nodeBuiltin<typeof import('node:url')>('node:url');
    const load = (location: ClassLocation): unknown => {
      const spec = location.module;
      if (/\.mjs$/.test(spec)) return import(spec.startsWith('file:') ? spec : pathToFileURL(spec).href);
      // A CommonJS thread module loads synchronously, so worker objects can be made at once (as in Qt).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(spec.startsWith('file:') ? fileURLToPath(spec) : spec);
    };
    side = new WorkerSide(endpoint ?? nodeEndpoint(parentPort!), data.init, data.syncPort, load);
    // If this worker ends early (process.exit, an uncaught error), send the emits it made (process.exit runs no
    // microtask, so the scheduled flush would never come), and release the main thread if it is blocked on it.
    const control = new Int32Array(data.init.control);
    process.on('exit', () => {
      side?.flush();
      answer(control, ControlWords.MainWait, 2);
    });
    void side.run(exports).then(() => {
      // The thread is over when run() returns, whatever timers its code left behind (Qt: the thread ends).
      setImmediate(() => process.exit(0));
    });
  },
  /**
   * A prepared Node worker (`QThread.prepareWorkers()`): the runtime is loaded; say so on `ready`, then wait for
   * the `assign` message, load the thread module it names with `loadThreadModule` (the bootstrap's, which
   * registers tsx for a TypeScript module) and start the thread as a worker started for it would. `fail` throws
   * an error out of the worker (its `error` event on the main side), as the bootstrap does for a module that
   * does not load.
   */
  prepareNode(
    ready: WorkerThreads.MessagePort,
    loadThreadModule: (data: ThreadAssignment) => Promise<unknown>,
    fail: (error: unknown) => void,
  ): void {
    const { parentPort } = nodeBuiltin<typeof WorkerThreads>('node:worker_threads');
    receiveThread(
      nodeEndpoint(parentPort!),
      () => true,
      (message, sideEndpoint) => {
        const problem = validateAssignment(message);
        if (problem !== null)
          return fail(new ProtocolError(`A prepared worker was given a malformed thread: ${problem}.`));
        const assignment = message as ThreadAssignment & NodeWorkerData;
        loadThreadModule(assignment)
          .then((exports) => {
            const copies = registry[COPIES] ?? [];
            if (copies.length > 1) {
              throw new InvalidArgumentError(
                `Thread ${assignment.init.name}: its module ${assignment.init.location.module} loaded its own copy of ` +
                  `@sigslot/thread (${copies[1]}), not the one this prepared worker had loaded for the program that ` +
                  `started it (${copies[0]}), and one thread cannot run on two copies. Make the thread module resolve ` +
                  `the same @sigslot/thread as that program, or start such threads on fresh workers ` +
                  `(QThread.releasePreparedWorkers()).`,
              );
            }
            runtime.startNode(exports, assignment, sideEndpoint);
          })
          .catch(fail);
      },
    );
    ready.postMessage(null);
    ready.close();
  },
  startWeb(): void {
    const scope = globalThis as unknown as Parameters<typeof webEndpoint>[0] & { close(): void };
    const endpoint = webEndpoint(scope);
    // The worker's script is the thread module itself, so the first import finds the module that is already
    // running; keeping namespaces makes later loads (worker objects) synchronous, as `require` is on Node.
    const modules = new Map<string, unknown>();
    const load = (location: ClassLocation): unknown =>
      modules.get(location.module) ??
      import(/* @vite-ignore */ location.module).then(
        (exports: unknown) => (modules.set(location.module, exports), exports),
      );
    receiveThread(
      endpoint,
      (message) => (message as { type?: string } | null)?.type === 'init',
      (message, sideEndpoint) => {
        const init = message as ThreadInit;
        void Promise.resolve(load(init.location)).then(
          (exports) => {
            side = new WorkerSide(sideEndpoint, init, null, load);
            return side.run(exports).then(() => scope.close());
          },
          (error: unknown) => {
            // The thread module did not load: report it as run() failing, so that the main side finishes the thread.
            endpoint.postMessage({ type: 'finished', code: 1, error: toWireError(error) } satisfies FromWorker);
            scope.close();
          },
        );
      },
    );
  },
};

const registry = globalThis as { [RUNTIME]?: typeof runtime; [COPIES]?: string[] };
(registry[COPIES] ??= []).push(HERE);
if (!registry[RUNTIME]) {
  registry[RUNTIME] = runtime;
  if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') runtime.startWeb();
}
