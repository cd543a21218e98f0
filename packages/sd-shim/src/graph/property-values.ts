import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { ENUM_TYPES, enumMemberByValue } from '../values/enum-types';
import { cloneData, describeType, sameType, typeOfData, type ValueData } from '../values/value-data';
import type { PropertyDef } from './property-def';
import { categoryName, type SDPropertyCategory } from './sd-property-category';

/**
 * The values of one node's (or graph's) properties: what was set, falling back to the definition's defaults.
 * Checks every assignment against the property's definition.
 */
export class PropertyValues {
  readonly #set = new Map<PropertyDef, ValueData>();
  /** What the last `compute()` made for outputs (textures); never written to a file. */
  readonly #computed = new Map<PropertyDef, ValueData>();

  constructor(
    /** The properties, all categories (a function: a graph's outputs change with its output nodes). */
    private readonly defs: () => readonly PropertyDef[],
    /** The owner in words, for messages. */
    private readonly owner: () => string,
  ) {}

  /** The properties of `category`, in definition order. */
  of(category: SDPropertyCategory): PropertyDef[] {
    return this.defs().filter((def) => def.category === category);
  }

  /** The property `id` of `category`, or undefined. */
  find(id: string, category: SDPropertyCategory): PropertyDef | undefined {
    return this.defs().find((def) => def.id === id && def.category === category);
  }

  /** True if `def` is one of these properties (the same definition object). */
  has(def: PropertyDef): boolean {
    return this.defs().includes(def);
  }

  /** The property `id` of `category`; raises `ItemNotFound` naming the known ids. */
  require(call: string, id: string, category: SDPropertyCategory): PropertyDef {
    const def = this.find(id, category);
    if (def === undefined) {
      const known = this.of(category).map((d) => d.id);
      throw new APIException(
        SDApiError.ItemNotFound,
        `${call}: the ${this.owner()} has no ${categoryName(category)} property "${id}" (it has: ${known.length ? known.join(', ') : 'none'})`,
      );
    }
    return def;
  }

  /** A copy of the value of `def`: the one set, else the default; null for ports and outputs. */
  get(def: PropertyDef): ValueData | null {
    const value = this.#set.get(def) ?? this.#computed.get(def) ?? def.defaultValue;
    return value === null ? null : cloneData(value);
  }

  /** Stores what `compute()` made for output `def`. */
  setComputed(def: PropertyDef, data: ValueData): void {
    this.#computed.set(def, data);
  }

  /**
   * Sets `def` to `data` after checking it: outputs and image ports are `NotSupported`; a value of another
   * type is `InvalidType`; an enum property also takes an int, which must be one of its members (`InvalidValue`).
   */
  set(call: string, def: PropertyDef, data: ValueData): void {
    this.#set.set(def, this.check(call, def, data));
  }

  /** The values set explicitly, in definition order (what a package file stores). */
  explicit(): [PropertyDef, ValueData][] {
    return this.defs()
      .filter((def) => this.#set.has(def))
      .map((def) => [def, cloneData(this.#set.get(def)!)]);
  }

  private check(call: string, def: PropertyDef, data: ValueData): ValueData {
    const where = `${categoryName(def.category)} property "${def.id}" of the ${this.owner()}`;
    if (def.readOnly || def.defaultValue === null) {
      const why = def.type.kind === 'texture' ? 'is an image port: connect a node to it instead' : 'is read-only';
      throw new APIException(SDApiError.NotSupported, `${call}: ${where} ${why}`);
    }
    if (def.type.kind === 'enum') {
      const enumId = def.type.enumId!;
      if (data.kind === 'enum' && data.enumId !== enumId) {
        throw new APIException(
          SDApiError.InvalidType,
          `${call}: ${where} expects a value of enum ${enumId}, got one of enum ${data.enumId}`,
        );
      }
      if (data.kind === 'enum' || data.kind === 'int') {
        if (enumMemberByValue(enumId, data.value) === undefined) {
          const members = ENUM_TYPES.get(enumId)?.members.map((m) => `${m.value} (${m.id})`) ?? [];
          throw new APIException(
            SDApiError.InvalidValue,
            `${call}: ${data.value} is not a member of enum ${enumId} (members: ${members.join(', ')})`,
          );
        }
        return { kind: 'enum', enumId, value: data.value };
      }
    }
    if (!(def.types ?? [def.type]).some((type) => sameType(type, typeOfData(data)))) {
      throw new APIException(
        SDApiError.InvalidType,
        `${call}: ${where} expects a ${describeType(def.type)} value, got a ${describeType(typeOfData(data))} value`,
      );
    }
    return cloneData(data);
  }
}
