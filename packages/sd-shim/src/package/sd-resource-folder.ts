import { SDArray } from '../base/sd-array';
import { requireBoolean } from '../values/check-input';
import type { SDPackage } from './sd-package';
import { containerArg } from './container-arg';
import { uniqueIdentifier } from './identifier';
import { resourceFacade } from './resource-facade';
import { FolderModel, resourcesOf } from './resource-model';
import { SDResource, liveResource } from './sd-resource';

/** A folder of resources in a package (`sd.api.sdresourcefolder.SDResourceFolder`). */
export class SDResourceFolder extends SDResource {
  /** @internal Use {@link SDResourceFolder.sNew}. */
  constructor() {
    super();
  }

  /**
   * Makes an empty folder in `parent` (a package or a folder), identified `New_Folder` (made unique), and
   * marks the package modified.
   */
  static sNew(parent: SDPackage | SDResourceFolder): SDResourceFolder {
    const container = containerArg(parent, 'SDResourceFolder.sNew()');
    const model = new FolderModel(
      uniqueIdentifier(
        'New_Folder',
        container.children.map((r) => r.identifier),
      ),
      container,
    );
    container.children.push(model);
    container.pkg.modified = true;
    return resourceFacade(model) as SDResourceFolder;
  }

  /** The resources inside: the first level, or all levels when `recursive` (a folder, then its content). */
  getChildren(recursive: boolean): SDArray<SDResource> {
    const model = liveResource(this, 'getChildren') as FolderModel;
    return new SDArray(
      resourcesOf(model, requireBoolean('SDResourceFolder.getChildren()', recursive, 'recursive')).map(resourceFacade),
    );
  }
}
