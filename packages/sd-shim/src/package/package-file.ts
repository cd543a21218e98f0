import { DESIGNER_VERSION } from '../app/sd-application-path';
import { GraphModel, type GraphKind } from '../graph/graph-model';
import type { NodeModel } from '../graph/node-model';
import type { PropertyValues } from '../graph/property-values';
import { SDPropertyCategory } from '../graph/sd-property-category';
import { parseValueData, type ValueData } from '../values/value-data';
import type { PackageModel } from './package-model';
import { FolderModel, type ResourceContainer, type ResourceModel } from './resource-model';

/** The `format` marker of the mock's package files. */
export const SBS_FORMAT = 'sigslot-sd-shim-sbs';

/** The version of the file format this code writes and reads. */
export const SBS_FORMAT_VERSION = 1;

/** Property values set explicitly, by category then id (defaults are not written). */
export interface PropertiesDocument {
  /** Input parameters: `{"opacitymult": {"kind": "float", "value": 0.5}}`. */
  readonly input?: Readonly<Record<string, ValueData>>;
  /** Annotations: `{"identifier": {"kind": "string", "value": "basecolor"}}`. */
  readonly annotation?: Readonly<Record<string, ValueData>>;
}

/** A node in a package file. */
export interface NodeDocument {
  /** Its identifier, kept across save and load. */
  readonly id: string;
  /** Its definition's id. */
  readonly definition: string;
  /** Its position `[x, y]`. */
  readonly position: readonly [number, number];
  /** Its values set explicitly. */
  readonly properties: PropertiesDocument;
}

/** A connection in a package file: from an output of one node to an input of another. */
export interface ConnectionDocument {
  /** The upstream end. */
  readonly from: { readonly node: string; readonly property: string };
  /** The downstream end. */
  readonly to: { readonly node: string; readonly property: string };
}

/** A graph in a package file. */
export interface GraphDocument {
  /** Its class. */
  readonly kind: GraphKind;
  /** Its identifier. */
  readonly identifier: string;
  /** Its own values set explicitly. */
  readonly properties: PropertiesDocument;
  /** Its nodes, in creation order. */
  readonly nodes: readonly NodeDocument[];
  /** Its connections, in creation order. */
  readonly connections: readonly ConnectionDocument[];
  /** A function graph's output node id (null if none); absent for compositing graphs. */
  readonly outputNode?: string | null;
}

/** A folder in a package file. */
export interface FolderDocument {
  /** Its class. */
  readonly kind: 'SDResourceFolder';
  /** Its identifier. */
  readonly identifier: string;
  /** What it holds. */
  readonly children: readonly ResourceDocument[];
}

/** A resource in a package file. */
export type ResourceDocument = GraphDocument | FolderDocument;

/** A whole package file (JSON, written with a `.sbs` extension). */
export interface PackageDocument {
  /** Always {@link SBS_FORMAT}: a real Designer `.sbs` (XML) is refused with a clear message. */
  readonly format: typeof SBS_FORMAT;
  /** {@link SBS_FORMAT_VERSION}. */
  readonly formatVersion: number;
  /** The mock Designer version that wrote it. */
  readonly designerVersion: string;
  /** The top-level resources, in order. */
  readonly resources: readonly ResourceDocument[];
}

function propertiesDocument(values: PropertyValues): PropertiesDocument {
  const input: Record<string, ValueData> = {};
  const annotation: Record<string, ValueData> = {};
  for (const [def, value] of values.explicit()) {
    if (def.category === SDPropertyCategory.Input) input[def.id] = value;
    else if (def.category === SDPropertyCategory.Annotation) annotation[def.id] = value;
  }
  return {
    ...(Object.keys(input).length > 0 ? { input } : {}),
    ...(Object.keys(annotation).length > 0 ? { annotation } : {}),
  };
}

function nodeDocument(node: NodeModel): NodeDocument {
  return {
    id: node.id,
    definition: node.definition.id,
    position: [...node.position],
    properties: propertiesDocument(node.values),
  };
}

function resourceDocument(resource: ResourceModel): ResourceDocument {
  if (resource instanceof FolderModel) {
    return {
      kind: 'SDResourceFolder',
      identifier: resource.identifier,
      children: resource.children.map(resourceDocument),
    };
  }
  const graph = resource as GraphModel;
  return {
    kind: graph.kind,
    identifier: graph.identifier,
    properties: propertiesDocument(graph.values),
    nodes: [...graph.nodes.values()].map(nodeDocument),
    connections: graph.connections
      .filter((c) => c.alive)
      .map((c) => ({
        from: { node: c.from.id, property: c.fromProperty.id },
        to: { node: c.to.id, property: c.toProperty.id },
      })),
    ...(graph.family === 'function' ? { outputNode: graph.outputNodeId } : {}),
  };
}

/** The document of a package: everything needed to load an equal one. */
export function packageDocument(pkg: PackageModel): PackageDocument {
  return {
    format: SBS_FORMAT,
    formatVersion: SBS_FORMAT_VERSION,
    designerVersion: DESIGNER_VERSION,
    resources: pkg.children.map(resourceDocument),
  };
}

/** The file text of a package: its document as indented JSON. */
export function packageText(pkg: PackageModel): string {
  return `${JSON.stringify(packageDocument(pkg), null, 2)}\n`;
}

/** Reading a file failed; the message says where in the document and why. */
export class PackageFileError extends Error {}

const LOAD = 'loadUserPackage()';

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PackageFileError(`${where}: expected an object`);
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new PackageFileError(`${where}: expected an array`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new PackageFileError(`${where}: expected a string`);
  return value;
}

/** Runs `step`, turning any error it raises into a {@link PackageFileError} located at `where`. */
function at<T>(where: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PackageFileError) throw error;
    throw new PackageFileError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readProperties(json: unknown, values: PropertyValues, where: string): void {
  const doc = object(json ?? {}, where);
  for (const [key, category] of [
    ['input', SDPropertyCategory.Input],
    ['annotation', SDPropertyCategory.Annotation],
  ] as const) {
    if (doc[key] === undefined) continue;
    for (const [id, raw] of Object.entries(object(doc[key], `${where}.${key}`))) {
      const here = `${where}.${key}.${id}`;
      const value = at(here, () => parseValueData(raw, here));
      at(here, () => values.set(LOAD, values.require(LOAD, id, category), value));
    }
  }
}

function readGraph(json: Json, kind: GraphKind, parent: ResourceContainer, where: string): GraphModel {
  const graph = new GraphModel(kind, text(json['identifier'], `${where}.identifier`), parent);
  readProperties(json['properties'], graph.values, `${where}.properties`);
  array(json['nodes'], `${where}.nodes`).forEach((raw, i) => {
    const here = `${where}.nodes[${i}]`;
    const doc = object(raw, here);
    const node = at(here, () =>
      graph.newNode(LOAD, text(doc['definition'], `${here}.definition`), text(doc['id'], `${here}.id`)),
    );
    if (node.id !== doc['id'])
      throw new PackageFileError(`${here}.id: the id "${String(doc['id'])}" appears twice in the graph`);
    const position = array(doc['position'] ?? [0, 0], `${here}.position`);
    if (position.length !== 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new PackageFileError(`${here}.position: expected [x, y], two finite numbers`);
    }
    node.position = [position[0] as number, position[1] as number];
    readProperties(doc['properties'], node.values, `${here}.properties`);
  });
  array(json['connections'] ?? [], `${where}.connections`).forEach((raw, i) => {
    const here = `${where}.connections[${i}]`;
    const doc = object(raw, here);
    const end = (side: 'from' | 'to') => {
      const e = object(doc[side], `${here}.${side}`);
      const node = graph.nodes.get(text(e['node'], `${here}.${side}.node`));
      if (node === undefined)
        throw new PackageFileError(`${here}.${side}.node: no node "${String(e['node'])}" in the graph`);
      const category = side === 'from' ? SDPropertyCategory.Output : SDPropertyCategory.Input;
      return [
        node,
        at(here, () => node.values.require(LOAD, text(e['property'], `${here}.${side}.property`), category)),
      ] as const;
    };
    const [from, fromProperty] = end('from');
    const [to, toProperty] = end('to');
    at(here, () => graph.connect(LOAD, from, fromProperty, to, toProperty));
  });
  if (kind === 'SDSBSFunctionGraph' && json['outputNode'] !== undefined && json['outputNode'] !== null) {
    const id = text(json['outputNode'], `${where}.outputNode`);
    if (!graph.nodes.has(id)) throw new PackageFileError(`${where}.outputNode: no node "${id}" in the graph`);
    graph.outputNodeId = id;
  }
  return graph;
}

function readResources(json: unknown, container: ResourceContainer, where: string): void {
  const seen = new Set<string>();
  array(json, where).forEach((raw, i) => {
    const here = `${where}[${i}]`;
    const doc = object(raw, here);
    const identifier = text(doc['identifier'], `${here}.identifier`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier))
      throw new PackageFileError(`${here}.identifier: "${identifier}" is not a valid identifier`);
    if (seen.has(identifier))
      throw new PackageFileError(`${here}.identifier: "${identifier}" appears twice in the same folder`);
    seen.add(identifier);
    const kind = doc['kind'];
    if (kind === 'SDResourceFolder') {
      const folder = new FolderModel(identifier, container);
      container.children.push(folder);
      readResources(doc['children'], folder, `${here}.children`);
    } else if (kind === 'SDSBSCompGraph' || kind === 'SDSBSFunctionGraph') {
      container.children.push(readGraph(doc, kind, container, here));
    } else {
      throw new PackageFileError(`${here}.kind: unknown resource kind ${JSON.stringify(kind)}`);
    }
  });
}

/**
 * Fills `pkg` (empty) from a package file's `content`. Throws a {@link PackageFileError} naming the place
 * in the document for anything malformed: not JSON (a real Designer `.sbs` is XML), another format, an
 * unknown node definition or property, a value of the wrong type, a connection Designer would refuse.
 */
export function readPackage(content: string, pkg: PackageModel): void {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    const hint = content.trimStart().startsWith('<')
      ? ' (it looks like XML: a real Designer .sbs, which the mock cannot read)'
      : '';
    throw new PackageFileError(`not a sd-shim package file: the content is not JSON${hint}`);
  }
  const doc = object(json, 'the document');
  if (doc['format'] !== SBS_FORMAT)
    throw new PackageFileError(`format: expected "${SBS_FORMAT}", got ${JSON.stringify(doc['format'])}`);
  if (doc['formatVersion'] !== SBS_FORMAT_VERSION) {
    throw new PackageFileError(
      `formatVersion: this sd-shim reads version ${SBS_FORMAT_VERSION}, got ${JSON.stringify(doc['formatVersion'])}`,
    );
  }
  readResources(doc['resources'], pkg, 'resources');
}
