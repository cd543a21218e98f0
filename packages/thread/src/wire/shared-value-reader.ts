// Reads a value in the shared-value format, bounding every count by the bytes there are (the bytes may be forged).
import { ERRORS, kinds, put, Tag, VIEWS } from './shared-value-format';

/** Decodes what a {@link Writer} wrote, from a private copy of the region; every count is bounded by the bytes. */
export class Reader {
  at = 0;
  private readonly view: DataView;
  private readonly refs: unknown[] = [];

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private take(n: number): number {
    const at = this.at;
    if (n < 0 || at + n > this.bytes.length) throw new RangeError('it ends inside a value');
    this.at += n;
    return at;
  }
  private u8(): number {
    return this.bytes[this.take(1)]!;
  }
  private u32(): number {
    return this.view.getUint32(this.take(4), true);
  }
  private f64(): number {
    return this.view.getFloat64(this.take(8), true);
  }

  private string(): string {
    const tag = this.u8();
    if (tag !== Tag.Latin1 && tag !== Tag.Utf16) throw new RangeError(`a string was expected, found tag ${tag}`);
    return this.text(tag);
  }
  private text(tag: Tag.Latin1 | Tag.Utf16): string {
    const length = this.u32();
    if (tag === Tag.Utf16 && this.at & 1) this.take(1);
    const units =
      tag === Tag.Latin1
        ? this.bytes.subarray(this.take(length), this.at)
        : new Uint16Array(this.bytes.buffer, this.bytes.byteOffset + this.take(length * 2), length);
    let text = '';
    for (let i = 0; i < length; i += 8192)
      text += String.fromCharCode(...(units.subarray(i, i + 8192) as unknown as number[]));
    return text;
  }

  private bigint(): bigint {
    const negative = this.u8() === 1;
    const count = this.u32();
    let n = 0n;
    for (let i = 0; i < count; i++) n |= this.view.getBigUint64(this.take(8), true) << BigInt(64 * i);
    return negative ? -n : n;
  }

  private keep<T>(value: T): T {
    this.refs.push(value);
    return value;
  }

  value(): unknown {
    const tag = this.u8() as Tag;
    switch (tag) {
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.True:
        return true;
      case Tag.False:
        return false;
      case Tag.Number:
        return this.f64();
      case Tag.BigInt:
        return this.bigint();
      case Tag.Latin1:
      case Tag.Utf16:
        return this.text(tag);
      case Tag.Ref: {
        const index = this.u32();
        if (index >= this.refs.length) throw new RangeError(`a reference to object ${index} comes before it`);
        return this.refs[index];
      }
      case Tag.Array:
        return this.array();
      case Tag.Object: {
        const object = this.keep<Record<string, unknown>>({});
        for (let count = this.u32(); count > 0; count--) put(object, this.string(), this.value());
        return object;
      }
      case Tag.Date:
        return this.keep(new Date(this.f64()));
      case Tag.RegExp:
        return this.keep(new RegExp(this.string(), this.string()));
      case Tag.Map: {
        const map = this.keep(new Map<unknown, unknown>());
        for (let count = this.u32(); count > 0; count--) map.set(this.value(), this.value());
        return map;
      }
      case Tag.Set: {
        const set = this.keep(new Set<unknown>());
        for (let count = this.u32(); count > 0; count--) set.add(this.value());
        return set;
      }
      case Tag.ArrayBuffer:
        return this.arrayBuffer();
      case Tag.View:
        return this.view_();
      case Tag.Error:
        return this.error();
      case Tag.Boxed: {
        const index = this.refs.push(undefined) - 1;
        const primitive = this.value();
        if (primitive === null || (typeof primitive === 'object' && primitive !== null))
          throw new RangeError('a boxed primitive holds an object');
        return (this.refs[index] = Object(primitive) as object);
      }
      default:
        throw new RangeError(`unknown tag ${tag as number}`);
    }
  }

  private array(): unknown[] {
    const length = this.u32();
    const array = this.keep<unknown[]>([]);
    if (this.u8() === 1) {
      for (let i = 0; i < length; i++) array.push(this.value());
      return array;
    }
    array.length = length;
    for (let count = this.u32(); count > 0; count--)
      put(array as unknown as Record<string, unknown>, this.string(), this.value());
    return array;
  }

  private arrayBuffer(): ArrayBuffer {
    const resizable = this.u8() === 1;
    const length = this.u32();
    const max = resizable ? this.u32() : length;
    const Buffer = ArrayBuffer as unknown as new (length: number, options?: { maxByteLength: number }) => ArrayBuffer;
    const buffer = this.keep(resizable ? new Buffer(length, { maxByteLength: max }) : new ArrayBuffer(length));
    new Uint8Array(buffer).set(this.bytes.subarray(this.take(length), this.at));
    return buffer;
  }

  private view_(): ArrayBufferView {
    const index = this.refs.push(undefined) - 1;
    const Kind = VIEWS[this.u8()];
    const buffer = this.value() as ArrayBuffer; // checked next
    if (Kind === undefined || typeof buffer !== 'object' || !kinds.isArrayBuffer(buffer))
      throw new RangeError('a malformed view');
    const view = new (Kind as new (buffer: ArrayBuffer, offset: number, length: number) => ArrayBufferView)(
      buffer,
      this.u32(),
      this.u32(),
    );
    return (this.refs[index] = view);
  }

  private error(): Error {
    const Kind = ERRORS[this.u8()];
    if (Kind === undefined) throw new RangeError('a malformed error');
    const message = this.u8() === 1 ? this.string() : undefined;
    const error = this.keep(message === undefined ? new Kind() : new Kind(message));
    const stack = this.u8() === 1 ? this.string() : undefined;
    Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
    if (this.u8() === 1)
      Object.defineProperty(error, 'cause', {
        value: this.value(),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    return error;
  }
}
