import { requireGuardedClass } from '../affinity/designer-guard';
import { QAction, markActionDeleted, newSeparator } from './q-action';
import { alreadyDeleted } from './qt-object-deleted';

let deleteMenu: (menu: QMenu) => void;

/**
 * A menu, as PySide's `QMenu`: what `QtForPythonUIMgrWrapper.newMenu()` returns. Add actions and submenus;
 * after `deleteMenu(objectName)` its methods raise, like a PySide wrapper whose C++ object is gone.
 */
export class QMenu {
  #objectName: string;
  #title: string;
  readonly #actions: QAction[] = [];
  readonly #menus: QMenu[] = [];
  #deleted = false;

  /** Makes a menu titled `title`. */
  constructor(title = '', objectName = '') {
    requireGuardedClass(new.target);
    this.#title = title;
    this.#objectName = objectName;
  }

  static {
    deleteMenu = (menu) => {
      menu.#deleted = true;
      for (const action of menu.#actions) markActionDeleted(action);
      for (const sub of menu.#menus) deleteMenu(sub);
    };
  }

  #alive(method: string): void {
    if (this.#deleted) throw alreadyDeleted('QMenu', method);
  }

  /** Its object name (what `findMenuFromObjectName` looks up). */
  objectName(): string {
    this.#alive('objectName');
    return this.#objectName;
  }

  /** Sets its object name. */
  setObjectName(name: string): void {
    this.#alive('setObjectName');
    this.#objectName = name;
  }

  /** Its title. */
  title(): string {
    this.#alive('title');
    return this.#title;
  }

  /** Sets its title. */
  setTitle(title: string): void {
    this.#alive('setTitle');
    this.#title = title;
  }

  /** Adds an action: a new one with text `textOrAction`, or the given one. Returns the action. */
  addAction(textOrAction: string | QAction): QAction {
    this.#alive('addAction');
    const action = typeof textOrAction === 'string' ? new QAction(textOrAction) : textOrAction;
    this.#actions.push(action);
    return action;
  }

  /** Adds a separator; returns it (an action whose `isSeparator()` is true). */
  addSeparator(): QAction {
    this.#alive('addSeparator');
    const separator = newSeparator();
    this.#actions.push(separator);
    return separator;
  }

  /** Adds a submenu: a new one titled `titleOrMenu`, or the given one. Returns the submenu. */
  addMenu(titleOrMenu: string | QMenu): QMenu {
    this.#alive('addMenu');
    const menu = typeof titleOrMenu === 'string' ? new QMenu(titleOrMenu) : titleOrMenu;
    this.#menus.push(menu);
    return menu;
  }

  /** Its actions (separators included), in order. */
  actions(): QAction[] {
    this.#alive('actions');
    return [...this.#actions];
  }

  /** Its submenus, in order. */
  menus(): QMenu[] {
    this.#alive('menus');
    return [...this.#menus];
  }

  /** Removes its actions and submenus. */
  clear(): void {
    this.#alive('clear');
    this.#actions.length = 0;
    this.#menus.length = 0;
  }
}

/** @internal Marks `menu`, its actions and submenus deleted. */
export function markMenuDeleted(menu: QMenu): void {
  deleteMenu(menu);
}
