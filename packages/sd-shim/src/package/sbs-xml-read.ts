import { INSTANCE_ID } from '../graph/node-library';
import { SDPropertyInheritanceMethod } from '../graph/sd-property-inheritance-method';
import type { ValueData, ValueKind } from '../values/value-data';
import {
  SBS_FORMAT,
  SBS_FORMAT_VERSION,
  type GraphDocument,
  type NodeDocument,
  type PackageDocument,
  type PropertiesDocument,
  type ResourceDocument,
} from './package-document';
import { readValue } from './sbs-xml-values';
import { attr, child, childValue, children, maybeChild, readXml, tagOf, type XmlNode } from './xml-nodes';

/*
 * Reads a .sbs file (see sbs-xml.ts for the schema) into a package document. What the mock does not model (an MDL
 * graph, a font) is left out; anything it models but cannot read raises an error that names the place.
 */

const COMPOSITING = 'sbs::compositing::';
const FUNCTION = 'sbs::function::';

function point(text: string, size: number, where: string): number[] {
  const parts = text.trim().split(/\s+/).slice(0, size).map(Number);
  if (parts.length !== size || !parts.every(Number.isFinite))
    throw new Error(`${where}: "${text}" is not ${size} numbers`);
  return parts;
}

interface ReadParameters {
  values: Record<string, ValueData>;
  inheritance: Record<string, keyof typeof SDPropertyInheritanceMethod>;
  graphs: Record<string, GraphDocument>;
}

function readParameters(node: XmlNode | undefined, where: string): ReadParameters {
  const out: ReadParameters = { values: {}, inheritance: {}, graphs: {} };
  for (const parameter of node ? children(node).filter((c) => tagOf(c) === 'parameter') : []) {
    const name = childValue(parameter, 'name', where);
    const here = `${where} parameter "${name}"`;
    const relativeTo = maybeChild(parameter, 'relativeTo');
    if (relativeTo) {
      const method = SDPropertyInheritanceMethod[Number(attr(relativeTo, 'v', here))];
      if (method === undefined) throw new Error(`${here}: unknown relativeTo "${attr(relativeTo, 'v', here)}"`);
      out.inheritance[name] = method as keyof typeof SDPropertyInheritanceMethod;
    }
    const value = maybeChild(parameter, 'paramValue');
    if (value) out.values[name] = readValue(children(value)[0] ?? value, here);
    const graph = maybeChild(parameter, 'paramGraph');
    if (graph) out.graphs[name] = readFunctionBody(child(graph, 'paramValue', here), name, [], {}, here);
  }
  return out;
}

function readAnnotations(node: XmlNode): Record<string, ValueData> {
  const found = maybeChild(node, 'annotations');
  return found ? readParameters(found, 'annotations').values : {};
}

function props(input: Record<string, ValueData>, annotation: Record<string, ValueData>): PropertiesDocument {
  return {
    ...(Object.keys(input).length ? { input } : {}),
    ...(Object.keys(annotation).length ? { annotation } : {}),
  };
}

function readConnections(node: XmlNode, to: string, where: string): GraphDocument['connections'] {
  const found = maybeChild(node, 'connections');
  return (found ? children(found) : []).map((c) => ({
    from: {
      node: childValue(c, 'connRef', where),
      property: childValue(c, 'connRefOutput', where, 'unique_filter_output'),
    },
    to: { node: to, property: childValue(c, 'identifier', where) },
  }));
}

function readHeader(node: XmlNode, where: string) {
  const identifier = childValue(node, 'identifier', where);
  const inputsNode = maybeChild(node, 'paraminputs');
  const inputs = (inputsNode ? children(inputsNode) : []).map((input) => {
    const enumId = maybeChild(input, 'enum');
    const kind = childValue(input, 'type', where) as ValueKind; // checked by the loader
    return {
      id: childValue(input, 'identifier', where),
      type: enumId ? { kind, enumId: attr(enumId, 'v', where) } : { kind },
    };
  });
  const attributes = maybeChild(node, 'attributes');
  const annotation: Record<string, ValueData> = {};
  for (const a of attributes ? children(attributes) : [])
    annotation[tagOf(a)] = { kind: 'string', value: attr(a, 'v', where) };
  const base = readParameters(maybeChild(node, 'baseParameters'), `${where} baseParameters`);
  return { identifier, inputs, properties: props(base.values, annotation) };
}

function readObjects(node: XmlNode, where: string): GraphDocument['objects'] {
  const found = maybeChild(node, 'GUIObjects');
  return (found ? children(found) : []).map((o) => {
    const layout = child(o, 'GUILayout', where);
    const type = childValue(o, 'type', where);
    const kind = `SDGraphObject${type.charAt(0)}${type.slice(1).toLowerCase()}` as NonNullable<
      GraphDocument['objects']
    >[number]['kind'];
    const dependency = maybeChild(o, 'GUIDependency');
    return {
      kind,
      position: point(childValue(layout, 'gpos', where), 2, where) as [number, number],
      description: childValue(o, 'GUIName', where, ''),
      parentNode: dependency ? attr(dependency, 'v', where).replace(/^NODE\?/, '') : null,
      title: childValue(o, 'title', where, ''),
      color: point(childValue(o, 'frameColor', where, '0 0 0 0.25'), 4, where) as [number, number, number, number],
      size: point(childValue(layout, 'size', where, '0 0'), 2, where) as [number, number],
    };
  });
}

function readFunctionBody(
  body: XmlNode,
  identifier: string,
  inputs: GraphDocument['inputs'],
  properties: PropertiesDocument,
  where: string,
  objects?: GraphDocument['objects'],
): GraphDocument {
  const dynamic = child(body, 'dynamicValue', where);
  const nodes = children(child(dynamic, 'paramNodes', where)).map((node) => {
    const id = childValue(node, 'uid', where);
    const datas = maybeChild(node, 'funcDatas');
    const input: Record<string, ValueData> = {};
    for (const data of datas ? children(datas) : []) {
      const value = children(child(data, 'constantValue', where))[0];
      if (value) input[childValue(data, 'name', where)] = readValue(value, `${where} node ${id}`);
    }
    return {
      doc: {
        id,
        definition: FUNCTION + childValue(node, 'function', where),
        position: point(childValue(child(node, 'GUILayout', where), 'gpos', where), 2, where) as [number, number],
        properties: props(input, {}),
      },
      links: readConnections(node, id, where),
    };
  });
  const root = maybeChild(dynamic, 'rootnode');
  return {
    kind: 'SDSBSFunctionGraph',
    identifier,
    ...(inputs?.length ? { inputs } : {}),
    properties,
    nodes: nodes.map((n) => n.doc),
    connections: nodes.flatMap((n) => n.links),
    outputNode: root ? attr(root, 'v', where) : null,
    ...(objects?.length ? { objects } : {}),
  };
}

/** The annotations of the output nodes of a graph, by the uid of their <graphoutput>. */
function readGraphOutputs(node: XmlNode, where: string): Map<string, Record<string, ValueData>> {
  const outputs = new Map<string, Record<string, ValueData>>();
  const found = maybeChild(node, 'graphOutputs');
  for (const output of found ? children(found) : []) {
    const text = (value: string): ValueData => ({ kind: 'string', value });
    const annotation: Record<string, ValueData> = { identifier: text(childValue(output, 'identifier', where)) };
    const attributes = maybeChild(output, 'attributes');
    for (const id of ['label', 'description']) {
      const value = attributes ? childValue(attributes, id, where, '') : '';
      if (value) annotation[id] = text(value);
    }
    const usages = maybeChild(output, 'usages');
    if (usages) {
      annotation['usages'] = {
        kind: 'array',
        itemKind: 'usage',
        items: children(usages).map((u) => ({
          kind: 'usage',
          name: childValue(u, 'name', where, ''),
          components: childValue(u, 'components', where, 'RGBA'),
          colorSpace: childValue(u, 'colorSpace', where, ''),
        })),
      };
    }
    const group = childValue(output, 'group', where, '');
    if (group) annotation['group'] = text(group);
    outputs.set(childValue(output, 'uid', where), annotation);
  }
  return outputs;
}

/** The uids of a node's <compOutputs>: Designer's connections name an output by its uid. */
function outputUids(node: XmlNode): string[] {
  const found = maybeChild(node, 'compOutputs');
  return (found ? children(found) : []).map((o) => childValue(o, 'uid', 'compOutput'));
}

function readCompGraph(node: XmlNode, where: string): GraphDocument {
  const header = readHeader(node, where);
  const here = `${where} graph "${header.identifier}"`;
  const graphOutputs = readGraphOutputs(node, here);
  const compNodes = maybeChild(node, 'compNodes');
  const uids = new Map<string, string[]>();
  const nodes = (compNodes ? children(compNodes) : []).map((n) => {
    const id = childValue(n, 'uid', here);
    uids.set(id, outputUids(n));
    const implementation = children(child(n, 'compImplementation', here))[0];
    if (implementation === undefined) throw new Error(`${here} node ${id}: <compImplementation> is empty`);
    const kind = tagOf(implementation);
    if (kind !== 'compFilter' && kind !== 'compInstance' && kind !== 'compOutputBridge')
      throw new Error(`${here} node ${id}: <${kind}> is not a node the mock reads`);
    const params = readParameters(maybeChild(implementation, 'parameters'), `${here} node ${id}`);
    const bridged =
      kind === 'compOutputBridge' ? graphOutputs.get(childValue(implementation, 'output', here)) : undefined;
    if (kind === 'compOutputBridge' && bridged === undefined)
      throw new Error(`${here} node ${id}: its output is not one of the graph's <graphOutputs>`);
    const doc: NodeDocument = {
      id,
      definition:
        kind === 'compInstance'
          ? INSTANCE_ID
          : kind === 'compOutputBridge'
            ? `${COMPOSITING}output`
            : COMPOSITING + childValue(implementation, 'filter', here),
      position: point(childValue(child(n, 'GUILayout', here), 'gpos', here), 2, here) as [number, number],
      properties: props(params.values, bridged ?? readAnnotations(n)),
      ...(Object.keys(params.inheritance).length ? { inheritance: params.inheritance } : {}),
      ...(Object.keys(params.graphs).length ? { propertyGraphs: params.graphs } : {}),
      ...(kind === 'compInstance'
        ? {
            reference: {
              package: childValue(implementation, 'package', here, ''),
              url: childValue(implementation, 'path', here),
            },
          }
        : {}),
    };
    return { doc, links: readConnections(n, id, here) };
  });
  const objects = readObjects(node, here);
  return {
    kind: 'SDSBSCompGraph',
    identifier: header.identifier,
    ...(header.inputs.length ? { inputs: header.inputs } : {}),
    properties: header.properties,
    nodes: nodes.map((n) => n.doc),
    // A connection from an output named by its uid (Designer's files) names it by its place: `#0` is the first output.
    connections: nodes
      .flatMap((n) => n.links)
      .map((c) => {
        const index = uids.get(c.from.node)?.indexOf(c.from.property) ?? -1;
        return index < 0 ? c : { ...c, from: { node: c.from.node, property: `#${index}` } };
      }),
    ...(objects?.length ? { objects } : {}),
  };
}

function readMetadataEntries(node: XmlNode, where: string): { metadata?: Record<string, ValueData> } {
  const found = maybeChild(node, 'metadata');
  if (!found) return {};
  const entries: Record<string, ValueData> = {};
  for (const entry of children(found)) {
    const name = childValue(entry, 'name', where);
    const value = children(entry).find((c) => tagOf(c) !== 'name');
    if (value === undefined) throw new Error(`${where}: metadata "${name}" has no value`);
    entries[name] = readValue(value, `${where} metadata "${name}"`);
  }
  return { metadata: entries };
}

function readResource(node: XmlNode, where: string): ResourceDocument | null {
  const resource = readResourceOnly(node, where);
  return resource === null ? null : { ...resource, ...readMetadataEntries(node, where) };
}

function readResourceOnly(node: XmlNode, where: string): ResourceDocument | null {
  switch (tagOf(node)) {
    case 'graph':
      return readCompGraph(node, where);
    case 'function': {
      const header = readHeader(node, where);
      const here = `${where} function "${header.identifier}"`;
      return readFunctionBody(
        child(node, 'paramValue', here),
        header.identifier,
        header.inputs,
        header.properties,
        here,
        readObjects(node, here),
      );
    }
    case 'group':
      return {
        kind: 'SDResourceFolder',
        identifier: childValue(node, 'identifier', where),
        children: readContent(child(node, 'content', where), `${where} group`),
      };
    case 'resource':
      return {
        kind: 'SDResourceBitmap',
        identifier: childValue(node, 'identifier', where),
        source: childValue(node, 'filepath', where),
        embed: childValue(node, 'embedMethod', where, 'Linked') as 'Linked',
      };
    default:
      return null; // what the mock does not model (an MDL graph, a font…) is left out
  }
}

function readContent(node: XmlNode, where: string): ResourceDocument[] {
  return children(node)
    .map((c) => readResource(c, where))
    .filter((r): r is ResourceDocument => r !== null);
}

/** The document of .sbs text; throws an `Error` saying where the text is not a package the mock reads. */
export function sbsToDocument(text: string): PackageDocument {
  const root = readXml(text, 'package');
  return {
    format: SBS_FORMAT,
    formatVersion: SBS_FORMAT_VERSION,
    designerVersion: childValue(root, 'updaterVersion', 'package', ''),
    resources: readContent(child(root, 'content', 'package'), 'content'),
    ...readMetadataEntries(root, 'package'),
  };
}
