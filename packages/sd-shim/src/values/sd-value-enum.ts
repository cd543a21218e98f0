import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireString } from './check-input';
import { ENUM_TYPES } from './enum-types';
import { SDValue, valueData } from './sd-value';
import type { ValueData } from './value-data';

type EnumData = Extract<ValueData, { kind: 'enum' }>;

/**
 * A member of an enum type: `SDValueEnum.sFromValueId('sbs::compositing::format', 'hdr_high_precision')`.
 * `get()` returns the member's integer.
 */
export class SDValueEnum extends SDValue {
  /** @internal Use {@link SDValueEnum.sFromValueId}. */
  constructor(data: EnumData) {
    super(data);
  }

  /**
   * The member `valueId` of enum type `enumId`. Raises `ItemNotFound` for an unknown enum type or member
   * (the message lists the known ones).
   */
  static sFromValueId(enumId: string, valueId: string): SDValueEnum {
    const call = 'SDValueEnum.sFromValueId()';
    requireString(call, enumId, 'enumId');
    requireString(call, valueId, 'valueId');
    const type = ENUM_TYPES.get(enumId);
    if (!type) {
      throw new APIException(
        SDApiError.ItemNotFound,
        `${call}: unknown enum type "${enumId}" (known: ${[...ENUM_TYPES.keys()].join(', ')})`,
      );
    }
    const member = type.members.find((m) => m.id === valueId);
    if (!member) {
      throw new APIException(
        SDApiError.ItemNotFound,
        `${call}: enum "${enumId}" has no member "${valueId}" (members: ${type.members.map((m) => m.id).join(', ')})`,
      );
    }
    return new SDValueEnum({ kind: 'enum', enumId, value: member.value });
  }

  /** The member's integer value. */
  get(): number {
    return (valueData(this) as EnumData).value;
  }

  /** The member's id (`hdr_high_precision`), or `''` if the integer matches no member. */
  getValueId(): string {
    const data = valueData(this) as EnumData;
    return ENUM_TYPES.get(data.enumId)?.members.find((m) => m.value === data.value)?.id ?? '';
  }
}
