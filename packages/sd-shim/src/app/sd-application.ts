import { SDAPIObject } from '../base/sd-api-object';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { SDPackageMgr } from '../package/sd-package-mgr';
import { designer } from '../state/designer-state';
import { QtForPythonUIMgrWrapper } from '../ui/qt-for-python-ui-mgr';
import { SDUIMgr } from '../ui/sd-ui-mgr';
import type { Callback } from './callback-registry';
import { DESIGNER_PATHS, DESIGNER_VERSION, SDApplicationPath } from './sd-application-path';

const OWNER = 'SDApplication';

let packageMgr: SDPackageMgr | null = null;
let uiMgr: SDUIMgr | null = null;
let qtUiMgr: QtForPythonUIMgrWrapper | null = null;

/**
 * The application (`sd.api.sdapplication.SDApplication`): the managers, the paths and version, and the file
 * callbacks. Callback ids come from one counter shared by every register method (and the UI manager's):
 * 1, 2, 3… `unregisterCallback` with an unknown id raises `APIException(InvalidArgument)`.
 */
export class SDApplication extends SDAPIObject {
  /** @internal Use `getContext().getSDApplication()`. */
  constructor() {
    super();
  }

  /** The package manager. */
  getPackageMgr(): SDPackageMgr {
    return (packageMgr ??= new SDPackageMgr());
  }

  /** The lower-level UI manager. */
  getUIMgr(): SDUIMgr {
    return (uiMgr ??= new SDUIMgr());
  }

  /** The Qt-for-Python UI manager: menus, dock widgets, the current graph. */
  getQtForPythonUIMgr(): QtForPythonUIMgrWrapper {
    return (qtUiMgr ??= new QtForPythonUIMgrWrapper());
  }

  /** The folder `path` names (the mock's fixed strings, not real folders). Raises `InvalidArgument` for an unknown member. */
  getPath(path: SDApplicationPath): string {
    const found = DESIGNER_PATHS[path];
    if (found === undefined)
      throw new APIException(
        SDApiError.InvalidArgument,
        `${OWNER}.getPath(): ${String(path)} is not an SDApplicationPath`,
      );
    return found;
  }

  /** The Designer version the mock imitates. */
  getVersion(): string {
    return DESIGNER_VERSION;
  }

  /** Calls `callback(filePath)` before a package file is loaded; returns the callback id. */
  registerBeforeFileLoadedCallback(callback: Callback<'BeforeFileLoaded'>): number {
    return designer().callbacks.register(
      OWNER,
      'BeforeFileLoaded',
      callback,
      `${OWNER}.registerBeforeFileLoadedCallback()`,
    );
  }

  /** Calls `callback(filePath, succeed, updated)` after a package file was loaded (or failed to be); returns the id. */
  registerAfterFileLoadedCallback(callback: Callback<'AfterFileLoaded'>): number {
    return designer().callbacks.register(
      OWNER,
      'AfterFileLoaded',
      callback,
      `${OWNER}.registerAfterFileLoadedCallback()`,
    );
  }

  /** Calls `callback(filePath, parentPackagePath)` before a package is saved; returns the id. */
  registerBeforeFileSavedCallback(callback: Callback<'BeforeFileSaved'>): number {
    return designer().callbacks.register(
      OWNER,
      'BeforeFileSaved',
      callback,
      `${OWNER}.registerBeforeFileSavedCallback()`,
    );
  }

  /** Calls `callback(filePath, succeed)` after a package was saved (or failed to be); returns the id. */
  registerAfterFileSavedCallback(callback: Callback<'AfterFileSaved'>): number {
    return designer().callbacks.register(
      OWNER,
      'AfterFileSaved',
      callback,
      `${OWNER}.registerAfterFileSavedCallback()`,
    );
  }

  /** Calls `callback(filePath)` before a package is unloaded; returns the id. */
  registerBeforeFileClosedCallback(callback: Callback<'BeforeFileClosed'>): number {
    return designer().callbacks.register(
      OWNER,
      'BeforeFileClosed',
      callback,
      `${OWNER}.registerBeforeFileClosedCallback()`,
    );
  }

  /** Calls `callback(filePath)` after a package was unloaded; returns the id. */
  registerAfterFileClosedCallback(callback: Callback<'AfterFileClosed'>): number {
    return designer().callbacks.register(
      OWNER,
      'AfterFileClosed',
      callback,
      `${OWNER}.registerAfterFileClosedCallback()`,
    );
  }

  /** Unregisters callback `callbackID`; raises `APIException(InvalidArgument)` for an id it does not hold. */
  unregisterCallback(callbackID: number): void {
    designer().callbacks.unregister(OWNER, callbackID, `${OWNER}.unregisterCallback()`);
  }
}
