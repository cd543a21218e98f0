import { SDAPIObject } from '../base/sd-api-object';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { TypeRef, ValueKind } from './value-data';

let refOf: (type: SDType) => TypeRef;

/**
 * A property's or a value's type (`sd.api.sdtype.SDType`). `getId()` gives Designer's type id: `float`,
 * `float4`, `ColorRGBA`, `SDTexture`, an enum's id such as `sbs::compositing::blendingmode`…
 */
export abstract class SDType extends SDAPIObject {
  readonly #ref: TypeRef;

  /** @internal Use a subclass's `sNew()`. */
  protected constructor(ref: TypeRef) {
    super();
    this.#ref = ref;
  }

  static {
    refOf = (type) => type.#ref;
  }

  /** Designer's id of the type. */
  getId(): string {
    const ref = this.#ref;
    switch (ref.kind) {
      case 'texture':
        return 'SDTexture';
      case 'usage':
        return 'SDUsage';
      case 'enum':
        return ref.enumId ?? 'enum';
      case 'array':
        return `SDArray<${ref.itemKind === 'usage' ? 'SDUsage' : ref.itemKind === 'struct' ? (ref.structId ?? '?') : (ref.itemKind ?? '?')}>`;
      case 'struct':
        return ref.structId ?? 'struct';
      default:
        return ref.kind;
    }
  }
}

/** A boolean. */
export class SDTypeBool extends SDType {
  /** @internal Use {@link SDTypeBool.sNew}. */
  constructor() {
    super({ kind: 'bool' });
  }
  /** Makes the type. */
  static sNew(): SDTypeBool {
    return new SDTypeBool();
  }
}

/** An integer. */
export class SDTypeInt extends SDType {
  /** @internal Use {@link SDTypeInt.sNew}. */
  constructor() {
    super({ kind: 'int' });
  }
  /** Makes the type. */
  static sNew(): SDTypeInt {
    return new SDTypeInt();
  }
}

/** Two integers (`int2`). */
export class SDTypeInt2 extends SDType {
  /** @internal Use {@link SDTypeInt2.sNew}. */
  constructor() {
    super({ kind: 'int2' });
  }
  /** Makes the type. */
  static sNew(): SDTypeInt2 {
    return new SDTypeInt2();
  }
}

/** Three integers (`int3`). */
export class SDTypeInt3 extends SDType {
  /** @internal Use {@link SDTypeInt3.sNew}. */
  constructor() {
    super({ kind: 'int3' });
  }
  /** Makes the type. */
  static sNew(): SDTypeInt3 {
    return new SDTypeInt3();
  }
}

/** Four integers (`int4`). */
export class SDTypeInt4 extends SDType {
  /** @internal Use {@link SDTypeInt4.sNew}. */
  constructor() {
    super({ kind: 'int4' });
  }
  /** Makes the type. */
  static sNew(): SDTypeInt4 {
    return new SDTypeInt4();
  }
}

/** A float. */
export class SDTypeFloat extends SDType {
  /** @internal Use {@link SDTypeFloat.sNew}. */
  constructor() {
    super({ kind: 'float' });
  }
  /** Makes the type. */
  static sNew(): SDTypeFloat {
    return new SDTypeFloat();
  }
}

/** Two floats (`float2`). */
export class SDTypeFloat2 extends SDType {
  /** @internal Use {@link SDTypeFloat2.sNew}. */
  constructor() {
    super({ kind: 'float2' });
  }
  /** Makes the type. */
  static sNew(): SDTypeFloat2 {
    return new SDTypeFloat2();
  }
}

/** Three floats (`float3`). */
export class SDTypeFloat3 extends SDType {
  /** @internal Use {@link SDTypeFloat3.sNew}. */
  constructor() {
    super({ kind: 'float3' });
  }
  /** Makes the type. */
  static sNew(): SDTypeFloat3 {
    return new SDTypeFloat3();
  }
}

/** Four floats (`float4`). */
export class SDTypeFloat4 extends SDType {
  /** @internal Use {@link SDTypeFloat4.sNew}. */
  constructor() {
    super({ kind: 'float4' });
  }
  /** Makes the type. */
  static sNew(): SDTypeFloat4 {
    return new SDTypeFloat4();
  }
}

/** A string. */
export class SDTypeString extends SDType {
  /** @internal Use {@link SDTypeString.sNew}. */
  constructor() {
    super({ kind: 'string' });
  }
  /** Makes the type. */
  static sNew(): SDTypeString {
    return new SDTypeString();
  }
}

/** A color with alpha (`ColorRGBA`). */
export class SDTypeColorRGBA extends SDType {
  /** @internal Use {@link SDTypeColorRGBA.sNew}. */
  constructor() {
    super({ kind: 'ColorRGBA' });
  }
  /** Makes the type. */
  static sNew(): SDTypeColorRGBA {
    return new SDTypeColorRGBA();
  }
}

/** An output usage (`SDUsage`), the item type of an output node's `usages` annotation. */
export class SDTypeUsage extends SDType {
  /** @internal Use {@link SDTypeUsage.sNew}. */
  constructor() {
    super({ kind: 'usage' });
  }
  /** Makes the type. */
  static sNew(): SDTypeUsage {
    return new SDTypeUsage();
  }
}

/** An image port of a compositing node: connected, never set. */
export class SDTypeTexture extends SDType {
  /** @internal Use {@link SDTypeTexture.sNew}. */
  constructor() {
    super({ kind: 'texture' });
  }
  /** Makes the type. */
  static sNew(): SDTypeTexture {
    return new SDTypeTexture();
  }
}

/** An enum type, identified by its id (`sbs::compositing::format`). */
export class SDTypeEnum extends SDType {
  /** @internal Use {@link SDTypeEnum.sNew}. */
  constructor(enumId: string) {
    super({ kind: 'enum', enumId });
  }
  /** Makes the type of enum `enumId`. */
  static sNew(enumId: string): SDTypeEnum {
    return new SDTypeEnum(enumId);
  }
}

/** An array type (the type of an `SDValueArray`), identified by its items' type. */
export class SDTypeArray extends SDType {
  /** @internal Use {@link SDTypeArray.sNew}. */
  constructor(itemKind: ValueKind, structId?: string) {
    super(structId === undefined ? { kind: 'array', itemKind } : { kind: 'array', itemKind, structId });
  }
  /** Makes the type of arrays of `itemType`. */
  static sNew(itemType: SDType): SDTypeArray {
    const item = typeRefOf(itemType, 'SDTypeArray.sNew()');
    return new SDTypeArray(item.kind, item.structId);
  }
}

/** @internal The type as data; raises `InvalidArgument` when `value` is not an {@link SDType}. */
export function typeRefOf(value: unknown, call: string): TypeRef {
  if (!(value instanceof SDType)) {
    throw new APIException(SDApiError.InvalidArgument, `${call}: expected an SDType (e.g. SDTypeFloat.sNew())`);
  }
  return refOf(value);
}
