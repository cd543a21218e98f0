import { SDAPIObject } from '../base/sd-api-object';
import { describeValue } from '../base/binding';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { SDType } from './sd-type';
import { typeFromRef } from './type-factory';
import { cloneData, typeOfData, type ValueData } from './value-data';

let dataOf: (value: SDValue) => ValueData;
let setDataOf: (value: SDValue, data: ValueData) => void;

/**
 * The base of Designer's values (`sd.api.sdvalue.SDValue`): what properties hold. Make one with a concrete
 * class's `sNew()` (`SDValueFloat.sNew(0.5)`) and unwrap it with `get()`. Values are copied when stored and
 * when read, so changing one never changes a property behind your back.
 */
export abstract class SDValue extends SDAPIObject {
  #data: ValueData;

  /** @internal Use a concrete class's `sNew()`. */
  protected constructor(data: ValueData) {
    super();
    this.#data = data;
  }

  static {
    dataOf = (value) => value.#data;
    setDataOf = (value, data) => {
      value.#data = data;
    };
  }

  /** The payload: a number, a boolean, a string, a `float2`…, a `ColorRGBA`, an `SDUsage` or an `SDArray`. */
  abstract get(): unknown;

  /** The value's type. */
  getType(): SDType {
    return typeFromRef(typeOfData(this.#data));
  }
}

/** @internal The data of a value (not copied: do not mutate). */
export function valueData(value: SDValue): ValueData {
  return dataOf(value);
}

/** @internal Replaces the data of a value (for `SDValueArray.pushBack`). */
export function replaceValueData(value: SDValue, data: ValueData): void {
  setDataOf(value, data);
}

/** @internal A copy of the data of the argument `name` of `call`; raises `InvalidArgument` unless it is an {@link SDValue}. */
export function valueArg(value: unknown, call: string, name = 'value'): ValueData {
  if (!(value instanceof SDValue)) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: ${name} must be an SDValue (e.g. SDValueFloat.sNew(0.5)), got ${describeValue(value)}`,
    );
  }
  return cloneData(dataOf(value));
}
