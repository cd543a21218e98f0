import { metadataFacade, type SDMetadataDict } from '../metadata/sd-metadata-dict';
import { PACKAGES } from '../base/bindings';
import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import { requireBoolean, requireString } from '../values/check-input';
import type { PackageModel } from './package-model';
import { resourceFacade } from './resource-facade';
import { resourcesOf } from './resource-model';
import type { SDResource } from './sd-resource';

function live(pkg: SDPackage, method: string): PackageModel {
  return PACKAGES.live(pkg, `SDPackage.${method}()`);
}

/**
 * A package: a `.sbs` file's worth of resources (`sd.api.sdpackage.SDPackage`). Make one with
 * `SDPackageMgr.newUserPackage()` or `loadUserPackage(path)`; after `unloadUserPackage(pkg)` its methods
 * raise `ItemNotFound`.
 */
export class SDPackage extends SDAPIObject {
  /** @internal Packages come from the package manager. */
  constructor() {
    super();
  }

  /** Its metadata dictionary (saved with the package). */
  getMetadataDict(): SDMetadataDict {
    return metadataFacade(live(this, 'getMetadataDict').metadata);
  }

  /** Its resources: the top level, or all levels when `recursive` (a folder, then its content). */
  getChildrenResources(recursive: boolean): SDArray<SDResource> {
    const model = live(this, 'getChildrenResources');
    return new SDArray(
      resourcesOf(model, requireBoolean('SDPackage.getChildrenResources()', recursive, 'isRecursive')).map(
        resourceFacade,
      ),
    );
  }

  /**
   * The resource at `url` in this package, or null: `pkg:///folder0/Graph`, `folder0/Graph` or `Graph`
   * (a path from the top level; a `?dependency=…` suffix is ignored).
   */
  findResourceFromUrl(url: string): SDResource | null {
    const model = live(this, 'findResourceFromUrl').findByUrl(
      requireString('SDPackage.findResourceFromUrl()', url, 'url'),
    );
    return model === null ? null : resourceFacade(model);
  }

  /** The file it was loaded from or last saved to with `savePackageAs`; `''` before that. */
  getFilePath(): string {
    return live(this, 'getFilePath').filePath;
  }

  /** True after a change; false after loading and after `savePackage`/`savePackageAs` (not `saveCopyOfPackageAs`). */
  isModified(): boolean {
    return live(this, 'isModified').modified;
  }

  /** A number unique within the session. */
  getUID(): number {
    return live(this, 'getUID').uid;
  }
}

/** @internal The API object of a package (one per package). */
export function packageFacade(model: PackageModel): SDPackage {
  return PACKAGES.facade(model, () => new SDPackage());
}
