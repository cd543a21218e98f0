import { SDArray } from '../base/sd-array';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireNumber } from './check-input';
import { SDValue, replaceValueData, valueArg, valueData } from './sd-value';
import { typeRefOf, type SDType } from './sd-type';
import { valueFromData } from './value-factory';
import type { ValueData, ValueKind } from './value-data';

type ArrayData = Extract<ValueData, { kind: 'array' }>;

const DEFAULT_ITEMS: Partial<Record<ValueKind, ValueData>> = {
  bool: { kind: 'bool', value: false },
  int: { kind: 'int', value: 0 },
  float: { kind: 'float', value: 0 },
  string: { kind: 'string', value: '' },
  int2: { kind: 'int2', value: [0, 0] },
  int3: { kind: 'int3', value: [0, 0, 0] },
  int4: { kind: 'int4', value: [0, 0, 0, 0] },
  float2: { kind: 'float2', value: [0, 0] },
  float3: { kind: 'float3', value: [0, 0, 0] },
  float4: { kind: 'float4', value: [0, 0, 0, 0] },
  ColorRGBA: { kind: 'ColorRGBA', value: [0, 0, 0, 1] },
  usage: { kind: 'usage', name: '', components: '', colorSpace: '' },
};

/**
 * An array of values of one type: `SDValueArray.sNew(SDTypeUsage.sNew(), 0)`, then `pushBack(value)`.
 * An output node's `usages` annotation holds one.
 */
export class SDValueArray extends SDValue {
  /** @internal Use {@link SDValueArray.sNew}. */
  constructor(data: ArrayData) {
    super(data);
  }

  /**
   * Makes an array of `itemType` holding `size` default items (zeros, `false`, `''`; 0 in Designer's
   * samples). Raises `NotSupported` for a non-zero size of a type without a default (enums, arrays, textures).
   */
  static sNew(itemType: SDType, size: number): SDValueArray {
    const call = 'SDValueArray.sNew()';
    const { kind, structId } = typeRefOf(itemType, call);
    const count = requireNumber(call, size, true, 'size');
    if (count < 0) throw new APIException(SDApiError.InvalidValue, `${call}: size must be 0 or more, got ${count}`);
    const item = DEFAULT_ITEMS[kind];
    if (count > 0 && item === undefined) {
      throw new APIException(
        SDApiError.NotSupported,
        `${call}: items of type ${kind} have no default; make an empty array and pushBack() them`,
      );
    }
    const items = Array.from({ length: count }, () => item!);
    return new SDValueArray(
      structId === undefined
        ? { kind: 'array', itemKind: kind, items }
        : { kind: 'array', itemKind: kind, structId, items },
    );
  }

  /** Appends a copy of `value`; raises `InvalidType` when its type is not the array's item type. */
  pushBack(value: SDValue): void {
    const data = valueData(this) as ArrayData;
    const item = valueArg(value, 'SDValueArray.pushBack()');
    if (item.kind !== data.itemKind || (item.kind === 'struct' && item.structId !== data.structId)) {
      throw new APIException(
        SDApiError.InvalidType,
        `SDValueArray.pushBack(): this array holds ${data.itemKind} items, got a ${item.kind} value`,
      );
    }
    replaceValueData(this, { ...data, items: [...data.items, item] });
  }

  /** The number of items. */
  getSize(): number {
    return (valueData(this) as ArrayData).items.length;
  }

  /** A copy of the item at `index`; raises `InvalidArgument` when out of range. */
  getItem(index: number): SDValue {
    const items = (valueData(this) as ArrayData).items;
    if (!Number.isInteger(index) || index < 0 || index >= items.length) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `SDValueArray.getItem(${String(index)}): index out of range (${items.length} items)`,
      );
    }
    return valueFromData(items[index]!);
  }

  /** The items, as an {@link SDArray} of copies. */
  get(): SDArray<SDValue> {
    return new SDArray((valueData(this) as ArrayData).items.map(valueFromData));
  }
}
