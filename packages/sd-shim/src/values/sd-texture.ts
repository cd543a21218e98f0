import { SDAPIObject } from '../base/sd-api-object';
import { int2 } from '../basetypes/vectors';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { extensionOf, isAbsolutePath } from '../package/file-path';
import { fileSystem } from '../package/file-system';
import { requireString } from './check-input';
import { flatPng } from './png';
import type { ValueData } from './value-data';

type TextureData = Extract<ValueData, { kind: 'texture' }>;

/** The mock renders nothing: every texture it computes is this flat mid-grey, opaque. */
const GREY = 128;

const textures = new WeakMap<SDTexture, TextureData>();

/**
 * A computed image (`sd.api.sdtexture.SDTexture`), what an output's `SDValueTexture` holds after
 * `graph.compute()`. The mock renders nothing: it knows the texture's size, and `save()` writes a real PNG
 * of that size in flat grey.
 */
export class SDTexture extends SDAPIObject {
  /** @internal Textures come from `SDValueTexture.get()`. */
  constructor(data: TextureData) {
    super();
    textures.set(this, data);
  }

  /** Its size in pixels, as an `int2`. */
  getSize(): int2 {
    const { width, height } = textures.get(this)!;
    return new int2(width, height);
  }

  /** Its pixel format (the mock's textures are 8 bits per channel RGBA: 0). */
  getPixelFormat(): number {
    return textures.get(this)!.format;
  }

  /**
   * Writes the texture to `filePath` (absolute, ending in `.png`) through the package file system. Raises
   * `InvalidArgument` for a relative path, `NotSupported` for another image format (the mock writes PNG only),
   * `Undefined` when the file cannot be written.
   */
  save(filePath: string): void {
    const call = 'SDTexture.save()';
    const path = requireString(call, filePath, 'filePath');
    if (!isAbsolutePath(path))
      throw new APIException(SDApiError.InvalidArgument, `${call}: filePath must be absolute, got "${path}"`);
    if (extensionOf(path) !== 'png') {
      throw new APIException(SDApiError.NotSupported, `${call}: the mock writes PNG files only, got "${path}"`);
    }
    const { width, height } = textures.get(this)!;
    const png = flatPng(width, height, [GREY, GREY, GREY, 255]);
    try {
      fileSystem().writeFile(path, png);
    } catch (error) {
      throw new APIException(
        SDApiError.Undefined,
        `${call}: could not write "${path}": ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
