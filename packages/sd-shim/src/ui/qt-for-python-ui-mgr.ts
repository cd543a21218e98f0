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
import { newMainWindow } from './ui-state';

const OWNER = 'QtForPythonUIMgrWrapper';

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

  /** The main window. */
  getMainWindow(): QWidget {
    const ui = designer().ui;
    return (ui.mainWindow ??= newMainWindow());
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
    return widget;
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
