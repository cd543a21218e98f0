import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { uniqueIdentifier } from '../package/identifier';
import { ResourceModel, type ResourceContainer } from '../package/resource-model';
import { designer } from '../state/designer-state';
import { VECTOR_SIZES, describeType, type ValueData } from '../values/value-data';
import { ConnectionModel } from './connection-model';
import type { GraphObjectModel } from './objects/graph-object-model';
import { INSTANCE_ID, NODE_LIBRARY, type GraphFamily, type NodeDefinition } from './node-library';
import { computeTextures } from './compute';
import { connectableTypes } from './port-types';
import { NodeModel } from './node-model';
import { inputPort, outputPort, parameter, type PropertyDef } from './property-def';
import { PropertyValues } from './property-values';
import { SDPropertyCategory } from './sd-property-category';

/** The graph classes of the mock. */
export type GraphKind = 'SDSBSCompGraph' | 'SDSBSFunctionGraph';

const string = (value: string) => ({ kind: 'string', value }) as const;
const TEXTURE = { kind: 'texture' } as const;

function cached(map: Map<string, PropertyDef>, id: string, make: () => PropertyDef): PropertyDef {
  let def = map.get(id);
  if (def === undefined) map.set(id, (def = make()));
  return def;
}

/** The default of a new graph input of `type`: zero, false, '' or the first enum member. */
function zeroOf(call: string, type: PropertyDef['type']): ValueData {
  switch (type.kind) {
    case 'bool':
      return { kind: 'bool', value: false };
    case 'int':
    case 'float':
      return { kind: type.kind, value: 0 };
    case 'string':
      return string('');
    case 'enum':
      return { kind: 'enum', enumId: type.enumId!, value: 0 };
    case 'int2':
    case 'int3':
    case 'int4':
    case 'float2':
    case 'float3':
    case 'float4':
    case 'ColorRGBA':
      return { kind: type.kind, value: new Array<number>(VECTOR_SIZES[type.kind]).fill(0) };
    default:
      throw new APIException(
        SDApiError.NotSupported,
        `${call}: the mock makes graph inputs of simple types only, got ${describeType(type)}`,
      );
  }
}

const GRAPH_ANNOTATIONS: readonly PropertyDef[] = ['label', 'description', 'author', 'category', 'tags'].map((id) =>
  parameter(id, id[0]!.toUpperCase() + id.slice(1), string(''), SDPropertyCategory.Annotation),
);

const COMPOSITING_GRAPH_INPUTS: readonly PropertyDef[] = [
  parameter('$outputsize', 'Output Size', { kind: 'int2', value: [8, 8] }),
  parameter('$format', 'Output Format', { kind: 'enum', enumId: 'sbs::compositing::format', value: 0 }),
  parameter('$randomseed', 'Random Seed', { kind: 'int', value: 0 }),
];

/**
 * The state of a graph: its nodes (in creation order), the connections between them, its own properties,
 * and, for a function graph, which node is its output.
 */
export class GraphModel extends ResourceModel {
  /** Compositing or function. */
  readonly family: GraphFamily;
  /** Its nodes by id, in creation order. */
  readonly nodes = new Map<string, NodeModel>();
  /** Its connections, in creation order. */
  connections: ConnectionModel[] = [];
  /** A function graph's output node. */
  outputNodeId: string | null = null;
  /** The graph's own property values. */
  readonly values: PropertyValues;
  /** Its pins, comments and frames, in creation order. */
  readonly objects: GraphObjectModel[] = [];
  /** The input parameters made with `newProperty` (what an instance of the graph shows as its parameters). */
  readonly customInputs: PropertyDef[] = [];
  readonly #outputDefs = new Map<string, PropertyDef>();
  readonly #inputDefs = new Map<string, PropertyDef>();

  constructor(
    /** Its API class. */
    readonly kind: GraphKind,
    identifier: string,
    parent: ResourceContainer,
  ) {
    super(identifier, parent);
    this.family = kind === 'SDSBSCompGraph' ? 'compositing' : 'function';
    this.values = new PropertyValues(
      () => this.properties(),
      () => `graph ${this.url()}`,
    );
  }

  /**
   * The graph's properties: its parameters (`$outputsize`…, then those made with `newProperty`), one image input
   * per input node and one output per output node (named by their `identifier`), and its annotations.
   */
  properties(): PropertyDef[] {
    if (this.family !== 'compositing') return [...this.customInputs, ...GRAPH_ANNOTATIONS];
    const inputs = this.identifiersOf('input').map((id) =>
      cached(this.#inputDefs, id, () => inputPort(id, id, TEXTURE)),
    );
    const outputs = this.identifiersOf('output').map((id) =>
      cached(this.#outputDefs, id, () => outputPort(id, id, TEXTURE)),
    );
    return [...COMPOSITING_GRAPH_INPUTS, ...this.customInputs, ...inputs, ...GRAPH_ANNOTATIONS, ...outputs];
  }

  /** The `identifier` annotations of the graph's input or output nodes, in creation order. */
  identifiersOf(role: 'input' | 'output'): string[] {
    return this.nodesOfRole(role).map((node) => {
      const identifier = node.values.get(node.values.find('identifier', SDPropertyCategory.Annotation)!);
      return identifier?.kind === 'string' ? identifier.value : node.id;
    });
  }

  /** Adds an input parameter of `type` (a graph input that instances show); raises `InvalidArgument` for a used id. */
  newProperty(call: string, id: string, type: PropertyDef['type']): PropertyDef {
    if (this.values.find(id, SDPropertyCategory.Input) !== undefined) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: the graph ${this.url()} already has an input "${id}"`,
      );
    }
    const def = parameter(id, id, zeroOf(call, type));
    this.customInputs.push(def);
    this.pkg.modified = true;
    return def;
  }

  /** The definitions `newNode` accepts here. */
  nodeDefinitions(): NodeDefinition[] {
    return [...NODE_LIBRARY.values()].filter((def) => def.family === this.family);
  }

  /**
   * Makes a node of `definitionId` (with `id`, when a file is loaded). Raises `ItemNotFound` for an unknown
   * definition and `InvalidArgument` for one of another family (a function node in a compositing graph).
   */
  newNode(call: string, definitionId: string, id?: string, referenced: GraphModel | null = null): NodeModel {
    const definition = NODE_LIBRARY.get(definitionId);
    if (definitionId === INSTANCE_ID && referenced === null) {
      throw new APIException(
        SDApiError.NotSupported,
        `${call}: an instance node instantiates a graph: use newInstanceNode(resource) instead`,
      );
    }
    if (definition === undefined) {
      throw new APIException(
        SDApiError.ItemNotFound,
        `${call}: unknown node definition "${definitionId}" (the mock knows: ${this.nodeDefinitions()
          .map((d) => d.id)
          .join(', ')})`,
      );
    }
    if (definition.family !== this.family) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: "${definitionId}" is a ${definition.family} node; a ${this.kind} takes ${this.family} nodes only`,
      );
    }
    let nodeId = id;
    while (nodeId === undefined || this.nodes.has(nodeId)) nodeId = designer().newNodeId();
    const node = new NodeModel(nodeId, definition, this, referenced);
    this.nodes.set(nodeId, node);
    if (id === undefined && (definition.role === 'input' || definition.role === 'output')) {
      const identifierDef = node.values.find('identifier', SDPropertyCategory.Annotation)!;
      const taken = this.nodesOfRole(definition.role)
        .filter((n) => n !== node)
        .map((n) => (n.values.get(identifierDef) as { value: string }).value);
      const base = (identifierDef.defaultValue as { value: string }).value;
      node.values.set(call, identifierDef, string(uniqueIdentifier(base, taken)));
    }
    this.pkg.modified = true;
    return node;
  }

  /** Deletes `node` and its connections. */
  deleteNode(node: NodeModel): void {
    for (const connection of this.connections)
      if (connection.from === node || connection.to === node) connection.alive = false;
    this.connections = this.connections.filter((c) => c.alive);
    this.nodes.delete(node.id);
    node.alive = false;
    for (const object of this.objects.filter((o) => o.parentNode === node)) object.alive = false;
    this.objects.splice(0, this.objects.length, ...this.objects.filter((o) => o.alive));
    if (this.outputNodeId === node.id) this.outputNodeId = null;
    this.pkg.modified = true;
  }

  /** The graph's output nodes: its `output` nodes (compositing), or the node set as output (function). */
  outputNodes(): NodeModel[] {
    if (this.family === 'function') {
      const node = this.outputNodeId === null ? undefined : this.nodes.get(this.outputNodeId);
      return node ? [node] : [];
    }
    return this.nodesOfRole('output');
  }

  /** The nodes of `role`, in creation order. */
  nodesOfRole(role: NodeDefinition['role']): NodeModel[] {
    return [...this.nodes.values()].filter((n) => n.definition.role === role);
  }

  /**
   * Connects output `fromProperty` of `from` to input `toProperty` of `to`, replacing the connection that
   * input had. Raises `InvalidArgument` for ends in another graph, wrong categories, a parameter that is not
   * connectable, or a link that would make a cycle; `InvalidType` for types that do not match.
   */
  connect(
    call: string,
    from: NodeModel,
    fromProperty: PropertyDef,
    to: NodeModel,
    toProperty: PropertyDef,
  ): ConnectionModel {
    const fail = (code: SDApiError, why: string): never => {
      throw new APIException(code, `${call}: ${why}`);
    };
    if (from.graph !== this || to.graph !== this)
      fail(SDApiError.InvalidArgument, `the ${to.describe()} is not in the same graph as the ${from.describe()}`);
    if (fromProperty.category !== SDPropertyCategory.Output) {
      fail(
        SDApiError.InvalidArgument,
        `"${fromProperty.id}" is not an output of the ${from.describe()}; connect from an output property (e.g. unique_filter_output)`,
      );
    }
    if (toProperty.category !== SDPropertyCategory.Input)
      fail(SDApiError.InvalidArgument, `"${toProperty.id}" is not an input of the ${to.describe()}`);
    if (!toProperty.connectable) {
      fail(
        SDApiError.InvalidArgument,
        `input "${toProperty.id}" of the ${to.describe()} is a parameter, not a connectable input; set its value instead`,
      );
    }
    const compatible =
      this.family === 'compositing'
        ? fromProperty.type.kind === 'texture' && toProperty.type.kind === 'texture'
        : connectableTypes(this, from, fromProperty, to, toProperty);
    if (!compatible) {
      fail(
        SDApiError.InvalidType,
        `cannot connect "${fromProperty.id}" (${describeType(fromProperty.type)}) of the ${from.describe()} to "${toProperty.id}" (${describeType(toProperty.type)}) of the ${to.describe()}: the types differ`,
      );
    }
    if (from === to || this.reaches(to, from))
      fail(SDApiError.InvalidArgument, `connecting the ${from.describe()} to the ${to.describe()} would make a cycle`);
    for (const old of this.connectionsOf(to, toProperty)) old.alive = false;
    const connection = new ConnectionModel(from, fromProperty, to, toProperty);
    this.connections = [...this.connections.filter((c) => c.alive), connection];
    this.pkg.modified = true;
    return connection;
  }

  /** The live connections at property `def` of `node` (either end). */
  connectionsOf(node: NodeModel, def: PropertyDef): ConnectionModel[] {
    return this.connections.filter(
      (c) => c.alive && ((c.from === node && c.fromProperty === def) || (c.to === node && c.toProperty === def)),
    );
  }

  /** Removes `connections`. */
  disconnect(connections: readonly ConnectionModel[]): void {
    if (connections.length === 0) return;
    for (const c of connections) c.alive = false;
    this.connections = this.connections.filter((c) => c.alive);
    this.pkg.modified = true;
  }

  /** True if following connections downstream from `start` reaches `target`. */
  private reaches(start: NodeModel, target: NodeModel): boolean {
    const seen = new Set<NodeModel>();
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === target) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const c of this.connections) if (c.alive && c.from === node) stack.push(c.to);
    }
    return false;
  }

  /** Computes every node's image outputs (the mock renders nothing: each gets a texture of the right size). */
  compute(): void {
    computeTextures(this);
  }

  override kill(): void {
    super.kill();
    for (const node of this.nodes.values()) node.alive = false;
    for (const connection of this.connections) connection.alive = false;
    for (const object of this.objects) object.alive = false;
    for (const node of this.nodes.values()) for (const graph of node.propertyGraphs.values()) graph.kill();
  }
}
