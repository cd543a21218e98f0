import { cloneData, type ValueData } from './value-data';
import type { SDValue } from './sd-value';
import { SDValueBool, SDValueFloat, SDValueInt, SDValueString } from './scalar-values';
import {
  SDValueColorRGBA,
  SDValueFloat2,
  SDValueFloat3,
  SDValueFloat4,
  SDValueInt2,
  SDValueInt3,
  SDValueInt4,
} from './vector-values';
import { SDValueEnum } from './sd-value-enum';
import { SDValueUsage } from './sd-usage';
import { SDValueArray } from './sd-value-array';
import { SDValueStruct } from './sd-value-struct';
import { SDValueTexture } from './sd-value-texture';

/** @internal A new {@link SDValue} of the right class holding a copy of `data`. */
export function valueFromData(data: ValueData): SDValue {
  const copy = cloneData(data);
  switch (copy.kind) {
    case 'bool':
      return new SDValueBool(copy);
    case 'int':
      return new SDValueInt({ kind: 'int', value: copy.value });
    case 'float':
      return new SDValueFloat({ kind: 'float', value: copy.value });
    case 'string':
      return new SDValueString(copy);
    case 'int2':
      return new SDValueInt2({ kind: 'int2', value: copy.value });
    case 'int3':
      return new SDValueInt3({ kind: 'int3', value: copy.value });
    case 'int4':
      return new SDValueInt4({ kind: 'int4', value: copy.value });
    case 'float2':
      return new SDValueFloat2({ kind: 'float2', value: copy.value });
    case 'float3':
      return new SDValueFloat3({ kind: 'float3', value: copy.value });
    case 'float4':
      return new SDValueFloat4({ kind: 'float4', value: copy.value });
    case 'ColorRGBA':
      return new SDValueColorRGBA({ kind: 'ColorRGBA', value: copy.value });
    case 'enum':
      return new SDValueEnum(copy);
    case 'usage':
      return new SDValueUsage(copy);
    case 'array':
      return new SDValueArray(copy);
    case 'struct':
      return new SDValueStruct(copy);
    case 'texture':
      return new SDValueTexture(copy);
  }
}
