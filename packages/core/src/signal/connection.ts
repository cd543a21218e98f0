import { ConnectionType, connectionTypeName, type DeliveryType } from '../connection-type';
import type { QObject } from '../object/qobject';
import type { Signal } from './signal';

/** A slot: a function, or (for a receiver in another thread) the name of the receiver's method. */
export type Slot<Args extends unknown[]> = ((...args: Args) => unknown) | string;

/**
 * The handle `connect()` returns (Qt's `QMetaObject::Connection`). `connected` tells whether it is live;
 * `disconnect()` removes it; `using conn = signal.connect(...)` disconnects at the end of the scope.
 * A refused connection (a duplicate with UniqueConnection) is returned with `connected === false`.
 */
export class Connection<Args extends unknown[] = unknown[]> {
  /** @internal Cleared when the connection is removed; an emit in progress skips it from then on. */
  alive: boolean;
  /** @internal The delivery part of {@link Connection.type}. */
  readonly delivery: DeliveryType;
  /** @internal True for SingleShotConnection. */
  readonly singleShot: boolean;

  /** @internal Use {@link Signal.connect}. */
  constructor(
    /** The signal this connection listens to. */
    readonly signal: Signal<Args>,
    /** The object whose thread runs the slot, or null for a bare function (it then runs where the sender lives). */
    readonly receiver: QObject | null,
    /** The function called, or the receiver's method name. */
    readonly slot: Slot<Args>,
    /** The connection type it was made with, flags included. */
    readonly type: ConnectionType,
    delivery: DeliveryType,
    live: boolean,
  ) {
    this.delivery = delivery;
    this.singleShot = (type & ConnectionType.SingleShotConnection) !== 0;
    this.alive = live;
  }

  /** True until the connection is disconnected (or if it was refused, never). */
  get connected(): boolean {
    return this.alive;
  }

  /** Removes the connection. Returns true if it was connected. Safe during an emit: that emit skips it. */
  disconnect(): boolean {
    return this.signal.disconnect(this);
  }

  /** Disconnects, for `using`. */
  [Symbol.dispose](): void {
    this.disconnect();
  }

  /** The slot's name for messages: the method name, or the function's name, or `an anonymous slot`. */
  slotName(): string {
    if (typeof this.slot === 'string') return this.slot;
    return this.slot.name ? this.slot.name.replace(/^bound /, '') : 'an anonymous slot';
  }

  /** Describes the connection for messages. */
  toString(): string {
    const receiver = this.receiver ? `${this.receiver.describe()}.` : '';
    return `${this.signal.describe()} -> ${receiver}${this.slotName()} (${connectionTypeName(this.type)})`;
  }
}
