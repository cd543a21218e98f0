import type { SDSBSFunctionNode } from './sd-sbs-function-node';
import { NODES, RESOURCES, callName } from '../base/bindings';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { SDPackage } from '../package/sd-package';
import type { SDResourceFolder } from '../package/sd-resource-folder';
import { requireBoolean } from '../values/check-input';
import { SDGraph, liveGraph } from './sd-graph';
import type { SDNode } from './sd-node';
import { newGraph } from './new-graph';

/**
 * A function graph (`sd.api.sbs.sdsbsfunctiongraph.SDSBSFunctionGraph`): typed value nodes
 * (`sbs::function::*`) whose ports connect only when their types match, with one output node.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SDSBSFunctionGraph extends SDGraph {
  /** @internal Use {@link SDSBSFunctionGraph.sNew}. */
  constructor() {
    super();
  }

  /** Makes an empty function graph in `parent`, identified `New_Function` (made unique), and marks the package modified. */
  static sNew(parent: SDPackage | SDResourceFolder): SDSBSFunctionGraph {
    const graph = newGraph('SDSBSFunctionGraph', parent, 'SDSBSFunctionGraph.sNew()', 'New_Function');
    return RESOURCES.facade(graph, () => new SDSBSFunctionGraph());
  }

  /**
   * Makes `node` the graph's output (`isOutput` true; it replaces the previous one), or stops it being the
   * output (false). Marks the package modified.
   */
  setOutputNode(node: SDNode, isOutput: boolean): void {
    const call = callName(this, 'setOutputNode');
    const graph = liveGraph(this, 'setOutputNode');
    const model = NODES.arg(node, call, 'node');
    if (model.graph !== graph)
      throw new APIException(SDApiError.InvalidArgument, `${call}: the ${model.describe()} is not in ${graph.url()}`);
    if (requireBoolean(call, isOutput, 'isOutput')) graph.outputNodeId = model.id;
    else if (graph.outputNodeId === model.id) graph.outputNodeId = null;
    graph.pkg.modified = true;
  }
}

// The nodes of this graph are SDSBSFunctionNodes: the same methods, typed with the most specific class (no code is added,
// so each call still goes through the one guard once).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SDSBSFunctionGraph {
  /** Makes a node (see {@link SDGraph.newNode}). */
  newNode(definitionId: string): SDSBSFunctionNode;
}
