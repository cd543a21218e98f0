import type { Model } from '../base/model';
import { MetadataModel } from '../metadata/metadata-model';
import { FolderModel, type ResourceContainer, type ResourceModel } from './resource-model';

/** The state of a package: its resources, its file path, and the modified flag. */
export class PackageModel implements Model, ResourceContainer {
  /** False once unloaded (or the Designer state reset). */
  alive = true;
  /** Where it was loaded from or last saved to (`''` until then). */
  filePath = '';
  /** True after a change, false after loading or saving (Designer's rules). */
  modified = false;
  /** Its top-level resources. */
  readonly children: ResourceModel[] = [];
  /** Its metadata (`getMetadataDict`). */
  readonly metadata = new MetadataModel(this, () => (this.modified = true));

  constructor(
    /** A number unique within the Designer session. */
    readonly uid: number,
    /** True for the packages that ship with Designer (not user packages: they cannot be saved or unloaded). */
    readonly system = false,
  ) {}

  /** Itself, as the container of its top-level resources. */
  get pkg(): PackageModel {
    return this;
  }

  /** `''`: the package is the root of resource paths. */
  containerPath(): string {
    return '';
  }

  /** `package "/tmp/a.sbs"` or `unsaved package #3`. */
  describe(): string {
    return this.filePath === '' ? `unsaved package #${this.uid}` : `package "${this.filePath}"`;
  }

  /**
   * The resource at `url`: `pkg:///folder0/Graph`, `folder0/Graph` or `Graph` (a path from the package's
   * top level; a `?dependency=…` suffix is ignored). Null when there is none.
   */
  findByUrl(url: string): ResourceModel | null {
    const path = url.replace(/^pkg:\/\/\//, '').replace(/\?.*$/, '');
    const names = path.split('/');
    let children: readonly ResourceModel[] = this.children;
    let found: ResourceModel | null = null;
    for (let i = 0; i < names.length; i++) {
      found = children.find((r) => r.identifier === names[i]) ?? null;
      if (found === null) return null;
      if (i < names.length - 1) {
        if (!(found instanceof FolderModel)) return null;
        children = found.children;
      }
    }
    return found;
  }

  /** Marks it and its resources as no longer existing. */
  kill(): void {
    this.alive = false;
    for (const child of this.children) child.kill();
  }

  /** Drops its resources (killing them): before a reload from disk. */
  clear(): void {
    for (const child of this.children) child.kill();
    this.children.length = 0;
  }
}
