import { ColorRGBA } from '../basetypes/color-rgba';
import { float2, float3, float4, int2, int3, int4 } from '../basetypes/vectors';
import { requireComponents } from './check-input';
import { SDValue, valueData } from './sd-value';
import type { ValueData } from './value-data';

function components(value: SDValue): readonly number[] {
  return (valueData(value) as { value: readonly number[] }).value;
}

/** Two floats: `SDValueFloat2.sNew(float2(0.5, 1))`. */
export class SDValueFloat2 extends SDValue {
  /** @internal Use {@link SDValueFloat2.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'float2' }>) {
    super(data);
  }
  /** Makes the value from a `float2` (or any object with numeric x, y). */
  static sNew(value: float2): SDValueFloat2 {
    return new SDValueFloat2({
      kind: 'float2',
      value: requireComponents('SDValueFloat2.sNew()', value, ['x', 'y'], false, 'value'),
    });
  }
  /** A new `float2` with the components. */
  get(): float2 {
    const c = components(this);
    return new float2(c[0], c[1]);
  }
}

/** Three floats: `SDValueFloat3.sNew(float3(1, 0, 0))`. */
export class SDValueFloat3 extends SDValue {
  /** @internal Use {@link SDValueFloat3.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'float3' }>) {
    super(data);
  }
  /** Makes the value from a `float3` (or any object with numeric x, y, z). */
  static sNew(value: float3): SDValueFloat3 {
    return new SDValueFloat3({
      kind: 'float3',
      value: requireComponents('SDValueFloat3.sNew()', value, ['x', 'y', 'z'], false, 'value'),
    });
  }
  /** A new `float3` with the components. */
  get(): float3 {
    const c = components(this);
    return new float3(c[0], c[1], c[2]);
  }
}

/** Four floats: `SDValueFloat4.sNew(float4(0, 1, 0, 1))`. */
export class SDValueFloat4 extends SDValue {
  /** @internal Use {@link SDValueFloat4.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'float4' }>) {
    super(data);
  }
  /** Makes the value from a `float4` (or any object with numeric x, y, z, w). */
  static sNew(value: float4): SDValueFloat4 {
    return new SDValueFloat4({
      kind: 'float4',
      value: requireComponents('SDValueFloat4.sNew()', value, ['x', 'y', 'z', 'w'], false, 'value'),
    });
  }
  /** A new `float4` with the components. */
  get(): float4 {
    const c = components(this);
    return new float4(c[0], c[1], c[2], c[3]);
  }
}

/** Two integers: `SDValueInt2.sNew(int2(9, 9))` (a 512×512 `$outputsize`). */
export class SDValueInt2 extends SDValue {
  /** @internal Use {@link SDValueInt2.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'int2' }>) {
    super(data);
  }
  /** Makes the value from a `int2` (or any object with numeric x, y integers). */
  static sNew(value: int2): SDValueInt2 {
    return new SDValueInt2({
      kind: 'int2',
      value: requireComponents('SDValueInt2.sNew()', value, ['x', 'y'], true, 'value'),
    });
  }
  /** A new `int2` with the components. */
  get(): int2 {
    const c = components(this);
    return new int2(c[0], c[1]);
  }
}

/** Three integers. */
export class SDValueInt3 extends SDValue {
  /** @internal Use {@link SDValueInt3.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'int3' }>) {
    super(data);
  }
  /** Makes the value from a `int3` (or any object with numeric x, y, z integers). */
  static sNew(value: int3): SDValueInt3 {
    return new SDValueInt3({
      kind: 'int3',
      value: requireComponents('SDValueInt3.sNew()', value, ['x', 'y', 'z'], true, 'value'),
    });
  }
  /** A new `int3` with the components. */
  get(): int3 {
    const c = components(this);
    return new int3(c[0], c[1], c[2]);
  }
}

/** Four integers. */
export class SDValueInt4 extends SDValue {
  /** @internal Use {@link SDValueInt4.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'int4' }>) {
    super(data);
  }
  /** Makes the value from a `int4` (or any object with numeric x, y, z, w integers). */
  static sNew(value: int4): SDValueInt4 {
    return new SDValueInt4({
      kind: 'int4',
      value: requireComponents('SDValueInt4.sNew()', value, ['x', 'y', 'z', 'w'], true, 'value'),
    });
  }
  /** A new `int4` with the components. */
  get(): int4 {
    const c = components(this);
    return new int4(c[0], c[1], c[2], c[3]);
  }
}

/** A color: `SDValueColorRGBA.sNew(ColorRGBA(1, 0, 0, 1))`. */
export class SDValueColorRGBA extends SDValue {
  /** @internal Use {@link SDValueColorRGBA.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'ColorRGBA' }>) {
    super(data);
  }
  /** Makes the value from a `ColorRGBA` (or any object with numeric r, g, b, a). */
  static sNew(value: ColorRGBA): SDValueColorRGBA {
    return new SDValueColorRGBA({
      kind: 'ColorRGBA',
      value: requireComponents('SDValueColorRGBA.sNew()', value, ['r', 'g', 'b', 'a'], false, 'value'),
    });
  }
  /** A new `ColorRGBA` with the components. */
  get(): ColorRGBA {
    const c = components(this);
    return new ColorRGBA(c[0], c[1], c[2], c[3]);
  }
}
