import { PACKAGES } from '../base/bindings';
import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { designer } from '../state/designer-state';
import { requireBoolean, requireString } from '../values/check-input';
import { extensionOf, isAbsolutePath, samePath } from './file-path';
import { fileSystem } from './file-system';
import { PackageFileError, packageText, readPackage } from './package-file';
import type { PackageModel } from './package-model';
import { buildLibraryPackage, libraryPackageAt } from './library-packages';
import { packageFacade, type SDPackage } from './sd-package';

const MGR = 'SDPackageMgr';

function userPackageArg(pkg: unknown, call: string): PackageModel {
  const model = PACKAGES.arg(pkg, call, 'package');
  if (model.system)
    throw new APIException(
      SDApiError.NotSupported,
      `${call}: the ${model.describe()} ships with Designer; only user packages can be saved or unloaded`,
    );
  return model;
}

function absolutePath(path: unknown, call: string, name: string): string {
  const text = requireString(call, path, name);
  if (!isAbsolutePath(text))
    throw new APIException(SDApiError.InvalidArgument, `${call}: ${name} must be an absolute path, got "${text}"`);
  return text;
}

/** Writes `pkg` to `path`, firing the saved callbacks; raises `Undefined` when the file cannot be written. */
function write(pkg: PackageModel, path: string, call: string): void {
  const state = designer();
  if (extensionOf(path) !== 'sbs')
    throw new APIException(SDApiError.InvalidArgument, `${call}: a package file must end in .sbs, got "${path}"`);
  const text = packageText(pkg);
  state.callbacks.fire('BeforeFileSaved', path, pkg.filePath);
  try {
    fileSystem().writeFile(path, text);
  } catch (error) {
    state.callbacks.fire('AfterFileSaved', path, false);
    throw new APIException(
      SDApiError.Undefined,
      `${call}: could not write "${path}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  state.callbacks.fire('AfterFileSaved', path, true);
}

/**
 * The loaded user package at `path`, else that package loaded (with its loaded callbacks): a dependency of a package
 * being loaded (a graph it instantiates).
 */
function dependencyAt(path: string, call: string): PackageModel {
  const state = designer();
  const loaded = state.userPackageAt(path);
  if (loaded !== undefined) return loaded;
  state.callbacks.fire('BeforeFileLoaded', path);
  const pkg = state.newPackage();
  read(pkg, path, call);
  state.userPackages.push(pkg);
  state.callbacks.fire('AfterFileLoaded', path, true, false);
  return pkg;
}

/** Reads the file at `path` into `pkg`; raises `ItemNotFound` (no file) or `InvalidValue` (malformed). */
function read(pkg: PackageModel, path: string, call: string): void {
  const fromLibrary = libraryPackageAt(path);
  if (fromLibrary !== undefined && !fileSystem().exists(path)) {
    buildLibraryPackage(pkg, fromLibrary);
    pkg.filePath = path;
    pkg.modified = false;
    return;
  }
  let content: string;
  try {
    content = fileSystem().readFile(path);
  } catch (error) {
    throw new APIException(
      SDApiError.ItemNotFound,
      `${call}: cannot read "${path}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    readPackage(content, pkg, (dependency) => dependencyAt(dependency, call));
  } catch (error) {
    if (!(error instanceof PackageFileError)) throw error;
    throw new APIException(SDApiError.InvalidValue, `${call}: "${path}" is not a valid package file: ${error.message}`);
  }
  pkg.filePath = path;
  pkg.modified = false;
}

/**
 * The package manager (`sd.api.sdpackagemgr.SDPackageMgr`): makes, loads, saves and unloads user packages.
 * Files are the mock's JSON format (see the README), written with the `.sbs` extension.
 */
export class SDPackageMgr extends SDAPIObject {
  /** @internal Use `getContext().getSDApplication().getPackageMgr()`. */
  constructor() {
    super();
  }

  /** A new, empty user package: `getFilePath()` is `''` and `isModified()` is false. */
  newUserPackage(): SDPackage {
    const state = designer();
    const pkg = state.newPackage();
    state.userPackages.push(pkg);
    return packageFacade(pkg);
  }

  /**
   * Loads the package file at `sdPackageFileAbsPath` (fires the loaded callbacks). If that file is already
   * loaded, returns its package; if that package is modified and `reloadIfModified`, first discards its
   * changes and reloads it from the file (its old resources stop existing). `updatePackages` is accepted and
   * has no effect (the packages a file depends on are always loaded with it). Both default to true, as the in-app
   * API reference gives them.
   *
   * Raises `InvalidArgument` for a relative path, `NotSupported` for an `.sbsar`, `ItemNotFound` for a
   * missing file, `InvalidValue` for a file that is not a valid package.
   */
  loadUserPackage(sdPackageFileAbsPath: string, updatePackages = true, reloadIfModified = true): SDPackage {
    const call = `${MGR}.loadUserPackage()`;
    const path = absolutePath(sdPackageFileAbsPath, call, 'sdPackageFileAbsPath');
    requireBoolean(call, updatePackages, 'updatePackages');
    requireBoolean(call, reloadIfModified, 'reloadIfModified');
    if (extensionOf(path) === 'sbsar')
      throw new APIException(SDApiError.NotSupported, `${call}: the mock cannot load .sbsar archives ("${path}")`);
    const state = designer();
    const loaded = state.userPackageAt(path);
    if (loaded !== undefined && !(loaded.modified && reloadIfModified)) return packageFacade(loaded);
    state.callbacks.fire('BeforeFileLoaded', path);
    const fresh = state.newPackage();
    try {
      read(fresh, path, call);
    } catch (error) {
      state.callbacks.fire('AfterFileLoaded', path, false, false);
      throw error;
    }
    if (loaded === undefined) {
      state.userPackages.push(fresh);
      state.callbacks.fire('AfterFileLoaded', path, true, false);
      return packageFacade(fresh);
    }
    loaded.clear();
    for (const child of fresh.children) {
      child.parent = loaded;
      loaded.children.push(child);
    }
    loaded.modified = false;
    state.callbacks.fire('AfterFileLoaded', path, true, true);
    return packageFacade(loaded);
  }

  /** The loaded user package whose file is `filePath`, or null (plugins use it to ask "already loaded?"). */
  getUserPackageFromFilePath(filePath: string): SDPackage | null {
    const pkg = designer().userPackageAt(requireString(`${MGR}.getUserPackageFromFilePath()`, filePath, 'filePath'));
    return pkg === undefined ? null : packageFacade(pkg);
  }

  /**
   * Unloads `pkg` without saving it (fires the closed callbacks). Its objects stop existing: their methods
   * raise `ItemNotFound`. Raises `NotSupported` for a system package.
   */
  unloadUserPackage(pkg: SDPackage): void {
    const call = `${MGR}.unloadUserPackage()`;
    const model = userPackageArg(pkg, call);
    const state = designer();
    state.callbacks.fire('BeforeFileClosed', model.filePath);
    state.userPackages.splice(state.userPackages.indexOf(model), 1);
    state.ui.closeViewsOf(model);
    model.kill();
    state.callbacks.fire('AfterFileClosed', model.filePath);
  }

  /** Every loaded package: the system packages, then the user packages. */
  getPackages(): SDArray<SDPackage> {
    const state = designer();
    return new SDArray([...state.systemPackages, ...state.userPackages].map(packageFacade));
  }

  /** The user packages, in load or creation order (unsaved ones have the file path `''`). */
  getUserPackages(): SDArray<SDPackage> {
    return new SDArray(designer().userPackages.map(packageFacade));
  }

  /**
   * Saves `pkg` to its file and clears its modified flag. Raises `InvalidArgument` if it has no file path
   * yet (use {@link SDPackageMgr.savePackageAs}), `Undefined` if the file cannot be written.
   */
  savePackage(pkg: SDPackage): void {
    const call = `${MGR}.savePackage()`;
    const model = userPackageArg(pkg, call);
    if (model.filePath === '') {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: the ${model.describe()} has no file path yet; save it once with savePackageAs(pkg, path)`,
      );
    }
    write(model, model.filePath, call);
    model.modified = false;
  }

  /**
   * Saves `pkg` to `fileAbsPath`, which becomes its file path, and clears its modified flag. Raises
   * `InvalidArgument` for a relative path, a path that does not end in `.sbs`, or the file of another loaded package.
   */
  savePackageAs(pkg: SDPackage, fileAbsPath: string): void {
    const call = `${MGR}.savePackageAs()`;
    const model = userPackageArg(pkg, call);
    const path = absolutePath(fileAbsPath, call, 'fileAbsPath');
    const other = designer().userPackageAt(path);
    if (other !== undefined && other !== model) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: "${path}" is the file of another loaded package; unload it first`,
      );
    }
    write(model, path, call);
    model.filePath = path;
    model.modified = false;
  }

  /**
   * Writes a copy of `pkg` to `fileAbsPath`. The package keeps its file path and its modified flag.
   * Raises like {@link SDPackageMgr.savePackageAs}.
   */
  saveCopyOfPackageAs(pkg: SDPackage, fileAbsPath: string): void {
    const call = `${MGR}.saveCopyOfPackageAs()`;
    const model = userPackageArg(pkg, call);
    const path = absolutePath(fileAbsPath, call, 'fileAbsPath');
    const other = designer().userPackageAt(path);
    if (other !== undefined && other !== model) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: "${path}" is the file of another loaded package; unload it first`,
      );
    }
    if (model.filePath !== '' && samePath(model.filePath, path)) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: "${path}" is the package's own file; use savePackage to save it`,
      );
    }
    write(model, path, call);
  }
}
