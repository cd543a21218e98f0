import type { Model } from '../base/model';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { parameter, type PropertyDef } from '../graph/property-def';
import { SDPropertyCategory } from '../graph/sd-property-category';
import { cloneData, type ValueData } from '../values/value-data';

/** A metadata key must be an XML name (Adobe's tests: `1` and `a a` are refused). */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The metadata of a package, a resource or a graph property: string keys (XML names) with values, in insertion
 * order. Each key has one property object, so that `getPropertyFromId` returns the same one each time.
 */
export class MetadataModel implements Model {
  readonly #entries = new Map<string, { def: PropertyDef; value: ValueData }>();

  constructor(
    private readonly owner: Model,
    /** Marks the owner's package modified. */
    private readonly touch: () => void,
  ) {}

  /** Alive while its owner is. */
  get alive(): boolean {
    return this.owner.alive;
  }

  /** `metadata of package "/a.sbs"`. */
  describe(): string {
    return `metadata of the ${this.owner.describe()}`;
  }

  /** The entries' properties, in insertion order. */
  properties(): PropertyDef[] {
    return [...this.#entries.values()].map((e) => e.def);
  }

  /** The property of key `id`; raises `ItemNotFound` (Adobe's tests: a missing key is an error, not None). */
  property(call: string, id: string): PropertyDef {
    const entry = this.#entries.get(id);
    if (entry === undefined)
      throw new APIException(SDApiError.ItemNotFound, `${call}: the ${this.describe()} has no key "${id}"`);
    return entry.def;
  }

  /** A copy of the value of key `id`; raises `ItemNotFound`. */
  value(call: string, id: string): ValueData {
    this.property(call, id);
    return cloneData(this.#entries.get(id)!.value);
  }

  /** Sets key `id` (made if new) to `value`. Raises `InvalidValue` for a key that is not an XML name. */
  set(call: string, id: string, value: ValueData): void {
    if (!XML_NAME.test(id))
      throw new APIException(SDApiError.InvalidValue, `${call}: "${id}" is not a valid metadata key (an XML name)`);
    const def = this.#entries.get(id)?.def ?? parameter(id, id, value, SDPropertyCategory.Annotation);
    if (def.type.kind !== value.kind) {
      throw new APIException(
        SDApiError.NotSupported,
        `${call}: key "${id}" holds a ${def.type.kind}; delete it before setting a ${value.kind}`,
      );
    }
    this.#entries.set(id, { def, value: cloneData(value) });
    this.touch();
  }

  /** Deletes key `id`; raises `ItemNotFound` when there is none (Adobe's tests: deleting twice). */
  delete(call: string, id: string): void {
    this.property(call, id);
    this.#entries.delete(id);
    this.touch();
  }

  /** The entries, for a package file. */
  entries(): [string, ValueData][] {
    return [...this.#entries].map(([id, e]) => [id, cloneData(e.value)]);
  }
}
