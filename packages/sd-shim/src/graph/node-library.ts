import type { TypeRef } from '../values/value-data';
import { LIBRARY, parseType, valueOf, type Row } from './data/library-data';
import { inputPort, outputPort, parameter, type PropertyDef } from './property-def';
import { SDPropertyCategory } from './sd-property-category';

/** Which graphs a definition belongs to. */
export type GraphFamily = 'compositing' | 'function';

/** What a node does for its graph: a filter, a graph input or output, an instance of a graph, or a function node. */
export type NodeRole = 'filter' | 'input' | 'output' | 'instance' | 'function';

/** A node definition: what `graph.newNode(id)` makes, and what `node.getDefinition()` describes. */
export interface NodeDefinition {
  /** `sbs::compositing::blend`. */
  readonly id: string;
  /** `Blend`. */
  readonly label: string;
  /** The graphs it may be created in. */
  readonly family: GraphFamily;
  /** Its role. */
  readonly role: NodeRole;
  /** Its properties, all categories. */
  readonly properties: readonly PropertyDef[];
}

const TEXTURE: TypeRef = { kind: 'texture' };

/** A parameter row `[id, label, type, default]`. */
function parameterOf(row: Row, where: string): PropertyDef {
  const [id, label, type, value] = row as [string, string, string, unknown];
  const types = parseType(type);
  const def = parameter(id, label, valueOf(types.type, value, `${where}.${id}`));
  return types.types ? { ...def, types: types.types } : def;
}

/** An input port row: `[id, label]` (an image port) or `[id, label, type]` (a typed function input, default zero). */
function inputOf(row: Row, where: string): PropertyDef {
  const [id, label, type] = row as [string, string, string | undefined];
  if (type === undefined) return inputPort(id, label, TEXTURE);
  const types = parseType(type);
  const def = inputPort(id, label, types.type, valueOf(types.type, zero(types.type), `${where}.${id}`));
  return types.types ? { ...def, types: types.types } : def;
}

function zero(type: TypeRef): unknown {
  if (type.kind === 'bool') return false;
  if (type.kind === 'string') return '';
  const size = { int2: 2, int3: 3, int4: 4, float2: 2, float3: 3, float4: 4 }[type.kind as string];
  return size === undefined ? 0 : new Array<number>(size).fill(0);
}

function annotations(kind: 'input' | 'output'): PropertyDef[] {
  const text = (id: string, label: string, value = '') =>
    parameter(id, label, { kind: 'string', value }, SDPropertyCategory.Annotation);
  return [
    text('identifier', 'Identifier', kind),
    text('label', 'Label'),
    text('description', 'Description'),
    text('group', 'Group'),
    parameter('usages', 'Usages', { kind: 'array', itemKind: 'usage', items: [] }, SDPropertyCategory.Annotation),
  ];
}

/** The base parameters every atomic compositing node has (`$outputsize`, `$format`, `$pixelsize`, …). */
export const COMPOSITING_BASE: readonly PropertyDef[] = LIBRARY.compositingBase.map((row) =>
  parameterOf(row, 'compositingBase'),
);

function compositing(entry: (typeof LIBRARY.compositing)[number]): NodeDefinition {
  const where = entry.id;
  const outputs = entry.outputs.map(([id, label, type]) => {
    const port = outputPort(id!, label!, type === undefined ? TEXTURE : parseType(type).type);
    // An output node's Output holds its computed image; nothing can be connected from it.
    return entry.role === 'output' ? { ...port, connectable: false } : port;
  });
  return {
    id: `sbs::compositing::${entry.id}`,
    label: entry.label,
    family: 'compositing',
    role: entry.role as NodeRole,
    properties: [
      ...COMPOSITING_BASE,
      ...(entry.inputs ?? []).map((row) => inputOf(row, where)),
      ...((entry as { parameters?: Row[] }).parameters ?? []).map((row) => parameterOf(row, where)),
      ...outputs,
      ...(entry.annotations ? annotations(entry.annotations as 'input' | 'output') : []),
    ],
  };
}

function functionNode(entry: (typeof LIBRARY.function)[number]): NodeDefinition {
  const where = entry.id;
  const output = parseType(entry.output);
  const out = outputPort('unique_filter_output', 'Output', output.type);
  return {
    id: `sbs::function::${entry.id}`,
    label: entry.label,
    family: 'function',
    role: 'function',
    properties: [
      ...((entry as { inputs?: Row[] }).inputs ?? []).map((row) => inputOf(row, where)),
      ...((entry as { parameters?: Row[] }).parameters ?? []).map((row) => parameterOf(row, where)),
      output.types ? { ...out, types: output.types } : out,
    ],
  };
}

/** The id of the node that instantiates a graph (`newInstanceNode`); its properties come from that graph. */
export const INSTANCE_ID = LIBRARY.instance.id;

/**
 * The built-in node library, read from `data/node-library.json`: Designer's atomic compositing nodes and function
 * nodes, with their definition ids, property ids and types. Labels and defaults are the mock's choices.
 */
export const NODE_LIBRARY: ReadonlyMap<string, NodeDefinition> = new Map(
  [
    ...LIBRARY.compositing.map(compositing),
    ...LIBRARY.function.map(functionNode),
    { id: INSTANCE_ID, label: LIBRARY.instance.label, family: 'compositing', role: 'instance', properties: [] },
  ].map((definition) => [definition.id, definition as NodeDefinition] as const),
);
