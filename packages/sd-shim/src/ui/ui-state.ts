import type { GraphModel } from '../graph/graph-model';
import type { NodeModel } from '../graph/node-model';
import type { PackageModel } from '../package/package-model';
import type { ResourceModel } from '../package/resource-model';
import { markMenuDeleted, type QMenu } from './q-menu';
import { markWidgetDeleted, type QWidget } from './q-widget';
import type { QAction } from './q-action';
import { QMainWindow } from './q-main-window';
import type { QToolBar } from './q-tool-bar';

/**
 * What the Designer window shows, as far as plugins can see it: menus, dock widgets, open graph views (one
 * current), the selection in the current graph, and explorer panels with their selections. Tests drive it
 * through `sdShim.ui` (the user's actions); plugins read it through the UI managers.
 */
export class UiState {
  /** Menus by object name. */
  readonly menus = new Map<string, QMenu>();
  /** Dock widgets by identifier. */
  readonly docks = new Map<string, QWidget>();
  /** Open graph views by id. */
  readonly graphViews = new Map<number, GraphModel>();
  /** The id of the current graph view, or null. */
  currentGraphViewId: number | null = null;
  /** The selected nodes of each graph view. */
  readonly selections = new Map<number, NodeModel[]>();
  /** Explorer panels by id, with their selected resources. */
  readonly explorers = new Map<number, ResourceModel[]>();
  /** The main window (made on first use). */
  mainWindow: QMainWindow | null = null;
  /** The tool bars added to each graph view (`addToolbarToGraphView`), with the icon and tool tip given. */
  readonly graphViewToolBars = new Map<number, { toolbar: QToolBar; icon: unknown; tooltip: string | null }[]>();
  /** The actions added to each graph view's tool bar (`addActionToGraphViewToolbar`). */
  readonly graphViewActions = new Map<number, QAction[]>();
  /** The actions added to each explorer's tool bar (`addActionToExplorerToolbar`). */
  readonly explorerActions = new Map<number, QAction[]>();
  #nextGraphViewId = 1;
  #nextExplorerId = 1;

  /** A new graph view id: 1, 2, 3… */
  newGraphViewId(): number {
    return this.#nextGraphViewId++;
  }

  /** A new explorer id: 1, 2, 3… */
  newExplorerId(): number {
    return this.#nextExplorerId++;
  }

  /** The graph of the current view, if it still exists. */
  currentGraph(): GraphModel | null {
    const graph = this.currentGraphViewId === null ? undefined : this.graphViews.get(this.currentGraphViewId);
    return graph?.alive ? graph : null;
  }

  /** The live selected nodes of view `id`. */
  selectedNodes(id: number | null): NodeModel[] {
    return id === null ? [] : (this.selections.get(id) ?? []).filter((node) => node.alive);
  }

  /** Closes view `id` (and forgets its selection); the current view becomes none if it was that one. */
  closeView(id: number): void {
    this.graphViews.delete(id);
    this.graphViewToolBars.delete(id);
    this.graphViewActions.delete(id);
    this.selections.delete(id);
    if (this.currentGraphViewId === id) this.currentGraphViewId = null;
  }

  /** Closes the views of the graphs of `pkg` (it is being unloaded). */
  closeViewsOf(pkg: PackageModel): void {
    for (const [id, graph] of [...this.graphViews]) if (graph.pkg === pkg) this.closeView(id);
  }

  /** Deletes every menu and widget (their methods then raise). */
  dispose(): void {
    for (const menu of this.menus.values()) markMenuDeleted(menu);
    for (const dock of this.docks.values()) markWidgetDeleted(dock);
    if (this.mainWindow) markWidgetDeleted(this.mainWindow);
    this.menus.clear();
    this.docks.clear();
  }
}

/** The main window's object name. */
export const MAIN_WINDOW_NAME = 'MainWindow';

/** @internal Makes the main window. */
export function newMainWindow(): QMainWindow {
  return new QMainWindow(MAIN_WINDOW_NAME, 'Adobe Substance 3D Designer (sd-shim)');
}
