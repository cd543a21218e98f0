import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import type { Callback } from '../app/callback-registry';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { SDGraph } from '../graph/sd-graph';
import { nodeFacade } from '../graph/node-facade';
import type { SDNode } from '../graph/sd-node';
import { graphFacade, resourceFacade } from '../package/resource-facade';
import type { SDResource } from '../package/sd-resource';
import { designer } from '../state/designer-state';
import { requireNumber, requireString } from '../values/check-input';
import { QMenu, markMenuDeleted } from './q-menu';
import { QWidget } from './q-widget';
import { QAction } from './q-action';
import { DockWidgetArea, attachMenu, detachMenu, dockWidget, type QMainWindow } from './q-main-window';
import { QToolBar } from './q-tool-bar';
import { newMainWindow } from './ui-state';

const OWNER = 'QtForPythonUIMgrWrapper';

function mainWindow(): QMainWindow {
  const ui = designer().ui;
  return (ui.mainWindow ??= newMainWindow());
}

function openView(id: unknown, call: string): number {
  const view = requireNumber(call, id, true, 'graphViewID');
  if (!designer().ui.graphViews.has(view))
    throw new APIException(SDApiError.InvalidArgument, `${call}: there is no graph view ${view}`);
  return view;
}

function actionArg(action: unknown, call: string): QAction {
  if (!(action instanceof QAction))
    throw new APIException(SDApiError.InvalidArgument, `${call}: action must be a QAction`);
  return action;
}

function append<T>(map: Map<number, T[]>, id: number, item: T): void {
  map.set(id, [...(map.get(id) ?? []), item]);
}

function graphOfView(id: unknown, call: string): SDGraph | null {
  const graph = designer().ui.graphViews.get(requireNumber(call, id, true, 'graphViewID'));
  return graph?.alive ? graphFacade(graph) : null;
}

/**
 * The Qt-for-Python UI manager (`QtForPythonUIMgrWrapper`, from `app.getQtForPythonUIMgr()`): menus and
 * dock widgets in the main window, the current graph and its selection, and the UI callbacks. Menus and
 * widgets are small in-memory mocks of PySide's; tests play the user with `sdShim.ui`.
 */
export class QtForPythonUIMgrWrapper extends SDAPIObject {
  /** @internal Use `getContext().getSDApplication().getQtForPythonUIMgr()`. */
  constructor() {
    super();
  }

  /** The main window: its menu bar holds the menus of `newMenu`, its dock widgets those of `newDockWidget`. */
  getMainWindow(): QMainWindow {
    return mainWindow();
  }

  /**
   * Adds a menu titled `menuTitle` to the main menu bar, found later by `objectName`. Raises
   * `InvalidArgument` if a menu with that object name exists (delete it first: a plugin that reloads should).
   */
  newMenu(menuTitle: string, objectName: string): QMenu {
    const call = `${OWNER}.newMenu()`;
    const title = requireString(call, menuTitle, 'menuTitle');
    const name = requireString(call, objectName, 'objectName');
    const ui = designer().ui;
    if (ui.menus.has(name)) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: a menu with objectName "${name}" already exists; deleteMenu("${name}") first`,
      );
    }
    const menu = new QMenu(title, name);
    ui.menus.set(name, menu);
    attachMenu(mainWindow(), menu);
    return menu;
  }

  /** The menu made with `objectName`, or null. */
  findMenuFromObjectName(objectName: string): QMenu | null {
    return (
      designer().ui.menus.get(requireString(`${OWNER}.findMenuFromObjectName()`, objectName, 'objectName')) ?? null
    );
  }

  /** Deletes the menu made with `objectName` (its methods then raise); does nothing if there is none. */
  deleteMenu(objectName: string): void {
    const ui = designer().ui;
    const name = requireString(`${OWNER}.deleteMenu()`, objectName, 'objectName');
    const menu = ui.menus.get(name);
    if (menu === undefined) return;
    ui.menus.delete(name);
    detachMenu(mainWindow(), menu);
    markMenuDeleted(menu);
  }

  /** Adds a dock widget titled `title`; returns its content widget. Raises `InvalidArgument` if `identifier` is taken. */
  newDockWidget(identifier: string, title: string): QWidget {
    const call = `${OWNER}.newDockWidget()`;
    const id = requireString(call, identifier, 'identifier');
    const ui = designer().ui;
    if (ui.docks.has(id))
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: a dock widget with identifier "${id}" already exists; identifiers must be unique`,
      );
    const widget = new QWidget(id, requireString(call, title, 'title'));
    ui.docks.set(id, widget);
    dockWidget(mainWindow(), DockWidgetArea.RightDockWidgetArea, widget);
    return widget;
  }

  /**
   * Adds `toolbar` to graph view `graphViewID` (`icon` and `tooltip` are kept with it: the mock draws nothing).
   * Raises `InvalidArgument` for a view that is not open.
   */
  addToolbarToGraphView(
    graphViewID: number,
    toolbar: QToolBar,
    icon: unknown = null,
    tooltip: string | null = null,
  ): void {
    const call = `${OWNER}.addToolbarToGraphView()`;
    const id = openView(graphViewID, call);
    if (!(toolbar instanceof QToolBar))
      throw new APIException(SDApiError.InvalidArgument, `${call}: toolbar must be a QToolBar`);
    if (tooltip !== null) requireString(call, tooltip, 'tooltip');
    append(designer().ui.graphViewToolBars, id, { toolbar, icon, tooltip });
  }

  /** Adds `action` to the tool bar of graph view `graphViewID`; raises `InvalidArgument` for a view that is not open. */
  addActionToGraphViewToolbar(graphViewID: number, action: QAction): void {
    const call = `${OWNER}.addActionToGraphViewToolbar()`;
    append(designer().ui.graphViewActions, openView(graphViewID, call), actionArg(action, call));
  }

  /** Adds `action` to the tool bar of explorer `explorerID`; raises `InvalidArgument` for an explorer that is not open. */
  addActionToExplorerToolbar(explorerID: number, action: QAction): void {
    const call = `${OWNER}.addActionToExplorerToolbar()`;
    const id = requireNumber(call, explorerID, true, 'explorerID');
    if (!designer().ui.explorers.has(id))
      throw new APIException(SDApiError.InvalidArgument, `${call}: there is no explorer ${id}`);
    append(designer().ui.explorerActions, id, actionArg(action, call));
  }

  /** The graph of the current graph view, or null when no graph is open. */
  getCurrentGraph(): SDGraph | null {
    const graph = designer().ui.currentGraph();
    return graph === null ? null : graphFacade(graph);
  }

  /** The selected nodes of the current graph view (empty when none is open). */
  getCurrentGraphSelectedNodes(): SDArray<SDNode> {
    const ui = designer().ui;
    return new SDArray(ui.selectedNodes(ui.currentGraphViewId).map(nodeFacade));
  }

  /** The graph shown in view `graphViewID`, or null. */
  getGraphFromGraphViewID(graphViewID: number): SDGraph | null {
    return graphOfView(graphViewID, `${OWNER}.getGraphFromGraphViewID()`);
  }

  /** The selected nodes of view `graphViewID` (empty for an unknown view). */
  getGraphSelectedNodesFromGraphViewID(graphViewID: number): SDArray<SDNode> {
    const id = requireNumber(`${OWNER}.getGraphSelectedNodesFromGraphViewID()`, graphViewID, true, 'graphViewID');
    return new SDArray(designer().ui.selectedNodes(id).map(nodeFacade));
  }

  /** The selected resources of explorer `explorerID` (empty for an unknown explorer). */
  getExplorerSelection(explorerID: number): SDArray<SDResource> {
    const id = requireNumber(`${OWNER}.getExplorerSelection()`, explorerID, true, 'explorerID');
    return new SDArray((designer().ui.explorers.get(id) ?? []).filter((r) => r.alive).map(resourceFacade));
  }

  /** Calls `callback(graphViewID)` when a graph view opens; returns the callback id (shared counter with `SDApplication`). */
  registerGraphViewCreatedCallback(callback: Callback<'GraphViewCreated'>): number {
    return designer().callbacks.register(
      OWNER,
      'GraphViewCreated',
      callback,
      `${OWNER}.registerGraphViewCreatedCallback()`,
    );
  }

  /** Calls `callback(explorerID)` when an explorer panel is created; returns the callback id. */
  registerExplorerCreatedCallback(callback: Callback<'ExplorerCreated'>): number {
    return designer().callbacks.register(
      OWNER,
      'ExplorerCreated',
      callback,
      `${OWNER}.registerExplorerCreatedCallback()`,
    );
  }

  /** Calls `callback(explorerID)` when an explorer's selection changes; returns the callback id. */
  registerExplorerSelectionChangedCallback(callback: Callback<'ExplorerSelectionChanged'>): number {
    return designer().callbacks.register(
      OWNER,
      'ExplorerSelectionChanged',
      callback,
      `${OWNER}.registerExplorerSelectionChangedCallback()`,
    );
  }

  /** Unregisters callback `callbackID`; raises `InvalidArgument` for an id this manager does not hold. */
  unregisterCallback(callbackID: number): void {
    designer().callbacks.unregister(OWNER, callbackID, `${OWNER}.unregisterCallback()`);
  }
}
