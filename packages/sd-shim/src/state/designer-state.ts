import { CallbackRegistry } from '../app/callback-registry';
import { DESIGNER_PATHS, SDApplicationPath } from '../app/sd-application-path';
import { samePath } from '../package/file-path';
import { PackageModel } from '../package/package-model';
import { UiState } from '../ui/ui-state';
import { UndoHistory } from '../history/undo-history';

/** The first node id; ids count up from here, as numeric-looking strings like Designer's. */
const FIRST_NODE_ID = 1_000_000_001;

/**
 * Everything the mock Designer holds: the packages (user and system), the callbacks, the UI, and the id
 * counters. One instance lives until `resetDesigner()` drops it; a new one is made on next use.
 */
export class DesignerState {
  /** User packages, in load or creation order. */
  readonly userPackages: PackageModel[] = [];
  /** The packages that ship with Designer (`getPackages()` lists them first). */
  readonly systemPackages: readonly PackageModel[];
  /** The registered callbacks. */
  readonly callbacks = new CallbackRegistry();
  /** The window's state. */
  readonly ui = new UiState();
  /** The undo history (`SDHistoryUtils.UndoGroup`, `sdShim.history`). */
  readonly history = new UndoHistory();
  /** What was written to Designer's console (`createRuntimeLogHandler`). */
  readonly consoleLines: string[] = [];
  #packageUid = 0;
  #nodeId = FIRST_NODE_ID;

  constructor() {
    const library = this.newPackage(true);
    library.filePath = `${DESIGNER_PATHS[SDApplicationPath.DefaultPackagesDir]}/sd_shim_library.sbs`;
    this.systemPackages = [library];
  }

  /** A new, empty package model with a fresh uid (not yet listed). */
  newPackage(system = false): PackageModel {
    return new PackageModel(++this.#packageUid, system);
  }

  /** A fresh node id: `"1000000001"`, `"1000000002"`… */
  newNodeId(): string {
    return String(this.#nodeId++);
  }

  /** The loaded user package whose file is `path`, if any. */
  userPackageAt(path: string): PackageModel | undefined {
    return this.userPackages.find((pkg) => pkg.filePath !== '' && samePath(pkg.filePath, path));
  }

  /** Ends this state: every package, resource, node, menu and widget stops existing. */
  dispose(): void {
    for (const pkg of [...this.systemPackages, ...this.userPackages]) pkg.kill();
    this.userPackages.length = 0;
    this.ui.dispose();
  }
}

let current: DesignerState | null = null;

/** The current Designer state (made on first use). */
export function designer(): DesignerState {
  return (current ??= new DesignerState());
}

/** Drops the current state; the next call to {@link designer} starts a fresh one. */
export function resetDesignerState(): void {
  current?.dispose();
  current = null;
}
