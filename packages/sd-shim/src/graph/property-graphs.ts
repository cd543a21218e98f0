import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { ResourceContainer } from '../package/resource-model';
import { GraphModel } from './graph-model';
import type { NodeModel } from './node-model';
import type { PropertyDef } from './property-def';
import { SDPropertyCategory } from './sd-property-category';

/**
 * A parameter's function graph (`node.newPropertyGraph(prop, 'SDSBSFunctionGraph')`): a function graph that belongs
 * to the node, not to the package's resources. Its url names the node and the parameter.
 */
export function newPropertyGraph(call: string, node: NodeModel, def: PropertyDef, graphType: string): GraphModel {
  if (graphType !== 'SDSBSFunctionGraph') {
    throw new APIException(
      SDApiError.NotSupported,
      `${call}: a property graph is an SDSBSFunctionGraph, got "${graphType}"`,
    );
  }
  if (def.category !== SDPropertyCategory.Input || def.connectable) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: "${def.id}" of the ${node.describe()} is not a parameter; only parameters take a function graph`,
    );
  }
  node.propertyGraphs.get(def)?.kill();
  const holder: ResourceContainer = {
    children: [],
    get pkg() {
      return node.graph.pkg;
    },
    containerPath: () => `${node.graph.path()}/${node.id}`,
  };
  const graph = new GraphModel('SDSBSFunctionGraph', def.id, holder);
  node.propertyGraphs.set(def, graph);
  node.graph.pkg.modified = true;
  return graph;
}

/** Removes the function graph of parameter `def`; raises `ItemNotFound` when there is none. */
export function deletePropertyGraph(call: string, node: NodeModel, def: PropertyDef): void {
  const graph = node.propertyGraphs.get(def);
  if (graph === undefined) {
    throw new APIException(
      SDApiError.ItemNotFound,
      `${call}: "${def.id}" of the ${node.describe()} has no function graph`,
    );
  }
  graph.kill();
  node.propertyGraphs.delete(def);
  node.graph.pkg.modified = true;
}
