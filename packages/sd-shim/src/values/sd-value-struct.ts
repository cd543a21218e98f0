import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireString } from './check-input';
import { SDValue, replaceValueData, valueArg, valueData } from './sd-value';
import { typeRefOf, type SDType } from './sd-type';
import { defaultStruct, STRUCT_TYPES } from './struct-types';
import { valueFromData } from './value-factory';
import { describeType, sameType, typeOfData, type ValueData } from './value-data';

type StructData = Extract<ValueData, { kind: 'struct' }>;

/**
 * A struct value (`sd.api.sdvaluestruct.SDValueStruct`): `SDValueStruct.sNew(type)` holds the type's default
 * fields; `setPropertyValueFromId('position', SDValueFloat.sNew(0.5))` sets one. A gradient key is one.
 */
export class SDValueStruct extends SDValue {
  /** @internal Use {@link SDValueStruct.sNew}. */
  constructor(data: StructData) {
    super(data);
  }

  /** A struct of `type` (an `SDTypeStruct`) with its default fields. */
  static sNew(type: SDType): SDValueStruct {
    const call = 'SDValueStruct.sNew()';
    const ref = typeRefOf(type, call);
    if (ref.kind !== 'struct')
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: type must be an SDTypeStruct, got ${describeType(ref)}`,
      );
    return new SDValueStruct(defaultStruct(ref.structId!) as StructData);
  }

  /** A copy of field `id`; raises `ItemNotFound` for a field the struct type does not have. */
  getPropertyValueFromId(id: string): SDValue {
    const data = valueData(this) as StructData;
    return valueFromData(data.fields[field(data, 'SDValueStruct.getPropertyValueFromId()', id)]!);
  }

  /** Sets field `id` to a copy of `value`; raises `ItemNotFound` for an unknown field, `InvalidType` for a value of another type. */
  setPropertyValueFromId(id: string, value: SDValue): void {
    const call = 'SDValueStruct.setPropertyValueFromId()';
    const data = valueData(this) as StructData;
    const name = field(data, call, id);
    const next = valueArg(value, call);
    const expected = typeOfData(data.fields[name]!);
    if (!sameType(expected, typeOfData(next))) {
      throw new APIException(
        SDApiError.InvalidType,
        `${call}: field "${name}" of ${data.structId} is a ${describeType(expected)}, got a ${describeType(typeOfData(next))} value`,
      );
    }
    const fields = Object.assign(Object.create(null) as Record<string, ValueData>, data.fields);
    fields[name] = next;
    replaceValueData(this, { ...data, fields });
  }

  /** The fields, as copies, by id. */
  get(): Readonly<Record<string, SDValue>> {
    const data = valueData(this) as StructData;
    return Object.fromEntries(Object.entries(data.fields).map(([id, v]) => [id, valueFromData(v)]));
  }
}

function field(data: StructData, call: string, id: unknown): string {
  const name = requireString(call, id, 'id');
  const fields = STRUCT_TYPES.get(data.structId) ?? [];
  if (!fields.some((f) => f.id === name)) {
    throw new APIException(
      SDApiError.ItemNotFound,
      `${call}: ${data.structId} has no field "${name}" (it has: ${fields.map((f) => f.id).join(', ')})`,
    );
  }
  return name;
}
