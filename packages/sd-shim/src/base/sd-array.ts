import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { SDAPIObject } from './sd-api-object';

/**
 * A read-only list returned by the API (`sd.api.sdarray.SDArray`): `getSize()` (or `length`, Python's `len()`),
 * `getItem(i)`, and `for (const item of array)`. It is a snapshot: later changes to the graph or package do not
 * change it. Unlike Python's empty list, an empty `SDArray` is truthy: test `array.length === 0`, never `!array`.
 */
export class SDArray<T> extends SDAPIObject {
  readonly #items: readonly T[];

  /** @internal Arrays come from the API. */
  constructor(items: readonly T[]) {
    super();
    this.#items = [...items];
  }

  /** The number of items. */
  getSize(): number {
    return this.#items.length;
  }

  /** The number of items (Python's `len(array)`). */
  get length(): number {
    return this.#items.length;
  }

  /** The item at `index` (0-based); raises `InvalidArgument` when out of range, as Python would raise IndexError. */
  getItem(index: number): T {
    if (!Number.isInteger(index) || index < 0 || index >= this.#items.length) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `SDArray.getItem(${String(index)}): index out of range (the array has ${this.#items.length} item${this.#items.length === 1 ? '' : 's'})`,
      );
    }
    return this.#items[index]!;
  }

  /** Iterates the items (Python's `for item in array`); checks the thread once, when the loop starts. */
  [Symbol.iterator](): Iterator<T> {
    return this.#items[Symbol.iterator]();
  }
}
