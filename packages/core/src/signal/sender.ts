import type { QObject } from '../object/qobject';
import type { Connection } from './connection';
import type { Signal } from './signal';

/**
 * Which connection's slot runs now, for `QObject.sender()` (Qt keeps it per receiver; one slot runs at a time
 * in a JavaScript thread, so one record does). Every call of a receiver's slot sets it and puts the caller's
 * back afterwards; a bare function's call leaves it as it is.
 *
 * `index` is a small integer: NONE, GENERAL (the signal and receiver are in `signal` and `receiver`: activate and
 * invokeSlot set all three),
 * or a slot of {@link senderTable} (a compiled emit sets only the index). An integer is stored without a write
 * barrier, where storing the connection itself costs one: a compiled emit with one receiver slot was a third
 * slower for its two stores (bench group 1).
 */
export const calling = { index: 0, signal: null as Signal<never> | null, receiver: null as QObject | null };

/** `calling.index` when no receiver's slot runs. */
export const NONE = 0;
/** `calling.index` when the running connection is `calling.connection`. */
export const GENERAL = 1;

/** The connections of compiled emits, by index: blocks of {@link SENDER_BLOCK}, held weakly. */
const senderTable: Array<WeakRef<Connection<never>> | undefined> = [];
/** Slots per block: the most slots a compiled emit has. */
export const SENDER_BLOCK = 16;
const freeBlocks: number[] = [];
let nextBlock = SENDER_BLOCK; // indices below the first block are NONE and GENERAL

/**
 * A block is free again once the compiled emit that uses it is garbage (it can run while anything holds it,
 * even after its signal has moved on). Weak entries, so that the table keeps no connection, slot or receiver
 * alive; a running emit holds its connections itself.
 */
const blockRelease = new FinalizationRegistry<number>((base) => {
  senderTable.fill(undefined, base, base + SENDER_BLOCK);
  freeBlocks.push(base);
});

/** Reserves a block for a compiled emit of `connections`; returns its first index. */
export function claimSenderBlock(connections: readonly Connection<never>[]): number {
  const base = freeBlocks.pop() ?? (nextBlock += SENDER_BLOCK) - SENDER_BLOCK;
  connections.forEach((c, i) => {
    if (c.receiver !== null) senderTable[base + i] = new WeakRef(c);
  });
  return base;
}

/** Frees the block when `user` (the compiled emit) is garbage; at once when there is none (compiling failed). */
export function releaseSenderBlock(base: number, user: object | null): void {
  if (user !== null) blockRelease.register(user, base);
  else {
    senderTable.fill(undefined, base, base + SENDER_BLOCK);
    freeBlocks.push(base);
  }
}

/** The object whose signal called `receiver`'s running slot, or null outside such a slot (Qt's `sender()`). */
export function senderOf(receiver: QObject): QObject | null {
  return senderSignalOf(receiver)?.owner ?? null;
}

/** The signal that called `receiver`'s running slot, or null (Qt's `senderSignalIndex()`, by object). */
export function senderSignalOf(receiver: QObject): Signal<never> | null {
  const index = calling.index;
  if (index === GENERAL) return calling.receiver === receiver ? calling.signal : null;
  const c = index === NONE ? undefined : senderTable[index]?.deref();
  return c !== undefined && c.receiver === receiver ? c.signal : null;
}
