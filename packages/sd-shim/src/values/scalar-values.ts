import { requireBoolean, requireNumber, requireString } from './check-input';
import { SDValue, valueData } from './sd-value';
import type { ValueData } from './value-data';

type Data<K extends ValueData['kind']> = Extract<ValueData, { kind: K }>;

/** A boolean value: `SDValueBool.sNew(true)`. */
export class SDValueBool extends SDValue {
  /** @internal Use {@link SDValueBool.sNew}. */
  constructor(data: Data<'bool'>) {
    super(data);
  }
  /** Makes the value. */
  static sNew(value: boolean): SDValueBool {
    return new SDValueBool({ kind: 'bool', value: requireBoolean('SDValueBool.sNew()', value) });
  }
  /** The boolean. */
  get(): boolean {
    return (valueData(this) as Data<'bool'>).value;
  }
}

/** An integer value: `SDValueInt.sNew(3)`. Also accepted by enum properties (it sets the member with that value). */
export class SDValueInt extends SDValue {
  /** @internal Use {@link SDValueInt.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'int' }>) {
    super(data);
  }
  /** Makes the value; raises `InvalidValue` for a number that is not an integer. */
  static sNew(value: number): SDValueInt {
    return new SDValueInt({ kind: 'int', value: requireNumber('SDValueInt.sNew()', value, true) });
  }
  /** The integer. */
  get(): number {
    return (valueData(this) as { value: number }).value;
  }
}

/** A float value: `SDValueFloat.sNew(0.5)`. */
export class SDValueFloat extends SDValue {
  /** @internal Use {@link SDValueFloat.sNew}. */
  constructor(data: Extract<ValueData, { kind: 'float' }>) {
    super(data);
  }
  /** Makes the value. */
  static sNew(value: number): SDValueFloat {
    return new SDValueFloat({ kind: 'float', value: requireNumber('SDValueFloat.sNew()', value, false) });
  }
  /** The float. */
  get(): number {
    return (valueData(this) as { value: number }).value;
  }
}

/** A string value: `SDValueString.sNew('basecolor')`. */
export class SDValueString extends SDValue {
  /** @internal Use {@link SDValueString.sNew}. */
  constructor(data: Data<'string'>) {
    super(data);
  }
  /** Makes the value. */
  static sNew(value: string): SDValueString {
    return new SDValueString({ kind: 'string', value: requireString('SDValueString.sNew()', value) });
  }
  /** The string. */
  get(): string {
    return (valueData(this) as Data<'string'>).value;
  }
}
