import {
  DeadlockError,
  InvalidArgumentError,
  reportError,
  type Connection,
  type QObject,
  type Signal,
} from '@sigslot/core';
import { currentThreadData } from '@sigslot/core/kernel';
import type { SyncChannel } from '../endpoint/start-thread-worker';
import type { WorkerEndpoint } from '../endpoint/endpoint';
import { CloneError, RemoteError, ThreadTerminatedError } from '../errors';
import { setAndWake, waitForAnswer } from '../wire/blocking';
import { assertCloneable, snapshotArgs } from '../wire/clone-check';
import {
  ControlWords,
  type BlockedEmitResult,
  type EmitWait,
  type FromWorker,
  type WireCall,
  type WireError,
} from '../wire/protocol';
import type { WaitGraph } from '../wire/wait-graph';

/** What the calls need from the thread they go to. */
export interface CallsOwner {
  readonly control: Int32Array;
  /** True from start() until the thread has finished. */
  readonly running: boolean;
  /** True once a started thread has finished. */
  readonly finished: boolean;
  /** The worker while it runs. */
  readonly endpoint: WorkerEndpoint | null;
  /** Its synchronous channel (Node), read while this thread is blocked on it. */
  readonly sync: SyncChannel | null;
  readonly threadId: number;
  describe(): string;
  /** The error a blocked call throws when the worker stopped under it (and the thread's crash from then on). */
  stoppedWhileBlocked(where: string): Error;
}

interface PendingReply {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  where: string;
}

/**
 * The main side's calls into a worker: queued calls, sent together at the next microtask (or in the worker's
 * init when it has not started); blocking ones, for which this thread waits on shared memory; and the replies,
 * each matched to its call and settled exactly once.
 */
export class WorkerCalls {
  private outgoing: WireCall[] = [];
  /** Objects to move with the next flush (a signal's declared transferables). */
  private transfers: object[] = [];
  private flushScheduled = false;
  private readonly replies = new Map<number, PendingReply>();
  private nextReplyId = 1;

  constructor(
    private readonly owner: CallsOwner,
    private readonly waitGraph: () => WaitGraph,
    private readonly describeThread: (id: number) => string,
  ) {}

  /** The calls made before the thread started, for its init; the next ones are sent as they come. */
  takeForStart(): WireCall[] {
    this.flushScheduled = false;
    return this.outgoing.splice(0);
  }

  /** Queues a call for the worker: sent with the next flush, or in the init data before the thread starts. */
  send(call: WireCall): void {
    this.outgoing.push(call);
    if (this.owner.running && !this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(this.flush);
    }
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    const endpoint = this.owner.endpoint;
    if (!this.owner.running || !endpoint || this.outgoing.length === 0) return;
    const calls = this.outgoing;
    const transfers = this.transfers;
    this.outgoing = [];
    this.transfers = [];
    endpoint.postMessage({ type: 'calls', calls }, transfers.length ? transfers : undefined);
  };

  queueSlot(connection: Connection, args: readonly unknown[]): void {
    const transfer = connection.signal.transfer;
    if (transfer && this.owner.running) {
      // Sent at once, moving the declared objects: the emitter loses them at the emit, as in the other direction.
      assertCloneable(args, () => emittedTo(connection));
      this.transfers.push(...transfer(...args));
      this.outgoing.push(slotCall(connection, args, false));
      this.flush();
      return;
    }
    // Copied now: the call is sent at the next flush (or with the start), and the emitter may change its arguments.
    // (Described by a passed arrow: esbuild's keepNames would name a local one on every emit.)
    this.send(
      slotCall(
        connection,
        snapshotArgs(args, () => emittedTo(connection)),
        false,
      ),
    );
  }

  blockSlot(connection: Connection, args: readonly unknown[]): unknown {
    assertCloneable(args, () => emittedTo(connection));
    const transfer = connection.signal.transfer;
    if (transfer && this.owner.running) this.transfers.push(...transfer(...args));
    return this.blockOn(slotCall(connection, args, true), `${connection}`);
  }

  queueInvoke(target: QObject, method: string, args: readonly unknown[]): Promise<unknown> {
    const where = `invokeMethod(${target.describe()}, "${method}")`;
    const copy = snapshotArgs(args, () => where);
    if (this.owner.finished)
      return Promise.reject(new ThreadTerminatedError(`${where}: thread ${this.owner.describe()} has finished.`));
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

  /** Sends `call` and blocks this thread until the worker has run it; returns its result. */
  private blockOn(call: WireCall, where: string): unknown {
    const { control, endpoint, sync } = this.owner;
    if (!this.owner.running || !endpoint) {
      throw new ThreadTerminatedError(
        `${where}: thread ${this.owner.describe()} is not running, so nothing would answer a blocking call. Start it first.`,
      );
    }
    if (!sync) {
      // Only a thread without its own isolate runs without one (the in-memory test tier): it cannot answer while
      // this thread waits, since it would run on this thread.
      throw new DeadlockError(
        `${where}: thread ${this.owner.describe()} runs in this isolate, so it cannot answer while this thread waits. Use a queued call.`,
      );
    }
    const self = currentThreadData().id;
    const graph = this.waitGraph();
    // Throws, before anything is sent, when the worker waits (directly or through others) for this thread.
    graph.enter(self, this.owner.threadId, () => where, this.describeThread);
    Atomics.store(control, ControlWords.MainWait, 0);
    // A worker waiting for this thread to drain its emits (backpressure) must go on, or it could never answer.
    setAndWake(control, ControlWords.MainBlocked, 1);
    this.outgoing.push(call);
    let code: number;
    try {
      this.flush();
      // A blocked thread cannot hear the worker's exit event: it asks the platform, between waits, whether the
      // worker still runs, so that a worker that dies (out of memory included) releases it.
      code = waitForAnswer(control, ControlWords.MainWait, () => endpoint.hasStopped());
    } finally {
      graph.leave(self);
      Atomics.store(control, ControlWords.MainBlocked, 0);
    }
    const reply = sync.receive() as Exclude<FromWorker, EmitWait> | undefined;
    if (code !== 1 || reply?.type !== 'result') {
      if (code === 2 && endpoint.hasStopped()) throw this.owner.stoppedWhileBlocked(where);
      throw new ThreadTerminatedError(`${where}: thread ${this.owner.describe()} ended before answering.`);
    }
    if (!reply.ok) throw toRemoteError(reply.value);
    return reply.value;
  }

  /**
   * Gives a worker blocked in an emit what its slots returned, before it is woken: on Node's sync port, in a
   * browser through shared memory. A result that cannot be copied (or does not fit) is reported, and the emit
   * there returns undefined. Returns the code to wake the worker with: 1 when a result was sent, 3 when there is
   * nothing to read.
   */
  sendEmitResult(value: unknown, signal: Signal<unknown[]> | null): 1 | 3 {
    const sync = this.owner.sync;
    // Nothing to send for the usual slot, which returns nothing: the answer's code says so (ControlWords.WorkerWait).
    if (!sync || value === undefined) return 3;
    try {
      sync.send({ type: 'emit-result', value } satisfies BlockedEmitResult);
    } catch (error) {
      const name = signal?.describe() ?? 'a signal';
      reportError(
        new CloneError(
          `${name}: the result of its slot cannot be copied to thread ${this.owner.describe()} ` +
            `(${(error as Error).message}); the emit there returns undefined. Return plain data (numbers, strings, ` +
            `arrays, plain objects).`,
        ),
        { where: `the result of a blocking emit of ${name}`, thread: 'main' },
      );
      return 3;
    }
    return 1;
  }

  /** Settles the call `replyId` with the worker's result; false if no such call is waiting (never made, or done). */
  settle(replyId: number, ok: boolean, value: unknown): boolean {
    const pending = this.replies.get(replyId);
    if (!pending) return false;
    // The error is made first, and cannot throw: whatever the worker sent, the call settles.
    const error = ok ? null : toRemoteError(value);
    this.replies.delete(replyId);
    if (error) pending.reject(error);
    else pending.resolve(value);
    return true;
  }

  /** The thread ended: every call still waiting is rejected (it never ran), and nothing more is sent. */
  end(reason: string): void {
    for (const pending of this.replies.values())
      pending.reject(new ThreadTerminatedError(`${pending.where}: ${reason}`));
    this.replies.clear();
    this.outgoing = [];
    this.transfers = [];
  }
}

function slotCall(connection: Connection, args: readonly unknown[], wait: boolean): WireCall {
  return {
    kind: 'invoke',
    objectId: objectIdOf(connection.receiver!),
    method: connection.slot as string,
    args,
    replyId: 0,
    wait,
  };
}

function objectIdOf(target: QObject): number {
  const id = (target as unknown as { objectId?: unknown }).objectId;
  if (typeof id !== 'number')
    throw new InvalidArgumentError(`${target.describe()} is not an object created in a thread.`);
  return id;
}

/** The error a failed call rejects with: the worker's error, or a description of a malformed one. */
export function toRemoteError(error: unknown): RemoteError {
  const e = error as Partial<WireError> | null;
  if (e && typeof e.name === 'string' && typeof e.message === 'string')
    return new RemoteError(e.name, e.message, typeof e.stack === 'string' ? e.stack : undefined);
  return new RemoteError(
    'Error',
    `the worker reported a failure without an error (${describeValue(error)})`,
    undefined,
  );
}

/** A short description of any value, which never throws (a null-prototype object has no string form). */
function describeValue(value: unknown): string {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** `Object.signal.emit() to slot`, naming a queued or blocking call in messages. */
function emittedTo(connection: Connection): string {
  return `${connection.signal.describe()}.emit() to ${connection.slotName()}`;
}
