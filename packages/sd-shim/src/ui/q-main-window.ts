import { QMenu } from './q-menu';
import { QToolBar } from './q-tool-bar';
import { QWidget } from './q-widget';

let attach: (bar: QMenuBar, menu: QMenu) => void;
let detach: (bar: QMenuBar, menu: QMenu) => void;
let barOf: (window: QMainWindow) => QMenuBar;
let dock: (window: QMainWindow, area: DockWidgetArea, widget: QWidget) => void;

/*
 * The UI manager changes the window through these, not through the guarded methods, so that one API call checks
 * the thread once (and records one violation under the 'record' policy).
 */

/** @internal Adds `menu` to the window's menu bar (`newMenu`). */
export function attachMenu(window: QMainWindow, menu: QMenu): void {
  attach(barOf(window), menu);
}

/** @internal Removes `menu` from the window's menu bar (`deleteMenu`). */
export function detachMenu(window: QMainWindow, menu: QMenu): void {
  detach(barOf(window), menu);
}

/** @internal Docks `widget` (`newDockWidget`). */
export function dockWidget(window: QMainWindow, area: DockWidgetArea, widget: QWidget): void {
  dock(window, area, widget);
}

/** A menu bar, as PySide's `QMenuBar`: the main window's menus (those of `newMenu` and those added here). */
export class QMenuBar extends QWidget {
  readonly #menus: QMenu[] = [];

  /** Made by the main window. */
  constructor() {
    super('MenuBar');
  }

  static {
    attach = (bar, menu) => void bar.#menus.push(menu);
    detach = (bar, menu) => {
      const at = bar.#menus.indexOf(menu);
      if (at >= 0) bar.#menus.splice(at, 1);
    };
  }

  /** Adds a menu: a new one titled `titleOrMenu`, or the given one. Returns the menu. */
  addMenu(titleOrMenu: string | QMenu): QMenu {
    const menu = typeof titleOrMenu === 'string' ? new QMenu(titleOrMenu) : titleOrMenu;
    this.#menus.push(menu);
    return menu;
  }

  /** Its menus, in order. */
  menus(): QMenu[] {
    return [...this.#menus];
  }
}

/** Where a dock widget goes (`Qt.DockWidgetArea`): Qt's values. */
export enum DockWidgetArea {
  LeftDockWidgetArea = 0x1,
  RightDockWidgetArea = 0x2,
  TopDockWidgetArea = 0x4,
  BottomDockWidgetArea = 0x8,
}

/**
 * Designer's main window, as PySide's `QMainWindow` (`uiMgr.getMainWindow()`): a menu bar, tool bars and dock
 * widgets, which `findChildren` finds. It draws nothing.
 */
export class QMainWindow extends QWidget {
  readonly #menuBar = new QMenuBar();
  readonly #toolBars: QToolBar[] = [];
  readonly #docks: { area: DockWidgetArea; widget: QWidget }[] = [];

  /** Made once by the UI manager. */
  constructor(objectName = '', windowTitle = '') {
    super(objectName, windowTitle);
  }

  static {
    barOf = (window) => window.#menuBar;
    dock = (window, area, widget) => void window.#docks.push({ area, widget });
  }

  /** Its menu bar. */
  menuBar(): QMenuBar {
    return this.#menuBar;
  }

  /** Adds a tool bar: a new one titled `titleOrToolBar`, or the given one. Returns the tool bar. */
  addToolBar(titleOrToolBar: string | QToolBar): QToolBar {
    const bar = typeof titleOrToolBar === 'string' ? new QToolBar(titleOrToolBar) : titleOrToolBar;
    this.#toolBars.push(bar);
    return bar;
  }

  /** Its tool bars, in order. */
  toolBars(): QToolBar[] {
    return [...this.#toolBars];
  }

  /** Docks `widget` in `area`. */
  addDockWidget(area: DockWidgetArea, widget: QWidget): void {
    this.#docks.push({ area, widget });
  }

  /** The area `widget` is docked in, or null. */
  dockWidgetArea(widget: QWidget): DockWidgetArea | null {
    return this.#docks.find((d) => d.widget === widget)?.area ?? null;
  }

  /**
   * Its child widgets (the menu bar, the tool bars, the dock widgets, `newDockWidget`'s among them), those
   * of class `type` if given (`QToolBar`), with object name `name` if given.
   */
  findChildren(type?: abstract new (...args: never[]) => object, name?: string): QWidget[] {
    const children: QWidget[] = [this.#menuBar, ...this.#toolBars, ...this.#docks.map((d) => d.widget)];
    return children.filter(
      (child) => (type === undefined || child instanceof type) && (name === undefined || child.objectName() === name),
    );
  }
}
