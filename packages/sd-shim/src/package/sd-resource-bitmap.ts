import { BitmapModel } from './resource-model';
import { SDResource, liveResource } from './sd-resource';

/**
 * A bitmap in a package (`sd.api.sdresourcebitmap.SDResourceBitmap`), made with `SDResource.sNewFromFile(parent,
 * path, EmbedMethod.Linked)`. The mock keeps where it came from; it reads no pixels.
 */
export class SDResourceBitmap extends SDResource {
  /** @internal Use `SDResource.sNewFromFile`. */
  constructor() {
    super();
  }

  /** The image file the bitmap was made from. */
  getSourceFilePath(): string {
    return (liveResource(this, 'getSourceFilePath') as BitmapModel).sourcePath;
  }
}
