import {
  SDTypeArray,
  SDTypeBool,
  SDTypeColorRGBA,
  SDTypeEnum,
  SDTypeFloat,
  SDTypeFloat2,
  SDTypeFloat3,
  SDTypeFloat4,
  SDTypeInt,
  SDTypeInt2,
  SDTypeInt3,
  SDTypeInt4,
  SDTypeString,
  SDTypeTexture,
  SDTypeUsage,
  type SDType,
} from './sd-type';
import { SDTypeStruct } from './sd-type-struct';
import { isValueKind, type TypeRef } from './value-data';

/** @internal The {@link SDType} object of a type. */
export function typeFromRef(ref: TypeRef): SDType {
  switch (ref.kind) {
    case 'bool':
      return new SDTypeBool();
    case 'int':
      return new SDTypeInt();
    case 'int2':
      return new SDTypeInt2();
    case 'int3':
      return new SDTypeInt3();
    case 'int4':
      return new SDTypeInt4();
    case 'float':
      return new SDTypeFloat();
    case 'float2':
      return new SDTypeFloat2();
    case 'float3':
      return new SDTypeFloat3();
    case 'float4':
      return new SDTypeFloat4();
    case 'string':
      return new SDTypeString();
    case 'ColorRGBA':
      return new SDTypeColorRGBA();
    case 'usage':
      return new SDTypeUsage();
    case 'texture':
      return new SDTypeTexture();
    case 'enum':
      return new SDTypeEnum(ref.enumId ?? '');
    case 'array':
      return new SDTypeArray(ref.itemKind && isValueKind(ref.itemKind) ? ref.itemKind : 'float', ref.structId);
    case 'struct':
      return new SDTypeStruct(ref.structId ?? '');
  }
}
