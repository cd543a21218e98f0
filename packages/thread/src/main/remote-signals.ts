import {
  ConnectionType,
  InvalidArgumentError,
  reportError,
  type Connection,
  type QObject,
  type Signal,
} from '@sigslot/core';
import { connectionDelivery, signalConnections, watchSignalRouting } from '@sigslot/core/kernel';
import type { RemoteObjectHandle } from './remote-object';
import { ControlWords, type WireCall } from '../wire/protocol';
import { RoutingHistory } from './routing-history';
import { nextRouting } from '../wire/blocking';

/** What the signal table needs from the thread it serves. */
export interface RemoteSignalsOwner {
  /** Control words shared with the worker (routing version, blocking flags). */
  readonly control: Int32Array;
  /** The id of `receiver` when it is a handle of an object living in the worker, else null. */
  objectLivingThere(receiver: QObject | null): number | null;
  /** Queues a call for the worker. */
  send(call: WireCall): void;
  /** Tells a running worker which blocking-flag slot counts a signal's blocking connections. */
  watch(objectId: number, signal: string, slot: number): void;
  /** Reports a message that names a signal the worker never declared. */
  protocolError(problem: string): void;
  /** The thread, for messages. */
  describe(): string;
}

/**
 * The main side's view of the signals a worker emits: for each object living there (0: the thread object), its
 * signals on this side in the worker's numbering; for each signal, its connections by routing version (see
 * {@link RoutingHistory}), the blocking-flag slot the worker reads (again whenever `Wake` changed), and the connections between two
 * objects of that worker, which are made there too (mirrored) so that Qt's routing between them runs there.
 */
export class RemoteSignals {
  /** objectId → signal index → the main-side signal that delivers it (null: not declared on this side). */
  private readonly tables = new Map<number, ReadonlyArray<Signal<unknown[]> | null>>();
  /** objectId → main-side signals the worker emits (object 0: the thread's own; others: their handles'). */
  private readonly byObject = new Map<number, Signal<unknown[]>[]>();
  private readonly routing = new Map<Signal<unknown[]>, RoutingHistory>();
  /** Per signal emitted in the worker, its connections to objects living there, with their ids. */
  private readonly mirrored = new Map<Signal<unknown[]>, Map<Connection, number>>();
  private nextConnectionId = 1;
  /** Blocking-flag slots assigned so far: [objectId, signal name, slot], for the worker's init. */
  readonly watches: Array<[number, string, number]> = [];
  private nextFlag: number = ControlWords.FirstFlag + 512;
  /** Unknown signals already reported (once each, not once per emit). */
  private readonly rejected = new Set<string>();

  constructor(private readonly owner: RemoteSignalsOwner) {}

  /** A new run: the worker announces its objects' signals again. */
  reset(): void {
    this.tables.clear();
  }

  /** The names of object `objectId`'s signals this side has. */
  names(objectId: number): Set<string> {
    return new Set(this.byObject.get(objectId)?.map((signal) => signal.name));
  }

  /**
   * Registers `signal`, which the worker emits for object `objectId`: from now on every change of its connections
   * (or of its owner's blocked state) is a new routing version, mirrored to the worker where both ends live there.
   * `flagSlot` is the blocking-flag slot when both sides number it the same way (the thread's own signals).
   */
  register(objectId: number, signal: Signal<unknown[]>, flagSlot?: number): void {
    let list = this.byObject.get(objectId);
    if (!list) this.byObject.set(objectId, (list = []));
    list.push(signal);
    const { control } = this.owner;
    const routedTo = (s: Signal<unknown[]>): readonly Connection[] | null =>
      s.owner?.signalsBlocked() ? null : (signalConnections(s) as unknown as readonly Connection[]);
    const history = new RoutingHistory(Atomics.load(control, ControlWords.Routing), routedTo(signal) ?? []);
    this.routing.set(signal, history);
    let slot = flagSlot;
    const watcher = (s: Signal<unknown[]>): void => {
      this.mirror(objectId, s);
      try {
        // Blocking connections here make the worker wait for this thread; mirrored ones run there and need no wait.
        const blocking = signalConnections(s).filter(
          (c) =>
            connectionDelivery(c) === ConnectionType.BlockingQueuedConnection &&
            !this.runsThere(c as unknown as Connection),
        ).length;
        if (blocking > 0 && slot === undefined) {
          if (this.nextFlag >= ControlWords.Size)
            throw new InvalidArgumentError(
              `${s.describe()}: too many signals with blocking connections on one thread.`,
            );
          slot = this.nextFlag++;
          this.watches.push([objectId, s.name, slot]);
          this.owner.watch(objectId, s.name, slot);
        }
        if (slot !== undefined) Atomics.store(control, slot, blocking);
      } finally {
        // A new routing version, after the flag (the worker reads flags again once the version changed): the
        // worker's emits from now on are delivered to what `s` reaches now.
        history.record(nextRouting(control), routedTo(s));
      }
    };
    watchSignalRouting(signal, watcher);
    watcher(signal);
  }

  /**
   * Keeps the worker's copies of `signal`'s connections to objects living in that same worker: made there as
   * made here, removed there as removed here, so that Qt's routing between two objects of one thread (Auto and
   * Direct run during the emit, Queued on that thread's loop) happens in that thread.
   */
  mirror(objectId: number, signal: Signal<unknown[]>): void {
    let mirrored = this.mirrored.get(signal);
    for (const c of signalConnections(signal)) {
      const target = this.owner.objectLivingThere(c.receiver);
      if (target === null || mirrored?.has(c as unknown as Connection)) continue;
      if (!mirrored) this.mirrored.set(signal, (mirrored = new Map()));
      const connectionId = this.nextConnectionId++;
      mirrored.set(c as unknown as Connection, connectionId);
      const method = c.slot as string;
      this.owner.send({ kind: 'connect', objectId, signal: signal.name, target, method, type: c.type, connectionId });
    }
    if (!mirrored) return;
    for (const [c, connectionId] of mirrored) {
      if (c.connected) continue;
      mirrored.delete(c);
      this.owner.send({ kind: 'disconnect', objectId, connectionId });
    }
  }

  /** True when `connection` joins two objects of the worker and was made there too: it ran there. */
  readonly runsThere = (connection: Connection): boolean =>
    this.mirrored.get(connection.signal as Signal<unknown[]>)?.has(connection) ?? false;

  /**
   * An object the worker created announces its signals: its handle gets them. A name that is also a member of the
   * handle cannot be shown there: it is reported once, and its emits are dropped quietly.
   */
  announceObject(handle: RemoteObjectHandle, objectId: number, names: readonly string[]): void {
    const known = this.names(objectId);
    for (const [index, name] of names.entries()) {
      if (known.has(name)) continue;
      if (name in handle) {
        this.silence(objectId, index);
        reportError(
          new InvalidArgumentError(
            `${handle.describe()} declares a signal "${name}", which is also the name of a member of its handle ` +
              `on the main thread (${name}), so the handle cannot show it. Rename the signal.`,
          ),
          { where: `creating ${handle.describe()}`, thread: this.owner.describe() },
        );
        continue;
      }
      handle.remoteSignal(name);
    }
    this.announce(objectId, names);
  }

  /** Maps the worker's signal list for an object onto this side's signals; undeclared names map to null. */
  announce(objectId: number, names: readonly string[]): void {
    const signals = this.byObject.get(objectId) ?? [];
    this.tables.set(
      objectId,
      names.map((name) => signals.find((signal) => signal.name === name) ?? null),
    );
  }

  /** Drops the emits of signal `index` of object `objectId` without a report (it was reported already). */
  silence(objectId: number, index: number): void {
    this.rejected.add(`${objectId}:${index}`);
  }

  /** The main-side signal for signal `index` of object `objectId`, or null (reported once) if never declared. */
  lookup(objectId: number, index: number): Signal<unknown[]> | null {
    const signal = this.tables.get(objectId)?.[index];
    if (signal) return signal;
    const key = `${objectId}:${index}`;
    if (!this.rejected.has(key)) {
      this.rejected.add(key);
      this.owner.protocolError(`an emit of signal #${index} of object #${objectId}, which this thread never declared`);
    }
    return null;
  }

  /** The connections `signal` had here when the worker emitted it at `version`. */
  routedAt(signal: Signal<unknown[]>, version: number): readonly Connection[] {
    return this.routing.get(signal)?.at(version) ?? [];
  }
}
