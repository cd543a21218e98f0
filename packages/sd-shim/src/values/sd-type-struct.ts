import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireString } from './check-input';
import { SDType } from './sd-type';
import { STRUCT_TYPES } from './struct-types';

/**
 * A struct type (`sd.api.sdtypestruct.SDTypeStruct`), such as a gradient key:
 * `SDTypeStruct.sNew('sbs::compositing::gradient_key_rgba')`.
 */
export class SDTypeStruct extends SDType {
  /** @internal Use {@link SDTypeStruct.sNew}. */
  constructor(structId: string) {
    super({ kind: 'struct', structId });
  }

  /** The struct type `structId`; raises `ItemNotFound` for a type the mock's library does not know (the message lists them). */
  static sNew(structId: string): SDTypeStruct {
    const call = 'SDTypeStruct.sNew()';
    const id = requireString(call, structId, 'structId');
    if (!STRUCT_TYPES.has(id)) {
      throw new APIException(
        SDApiError.ItemNotFound,
        `${call}: unknown struct type "${id}" (the mock knows: ${[...STRUCT_TYPES.keys()].join(', ')})`,
      );
    }
    return new SDTypeStruct(id);
  }
}
