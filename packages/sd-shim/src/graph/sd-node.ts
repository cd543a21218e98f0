import { NODES, callName, resourceFacadeOf } from '../base/bindings';
import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import { float2 } from '../basetypes/vectors';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { SDResource } from '../package/sd-resource';
import type { SDGraph } from './sd-graph';
import { deletePropertyGraph, newPropertyGraph } from './property-graphs';
import { requireComponents, requireString } from '../values/check-input';
import type { SDValue } from '../values/sd-value';
import type { NodeModel } from './node-model';
import { assignValue, ownProperty, propertiesOf, propertyFromId, requireCategory, valueOf } from './property-access';
import { SDPropertyCategory } from './sd-property-category';
import { connectionFacade, type SDConnection } from './sd-connection';
import { definitionFacade, type SDDefinition } from './sd-definition';
import type { SDProperty } from './sd-property';

/** @internal The model of a node facade, checked alive. */
export function liveNode(node: SDNode, method: string): NodeModel {
  return NODES.live(node, callName(node, method));
}
const live = liveNode;

/**
 * A node of a graph (`sd.api.sdnode.SDNode`): its definition, position, property values and connections.
 * Make one with `graph.newNode(definitionId)`; after `graph.deleteNode(node)` its methods raise `ItemNotFound`.
 */
export class SDNode extends SDAPIObject {
  /** @internal Nodes come from their graph. */
  constructor() {
    super();
  }

  /** Its identifier, unique in its graph: a numeric-looking string such as `"1000000001"`. */
  getIdentifier(): string {
    return live(this, 'getIdentifier').id;
  }

  /** Its definition (`getId()` gives `sbs::compositing::blend`). */
  getDefinition(): SDDefinition {
    return definitionFacade(live(this, 'getDefinition').definition);
  }

  /** Its position in the graph view, as a new `float2`. */
  getPosition(): float2 {
    const [x, y] = live(this, 'getPosition').position;
    return new float2(x, y);
  }

  /** Moves it (marks the package modified). Raises `InvalidValue` for a coordinate that is not finite. */
  setPosition(position: float2): void {
    const call = callName(this, 'setPosition');
    const node = live(this, 'setPosition');
    const [x, y] = requireComponents(call, position, ['x', 'y'], false, 'position');
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new APIException(SDApiError.InvalidValue, `${call}: the position must be finite, got (${x}, ${y})`);
    }
    node.position = [x, y];
    node.graph.pkg.modified = true;
  }

  /** Its properties of `category`, in definition order. */
  getProperties(category: SDPropertyCategory): SDArray<SDProperty> {
    return propertiesOf(live(this, 'getProperties').values, callName(this, 'getProperties'), category);
  }

  /** Its property `id` of `category`, or null if it has none. */
  getPropertyFromId(id: string, category: SDPropertyCategory): SDProperty | null {
    return propertyFromId(live(this, 'getPropertyFromId').values, callName(this, 'getPropertyFromId'), id, category);
  }

  /** A copy of the value of `property`: what was set, else the default; null for image ports and outputs. */
  getPropertyValue(property: SDProperty): SDValue | null {
    const call = callName(this, 'getPropertyValue');
    const node = live(this, 'getPropertyValue');
    return valueOf(node.values, ownProperty(node.values, call, property, node.describe()));
  }

  /** The value of property `id` of `category`; raises `ItemNotFound` if the node has no such property. */
  getPropertyValueFromId(id: string, category: SDPropertyCategory): SDValue | null {
    const call = callName(this, 'getPropertyValueFromId');
    const node = live(this, 'getPropertyValueFromId');
    return valueOf(
      node.values,
      node.values.require(call, requireString(call, id, 'id'), requireCategory(call, category)),
    );
  }

  /**
   * Sets `property` to a copy of `value` and marks the package modified. Raises `InvalidType` for a value of
   * another type, `NotSupported` for an output or an image port, `InvalidValue` for an int that is not a
   * member of an enum property.
   */
  setPropertyValue(property: SDProperty, value: SDValue): void {
    const call = callName(this, 'setPropertyValue');
    const node = live(this, 'setPropertyValue');
    assignValue(node.values, call, ownProperty(node.values, call, property, node.describe()), value, node.graph.pkg);
  }

  /** Sets input property `id` (see {@link SDNode.setPropertyValue}); raises `ItemNotFound` for an unknown id. */
  setInputPropertyValueFromId(id: string, value: SDValue): void {
    const call = callName(this, 'setInputPropertyValueFromId');
    const node = live(this, 'setInputPropertyValueFromId');
    assignValue(
      node.values,
      call,
      node.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Input),
      value,
      node.graph.pkg,
    );
  }

  /** The value of annotation `id` (`identifier` of an output node); raises `ItemNotFound` for an unknown id. */
  getAnnotationPropertyValueFromId(id: string): SDValue | null {
    const call = callName(this, 'getAnnotationPropertyValueFromId');
    const node = live(this, 'getAnnotationPropertyValueFromId');
    return valueOf(
      node.values,
      node.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Annotation),
    );
  }

  /** Sets annotation `id` (see {@link SDNode.setPropertyValue}); raises `ItemNotFound` for an unknown id. */
  setAnnotationPropertyValueFromId(id: string, value: SDValue): void {
    const call = callName(this, 'setAnnotationPropertyValueFromId');
    const node = live(this, 'setAnnotationPropertyValueFromId');
    assignValue(
      node.values,
      call,
      node.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Annotation),
      value,
      node.graph.pkg,
    );
  }

  /**
   * Connects this node's output `outputProperty` to `inputProperty` of `destination` (call it on the
   * source node). An input takes one connection: connecting it again replaces the old one. See
   * {@link SDNode.newPropertyConnectionFromId} for the errors.
   */
  newPropertyConnection(outputProperty: SDProperty, destination: SDNode, inputProperty: SDProperty): SDConnection {
    const call = callName(this, 'newPropertyConnection');
    const node = live(this, 'newPropertyConnection');
    const target = NODES.arg(destination, call, 'destination');
    const from = ownProperty(node.values, call, outputProperty, node.describe());
    const to = ownProperty(target.values, call, inputProperty, target.describe());
    return connectionFacade(node.graph.connect(call, node, from, target, to), true);
  }

  /**
   * Connects this node's output `outputId` to input `inputId` of `destination`: `src.newPropertyConnectionFromId('unique_filter_output', blend, 'source')`.
   * Raises `ItemNotFound` for an unknown id, `InvalidArgument` for a node of another graph, a parameter that
   * is not connectable or a cycle, `InvalidType` for incompatible types.
   */
  newPropertyConnectionFromId(outputId: string, destination: SDNode, inputId: string): SDConnection {
    const call = callName(this, 'newPropertyConnectionFromId');
    const node = live(this, 'newPropertyConnectionFromId');
    const target = NODES.arg(destination, call, 'destination');
    const from = node.values.require(call, requireString(call, outputId, 'outputId'), SDPropertyCategory.Output);
    const to = target.values.require(call, requireString(call, inputId, 'inputId'), SDPropertyCategory.Input);
    return connectionFacade(node.graph.connect(call, node, from, target, to), true);
  }

  /** The connections at `property`, seen from this node (see {@link SDConnection} for the accessors). */
  getPropertyConnections(property: SDProperty): SDArray<SDConnection> {
    const call = callName(this, 'getPropertyConnections');
    const node = live(this, 'getPropertyConnections');
    const def = ownProperty(node.values, call, property, node.describe());
    return new SDArray(
      node.graph.connectionsOf(node, def).map((c) => connectionFacade(c, c.from === node && c.fromProperty === def)),
    );
  }

  /** Removes every connection at `property` (marks the package modified if there was one). */
  deletePropertyConnections(property: SDProperty): void {
    const call = callName(this, 'deletePropertyConnections');
    const node = live(this, 'deletePropertyConnections');
    const def = ownProperty(node.values, call, property, node.describe());
    node.graph.disconnect(node.graph.connectionsOf(node, def));
  }

  /** The graph an instance node instantiates (`newInstanceNode`); null for other nodes. */
  getReferencedResource(): SDResource | null {
    const node = live(this, 'getReferencedResource');
    return node.referenced === null ? null : resourceFacadeOf(node.referenced);
  }

  /** The value of input property `id` (see {@link SDNode.getPropertyValueFromId}). */
  getInputPropertyValueFromId(id: string): SDValue | null {
    const call = callName(this, 'getInputPropertyValueFromId');
    const node = live(this, 'getInputPropertyValueFromId');
    return valueOf(node.values, node.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Input));
  }

  /** The function graph that drives parameter `property`, or null (`newPropertyGraph` makes one). */
  getPropertyGraph(property: SDProperty): SDGraph | null {
    const node = live(this, 'getPropertyGraph');
    const def = ownProperty(node.values, callName(this, 'getPropertyGraph'), property, node.describe());
    const graph = node.propertyGraphs.get(def);
    return graph === undefined ? null : (resourceFacadeOf(graph) as SDGraph);
  }

  /**
   * Makes a function graph (`graphType` must be `'SDSBSFunctionGraph'`) that drives parameter `property`,
   * replacing the one it had. Raises `InvalidArgument` for a port or an output, `NotSupported` for another graph type.
   */
  newPropertyGraph(property: SDProperty, graphType: string): SDGraph {
    const call = callName(this, 'newPropertyGraph');
    const node = live(this, 'newPropertyGraph');
    const def = ownProperty(node.values, call, property, node.describe());
    return resourceFacadeOf(newPropertyGraph(call, node, def, requireString(call, graphType, 'graphType'))) as SDGraph;
  }

  /** Removes the function graph of parameter `property`; raises `ItemNotFound` when it has none. */
  deletePropertyGraph(property: SDProperty): void {
    const call = callName(this, 'deletePropertyGraph');
    const node = live(this, 'deletePropertyGraph');
    deletePropertyGraph(call, node, ownProperty(node.values, call, property, node.describe()));
  }
}
