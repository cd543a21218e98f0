import { SDValue, valueData } from './sd-value';
import { SDTexture } from './sd-texture';
import type { ValueData } from './value-data';

type TextureData = Extract<ValueData, { kind: 'texture' }>;

/** The value of an image output after `graph.compute()` (`sd.api.sdvaluetexture.SDValueTexture`). */
export class SDValueTexture extends SDValue {
  /** @internal Texture values come from `getPropertyValue()` of a computed output. */
  constructor(data: TextureData) {
    super(data);
  }

  /** The texture. */
  get(): SDTexture {
    return new SDTexture(valueData(this) as TextureData);
  }
}
