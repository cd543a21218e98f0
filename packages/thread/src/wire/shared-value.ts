// A structured-cloneable value written into shared memory by one thread and read by another, synchronously: what a
// browser worker blocked in Atomics.wait needs (it cannot receive a message; Node has receiveMessageOnPort, browsers
// have nothing like it). The bytes are this module's own format, read only by this module; the result is what
// `structuredClone` makes of the value.
import { SigslotError } from '@sigslot/core';
import { CloneError, ProtocolError } from '../errors';
import { assertCloneableValue } from './clone-check';
import { Unsupported } from './shared-value-format';
import { Reader } from './shared-value-reader';
import { Writer } from './shared-value-writer';

/** A value did not fit the shared region it was written to (and the region could not grow enough). */
export class SharedValueOverflowError extends SigslotError {
  static override readonly className: string = 'SharedValueOverflowError';

  constructor(
    message: string,
    /** The bytes the value needs, its 4-byte length word included. */
    readonly needed: number,
    /** The bytes the region had from the offset on (after growing it as far as it may grow). */
    readonly capacity: number,
  ) {
    super(message);
  }
}

/**
 * Writes `value` into `buffer` at `offset` (a 4-byte length, then the value) and returns the bytes written; the
 * value is read back on any thread with {@link readSharedValue}. A growable buffer is grown as far as its
 * `maxByteLength` when the value needs it.
 *
 * Supported, as `structuredClone` copies them: undefined, null, booleans, numbers (NaN, -0, ±Infinity), bigints,
 * strings (any UTF-16, lone surrogates included), arrays (holes and extra keys kept), plain objects and class
 * instances (own enumerable string keys, an own "__proto__" key kept as a key), Date, RegExp (source and flags),
 * Map, Set, boxed primitives, ArrayBuffer (resizable kept) and every typed array and DataView (views of one
 * buffer still share it), Error (its standard name, message, stack and cause), and cycles and shared references.
 *
 * @throws {@link CloneError} for a value `structuredClone` refuses (a function, a symbol, a Proxy on Node, a
 *   QObject…), naming the path, as the emit checks do; also for a SharedArrayBuffer or a platform object (Blob…),
 *   which `structuredClone` copies but bytes cannot carry.
 * @throws {@link SharedValueOverflowError} when the value needs more than the buffer holds from `offset`.
 */
export function writeSharedValue(buffer: SharedArrayBuffer, offset: number, value: unknown): number {
  const writer = new Writer();
  try {
    writer.value(value);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    assertCloneableValue(value, 'writeSharedValue(): the value'); // a refusal of the platform's, with its path
    const at = error.path ? ` (at ${error.path})` : '';
    throw new CloneError(
      `writeSharedValue(): the value${at} cannot be written to shared memory: it is ${error.what}. Pass plain data, or send it in a message instead of a blocking call.`,
    );
  }
  const needed = 4 + writer.length;
  const growable = buffer as unknown as Growable;
  if (offset + needed > buffer.byteLength && growable.growable && offset + needed <= growable.maxByteLength)
    growable.grow(offset + needed);
  if (offset + needed > buffer.byteLength) {
    const capacity = Math.max(0, (growable.growable ? growable.maxByteLength : buffer.byteLength) - offset);
    throw new SharedValueOverflowError(
      `writeSharedValue(): the value needs ${needed} bytes, but the shared region holds ${capacity} bytes from offset ${offset}. ` +
        `Pass a smaller value, or give the region more room (a growable SharedArrayBuffer with a larger maxByteLength).`,
      needed,
      capacity,
    );
  }
  new DataView(buffer).setUint32(offset, writer.length, true);
  new Uint8Array(buffer, offset + 4, writer.length).set(writer.bytes.subarray(0, writer.length));
  return needed;
}

/**
 * Reads the value {@link writeSharedValue} wrote at `offset` of `buffer` (on this or another thread); the bytes
 * are copied first, so the writer may reuse the region as soon as this returns.
 * @throws {@link ProtocolError} when the region does not hold a value this module wrote (it was cut or forged).
 */
export function readSharedValue(buffer: SharedArrayBuffer, offset: number): unknown {
  const bad = (why: string): ProtocolError =>
    new ProtocolError(
      `readSharedValue(): the shared region at offset ${offset} does not hold a written value: ${why}.`,
    );
  if (offset < 0 || offset + 4 > buffer.byteLength) throw bad('the offset is outside the buffer');
  const length = new DataView(buffer).getUint32(offset, true);
  if (offset + 4 + length > buffer.byteLength) throw bad(`its length (${length} bytes) passes the end of the buffer`);
  const reader = new Reader(new Uint8Array(buffer, offset + 4, length).slice());
  try {
    const value = reader.value();
    if (reader.at !== length) throw new RangeError(`${length - reader.at} bytes are left over`);
    return value;
  } catch (error) {
    throw bad((error as Error).message);
  }
}

/** A growable SharedArrayBuffer (ES2024), as this project's TypeScript library (ES2022) does not declare it. */
interface Growable {
  readonly growable?: boolean;
  readonly maxByteLength: number;
  grow(length: number): void;
}
