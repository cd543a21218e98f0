import { InvalidArgumentError } from '@sigslot/core';
import { NODES, RESOURCES } from '../base/bindings';
import { GraphModel } from '../graph/graph-model';
import type { SDGraph } from '../graph/sd-graph';
import type { SDNode } from '../graph/sd-node';
import type { SDResource } from '../package/sd-resource';
import type { QAction } from './q-action';
import type { QToolBar } from './q-tool-bar';
import { designer } from '../state/designer-state';
import type { QMenu } from './q-menu';
import type { QWidget } from './q-widget';

function fail(method: string, why: string): never {
  throw new InvalidArgumentError(`sdShim.ui.${method}(): ${why}`);
}

function liveGraphArg(graph: unknown, method: string): GraphModel {
  if (!RESOURCES.owns(graph)) fail(method, 'expected a graph from the Designer API');
  const model = RESOURCES.arg(graph, `sdShim.ui.${method}()`, 'graph');
  if (!(model instanceof GraphModel)) fail(method, `expected a graph, got the ${model.describe()}`);
  return model;
}

function viewArg(id: number, method: string): number {
  if (!designer().ui.graphViews.has(id)) fail(method, `there is no graph view ${String(id)}`);
  return id;
}

/**
 * Plays the user in tests: opens graph views, selects nodes, opens explorers. These are not Designer API
 * calls (no thread check); they change what the UI managers report and fire the UI callbacks.
 */
/** @internal Opens a view of `model`, makes it current, fires the graph-view-created callbacks; returns its id. */
export function openGraphViewOf(model: GraphModel): number {
  const ui = designer().ui;
  const id = ui.newGraphViewId();
  ui.graphViews.set(id, model);
  ui.currentGraphViewId = id;
  designer().callbacks.fire('GraphViewCreated', id);
  return id;
}

export const uiDriver = {
  /** Opens a view of `graph`, makes it current, fires the graph-view-created callbacks; returns the view id (1, 2, 3…). */
  openGraphView(graph: SDGraph): number {
    return openGraphViewOf(liveGraphArg(graph, 'openGraphView'));
  },

  /** The tool bars a plugin added to graph view `id` (`addToolbarToGraphView`), with their icon and tool tip. */
  graphViewToolBars(id: number): { toolbar: QToolBar; icon: unknown; tooltip: string | null }[] {
    return [...(designer().ui.graphViewToolBars.get(viewArg(id, 'graphViewToolBars')) ?? [])];
  },

  /** The actions a plugin added to the tool bar of graph view `id` (`addActionToGraphViewToolbar`). */
  graphViewActions(id: number): QAction[] {
    return [...(designer().ui.graphViewActions.get(viewArg(id, 'graphViewActions')) ?? [])];
  },

  /** The actions a plugin added to the tool bar of explorer `id` (`addActionToExplorerToolbar`). */
  explorerActions(id: number): QAction[] {
    return [...(designer().ui.explorerActions.get(id) ?? [])];
  },

  /** Makes view `id` current (null: no current view). */
  setCurrentGraphView(id: number | null): void {
    designer().ui.currentGraphViewId = id === null ? null : viewArg(id, 'setCurrentGraphView');
  },

  /** Closes view `id`. */
  closeGraphView(id: number): void {
    designer().ui.closeView(viewArg(id, 'closeGraphView'));
  },

  /** Selects `nodes` in view `graphViewID` (default: the current view); they must belong to its graph. */
  selectNodes(nodes: readonly SDNode[], graphViewID?: number): void {
    const ui = designer().ui;
    const id =
      graphViewID ??
      ui.currentGraphViewId ??
      fail('selectNodes', 'no graph view is open; call sdShim.ui.openGraphView(graph) first');
    const graph = ui.graphViews.get(viewArg(id, 'selectNodes'))!;
    const models = nodes.map((node) => {
      const model = NODES.arg(node, 'sdShim.ui.selectNodes()', 'node');
      if (model.graph !== graph)
        fail('selectNodes', `the ${model.describe()} is not in the graph of view ${id} (${graph.url()})`);
      return model;
    });
    ui.selections.set(id, models);
  },

  /** Opens an explorer panel, fires the explorer-created callbacks; returns its id (1, 2, 3…). */
  openExplorer(): number {
    const ui = designer().ui;
    const id = ui.newExplorerId();
    ui.explorers.set(id, []);
    designer().callbacks.fire('ExplorerCreated', id);
    return id;
  },

  /** Selects `resources` in explorer `explorerID`, fires the explorer-selection-changed callbacks. */
  selectInExplorer(explorerID: number, resources: readonly SDResource[]): void {
    const ui = designer().ui;
    if (!ui.explorers.has(explorerID)) fail('selectInExplorer', `there is no explorer ${String(explorerID)}`);
    ui.explorers.set(
      explorerID,
      resources.map((r) => RESOURCES.arg(r, 'sdShim.ui.selectInExplorer()', 'resource')),
    );
    designer().callbacks.fire('ExplorerSelectionChanged', explorerID);
  },

  /** The menus plugins made, in creation order. */
  menus(): QMenu[] {
    return [...designer().ui.menus.values()];
  },

  /** The dock widgets plugins made, in creation order. */
  dockWidgets(): QWidget[] {
    return [...designer().ui.docks.values()];
  },
};
