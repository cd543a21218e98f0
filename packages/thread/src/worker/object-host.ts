import {
  Connection,
  ConnectionType,
  InvalidArgumentError,
  reportError,
  type QObject,
  type Signal,
} from '@sigslot/core';
import { attachConnection, type Task, type ThreadData } from '@sigslot/core/kernel';
import { ThreadTerminatedError } from '../errors';
import { ControlWords, toWireError, type ClassLocation, type InvokeCall, type WireCall } from '../wire/protocol';
import type { Outbox } from './outbox';

/**
 * A connection from a signal of an object living in the worker to the main thread: every emission is sent
 * there, where the main side's connections deliver it. The core routes it as queued; the transport makes the
 * emit blocking while the main side holds a BlockingQueuedConnection on the signal (a count the main side
 * keeps in shared memory at `flagSlot`), since only the main side knows its connections.
 */
export class ForwardConnection extends Connection {
  flagSlot = 0;
  /**
   * The flag as last read, and the `Wake` it was read at: the main side changes `Wake` after the flag, so an emit
   * reads the flag again only when `Wake` changed (NaN: not read since `flagSlot` was set; no `Wake` equals it).
   */
  blocking = false;
  flagReadAt = NaN;
  constructor(
    signal: Signal<unknown[]>,
    mainProxy: QObject,
    readonly objectId: number,
    readonly signalIndex: number,
  ) {
    super(signal, mainProxy, 'forward', ConnectionType.QueuedConnection, ConnectionType.QueuedConnection, true);
  }
}

/** Where a method call's result goes when the caller waits for it (blocking): the platform's sync channel. */
export type BlockingReply = (ok: boolean, value: unknown) => void;

/**
 * The objects living in this worker, by the id the main side gave them (0: the thread object): it builds them,
 * forwards their signals to main, makes here the connections main made between two of them, and runs main's
 * method calls on this thread's event loop, sending each result back to the caller that asked for one.
 */
export class ObjectHost {
  private readonly objects = new Map<number, QObject>();
  private readonly forwards = new Map<string, ForwardConnection>();
  private readonly watchSlots = new Map<string, number>();
  private readonly waitingForObject = new Map<number, WireCall[]>();
  /** Connections between objects living here, made on the main side's request, by the main side's id. */
  private readonly localConnections = new Map<number, Connection>();

  constructor(
    private readonly here: ThreadData,
    private readonly mainProxy: QObject,
    private readonly outbox: Outbox,
    private readonly load: (location: ClassLocation) => Promise<unknown> | unknown,
    private readonly replyBlocking: BlockingReply,
    /** The signals of an object that stay here (QObject's own, and QThread's for the thread object). */
    private readonly ownSignals: (object: QObject, isThread: boolean) => ReadonlySet<Signal<unknown[]>>,
  ) {}

  /** Registers `object` under `objectId` and forwards its signals to the main thread. */
  adopt(objectId: number, object: QObject): void {
    this.objects.set(objectId, object);
    this.forwarded(object, objectId === 0).forEach((signal, index) => {
      const forward = new ForwardConnection(signal, this.mainProxy, objectId, index);
      const key = `${objectId}:${signal.name}`;
      // Object 0's signals are numbered the same way on both sides; others get theirs from "watch" messages.
      forward.flagSlot = objectId === 0 ? ControlWords.FirstFlag + index : (this.watchSlots.get(key) ?? 0);
      this.forwards.set(key, forward);
      attachConnection(signal, forward as unknown as Connection<unknown[]>);
    });
    object.destroyed.connect(() => this.objects.delete(objectId));
  }

  /** The names of the signals of `object` that the main side receives, in the order they are numbered. */
  forwardedNames(object: QObject, isThread: boolean): string[] {
    return this.forwarded(object, isThread).map((s) => s.name);
  }

  private forwarded(object: QObject, isThread: boolean): Signal<unknown[]>[] {
    const own = this.ownSignals(object, isThread);
    return object.signals().filter((s) => !own.has(s));
  }

  /** The main side told which blocking-flag slot counts its blocking connections to a signal. */
  watch(objectId: number, signal: string, slot: number): void {
    const key = `${objectId}:${signal}`;
    this.watchSlots.set(key, slot); // for an object not built yet
    const forward = this.forwards.get(key);
    if (forward) {
      forward.flagSlot = slot;
      forward.flagReadAt = NaN;
    }
  }

  /** Runs one call from the main side: creations at once, method calls on this thread's event loop. */
  async dispatch(call: WireCall): Promise<void> {
    const waiting =
      this.waitingForObject.get(call.objectId) ??
      (call.kind === 'connect' ? this.waitingForObject.get(call.target) : undefined);
    if (waiting && call.kind !== 'create') {
      waiting.push(call);
      return;
    }
    switch (call.kind) {
      case 'create':
        return this.create(call);
      case 'delete':
        return void this.objects.get(call.objectId)?.deleteLater();
      case 'connect':
        return this.connectHere(call);
      case 'disconnect':
        this.localConnections.get(call.connectionId)?.disconnect();
        this.localConnections.delete(call.connectionId);
        return;
      case 'invoke':
        return this.here.loop!.post(this.methodCall(call));
    }
  }

  /** Builds an object of the class `call` names; calls for it that arrive meanwhile wait, then run in order. */
  private async create(call: Extract<WireCall, { kind: 'create' }>): Promise<void> {
    this.waitingForObject.set(call.objectId, []);
    const { exportName, module } = call.location;
    try {
      const exports = await this.load(call.location);
      const cls = (exports as Record<string, unknown> | null)?.[exportName] as
        (new (...args: unknown[]) => QObject) | undefined;
      if (typeof cls !== 'function')
        throw new InvalidArgumentError(`${exportName} is not exported by ${module}. Export the class.`);
      const object = new cls(...call.args);
      this.adopt(call.objectId, object);
      this.outbox.post({ type: 'created', objectId: call.objectId, signals: this.forwardedNames(object, false) });
    } catch (error) {
      this.outbox.post({
        type: 'slot-error',
        error: toWireError(error),
        where: `creating ${exportName} in thread ${this.here.describe()}`,
      });
    }
    const queued = this.waitingForObject.get(call.objectId) ?? [];
    this.waitingForObject.delete(call.objectId);
    for (const next of queued) await this.dispatch(next);
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
    const object = this.objects.get(call.objectId) ?? null;
    const answers = call.wait || call.replyId !== 0;
    const reply = (ok: boolean, value: unknown): void => {
      if (call.wait) return this.replyBlocking(ok, value);
      try {
        this.outbox.post({ type: 'result', replyId: call.replyId, ok, value });
      } catch (error) {
        this.outbox.post({ type: 'result', replyId: call.replyId, ok: false, value: toWireError(error) });
      }
    };
    return {
      receiver: object,
      run: () => {
        let value: unknown;
        try {
          if (!object)
            throw new InvalidArgumentError(
              `No object #${call.objectId} lives in thread ${this.here.describe()} (never created, or destroyed).`,
            );
          const method = (object as unknown as Record<string, unknown>)[call.method];
          if (typeof method !== 'function')
            throw new InvalidArgumentError(`${object.describe()} has no method "${call.method}".`);
          value = (method as (...a: unknown[]) => unknown).apply(object, call.args as unknown[]);
        } catch (error) {
          if (answers) return reply(false, toWireError(error));
          // A queued slot's error goes to the error handler, which reports it to the main thread.
          return reportError(error, {
            where: `slot ${call.method} of ${object?.describe() ?? `object #${call.objectId}`}`,
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
