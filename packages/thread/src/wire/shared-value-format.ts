// The byte format of a shared value (read only by this package's reader): tags, the classes by number, and how
// an object's kind is told.
import { nodeTypes } from '../endpoint/platform';

/** One byte before each value says what follows. */
export enum Tag {
  Undefined,
  Null,
  True,
  False,
  Number,
  BigInt,
  Latin1,
  Utf16,
  Ref,
  Array,
  Object,
  Date,
  RegExp,
  Map,
  Set,
  ArrayBuffer,
  View,
  Error,
  Boxed,
}

/** The view classes, by the number written for them (DataView last). */
export const VIEWS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
] as const;
export const VIEW_NAMES = VIEWS.map((view) => view.name);
export const ERRORS = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError] as const;

/** What kind of built-in an object is: Node's exact checks (any realm, and Proxies), else `instanceof` (this realm). */
interface Kinds {
  isProxy(v: object): boolean;
  isDate(v: object): v is Date;
  isRegExp(v: object): v is RegExp;
  isMap(v: object): v is Map<unknown, unknown>;
  isSet(v: object): v is Set<unknown>;
  isArrayBuffer(v: object): v is ArrayBuffer;
  isNativeError(v: object): v is Error;
}
export const kinds: Kinds = nodeTypes<Kinds>() ?? {
  isProxy: () => false,
  isDate: (v): v is Date => v instanceof Date,
  isRegExp: (v): v is RegExp => v instanceof RegExp,
  isMap: (v): v is Map<unknown, unknown> => v instanceof Map,
  isSet: (v): v is Set<unknown> => v instanceof Set,
  isArrayBuffer: (v): v is ArrayBuffer => v instanceof ArrayBuffer,
  isNativeError: (v): v is Error => v instanceof Error,
};
export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Thrown while writing; carries the path out of the nested calls. */
export class Unsupported extends Error {
  constructor(
    readonly what: string,
    public path = '',
  ) {
    super(what);
  }
}

/** Sets an own data property, "__proto__" included (as a key, never as the prototype). */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
