import type { SDResource } from '../package/sd-resource';
import type { SDSBSCompNode } from './sd-sbs-comp-node';
import { RESOURCES } from '../base/bindings';
import type { SDPackage } from '../package/sd-package';
import type { SDResourceFolder } from '../package/sd-resource-folder';
import { newGraph } from './new-graph';
import { SDGraph } from './sd-graph';

/**
 * A compositing graph (`sd.api.sbs.sdsbscompgraph.SDSBSCompGraph`): image nodes (`sbs::compositing::*`)
 * linked by their image ports, with `output` nodes as its outputs.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SDSBSCompGraph extends SDGraph {
  /** @internal Use {@link SDSBSCompGraph.sNew}. */
  constructor() {
    super();
  }

  /**
   * Makes an empty compositing graph in `parent` (a package or a folder), identified `New_Graph` (made
   * unique; rename it with `setIdentifier`), and marks the package modified.
   */
  static sNew(parent: SDPackage | SDResourceFolder): SDSBSCompGraph {
    const graph = newGraph('SDSBSCompGraph', parent, 'SDSBSCompGraph.sNew()', 'New_Graph');
    return RESOURCES.facade(graph, () => new SDSBSCompGraph());
  }
}

// The nodes of this graph are SDSBSCompNodes: the same methods, typed with the most specific class (no code is added,
// so each call still goes through the one guard once).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SDSBSCompGraph {
  /** Makes a node (see {@link SDGraph.newNode}). */
  newNode(definitionId: string): SDSBSCompNode;
  /** Makes an instance of a graph (see {@link SDGraph.newInstanceNode}). */
  newInstanceNode(resource: SDResource): SDSBSCompNode;
}
