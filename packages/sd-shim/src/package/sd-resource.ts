import { metadataFacade, type SDMetadataDict } from '../metadata/sd-metadata-dict';
import { RESOURCES, callName, resourceFacadeOf } from '../base/bindings';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireString } from '../values/check-input';
import { containerArg } from './container-arg';
import { extensionOf, isAbsolutePath } from './file-path';
import { BitmapModel, EmbedMethod } from './resource-model';
import type { SDResourceFolder } from './sd-resource-folder';
import { SDAPIObject } from '../base/sd-api-object';
import type { ResourceModel } from './resource-model';
import { checkIdentifier, uniqueIdentifier } from './identifier';
import { packageFacade, type SDPackage } from './sd-package';

const BITMAP_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'tga', 'tif', 'tiff', 'exr', 'bmp', 'hdr', 'psd']);

/** @internal The model of a resource facade, checked alive. */
export function liveResource(resource: SDResource, method: string): ResourceModel {
  return RESOURCES.live(resource, callName(resource, method));
}

/**
 * The base of what a package holds (`sd.api.sdresource.SDResource`): graphs and folders. A resource has an
 * identifier, unique among its siblings, and a url `pkg:///folder/identifier`. After `delete()` (or its
 * package's unloading) its methods raise `ItemNotFound`: `resource.getFilePath()` in a try works as the
 * "is it still valid?" probe plugins use.
 */
export abstract class SDResource extends SDAPIObject {
  /** @internal Resources come from `sNew()` and the package's methods. */
  protected constructor() {
    super();
  }

  /** Its identifier. */
  getIdentifier(): string {
    return liveResource(this, 'getIdentifier').identifier;
  }

  /**
   * Renames it and marks the package modified. Raises `InvalidValue` for an invalid identifier; a name a
   * sibling already has gets a numeric suffix (`Graph_1`), so read it back with `getIdentifier()`.
   */
  setIdentifier(identifier: string): void {
    const model = liveResource(this, 'setIdentifier');
    model.rename(checkIdentifier(callName(this, 'setIdentifier'), identifier));
  }

  /** Its metadata dictionary (saved with the package). */
  getMetadataDict(): SDMetadataDict {
    return metadataFacade(liveResource(this, 'getMetadataDict').metadata);
  }

  /** Its url: `pkg:///folder0/Graph`. */
  getUrl(): string {
    return liveResource(this, 'getUrl').url();
  }

  /** The package it belongs to. */
  getPackage(): SDPackage {
    return packageFacade(liveResource(this, 'getPackage').pkg);
  }

  /** The file of its package (`''` while the package was never saved). */
  getFilePath(): string {
    return liveResource(this, 'getFilePath').pkg.filePath;
  }

  /**
   * Makes a resource in `parent` (a package or a folder) from the file at `filePath`: a bitmap for an image
   * (`png`, `jpg`, `jpeg`, `tga`, `tif`, `tiff`, `exr`, `bmp`, `hdr`, `psd`), named after the file, made unique.
   * Marks the package modified. Raises `InvalidArgument` for a relative path or another kind of file, `NotSupported`
   * for an SVG (the mock has no SVG resources).
   */
  static sNewFromFile(parent: SDPackage | SDResourceFolder, filePath: string, embedMethod: EmbedMethod): SDResource {
    const call = 'SDResource.sNewFromFile()';
    const container = containerArg(parent, call);
    const path = requireString(call, filePath, 'filePath');
    if (!isAbsolutePath(path))
      throw new APIException(SDApiError.InvalidArgument, `${call}: filePath must be absolute, got "${path}"`);
    if (embedMethod !== EmbedMethod.Linked && embedMethod !== EmbedMethod.BinaryEmbedded) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: embedMethod must be an EmbedMethod, got ${String(embedMethod)}`,
      );
    }
    const extension = extensionOf(path);
    if (extension === 'svg')
      throw new APIException(SDApiError.NotSupported, `${call}: the mock has no SVG resources ("${path}")`);
    if (!BITMAP_EXTENSIONS.has(extension)) {
      throw new APIException(SDApiError.InvalidArgument, `${call}: "${path}" is not an image file the mock knows`);
    }
    const base = (path.split(/[\\/]/).pop() ?? 'bitmap').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_]/g, '_');
    const identifier = uniqueIdentifier(
      /^[A-Za-z_]/.test(base) ? base : `_${base}`,
      container.children.map((r) => r.identifier),
    );
    const bitmap = new BitmapModel(identifier, container, path, embedMethod);
    container.children.push(bitmap);
    container.pkg.modified = true;
    return resourceFacadeOf(bitmap);
  }

  /** Deletes it (a folder with its content) and marks the package modified; the package stays modified. */
  delete(): void {
    liveResource(this, 'delete').remove();
  }
}
