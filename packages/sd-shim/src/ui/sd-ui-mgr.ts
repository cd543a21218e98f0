import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import type { SDGraph } from '../graph/sd-graph';
import { nodeFacade } from '../graph/node-facade';
import type { SDNode } from '../graph/sd-node';
import { graphFacade } from '../package/resource-facade';
import { designer } from '../state/designer-state';
import { RESOURCES } from '../base/bindings';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { GraphModel } from '../graph/graph-model';
import type { SDResource } from '../package/sd-resource';
import { openGraphViewOf } from './ui-driver';

/** The lower-level UI manager (`sd.api.sduimgr.SDUIMgr`, from `app.getUIMgr()`): the current graph and its selection. */
export class SDUIMgr extends SDAPIObject {
  /** @internal Use `getContext().getSDApplication().getUIMgr()`. */
  constructor() {
    super();
  }

  /** The graph of the current graph view, or null. */
  getCurrentGraph(): SDGraph | null {
    const graph = designer().ui.currentGraph();
    return graph === null ? null : graphFacade(graph);
  }

  /**
   * Opens `resource` in an editor: a graph in a new graph view, which becomes current (the graph-view-created
   * callbacks fire). Raises `NotSupported` for a resource that is not a graph (the mock has no other editors).
   */
  openResourceInEditor(resource: SDResource): void {
    const call = 'SDUIMgr.openResourceInEditor()';
    const model = RESOURCES.arg(resource, call, 'resource');
    if (!(model instanceof GraphModel))
      throw new APIException(
        SDApiError.NotSupported,
        `${call}: the mock opens graphs only, got the ${model.describe()}`,
      );
    openGraphViewOf(model);
  }

  /** The selected nodes of the current graph view. */
  getCurrentGraphSelection(): SDArray<SDNode> {
    const ui = designer().ui;
    return new SDArray(ui.selectedNodes(ui.currentGraphViewId).map(nodeFacade));
  }
}
