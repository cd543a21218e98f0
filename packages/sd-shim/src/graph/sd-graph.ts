import { NODES, RESOURCES, callName } from '../base/bindings';
import { SDArray } from '../base/sd-array';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { SDResource } from '../package/sd-resource';
import { requireString } from '../values/check-input';
import type { SDValue } from '../values/sd-value';
import { assignValue, ownProperty, propertiesOf, propertyFromId, requireCategory, valueOf } from './property-access';
import { SDPropertyCategory } from './sd-property-category';
import { definitionFacade, type SDDefinition } from './sd-definition';
import { nodeFacade } from './node-facade';
import { graphObjectFacade } from './objects/graph-object-classes';
import type { SDGraphObject } from './objects/sd-graph-object';
import type { SDNode } from './sd-node';
import { propertyFacade, type SDProperty } from './sd-property';
import { GraphModel } from './graph-model';
import { INSTANCE_ID } from './node-library';
import { typeRefOf, type SDType } from '../values/sd-type';

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

  /** Its pins, comments and frames, in creation order. */
  getGraphObjects(): SDArray<SDGraphObject> {
    return new SDArray(liveGraph(this, 'getGraphObjects').objects.map(graphObjectFacade));
  }

  /** The node definitions `newNode` accepts in this graph. */
  getNodeDefinitions(): SDArray<SDDefinition> {
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

  /**
   * Makes an instance of `resource` (a compositing graph, of any loaded package) at (0, 0): its parameters are the
   * graph's inputs, its ports the graph's input and output nodes (`getReferencedResource()` gives the graph back).
   * Raises `InvalidArgument` for a resource that is not a compositing graph, or this graph itself.
   */
  newInstanceNode(resource: SDResource): SDNode {
    const call = callName(this, 'newInstanceNode');
    const graph = liveGraph(this, 'newInstanceNode');
    const referenced = RESOURCES.arg(resource, call, 'resource');
    if (!(referenced instanceof GraphModel) || referenced.family !== graph.family || graph.family !== 'compositing') {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: resource must be a compositing graph to instantiate in ${graph.url()}, got the ${referenced.describe()}`,
      );
    }
    if (referenced === graph)
      throw new APIException(SDApiError.InvalidArgument, `${call}: a graph cannot instantiate itself`);
    return nodeFacade(graph.newNode(call, INSTANCE_ID, undefined, referenced));
  }

  /**
   * Adds a graph input parameter `id` of `type` (category `Input`; instances of the graph show it). Raises
   * `InvalidArgument` for another category or a used id, `NotSupported` for a type the mock cannot default.
   */
  newProperty(id: string, type: SDType, category: SDPropertyCategory): SDProperty {
    const call = callName(this, 'newProperty');
    const graph = liveGraph(this, 'newProperty');
    if (requireCategory(call, category) !== SDPropertyCategory.Input) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: the mock makes graph inputs only (SDPropertyCategory.Input)`,
      );
    }
    return propertyFacade(graph.newProperty(call, requireString(call, id, 'id'), typeRefOf(type, call)));
  }

  /**
   * Computes the graph: every image output then holds an `SDValueTexture` (read it with `getPropertyValue`). The
   * mock renders nothing: its textures have the size Designer would give them, in flat grey.
   */
  compute(): void {
    liveGraph(this, 'compute').compute();
  }
}
