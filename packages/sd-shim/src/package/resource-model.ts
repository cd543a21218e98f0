import type { Model } from '../base/model';
import { MetadataModel } from '../metadata/metadata-model';
import type { PackageModel } from './package-model';
import { uniqueIdentifier } from './identifier';

/** The kinds of resource the mock supports, named after their API classes. */
export type ResourceKind = 'SDResourceFolder' | 'SDSBSCompGraph' | 'SDSBSFunctionGraph' | 'SDResourceBitmap';

/** What holds resources: a package (its top level) or a folder. */
export interface ResourceContainer {
  /** The resources directly inside, in creation order. */
  readonly children: ResourceModel[];
  /** The package it belongs to (itself for a package). */
  readonly pkg: PackageModel;
  /** Its path inside the package: `''` for the package, `folder0` for a folder. */
  containerPath(): string;
}

/** The state of a resource: its identifier, its place in the package, and whether it still exists. */
export abstract class ResourceModel implements Model {
  /** The API class of the resource. */
  abstract readonly kind: ResourceKind;
  /** False once deleted (with `delete()`, its folder's deletion, or its package's unloading). */
  alive = true;
  /** Its metadata (`getMetadataDict`). */
  readonly metadata: MetadataModel = new MetadataModel(this, () => (this.pkg.modified = true));

  constructor(
    /** Unique among its siblings. */
    public identifier: string,
    /** The package or folder that holds it. */
    public parent: ResourceContainer,
  ) {}

  /** The package it belongs to. */
  get pkg(): PackageModel {
    return this.parent.pkg;
  }

  /** Its path inside the package: `folder0/Graph`. */
  path(): string {
    const parentPath = this.parent.containerPath();
    return parentPath === '' ? this.identifier : `${parentPath}/${this.identifier}`;
  }

  /** Its url: `pkg:///folder0/Graph`. */
  url(): string {
    return `pkg:///${this.path()}`;
  }

  /** `SDSBSCompGraph pkg:///Graph`. */
  describe(): string {
    return `${this.kind} ${this.url()}`;
  }

  /** Renames it; a name a sibling has gets a numeric suffix. Marks the package modified. */
  rename(identifier: string): void {
    if (identifier === this.identifier) return;
    this.identifier = uniqueIdentifier(
      identifier,
      this.parent.children.filter((r) => r !== this).map((r) => r.identifier),
    );
    this.pkg.modified = true;
  }

  /** Removes it from its parent and marks it (and what it holds) deleted. Marks the package modified. */
  remove(): void {
    const siblings = this.parent.children;
    siblings.splice(siblings.indexOf(this), 1);
    this.kill();
    this.pkg.modified = true;
  }

  /** Marks it, and what it holds, as no longer existing. */
  kill(): void {
    this.alive = false;
  }
}

/** A folder of resources. */
export class FolderModel extends ResourceModel implements ResourceContainer {
  readonly kind = 'SDResourceFolder';
  /** The resources inside. */
  readonly children: ResourceModel[] = [];

  /** Its path, as a container. */
  containerPath(): string {
    return this.path();
  }

  override kill(): void {
    super.kill();
    for (const child of this.children) child.kill();
  }
}

/** How a bitmap's pixels are kept (`sd.api.sdresource.EmbedMethod`); the numeric values are the mock's. */
export enum EmbedMethod {
  /** The package refers to the file. */
  Linked = 0,
  /** The package holds a copy of the file. */
  BinaryEmbedded = 1,
}

/** A bitmap resource (`SDResource.sNewFromFile`): the file it came from, and how it is kept. */
export class BitmapModel extends ResourceModel {
  readonly kind = 'SDResourceBitmap';

  constructor(
    identifier: string,
    parent: ResourceContainer,
    /** The image file it was made from. */
    readonly sourcePath: string,
    /** Linked or embedded. */
    readonly embed: EmbedMethod,
  ) {
    super(identifier, parent);
  }
}

/** The resources of `container`, all levels when `recursive` (a folder, then what it holds). */
export function resourcesOf(container: ResourceContainer, recursive: boolean): ResourceModel[] {
  const out: ResourceModel[] = [];
  for (const child of container.children) {
    out.push(child);
    if (recursive && child instanceof FolderModel) out.push(...resourcesOf(child, true));
  }
  return out;
}
