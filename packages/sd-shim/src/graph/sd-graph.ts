import { NODES, RESOURCES, callName } from '../base/bindings';
import { SDArray } from '../base/sd-array';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { SDResource } from '../package/sd-resource';
import { requireString } from '../values/check-input';
import type { SDValue } from '../values/sd-value';
import type { GraphModel } from './graph-model';
import { assignValue, ownProperty, propertiesOf, propertyFromId, requireCategory, valueOf } from './property-access';
import { SDPropertyCategory } from './sd-property-category';
import { definitionFacade, type SDNodeDefinition } from './sd-node-definition';
import { nodeFacade, type SDNode } from './sd-node';
import type { SDProperty } from './sd-property';

/** @internal The model of a graph facade, checked alive. */
export function liveGraph(graph: SDGraph, method: string): GraphModel {
  return RESOURCES.live(graph, callName(graph, method)) as GraphModel;
}

/**
 * The base of graphs (`sd.api.sdgraph.SDGraph`): nodes made from definitions, the connections between
 * them, the graph's own properties, and its output nodes. Concrete classes: {@link SDSBSCompGraph} and
 * {@link SDSBSFunctionGraph}.
 */
export abstract class SDGraph extends SDResource {
  /** @internal Graphs come from `sNew()` and the package's methods. */
  protected constructor() {
    super();
  }

  /**
   * Makes a node of `definitionId` (`sbs::compositing::blend`) at position (0, 0) and marks the package
   * modified. Raises `ItemNotFound` for a definition the mock's library lacks (the message lists them),
   * `InvalidArgument` for a definition of the other graph family.
   */
  newNode(definitionId: string): SDNode {
    const call = callName(this, 'newNode');
    const graph = liveGraph(this, 'newNode');
    return nodeFacade(graph.newNode(call, requireString(call, definitionId, 'definitionId')));
  }

  /** Its nodes, in creation order. */
  getNodes(): SDArray<SDNode> {
    return new SDArray([...liveGraph(this, 'getNodes').nodes.values()].map(nodeFacade));
  }

  /** The node with identifier `id`, or null (Designer returns None). */
  getNodeFromId(id: string): SDNode | null {
    const call = callName(this, 'getNodeFromId');
    const node = liveGraph(this, 'getNodeFromId').nodes.get(requireString(call, id, 'id'));
    return node === undefined ? null : nodeFacade(node);
  }

  /**
   * Deletes `node` and its connections and marks the package modified; the node's methods then raise
   * `ItemNotFound`. Raises `InvalidArgument` for a node of another graph.
   */
  deleteNode(node: SDNode): void {
    const call = callName(this, 'deleteNode');
    const graph = liveGraph(this, 'deleteNode');
    const model = NODES.arg(node, call, 'node');
    if (model.graph !== graph)
      throw new APIException(SDApiError.InvalidArgument, `${call}: the ${model.describe()} is not in ${graph.url()}`);
    graph.deleteNode(model);
  }

  /** Its output nodes, in creation order. */
  getOutputNodes(): SDArray<SDNode> {
    return new SDArray(liveGraph(this, 'getOutputNodes').outputNodes().map(nodeFacade));
  }

  /** The node definitions `newNode` accepts in this graph. */
  getNodeDefinitions(): SDArray<SDNodeDefinition> {
    return new SDArray(liveGraph(this, 'getNodeDefinitions').nodeDefinitions().map(definitionFacade));
  }

  /** The graph's properties of `category`: its parameters (`$outputsize`…), its annotations, its outputs. */
  getProperties(category: SDPropertyCategory): SDArray<SDProperty> {
    return propertiesOf(liveGraph(this, 'getProperties').values, callName(this, 'getProperties'), category);
  }

  /** The graph's property `id` of `category`, or null. */
  getPropertyFromId(id: string, category: SDPropertyCategory): SDProperty | null {
    return propertyFromId(
      liveGraph(this, 'getPropertyFromId').values,
      callName(this, 'getPropertyFromId'),
      id,
      category,
    );
  }

  /** A copy of the value of the graph's `property`, or null for outputs. */
  getPropertyValue(property: SDProperty): SDValue | null {
    const graph = liveGraph(this, 'getPropertyValue');
    return valueOf(
      graph.values,
      ownProperty(graph.values, callName(this, 'getPropertyValue'), property, `graph ${graph.url()}`),
    );
  }

  /** The value of the graph's property `id` of `category`; raises `ItemNotFound` for an unknown id. */
  getPropertyValueFromId(id: string, category: SDPropertyCategory): SDValue | null {
    const call = callName(this, 'getPropertyValueFromId');
    const graph = liveGraph(this, 'getPropertyValueFromId');
    return valueOf(
      graph.values,
      graph.values.require(call, requireString(call, id, 'id'), requireCategory(call, category)),
    );
  }

  /** Sets the graph's `property` (same checks as `SDNode.setPropertyValue`) and marks the package modified. */
  setPropertyValue(property: SDProperty, value: SDValue): void {
    const call = callName(this, 'setPropertyValue');
    const graph = liveGraph(this, 'setPropertyValue');
    assignValue(
      graph.values,
      call,
      ownProperty(graph.values, call, property, `graph ${graph.url()}`),
      value,
      graph.pkg,
    );
  }

  /** Sets the graph's input property `id`; raises `ItemNotFound` for an unknown id. */
  setInputPropertyValueFromId(id: string, value: SDValue): void {
    const call = callName(this, 'setInputPropertyValueFromId');
    const graph = liveGraph(this, 'setInputPropertyValueFromId');
    assignValue(
      graph.values,
      call,
      graph.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Input),
      value,
      graph.pkg,
    );
  }

  /** Sets the graph's annotation `id` (`label`, `description`, `author`, `category`, `tags`). */
  setAnnotationPropertyValueFromId(id: string, value: SDValue): void {
    const call = callName(this, 'setAnnotationPropertyValueFromId');
    const graph = liveGraph(this, 'setAnnotationPropertyValueFromId');
    assignValue(
      graph.values,
      call,
      graph.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Annotation),
      value,
      graph.pkg,
    );
  }

  /** The value of the graph's annotation `id`; raises `ItemNotFound` for an unknown id. */
  getAnnotationPropertyValueFromId(id: string): SDValue | null {
    const call = callName(this, 'getAnnotationPropertyValueFromId');
    const graph = liveGraph(this, 'getAnnotationPropertyValueFromId');
    return valueOf(
      graph.values,
      graph.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Annotation),
    );
  }

  /** Computes the graph. The mock renders nothing: it only checks that the graph still exists. */
  compute(): void {
    liveGraph(this, 'compute');
  }
}
