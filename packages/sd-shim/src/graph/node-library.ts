import type { ValueData } from '../values/value-data';
import { inputPort, outputPort, parameter, type PropertyDef } from './property-def';
import { SDPropertyCategory } from './sd-property-category';

/** Which graphs a definition belongs to. */
export type GraphFamily = 'compositing' | 'function';

/** What a node does for its graph: a filter, a graph input, a graph output, or a function node. */
export type NodeRole = 'filter' | 'input' | 'output' | 'function';

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

const TEXTURE = { kind: 'texture' } as const;
const OUTPUT = outputPort('unique_filter_output', 'Output', TEXTURE);

const float = (value: number): ValueData => ({ kind: 'float', value });
const float4 = (...value: number[]): ValueData => ({ kind: 'float4', value });
const string = (value: string): ValueData => ({ kind: 'string', value });
const enumValue = (enumId: string, value: number): ValueData => ({ kind: 'enum', enumId, value });

/** The base parameters every atomic compositing node has. */
const COMPOSITING_BASE: readonly PropertyDef[] = [
  parameter('$outputsize', 'Output Size', { kind: 'int2', value: [0, 0] }),
  parameter('$format', 'Output Format', enumValue('sbs::compositing::format', 0)),
  parameter('$randomseed', 'Random Seed', { kind: 'int', value: 0 }),
];

function annotations(identifier: string, extra: readonly PropertyDef[] = []): PropertyDef[] {
  return [
    parameter('identifier', 'Identifier', string(identifier), SDPropertyCategory.Annotation),
    parameter('label', 'Label', string(''), SDPropertyCategory.Annotation),
    parameter('description', 'Description', string(''), SDPropertyCategory.Annotation),
    ...extra,
  ];
}

function compositing(name: string, label: string, role: NodeRole, properties: readonly PropertyDef[]): NodeDefinition {
  return {
    id: `sbs::compositing::${name}`,
    label,
    family: 'compositing',
    role,
    properties: [...COMPOSITING_BASE, ...properties],
  };
}

function constant(name: string, label: string, value: ValueData): NodeDefinition {
  const type = { kind: value.kind } as const;
  return {
    id: `sbs::function::${name}`,
    label,
    family: 'function',
    role: 'function',
    properties: [parameter('__constant__', 'Value', value), outputPort('unique_filter_output', 'Output', type)],
  };
}

/**
 * The built-in node library: a few atomic compositing nodes and function nodes with Designer's ids, port
 * ids and value types. Values not documented by Adobe (defaults, labels) are the mock's choices.
 */
export const NODE_LIBRARY: ReadonlyMap<string, NodeDefinition> = new Map(
  (
    [
      compositing('uniform', 'Uniform Color', 'filter', [
        parameter('colorswitch', 'Color Mode', { kind: 'bool', value: true }),
        parameter('outputcolor', 'Output Color', { kind: 'ColorRGBA', value: [0, 0, 0, 1] }),
        OUTPUT,
      ]),
      compositing('blend', 'Blend', 'filter', [
        inputPort('source', 'Foreground', TEXTURE),
        inputPort('destination', 'Background', TEXTURE),
        inputPort('opacity', 'Mask', TEXTURE),
        parameter('blendingmode', 'Blending Mode', enumValue('sbs::compositing::blendingmode', 0)),
        parameter('opacitymult', 'Opacity', float(1)),
        OUTPUT,
      ]),
      compositing('levels', 'Levels', 'filter', [
        inputPort('input1', 'Input', TEXTURE),
        parameter('levelinlow', 'Level In Low', float4(0, 0, 0, 0)),
        parameter('levelinmid', 'Level In Mid', float4(0.5, 0.5, 0.5, 0.5)),
        parameter('levelinhigh', 'Level In High', float4(1, 1, 1, 1)),
        parameter('leveloutlow', 'Level Out Low', float4(0, 0, 0, 0)),
        parameter('levelouthigh', 'Level Out High', float4(1, 1, 1, 1)),
        OUTPUT,
      ]),
      compositing('blur', 'Blur', 'filter', [
        inputPort('input1', 'Input', TEXTURE),
        parameter('intensity', 'Intensity', float(10)),
        parameter('quality', 'Quality', enumValue('sbs::compositing::blurquality', 0)),
        OUTPUT,
      ]),
      compositing('output', 'Output', 'output', [
        inputPort('inputNodeOutput', 'Input', TEXTURE),
        ...annotations('output', [
          parameter('usages', 'Usages', { kind: 'array', itemKind: 'usage', items: [] }, SDPropertyCategory.Annotation),
        ]),
      ]),
      compositing('input_color', 'Input Color', 'input', [OUTPUT, ...annotations('input')]),
      compositing('input_grayscale', 'Input Grayscale', 'input', [OUTPUT, ...annotations('input')]),
      constant('const_bool', 'Boolean', { kind: 'bool', value: false }),
      constant('const_int1', 'Integer', { kind: 'int', value: 0 }),
      constant('const_float1', 'Float', float(0)),
      constant('const_float2', 'Float2', { kind: 'float2', value: [0, 0] }),
      constant('const_float3', 'Float3', { kind: 'float3', value: [0, 0, 0] }),
      constant('const_float4', 'Float4', float4(0, 0, 0, 0)),
      {
        id: 'sbs::function::get_float1',
        label: 'Get Float',
        family: 'function',
        role: 'function',
        properties: [
          parameter('__constant__', 'Variable', string('')),
          outputPort('unique_filter_output', 'Output', { kind: 'float' }),
        ],
      },
      {
        id: 'sbs::function::add',
        label: 'Add',
        family: 'function',
        role: 'function',
        properties: [
          inputPort('a', 'A', { kind: 'float' }, float(0)),
          inputPort('b', 'B', { kind: 'float' }, float(0)),
          outputPort('unique_filter_output', 'Output', { kind: 'float' }),
        ],
      },
    ] satisfies NodeDefinition[]
  ).map((definition) => [definition.id, definition] as const),
);
