import { PACKAGES } from '../base/bindings';
import { packageDocument, type PackageDocument } from '../package/package-document';
import { MemoryFileSystem, setFileSystem, type SbsFileSystem } from '../package/file-system';
import type { SDPackage } from '../package/sd-package';
import { uiDriver } from '../ui/ui-driver';
import { designer, resetDesignerState } from './designer-state';

/**
 * Forgets everything the mock Designer holds: packages (their objects then raise `ItemNotFound`),
 * callbacks, menus and dock widgets (their methods then raise), graph views and selections; and restarts
 * the id counters (callback ids from 1, node ids from `"1000000001"`). Call it in `beforeEach`. It does not
 * touch the affinity record: call `affinity.clear()` for that.
 */
export function resetDesigner(): void {
  resetDesignerState();
}

/** The mock's controls for tests: reset, the user's UI actions, the file system, and inspection helpers. */
export const sdShim = {
  /** {@link resetDesigner}. */
  reset: resetDesigner,
  /** The user's actions in the window: open graph views, select nodes, open explorers. */
  ui: uiDriver,
  /** Installs the file system packages are saved to (null: the default); returns the previous one. */
  setFileSystem(next: SbsFileSystem | null): SbsFileSystem {
    return setFileSystem(next);
  },
  /** An in-memory file system, for tests that should write nothing to disk. */
  MemoryFileSystem,
  /** Designer's undo history, played as the user would (Edit > Undo, Edit > Redo). */
  history: {
    /** Undoes the last undo group that changed something; returns its name, or null when there is none. */
    undo: (): string | null => designer().history.undo(),
    /** Redoes the last undone group; returns its name, or null when there is none. */
    redo: (): string | null => designer().history.redo(),
    /** The names of the groups that undo would undo, most recent last. */
    undoNames: (): string[] => designer().history.undoNames(),
  },
  /** The lines written to Designer's console through `createRuntimeLogHandler()`, oldest first. */
  consoleLines(): string[] {
    return [...designer().consoleLines];
  },
  /** How many callbacks are registered (application and UI). */
  callbackCount(): number {
    return designer().callbacks.size;
  },
  /** What saving `pkg` would write, as a document (two packages are equal when their documents are). */
  packageDocument(pkg: SDPackage): PackageDocument {
    return packageDocument(PACKAGES.arg(pkg, 'sdShim.packageDocument()', 'pkg'));
  },
};
