import { requireGuardedClass } from '../affinity/designer-guard';
import { Signal } from '@sigslot/core';
import { alreadyDeleted } from './qt-object-deleted';

let deleteAction: (action: QAction) => void;
let makeSeparator: (action: QAction) => void;

/**
 * A menu action, as PySide's `QAction`: `menu.addAction('Run').triggered.connect(() => …)`. Call
 * `trigger()` in a test to simulate the user choosing it.
 */
export class QAction {
  /** Emitted by `trigger()` with the checked state (PySide's `triggered(bool)`). */
  readonly triggered = new Signal<[checked: boolean]>(null, 'triggered');
  #text: string;
  #enabled = true;
  #checkable = false;
  #checked = false;
  #separator = false;
  #deleted = false;

  /** Makes an action with `text`. */
  constructor(text = '') {
    requireGuardedClass(new.target);
    this.#text = text;
  }

  static {
    deleteAction = (action) => {
      action.#deleted = true;
    };
    makeSeparator = (action) => {
      action.#separator = true;
    };
  }

  #alive(method: string): void {
    if (this.#deleted) throw alreadyDeleted('QAction', method);
  }

  /** Its text. */
  text(): string {
    this.#alive('text');
    return this.#text;
  }

  /** Sets its text. */
  setText(text: string): void {
    this.#alive('setText');
    this.#text = text;
  }

  /** True unless disabled. */
  isEnabled(): boolean {
    this.#alive('isEnabled');
    return this.#enabled;
  }

  /** Enables or disables it; a disabled action ignores `trigger()`. */
  setEnabled(enabled: boolean): void {
    this.#alive('setEnabled');
    this.#enabled = enabled;
  }

  /** True if it toggles a checked state. */
  isCheckable(): boolean {
    this.#alive('isCheckable');
    return this.#checkable;
  }

  /** Makes it checkable or not. */
  setCheckable(checkable: boolean): void {
    this.#alive('setCheckable');
    this.#checkable = checkable;
  }

  /** Its checked state. */
  isChecked(): boolean {
    this.#alive('isChecked');
    return this.#checked;
  }

  /** Sets its checked state (only if checkable, as in Qt). */
  setChecked(checked: boolean): void {
    this.#alive('setChecked');
    if (this.#checkable) this.#checked = checked;
  }

  /** True for a separator (from `menu.addSeparator()`). */
  isSeparator(): boolean {
    this.#alive('isSeparator');
    return this.#separator;
  }

  /** Makes it a separator or not. */
  setSeparator(separator: boolean): void {
    this.#alive('setSeparator');
    this.#separator = separator;
  }

  /** Simulates the user choosing it: toggles a checkable action, then emits `triggered`. Does nothing when disabled. */
  trigger(): void {
    this.#alive('trigger');
    if (!this.#enabled) return;
    if (this.#checkable) this.#checked = !this.#checked;
    this.triggered.emit(this.#checked);
  }
}

/** @internal Marks `action` deleted (its menu was deleted): its methods then raise, as PySide does. */
export function markActionDeleted(action: QAction): void {
  deleteAction(action);
}

/** @internal A new separator action (for `QMenu.addSeparator()`, without a second guarded call). */
export function newSeparator(): QAction {
  const action = new QAction();
  makeSeparator(action);
  return action;
}
