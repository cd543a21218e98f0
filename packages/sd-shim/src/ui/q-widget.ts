import { requireGuardedClass } from '../affinity/designer-guard';
import { alreadyDeleted } from './qt-object-deleted';

let deleteWidget: (widget: QWidget) => void;

/**
 * A widget, as PySide's `QWidget`: what `newDockWidget()` returns (the dock's content) and what
 * `getMainWindow()` returns. It keeps a name, a title and a visibility; it draws nothing.
 */
export class QWidget {
  #objectName: string;
  #windowTitle: string;
  #visible = false;
  #deleted = false;

  /** Makes a widget. */
  constructor(objectName = '', windowTitle = '') {
    requireGuardedClass(new.target);
    this.#objectName = objectName;
    this.#windowTitle = windowTitle;
  }

  static {
    deleteWidget = (widget) => {
      widget.#deleted = true;
    };
  }

  #alive(method: string): void {
    if (this.#deleted) throw alreadyDeleted('QWidget', method);
  }

  /** Its object name (a dock widget's identifier). */
  objectName(): string {
    this.#alive('objectName');
    return this.#objectName;
  }

  /** Sets its object name. */
  setObjectName(name: string): void {
    this.#alive('setObjectName');
    this.#objectName = name;
  }

  /** Its window title. */
  windowTitle(): string {
    this.#alive('windowTitle');
    return this.#windowTitle;
  }

  /** Sets its window title. */
  setWindowTitle(title: string): void {
    this.#alive('setWindowTitle');
    this.#windowTitle = title;
  }

  /** True after `show()`, false after `hide()` or `close()`. */
  isVisible(): boolean {
    this.#alive('isVisible');
    return this.#visible;
  }

  /** Shows it. */
  show(): void {
    this.#alive('show');
    this.#visible = true;
  }

  /** Hides it. */
  hide(): void {
    this.#alive('hide');
    this.#visible = false;
  }

  /** Hides it; returns true (Qt: the close was accepted). */
  close(): boolean {
    this.#alive('close');
    this.#visible = false;
    return true;
  }
}

/** @internal Marks `widget` deleted: its methods then raise, as PySide does. */
export function markWidgetDeleted(widget: QWidget): void {
  deleteWidget(widget);
}
