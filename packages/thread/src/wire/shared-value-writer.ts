// Writes a value in the shared-value format into a private, growing byte array.
import { keyLabel } from './clone-check';
import { ERRORS, hasOwn, kinds, Tag, Unsupported, VIEW_NAMES, VIEWS } from './shared-value-format';

/** Encodes values into a private, growing byte array (copied into shared memory once its length is known). */
export class Writer {
  bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  length = 0;
  /** Objects already written, by their index in writing order (a second sight writes a reference). */
  private readonly refs = new Map<object, number>();

  private room(n: number): number {
    const at = this.length;
    if (at + n > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(this.bytes.length * 2, at + n));
      bytes.set(this.bytes);
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer);
    }
    this.length += n;
    return at;
  }
  private byte(b: number): void {
    const at = this.room(1); // first: room() may replace this.bytes
    this.bytes[at] = b;
  }
  private u32(n: number): void {
    const at = this.room(4);
    this.view.setUint32(at, n, true);
  }
  private f64(n: number): void {
    const at = this.room(8);
    this.view.setFloat64(at, n, true);
  }

  /** Latin-1 strings one byte a character, others as UTF-16 code units (lone surrogates survive). */
  private string(s: string): void {
    let wide = false;
    for (let i = 0; i < s.length && !wide; i++) wide = s.charCodeAt(i) > 0xff;
    this.byte(wide ? Tag.Utf16 : Tag.Latin1);
    this.u32(s.length);
    if (wide) {
      if (this.length & 1) this.byte(0); // aligned, so that the reader can take a Uint16Array
      const at = this.room(s.length * 2);
      for (let i = 0; i < s.length; i++) this.view.setUint16(at + i * 2, s.charCodeAt(i), true);
    } else {
      const at = this.room(s.length);
      for (let i = 0; i < s.length; i++) this.bytes[at + i] = s.charCodeAt(i);
    }
  }

  private bigint(n: bigint): void {
    const negative = n < 0n;
    let magnitude = negative ? -n : n;
    const words: bigint[] = [];
    while (magnitude > 0n) {
      words.push(magnitude & 0xffffffffffffffffn);
      magnitude >>= 64n;
    }
    this.byte(negative ? 1 : 0);
    this.u32(words.length);
    for (const word of words) {
      const at = this.room(8);
      this.view.setBigUint64(at, word, true);
    }
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'undefined':
        return this.byte(Tag.Undefined);
      case 'boolean':
        return this.byte(v ? Tag.True : Tag.False);
      case 'number':
        this.byte(Tag.Number);
        return this.f64(v);
      case 'bigint':
        this.byte(Tag.BigInt);
        return this.bigint(v);
      case 'string':
        return this.string(v);
      case 'object':
        return v === null ? this.byte(Tag.Null) : this.object(v);
      default:
        throw new Unsupported(typeof v === 'function' ? 'a function' : 'a symbol');
    }
  }

  private child(v: unknown, path: string | (() => string)): void {
    try {
      this.value(v);
    } catch (error) {
      if (error instanceof Unsupported) error.path = (typeof path === 'string' ? path : path()) + error.path;
      throw error;
    }
  }

  private object(v: object): void {
    const ref = this.refs.get(v);
    if (ref !== undefined) {
      this.byte(Tag.Ref);
      return this.u32(ref);
    }
    if (kinds.isProxy(v)) throw new Unsupported('a Proxy');
    this.refs.set(v, this.refs.size);
    if (Array.isArray(v)) return this.array(v as unknown[]);
    if (ArrayBuffer.isView(v)) return this.view_(v);
    if (kinds.isArrayBuffer(v)) return this.arrayBuffer(v);
    if (kinds.isDate(v)) {
      this.byte(Tag.Date);
      return this.f64(v.getTime());
    }
    if (kinds.isRegExp(v)) {
      this.byte(Tag.RegExp);
      this.string(v.source);
      return this.string(v.flags);
    }
    if (kinds.isMap(v)) {
      this.byte(Tag.Map);
      const entries = [...(v as Map<unknown, unknown>)];
      this.u32(entries.length);
      for (const [key, item] of entries) {
        this.child(key, '<key>');
        this.child(item, () => `.get(${keyLabel(key)})`);
      }
      return;
    }
    if (kinds.isSet(v)) {
      this.byte(Tag.Set);
      const items = [...(v as Set<unknown>)];
      this.u32(items.length);
      for (const item of items) this.child(item, '<item>');
      return;
    }
    if (kinds.isNativeError(v)) return this.error(v);
    const tag = Object.prototype.toString.call(v);
    if (
      tag === '[object Number]' ||
      tag === '[object String]' ||
      tag === '[object Boolean]' ||
      tag === '[object BigInt]'
    ) {
      this.byte(Tag.Boxed);
      return this.value((v as { valueOf(): unknown }).valueOf());
    }
    if (tag !== '[object Object]' && tag !== '[object Arguments]') {
      const name = (v as { constructor?: { name?: string } }).constructor?.name;
      throw new Unsupported(`a ${name || tag.slice(8, -1)}`);
    }
    const keys = Object.keys(v);
    this.byte(Tag.Object);
    this.u32(keys.length);
    for (const key of keys) {
      this.string(key);
      this.child((v as Record<string, unknown>)[key], `.${key}`);
    }
  }

  private array(v: unknown[]): void {
    const keys = Object.keys(v);
    this.byte(Tag.Array);
    this.u32(v.length);
    const dense = keys.length === v.length;
    this.byte(dense ? 1 : 0);
    if (dense) {
      for (let i = 0; i < v.length; i++) this.child(v[i], `[${i}]`);
      return;
    }
    this.u32(keys.length); // holes are left out; extra keys kept
    for (const key of keys) {
      this.string(key);
      this.child((v as unknown as Record<string, unknown>)[key], `[${key}]`);
    }
  }

  private arrayBuffer(v: ArrayBuffer): void {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(v.slice(0));
    } catch {
      throw new Unsupported('a detached ArrayBuffer (transferred away earlier)');
    }
    const resizable = (v as { resizable?: boolean }).resizable === true;
    this.byte(Tag.ArrayBuffer);
    this.byte(resizable ? 1 : 0);
    this.u32(bytes.length);
    if (resizable) this.u32((v as unknown as { maxByteLength: number }).maxByteLength);
    const at = this.room(bytes.length);
    this.bytes.set(bytes, at);
  }

  private view_(v: ArrayBufferView): void {
    // The tag of a typed array is its kind, whatever its realm or prototype.
    const kind = VIEW_NAMES.indexOf(Object.prototype.toString.call(v).slice(8, -1));
    if (kind < 0) throw new Unsupported(`a ${v.constructor.name}`);
    if (!kinds.isArrayBuffer(v.buffer))
      throw new Unsupported(
        'a view of a SharedArrayBuffer (shared memory cannot travel as bytes: pass the buffer at start())',
      );
    this.byte(Tag.View);
    this.byte(kind);
    this.child(v.buffer, '.buffer');
    this.u32(v.byteOffset);
    this.u32(kind === VIEWS.length - 1 ? v.byteLength : (v as Uint8Array).length);
  }

  /** As the structured clone algorithm: a standard name (else "Error"), an own message, a string stack, an own cause. */
  private error(v: Error): void {
    const name = v.name;
    this.byte(Tag.Error);
    this.byte(
      Math.max(
        0,
        ERRORS.findIndex((ctor) => ctor.name === name),
      ),
    );
    const message = hasOwn(v, 'message') ? String(v.message) : undefined;
    this.byte(message === undefined ? 0 : 1);
    if (message !== undefined) this.string(message);
    const stack = v.stack;
    this.byte(typeof stack === 'string' ? 1 : 0);
    if (typeof stack === 'string') this.string(stack);
    const cause = hasOwn(v, 'cause');
    this.byte(cause ? 1 : 0);
    if (cause) this.child(v.cause, '.cause');
  }
}
