import { INSTANCE_ID } from '../graph/node-library';
import { SDPropertyInheritanceMethod } from '../graph/sd-property-inheritance-method';
import type { ValueData } from '../values/value-data';
import {
  type GraphDocument,
  type MetadataDocument,
  type NodeDocument,
  type PackageDocument,
  type PropertiesDocument,
  type ResourceDocument,
} from './package-document';
import { valueElement } from './sbs-xml-values';
import { children, el, v, writeXml, type XmlNode } from './xml-nodes';

/*
 * A package document as a .sbs file, in Designer's package schema for what the mock models: <package> with
 * <formatVersion>, <dependencies> and <content>; compositing graphs as <graph> with <paraminputs>, <baseParameters>,
 * <compNodes> (<compNode>: <uid>, <GUILayout><gpos>, <connections>, <compImplementation> with <compFilter> or
 * <compInstance>) and <GUIObjects>; function graphs as <function> whose <paramValue><dynamicValue> holds <paramNodes>;
 * folders as <group>; bitmaps as <resource>. Node annotations (an output's identifier and usages) are kept in an
 * <annotations> element of the node, the mock's own, except an output node's, which are a <graphoutput> of the
 * graph's <graphOutputs>, as in Designer (the node is a <compOutputBridge>).
 */

/** The format version Designer 14 writes. */
const DESIGNER_FORMAT_VERSION = '1.1.0.202201';
const COMPOSITING = 'sbs::compositing::';
const FUNCTION = 'sbs::function::';

function parameters(
  tag: string,
  props: PropertiesDocument['input'],
  inheritance: NodeDocument['inheritance'] = {},
  graphs: NodeDocument['propertyGraphs'] = {},
): XmlNode {
  const ids = [...new Set([...Object.keys(props ?? {}), ...Object.keys(inheritance), ...Object.keys(graphs)])];
  return el(
    tag,
    ids.map((id) => {
      const method = inheritance[id];
      const value = props?.[id];
      const graph = graphs[id];
      return el('parameter', [
        v('name', id),
        ...(method ? [v('relativeTo', String(SDPropertyInheritanceMethod[method]))] : []),
        ...(value ? [el('paramValue', [valueElement(value)])] : []),
        ...(graph ? [el('paramGraph', [functionBody(graph)])] : []),
      ]);
    }),
  );
}

function annotations(props: PropertiesDocument['annotation']): XmlNode[] {
  const entries = Object.entries(props ?? {});
  return entries.length === 0
    ? []
    : [
        el(
          'annotations',
          entries.map(([id, value]) => el('parameter', [v('name', id), el('paramValue', [valueElement(value)])])),
        ),
      ];
}

function connections(graph: GraphDocument, node: string, fn: boolean): XmlNode[] {
  const links = graph.connections.filter((c) => c.to.node === node);
  return links.length === 0
    ? []
    : [
        el(
          'connections',
          links.map((c) =>
            el('connection', [
              v('identifier', c.to.property),
              v('connRef', c.from.node),
              ...(fn ? [] : [v('connRefOutput', c.from.property)]),
            ]),
          ),
        ),
      ];
}

const OUTPUT = 'sbs::compositing::output';

/** An output node's annotations, as Designer keeps them: a <graphoutput> of the graph (its uid is the node's). */
function graphOutput(node: NodeDocument): XmlNode {
  const a = node.properties.annotation ?? {};
  const text = (id: string) => (a[id]?.kind === 'string' ? a[id].value : '');
  const usages = a['usages']?.kind === 'array' ? a['usages'].items : [];
  return el('graphoutput', [
    v('identifier', text('identifier') || 'output'),
    v('uid', node.id),
    ...(text('label') || text('description')
      ? [el('attributes', [v('label', text('label')), v('description', text('description'))])]
      : []),
    ...(usages.length
      ? [
          el(
            'usages',
            usages.map((u) =>
              u.kind === 'usage'
                ? el('usage', [v('components', u.components), v('name', u.name), v('colorSpace', u.colorSpace)])
                : el('usage'),
            ),
          ),
        ]
      : []),
    ...(text('group') ? [v('group', text('group'))] : []),
  ]);
}

function compNode(graph: GraphDocument, node: NodeDocument): XmlNode {
  if (node.definition === OUTPUT) {
    const params = parameters('parameters', node.properties.input, node.inheritance);
    return el('compNode', [
      v('uid', node.id),
      el('GUILayout', [v('gpos', `${node.position[0]} ${node.position[1]} 0`)]),
      ...connections(graph, node.id, false),
      el('compImplementation', [
        el('compOutputBridge', [v('output', node.id), ...(children(params).length ? [params] : [])]),
      ]),
    ]);
  }
  const implementation =
    node.definition === INSTANCE_ID
      ? el('compInstance', [
          v('path', node.reference!.url),
          v('package', node.reference!.package),
          parameters('parameters', node.properties.input, node.inheritance),
        ])
      : el('compFilter', [
          v('filter', node.definition.slice(COMPOSITING.length)),
          parameters('parameters', node.properties.input, node.inheritance, node.propertyGraphs),
        ]);
  return el('compNode', [
    v('uid', node.id),
    el('GUILayout', [v('gpos', `${node.position[0]} ${node.position[1]} 0`)]),
    ...connections(graph, node.id, false),
    el('compImplementation', [implementation]),
    ...annotations(node.properties.annotation),
  ]);
}

function paramNode(graph: GraphDocument, node: NodeDocument): XmlNode {
  const datas = Object.entries(node.properties.input ?? {});
  return el('paramNode', [
    v('uid', node.id),
    v('function', node.definition.slice(FUNCTION.length)),
    el('GUILayout', [v('gpos', `${node.position[0]} ${node.position[1]} 0`)]),
    ...(datas.length === 0
      ? []
      : [
          el(
            'funcDatas',
            datas.map(([id, value]) => el('funcData', [v('name', id), el('constantValue', [valueElement(value)])])),
          ),
        ]),
    ...connections(graph, node.id, true),
  ]);
}

function functionBody(graph: GraphDocument): XmlNode {
  return el('paramValue', [
    el('dynamicValue', [
      ...(graph.outputNode ? [v('rootnode', graph.outputNode)] : []),
      el(
        'paramNodes',
        graph.nodes.map((node) => paramNode(graph, node)),
      ),
    ]),
  ]);
}

/** A graph's annotations are strings (label, author…). */
function stringOf(value: ValueData): string {
  return value.kind === 'string' ? value.value : JSON.stringify(value);
}

/** `<metadata>` entries: the mock's element (Designer keeps metadata in a form the mock does not model). */
function metadata(entries: MetadataDocument | undefined): XmlNode[] {
  const list = Object.entries(entries ?? {});
  return list.length === 0
    ? []
    : [
        el(
          'metadata',
          list.map(([name, value]) => el('entry', [v('name', name), valueElement(value)])),
        ),
      ];
}

function graphHeader(graph: GraphDocument): XmlNode[] {
  return [
    v('identifier', graph.identifier),
    ...metadata(graph.metadata),
    ...(graph.inputs?.length
      ? [
          el(
            'paraminputs',
            graph.inputs.map((input) =>
              el('paraminput', [
                v('identifier', input.id),
                v('type', input.type.kind),
                ...(input.type.enumId ? [v('enum', input.type.enumId)] : []),
              ]),
            ),
          ),
        ]
      : []),
    ...(graph.properties.annotation
      ? [
          el(
            'attributes',
            Object.entries(graph.properties.annotation).map(([id, value]) => v(id, stringOf(value))),
          ),
        ]
      : []),
    ...(graph.properties.input ? [parameters('baseParameters', graph.properties.input)] : []),
  ];
}

function guiObjects(graph: GraphDocument): XmlNode[] {
  return graph.objects?.length
    ? [
        el(
          'GUIObjects',
          graph.objects.map((o) =>
            el('GUIObject', [
              v('type', o.kind.replace('SDGraphObject', '').toUpperCase()),
              v('GUIName', o.description),
              el('GUILayout', [
                v('gpos', `${o.position[0]} ${o.position[1]} 0`),
                v('size', `${o.size[0]} ${o.size[1]}`),
              ]),
              ...(o.parentNode ? [v('GUIDependency', `NODE?${o.parentNode}`)] : []),
              v('title', o.title),
              v('frameColor', o.color.join(' ')),
            ]),
          ),
        ),
      ]
    : [];
}

function resourceElement(resource: ResourceDocument): XmlNode {
  switch (resource.kind) {
    case 'SDResourceFolder':
      return el('group', [
        v('identifier', resource.identifier),
        ...metadata(resource.metadata),
        el('content', resource.children.map(resourceElement)),
      ]);
    case 'SDResourceBitmap':
      return el('resource', [
        v('identifier', resource.identifier),
        ...metadata(resource.metadata),
        v('type', 'bitmap'),
        v('filepath', resource.source),
        v('embedMethod', resource.embed),
      ]);
    case 'SDSBSCompGraph':
      return el('graph', [
        ...graphHeader(resource),
        ...(resource.nodes.some((n) => n.definition === OUTPUT)
          ? [el('graphOutputs', resource.nodes.filter((n) => n.definition === OUTPUT).map(graphOutput))]
          : []),
        el(
          'compNodes',
          resource.nodes.map((n) => compNode(resource, n)),
        ),
        ...guiObjects(resource),
      ]);
    case 'SDSBSFunctionGraph':
      return el('function', [...graphHeader(resource), functionBody(resource), ...guiObjects(resource)]);
  }
}

function dependencies(resources: readonly ResourceDocument[], out = new Set<string>()): Set<string> {
  for (const r of resources) {
    if (r.kind === 'SDResourceFolder') dependencies(r.children, out);
    if (r.kind === 'SDSBSCompGraph') for (const n of r.nodes) if (n.reference?.package) out.add(n.reference.package);
  }
  return out;
}

/** The .sbs text of `doc`. */
export function documentToSbs(doc: PackageDocument): string {
  const deps = [...dependencies(doc.resources)];
  return writeXml(
    el('package', [
      v('formatVersion', DESIGNER_FORMAT_VERSION),
      v('updaterVersion', doc.designerVersion),
      ...(deps.length
        ? [
            el(
              'dependencies',
              deps.map((file) => el('dependency', [v('filename', file)])),
            ),
          ]
        : []),
      ...metadata(doc.metadata),
      el('content', doc.resources.map(resourceElement)),
    ]),
  );
}
