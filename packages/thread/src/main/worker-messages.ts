import { reportError, type Connection, type Signal, type Thread } from '@sigslot/core';
import {
  activate,
  activateRun,
  deliverEmission,
  recordAffinityViolation,
  threadDataOf,
  type ThreadData,
} from '@sigslot/core/kernel';
import { ProtocolError } from '../errors';
import { answer, delivered } from '../wire/blocking';
import { countEmits, decodeBatch } from '../wire/codec';
import { ControlWords, type EmitWait, type FromWorker, type WireError } from '../wire/protocol';
import { validateFromWorker } from '../wire/validate';
import type { RemoteObjectHandle } from './remote-object';
import type { RemoteSignals } from './remote-signals';
import { toRemoteError, type WorkerCalls } from './worker-calls';

/** Where a worker's emits of one signal at one routing version go (see {@link WorkerMessages}' `route`). */
interface EmitRoute {
  readonly signal: Signal<unknown[]>;
  readonly connections: readonly Connection[];
  /** The worker's thread, where the emits were made. */
  readonly from: ThreadData;
}

/** What the message handler needs from the thread whose worker sends the messages. */
export interface MessagesOwner {
  readonly thread: Thread & { readonly started: Signal<[]> };
  readonly control: Int32Array;
  readonly signals: RemoteSignals;
  readonly calls: WorkerCalls;
  /** The handle of worker object `objectId`, if this side created it. */
  handle(objectId: number): RemoteObjectHandle | undefined;
  /** The worker reported the end of `run()`: normally, or with the error `run()` threw. */
  onFinished(error: WireError | undefined): void;
}

/**
 * The main side's reading of what one thread's worker sends: every message is untrusted, so it is validated, then
 * accepted only where the run is (`started` once and first, with the run's secret token; `finished` last, with it
 * too); a bad one is reported as a {@link ProtocolError} and changes nothing. What it accepts is delivered here:
 * the worker's queued emits to the connections they were routed to in the worker, its blocking emits (answered
 * through shared memory), replies to this side's calls, errors and affinity violations that happened there.
 */
export class WorkerMessages {
  /** Where this run is: what the worker may send next depends on it. */
  private phase: 'starting' | 'started' | 'done' = 'done';
  /** This run's secret (see `ThreadInit.token`): `started` and `finished` must carry it. */
  private token = '';
  /** Object ids the worker has announced ("created"); each may be announced once. */
  private readonly announced = new Set<number>();

  constructor(private readonly owner: MessagesOwner) {}

  /** A new run begins, whose `started` and `finished` carry `token`. */
  begin(token: string): void {
    this.phase = 'starting';
    this.token = token;
    this.announced.clear();
  }

  /** The run is over (finished, crashed, terminated): nothing more is accepted from its worker. */
  end(): void {
    this.phase = 'done';
  }

  /** Handles one message from the worker; never throws into the event loop that delivers it. */
  receive(message: unknown): void {
    try {
      this.handle(message);
    } catch (error) {
      // Slots report their own errors; this catches a routing error (a deadlock, a bad argument) so that a
      // message from a worker can never throw into the main thread's event loop.
      const thread = threadDataOf(this.owner.thread).describe();
      reportError(error, { where: `delivering a message from thread ${this.owner.thread.describe()}`, thread });
    }
  }

  private handle(message: unknown): void {
    const problem = validateFromWorker(message);
    if (problem !== null) return this.protocolError(problem);
    if (Array.isArray(message)) return this.emitWait(message as unknown as EmitWait);
    const m = message as Exclude<FromWorker, EmitWait>;
    // Each kind of message is valid only where the run is: "started" once, first; "finished" last.
    if (this.phase === 'done') return this.protocolError(`"${m.type}" after the thread finished`);
    if ((m.type === 'started' || m.type === 'finished') && m.token !== this.token)
      return this.protocolError(`a "${m.type}" that the thread's runtime did not send`);
    if (m.type === 'started' && this.phase !== 'starting') return this.protocolError('a second "started"');
    if ((m.type === 'emits' || m.type === 'result') && this.phase === 'starting')
      return this.protocolError(`"${m.type}" before "started"`);
    const { owner } = this;
    const from = threadDataOf(owner.thread);
    switch (m.type) {
      case 'started':
        this.phase = 'started';
        owner.signals.announce(0, m.signals);
        deliverEmission(owner.thread.started, [], from); // skips what ran in the worker (runsThere)
        return;
      case 'created': {
        const handle = owner.handle(m.objectId);
        if (!handle || this.announced.has(m.objectId))
          return this.protocolError(`"created" for object #${m.objectId}, which this side did not ask for`);
        this.announced.add(m.objectId);
        return owner.signals.announceObject(handle, m.objectId, m.signals);
      }
      case 'emits':
        // Counted as taken before the slots run: a worker whose emit a slot here answers (through shared memory,
        // say) sees this side caught up, so its next emit is posted at once (see Outbox). Backpressure counts it too.
        delivered(owner.control, countEmits(m.batch));
        decodeBatch(m, this.route, this.deliverRun);
        return;
      case 'result':
        if (!owner.calls.settle(m.replyId, m.ok, m.value))
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
        return recordAffinityViolation({ ...m.violation, thread: from.describe(), threadId: from.id });
      case 'finished':
        this.phase = 'done';
        return owner.onFinished(m.error);
    }
  }

  /** A blocking emit: its slots run now, and the worker, waiting on the control words, gets the answer there. */
  private emitWait([objectId, index, version, args]: EmitWait): void {
    if (this.phase !== 'started')
      return this.protocolError(
        `"emit-wait" ${this.phase === 'done' ? 'after the thread finished' : 'before "started"'}`,
      );
    const { owner } = this;
    const signal = this.lookup(objectId, index);
    let result: unknown;
    try {
      const route = signal && this.routeOf(signal, version);
      if (route) result = this.deliverEmit(route, args as unknown[]);
    } finally {
      answer(owner.control, ControlWords.WorkerWait, owner.calls.sendEmitResult(result, signal));
    }
  }

  private readonly lookup = (objectId: number, index: number): Signal<unknown[]> | null =>
    this.owner.signals.lookup(objectId, index);

  /** {@link routeOf} for signal `index` of object `objectId`: how `decodeBatch` resolves a run of emits. */
  private readonly route = (objectId: number, index: number, version: number): EmitRoute | null => {
    const signal = this.lookup(objectId, index);
    return signal && this.routeOf(signal, version);
  };

  /**
   * Where the worker's emits of `signal` made at routing `version` go: the signal and the connections it had here
   * at that version, looked up once for a run of such emits; null for none.
   */
  private routeOf(signal: Signal<unknown[]>, version: number): EmitRoute | null {
    const connections = this.owner.signals.routedAt(signal, version);
    return connections.length === 0 ? null : { signal, connections, from: threadDataOf(this.owner.thread) };
  }

  /** Runs the calls a run of emissions made in the worker posted along `route` (see `decodeBatch`). */
  private readonly deliverRun = (
    { signal, connections, from }: EmitRoute,
    values: ArrayLike<unknown>,
    at: number,
    argCount: number,
    emits: number,
  ): void => activateRun(signal, connections, from, values, at, argCount, emits);

  /**
   * Runs the calls one emission made in the worker posted along `route`; a routing error is reported, so the rest
   * of its batch goes on. Returns the last slot's result (for a blocking emit).
   */
  private readonly deliverEmit = ({ signal, connections, from }: EmitRoute, args: unknown[]): unknown => {
    try {
      // Posted calls: activate() only finds where each receiver lives now (see its comment).
      return activate(signal, connections, args, from);
    } catch (error) {
      const thread = from.describe();
      reportError(error, { where: `delivering ${signal.describe()} from thread ${thread}`, thread });
      return undefined;
    }
  };

  /** Reports a message that was rejected (it changes nothing). */
  protocolError(problem: string): void {
    const error = new ProtocolError(
      `Thread ${this.owner.thread.describe()} sent a message that was rejected: ${problem}. The message was ignored; ` +
        `check that the main side and the worker load the same version of the thread class.`,
    );
    reportError(error, { where: 'the thread protocol', thread: threadDataOf(this.owner.thread).describe() });
  }
}
