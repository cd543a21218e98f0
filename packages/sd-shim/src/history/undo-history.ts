import { packageDocument, type PackageDocument } from '../package/package-document';
import { readPackageDocument } from '../package/package-load';
import type { PackageModel } from '../package/package-model';
import { designer } from '../state/designer-state';

/** One undoable step: the user packages before and after an undo group, as documents. */
interface Step {
  readonly name: string;
  readonly before: Map<PackageModel, string>;
  readonly after: Map<PackageModel, string>;
}

function snapshot(): Map<PackageModel, string> {
  return new Map(designer().userPackages.map((pkg) => [pkg, JSON.stringify(packageDocument(pkg))]));
}

/**
 * Designer's undo history as the mock keeps it: each outermost `SDHistoryUtils.UndoGroup` that changed a package is
 * one step; undo and redo put the packages back as they were (`sdShim.history` plays the user's Ctrl+Z). A package is
 * restored by reloading it from its document, like `reloadIfModified`: its old resources, nodes and properties stop
 * existing, so fetch them again after an undo.
 */
export class UndoHistory {
  readonly #undo: Step[] = [];
  readonly #redo: Step[] = [];
  #open: { name: string; depth: number; before: Map<PackageModel, string> } | null = null;

  /** Opens a group (a nested group joins the outermost one). */
  open(name: string): void {
    if (this.#open) this.#open.depth++;
    else this.#open = { name, depth: 1, before: snapshot() };
  }

  /** Closes a group; the outermost one becomes a step if it changed a package. */
  close(): void {
    const open = this.#open;
    if (!open || --open.depth > 0) return;
    this.#open = null;
    const after = snapshot();
    const changed = [...after].some(([pkg, doc]) => open.before.get(pkg) !== doc);
    if (!changed) return;
    this.#undo.push({ name: open.name, before: open.before, after });
    this.#redo.length = 0;
  }

  /** The names of the steps undo would undo, most recent last. */
  undoNames(): string[] {
    return this.#undo.map((s) => s.name);
  }

  /** Undoes the last step; returns its name, or null when there is none. */
  undo(): string | null {
    const step = this.#undo.pop();
    if (!step) return null;
    restore(step.before);
    this.#redo.push(step);
    return step.name;
  }

  /** Redoes the last undone step; returns its name, or null when there is none. */
  redo(): string | null {
    const step = this.#redo.pop();
    if (!step) return null;
    restore(step.after);
    this.#undo.push(step);
    return step.name;
  }
}

function restore(documents: Map<PackageModel, string>): void {
  for (const [pkg, text] of documents) {
    if (!pkg.alive) continue;
    pkg.clear();
    readPackageDocument(JSON.parse(text) as PackageDocument, pkg, (path) => {
      const dependency = designer().userPackageAt(path);
      if (!dependency) throw new Error(`the package "${path}" an instance refers to was unloaded`);
      return dependency;
    });
    pkg.modified = true;
  }
}
