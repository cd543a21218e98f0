import { requireGuardedClass } from '../affinity/designer-guard';
import { designer } from '../state/designer-state';
import { requireString } from '../values/check-input';

/**
 * An undo group (`sd.api.sdhistoryutils.SDHistoryUtils.UndoGroup`): the changes made while it is open are one step of
 * Designer's undo history. Python opens it with `with`; TypeScript with `using`:
 * `using group = SDHistoryUtils.UndoGroup('Align nodes');`, or call `close()`.
 */
export class UndoGroup {
  #closed = false;

  /** @internal Use {@link SDHistoryUtils.UndoGroup}. */
  constructor(name: string) {
    requireGuardedClass(new.target);
    designer().history.open(name);
  }

  /** Closes the group (once; later calls do nothing). */
  close(): void {
    this.#close();
  }

  /** Closes the group at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.#close(); // not close(): one call checks the thread once
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    designer().history.close();
  }
}

/** Designer's history helpers (`sd.api.sdhistoryutils.SDHistoryUtils`). */
export class SDHistoryUtils {
  /** Not made: the class has static members only. */
  private constructor() {}

  /** Opens an undo group named `name` (what Designer's Edit menu shows). */
  static UndoGroup(name: string): UndoGroup {
    return new UndoGroup(requireString('SDHistoryUtils.UndoGroup()', name, 'name'));
  }
}
