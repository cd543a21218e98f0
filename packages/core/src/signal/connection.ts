import { ConnectionType, connectionTypeName, DELIVERY_MASK, type DeliveryType } from '../connection-type';
import type { QObject } from '../object/qobject';
import type { Signal } from './signal';

/** A slot: a function, or (for a receiver in another thread) the name of the receiver's method. */
export type Slot<Args extends unknown[]> = ((...args: Args) => unknown) | string;

/** A bit above every connection type flag: set in `state` once the connection is removed. */
const DISCONNECTED = 0x10000;

/**
 * The handle `connect()` returns (Qt's `QMetaObject::Connection`). `connected` tells whether it is live;
 * `disconnect()` removes it; `using conn = signal.connect(...)` disconnects at the end of the scope.
 * A refused connection (a duplicate with UniqueConnection) is returned with `connected === false`.
 */
export class Connection<Args extends unknown[] = unknown[]> {
  // Four fields and nothing else: a program may hold thousands of connections, and each field costs 8 bytes
  // (bench group 5a). The type, its delivery, the single-shot flag and "disconnected" share one number.
  /** The signal this connection listens to. */
  readonly signal: Signal<Args>;
  /** The object whose thread runs the slot, or null for a bare function (it then runs where the sender lives). */
  readonly receiver: QObject | null;
  /** The function called, or the receiver's method name. */
  readonly slot: Slot<Args>;
  /** The connection type's bits, plus {@link DISCONNECTED} once removed. */
  private state: number;

  /**
   * @hidden Use {@link Signal.connect}. Visible for the connections a thread transport makes itself (a subclass),
   * which it appends with `attachConnection` of `@sigslot/core/kernel`.
   */
  constructor(
    signal: Signal<Args>,
    receiver: QObject | null,
    slot: Slot<Args>,
    type: ConnectionType,
    // Kept for subclasses made elsewhere (the thread package's); it is always `type`'s delivery part.
    _delivery: DeliveryType,
    live: boolean,
  ) {
    this.signal = signal;
    this.receiver = receiver;
    this.slot = slot;
    this.state = live ? type : type | DISCONNECTED;
  }

  /** The connection type it was made with, flags included. */
  get type(): ConnectionType {
    return this.state & ~DISCONNECTED;
  }

  /** @internal The delivery part of {@link Connection.type}. */
  get delivery(): DeliveryType {
    return (this.state & DELIVERY_MASK) as DeliveryType;
  }

  /** @internal True for SingleShotConnection. */
  get singleShot(): boolean {
    return (this.state & ConnectionType.SingleShotConnection) !== 0;
  }

  /** @internal False once the connection is removed; an emit in progress skips it from then on. */
  get alive(): boolean {
    return (this.state & DISCONNECTED) === 0;
  }

  /** @internal Marks the connection removed (the signal has already dropped it from its list). */
  markDisconnected(): void {
    this.state |= DISCONNECTED;
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
