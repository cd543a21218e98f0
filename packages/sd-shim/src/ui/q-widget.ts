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
  #layout: unknown = null;
  #toolTip = '';
  #icon: unknown = null;

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
    if (this.#deleted) throw alreadyDeleted(this.constructor.name, method);
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

  /** Its window icon (whatever was set: the mock draws nothing), or null. */
  windowIcon(): unknown {
    this.#alive('windowIcon');
    return this.#icon;
  }

  /** Sets its window icon. */
  setWindowIcon(icon: unknown): void {
    this.#alive('setWindowIcon');
    this.#icon = icon;
  }

  /** Its layout (whatever `setLayout` was given: PySide layouts are the plugin's own objects), or null. */
  layout(): unknown {
    this.#alive('layout');
    return this.#layout;
  }

  /** Sets its layout (a dock widget's content is usually a layout of the plugin's widgets). */
  setLayout(layout: unknown): void {
    this.#alive('setLayout');
    this.#layout = layout;
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
