import { SDAPIObject } from '../base/sd-api-object';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireString } from './check-input';
import { SDValue, valueData } from './sd-value';
import type { ValueData } from './value-data';

type UsageData = Extract<ValueData, { kind: 'usage' }>;

let usageDataOf: (usage: SDUsage) => UsageData;

/** An output usage (`sd.api.sdusage.SDUsage`): `SDUsage.sNew('baseColor', 'RGBA', 'sRGB')`. */
export class SDUsage extends SDAPIObject {
  readonly #data: UsageData;

  /** @internal Use {@link SDUsage.sNew}. */
  constructor(data: UsageData) {
    super();
    this.#data = data;
  }

  static {
    usageDataOf = (usage) => usage.#data;
  }

  /** Makes a usage: its name (`baseColor`), its components (`RGBA`) and its color space (`sRGB`). */
  static sNew(name: string, components: string, colorSpace: string): SDUsage {
    const call = 'SDUsage.sNew()';
    return new SDUsage({
      kind: 'usage',
      name: requireString(call, name, 'name'),
      components: requireString(call, components, 'components'),
      colorSpace: requireString(call, colorSpace, 'colorSpace'),
    });
  }

  /** The usage's name. */
  getName(): string {
    return this.#data.name;
  }

  /** The components it uses. */
  getComponents(): string {
    return this.#data.components;
  }

  /** Its color space. */
  getColorSpace(): string {
    return this.#data.colorSpace;
  }
}

/** A usage as a value: `SDValueUsage.sNew(SDUsage.sNew('baseColor', 'RGBA', 'sRGB'))`. */
export class SDValueUsage extends SDValue {
  /** @internal Use {@link SDValueUsage.sNew}. */
  constructor(data: UsageData) {
    super(data);
  }

  /** Makes the value. */
  static sNew(usage: SDUsage): SDValueUsage {
    if (!(usage instanceof SDUsage)) {
      throw new APIException(
        SDApiError.InvalidArgument,
        'SDValueUsage.sNew(): usage must be an SDUsage (SDUsage.sNew(name, components, colorSpace))',
      );
    }
    return new SDValueUsage({ ...usageDataOf(usage) });
  }

  /** A new {@link SDUsage} with the usage. */
  get(): SDUsage {
    return new SDUsage({ ...(valueData(this) as UsageData) });
  }
}
