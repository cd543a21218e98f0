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
  #toolTip = '';
  #shortcut = '';
  #icon: unknown = null;
  #data: unknown = null;
  readonly #parent: object | null;

  /** Makes an action with `text`, owned by `parent` (a widget, or null), as PySide's `QAction(text, parent)`. */
  constructor(text = '', parent: object | null = null) {
    requireGuardedClass(new.target);
    this.#text = text;
    this.#parent = parent;
  }

  /** The object that owns it (the `parent` it was made with), or null. */
  parent(): object | null {
    this.#alive('parent');
    return this.#parent;
  }

  /** Its tool tip. */
  toolTip(): string {
    this.#alive('toolTip');
    return this.#toolTip;
  }

  /** Sets its tool tip. */
  setToolTip(toolTip: string): void {
    this.#alive('setToolTip');
    this.#toolTip = toolTip;
  }

  /** Its shortcut, as text (`Ctrl+Shift+A`). */
  shortcut(): string {
    this.#alive('shortcut');
    return this.#shortcut;
  }

  /** Sets its shortcut (a key sequence as text; PySide's `QKeySequence` objects are kept as given). */
  setShortcut(shortcut: string): void {
    this.#alive('setShortcut');
    this.#shortcut = shortcut;
  }

  /** Its icon (whatever was set: the mock draws nothing), or null. */
  icon(): unknown {
    this.#alive('icon');
    return this.#icon;
  }

  /** Sets its icon. */
  setIcon(icon: unknown): void {
    this.#alive('setIcon');
    this.#icon = icon;
  }

  /** The data attached with `setData`, or null. */
  data(): unknown {
    this.#alive('data');
    return this.#data;
  }

  /** Attaches data to it (PySide's `QAction.setData`). */
  setData(data: unknown): void {
    this.#alive('setData');
    this.#data = data;
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
