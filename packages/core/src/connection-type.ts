import { ConnectionTypeError } from './errors';

/**
 * How a slot is called when its signal is emitted, with Qt's names and numeric values.
 *
 * The low bits choose the delivery; {@link ConnectionType.UniqueConnection} and
 * {@link ConnectionType.SingleShotConnection} are flags combined with `|`.
 */
export const ConnectionType = {
  /** Direct when the receiver lives in the emitting thread, otherwise Queued; decided at each emit. */
  AutoConnection: 0,
  /** The slot runs at once, in the emitting thread. */
  DirectConnection: 1,
  /** The slot runs later, in the receiver's thread, when its event loop gets to it. */
  QueuedConnection: 2,
  /** As Queued, and the emitting thread waits until the slot has run. */
  BlockingQueuedConnection: 3,
  /** Flag: refuse the connection if the same signal, receiver and slot are already connected. */
  UniqueConnection: 0x80,
  /** Flag: disconnect after the first call. */
  SingleShotConnection: 0x100,
} as const;

/** One of {@link ConnectionType}'s values, possibly combined with its flags. */
export type ConnectionType = number;

/** The delivery part of a connection type (0 to 3), without the flags. */
export type DeliveryType = 0 | 1 | 2 | 3;

/** The bits of a connection type that choose the delivery (the rest are flags). */
export const DELIVERY_MASK = 0x0f;
const KNOWN_BITS = DELIVERY_MASK | ConnectionType.UniqueConnection | ConnectionType.SingleShotConnection;

const NAMES = ['AutoConnection', 'DirectConnection', 'QueuedConnection', 'BlockingQueuedConnection'] as const;

/** The delivery part of `type`, after checking that `type` is a valid connection type. */
export function deliveryOf(type: ConnectionType, where: string): DeliveryType {
  if (!Number.isInteger(type) || (type & ~KNOWN_BITS) !== 0 || (type & DELIVERY_MASK) > 3) {
    throw new ConnectionTypeError(
      `${where}: ${String(type)} is not a connection type. Use ConnectionType.AutoConnection, DirectConnection, ` +
        `QueuedConnection or BlockingQueuedConnection, optionally | UniqueConnection | SingleShotConnection.`,
    );
  }
  return (type & DELIVERY_MASK) as DeliveryType;
}

/** Qt's name of a connection type, with its flags, for messages: `"QueuedConnection | UniqueConnection"`. */
export function connectionTypeName(type: ConnectionType): string {
  const parts: string[] = [NAMES[type & DELIVERY_MASK] ?? String(type & DELIVERY_MASK)];
  if (type & ConnectionType.UniqueConnection) parts.push('UniqueConnection');
  if (type & ConnectionType.SingleShotConnection) parts.push('SingleShotConnection');
  return parts.join(' | ');
}
