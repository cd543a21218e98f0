import { connectionTypeName, type ConnectionType, type DeliveryType } from '../connection-type';
import type { QObject } from '../object/qobject';
import type { Signal } from './signal';

/** A slot: a function, or (for a receiver in another thread) the name of the receiver's method. */
export type Slot<Args extends unknown[]> = ((...args: Args) => unknown) | string;

/**
 * A connection's word: its type (ConnectionType's bits, which leave bits 2 to 6 free), two flags, and its id, in
 * one small integer (a Smi, even where V8 compresses pointers: the id stays under 2^21). The signal's list keeps
 * one per connection (connection-list.ts); a {@link Connection} object holds a copy.
 */
export const enum Word {
  /** ConnectionType's bits: the delivery, UniqueConnection and SingleShotConnection. */
  Type = 0x183,
  /** The delivery (Auto, Direct, Queued, BlockingQueued): ConnectionType's low bits. */
  Delivery = 0x3,
  SingleShot = 0x100,
  /** Set in a Connection object's copy once the connection is removed. */
  Disconnected = 0x4,
  /** The list holds the Connection object itself (see connection-list.ts's boxEntry). */
  Boxed = 0x8,
  /** The id starts at this bit. */
  IdShift = 9,
  /** The largest id (2^21 - 1); the next one starts again at 1, skipping those still connected. */
  MaxId = 0x1fffff,
}

/** The word of a connection of type `type` with id `id`. */
export function wordOf(type: ConnectionType, id: number): number {
  return (type & Word.Type) | (id << Word.IdShift);
}

/** A word's id (0: none). */
export function idOfWord(word: number): number {
  return word >>> Word.IdShift;
}

/** The name of `slot` for messages: the method name, or the function's name, or `an anonymous slot`. */
export function slotNameOf(slot: Slot<never>): string {
  if (typeof slot === 'string') return slot;
  return slot.name ? slot.name.replace(/^bound /, '') : 'an anonymous slot';
}

/**
 * The handle `connect()` returns (Qt's `QMetaObject::Connection`). `connected` tells whether it is live;
 * `disconnect()` removes it; `using conn = signal.connect(...)` disconnects at the end of the scope.
 * A refused connection (a duplicate with UniqueConnection) is returned with `connected === false`.
 *
 * The signal does not keep this object: its list holds the slot, the receiver and a word with the connection's
 * id (connection-list.ts), and the handle finds its entry there by id. A handle made and dropped is garbage, so
 * a connection weighs three array slots (bench group 5a). The signal makes an object of its own for a
 * connection only when something must keep one: a call posted to another thread, a thread transport.
 */
export class Connection<Args extends unknown[] = unknown[]> {
  /** The signal this connection listens to. */
  readonly signal: Signal<Args>;
  /** The object whose thread runs the slot, or null for a bare function (it then runs where the sender lives). */
  readonly receiver: QObject | null;
  /** The function called, or the receiver's method name. */
  readonly slot: Slot<Args>;
  /** The connection's {@link Word}: type, id, and whether it is removed, or kept by the signal's list. */
  private word: number;

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
    this.word = wordOf(type, 0) | (live ? 0 : Word.Disconnected);
  }

  /** @internal Gives the handle its entry's word (the signal calls it when it lists the connection). */
  bindWord(word: number): void {
    this.word = word;
  }

  /** @internal The id of its entry in the signal's list; 0 for none. */
  get id(): number {
    return idOfWord(this.word);
  }

  /** The connection type it was made with, flags included. */
  get type(): ConnectionType {
    return this.word & Word.Type;
  }

  /** @internal The delivery part of {@link Connection.type}. */
  get delivery(): DeliveryType {
    return (this.word & Word.Delivery) as DeliveryType;
  }

  /** @internal True for SingleShotConnection. */
  get singleShot(): boolean {
    return (this.word & Word.SingleShot) !== 0;
  }

  /** @internal False once the connection is removed; an emit in progress skips it from then on. */
  get alive(): boolean {
    const word = this.word;
    if (word & Word.Disconnected) return false;
    // The list's own object is marked when removed; a handle looks for its entry.
    return (word & Word.Boxed) !== 0 || this.signal.indexOfConnection(this) >= 0;
  }

  /** @internal Marks the connection removed (the signal has already dropped it from its list). */
  markDisconnected(): void {
    this.word |= Word.Disconnected;
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
    return slotNameOf(this.slot);
  }

  /** Describes the connection for messages. */
  toString(): string {
    const receiver = this.receiver ? `${this.receiver.describe()}.` : '';
    return `${this.signal.describe()} -> ${receiver}${this.slotName()} (${connectionTypeName(this.type)})`;
  }
}
