import { RESOURCES, callName } from '../base/bindings';
import { SDAPIObject } from '../base/sd-api-object';
import type { ResourceModel } from './resource-model';
import { checkIdentifier } from './identifier';
import { packageFacade, type SDPackage } from './sd-package';

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

  /** Deletes it (a folder with its content) and marks the package modified; the package stays modified. */
  delete(): void {
    liveResource(this, 'delete').remove();
  }
}
