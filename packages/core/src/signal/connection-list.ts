import type { QObject } from '../object/qobject';
import { Connection, idOfWord, Word, type Slot } from './connection';
import type { Signal } from './signal';

/**
 * A signal's connections, flat: three slots per connection, in connection order — the slot (or, once boxed, the
 * connection's own object), the receiver or null, and the connection's {@link Word} (type, flags, id). No object
 * per connection: a connection weighs 24 bytes, an event emitter's bare function 8 plus its share of the array
 * (bench group 5a). A list is replaced on every change, never mutated (but for boxing, which changes no
 * meaning), so an emit in progress keeps its snapshot; the signal's current list holds only live connections.
 */
export type ConnectionList = readonly unknown[];

/** Array slots per connection. */
export const STRIDE = 3;

/** The slot of the connection at `i` (an index into the list, a multiple of {@link STRIDE}). */
export function slotAt<Args extends unknown[]>(list: ConnectionList, i: number): Slot<Args> {
  const first = list[i];
  return (list[i + 2] as number) & Word.Boxed ? (first as Connection<Args>).slot : (first as Slot<Args>);
}

/** The receiver of the connection at `i`, or null for a bare function. */
export function receiverAt(list: ConnectionList, i: number): QObject | null {
  return list[i + 1] as QObject | null;
}

/** The word of the connection at `i`. */
export function wordAt(list: ConnectionList, i: number): number {
  return list[i + 2] as number;
}

/** The index of the connection with id `id`, or -1. */
export function indexOfId(list: ConnectionList, id: number): number {
  for (let i = 0; i < list.length; i += STRIDE) if (idOfWord(list[i + 2] as number) === id) return i;
  return -1;
}

/** True while the connection at `i` of `list` (the signal's, or an older snapshot) is connected. */
export function liveAt<Args extends unknown[]>(signal: Signal<Args>, list: ConnectionList, i: number): boolean {
  const word = wordAt(list, i);
  if (word & Word.Boxed) return (list[i] as Connection<Args>).alive;
  return list === signal.entries || indexOfId(signal.entries, idOfWord(word)) >= 0;
}

/** True when a connection of `list` has receiver `receiver`. */
export function hasReceiver(list: ConnectionList, receiver: QObject): boolean {
  for (let i = 1; i < list.length; i += STRIDE) if (list[i] === receiver) return true;
  return false;
}

/** `list` with one more connection (an array of the exact length: a push would leave room for 16 more). */
export function appendEntry(list: ConnectionList, first: unknown, receiver: QObject | null, word: number): unknown[] {
  return list.concat([first, receiver, word]);
}

/** A handle to the connection at `i`, not kept by the list (what `connect()` returns). */
export function handleAt<Args extends unknown[]>(
  signal: Signal<Args>,
  list: ConnectionList,
  i: number,
): Connection<Args> {
  const word = wordAt(list, i);
  const handle = new Connection(signal, receiverAt(list, i), slotAt<Args>(list, i), word & Word.Type, 0, true);
  handle.bindWord(word & ~Word.Boxed);
  return handle;
}

/**
 * The object of the connection at `i` of `list`, one per connection while it lasts, which the signal's list then
 * holds: for what must keep a connection (a posted call, a thread transport that recognizes it later). `list` may be
 * an older snapshot than the signal's: the object then comes from the current list, or, for a connection removed
 * since, is a handle marked removed.
 */
export function boxEntry<Args extends unknown[]>(
  signal: Signal<Args>,
  list: ConnectionList,
  i: number,
): Connection<Args> {
  const word = wordAt(list, i);
  if (word & Word.Boxed) return list[i] as Connection<Args>;
  const current = signal.entries;
  const at = current === list ? i : indexOfId(current, idOfWord(word));
  if (at < 0) {
    const removed = handleAt(signal, list, i);
    removed.markDisconnected();
    return removed;
  }
  if (wordAt(current, at) & Word.Boxed) return current[at] as Connection<Args>;
  const boxed = handleAt(signal, current, at);
  boxed.bindWord(word | Word.Boxed);
  // In place: the same connection, now reached through its object (emits in progress read the slot either way).
  const writable = current as unknown[];
  writable[at] = boxed;
  writable[at + 2] = word | Word.Boxed;
  return boxed;
}

/** The objects of every connection of the signal's current list (see {@link boxEntry}). */
export function boxAll<Args extends unknown[]>(signal: Signal<Args>): Connection<Args>[] {
  const list = signal.entries;
  const boxed: Connection<Args>[] = [];
  for (let i = 0; i < list.length; i += STRIDE) boxed.push(boxEntry(signal, list, i));
  return boxed;
}
