import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import type { SDGraph } from '../graph/sd-graph';
import { nodeFacade } from '../graph/node-facade';
import type { SDNode } from '../graph/sd-node';
import { graphFacade } from '../package/resource-facade';
import { designer } from '../state/designer-state';

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

  /** The selected nodes of the current graph view. */
  getCurrentGraphSelection(): SDArray<SDNode> {
    const ui = designer().ui;
    return new SDArray(ui.selectedNodes(ui.currentGraphViewId).map(nodeFacade));
  }
}
