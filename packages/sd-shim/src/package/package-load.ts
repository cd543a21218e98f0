import { GraphModel, type GraphKind } from '../graph/graph-model';
import { INSTANCE_ID } from '../graph/node-library';
import { GraphObjectModel } from '../graph/objects/graph-object-model';
import type { PropertyDef } from '../graph/property-def';
import type { PropertyValues } from '../graph/property-values';
import { SDPropertyCategory } from '../graph/sd-property-category';
import { SDPropertyInheritanceMethod } from '../graph/sd-property-inheritance-method';
import { STRUCT_TYPES } from '../values/struct-types';
import { isValueKind, parseValueData, type TypeRef, type ValueData } from '../values/value-data';
import type { PackageModel } from './package-model';
import type { MetadataModel } from '../metadata/metadata-model';
import { BitmapModel, EmbedMethod, FolderModel, type ResourceContainer } from './resource-model';
import { SBS_FORMAT, SBS_FORMAT_VERSION } from './package-document';

/** Loading a package failed; the message says where in the document and why. */
export class PackageFileError extends Error {}

/** Finds (loading it if needed) the package at a file path, for instances of graphs of other packages. */
export type PackageResolver = (path: string) => PackageModel;

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

function numbers(value: unknown, size: number, where: string): number[] {
  const list = array(value, where);
  if (list.length !== size || !list.every((n) => typeof n === 'number' && Number.isFinite(n)))
    throw new PackageFileError(`${where}: expected ${size} finite numbers`);
  return list as number[];
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

/**
 * A value read from a file, in the type of the property it is for: a file writes a color as a float4 and a
 * struct's color fields the same way (as Designer's files do); enums as ints are taken by the property itself.
 */
function coerce(type: TypeRef, value: ValueData): ValueData {
  if (type.kind === 'ColorRGBA' && value.kind === 'float4') return { kind: 'ColorRGBA', value: value.value };
  if (type.kind === 'array' && type.itemKind === 'struct' && value.kind === 'array')
    return { ...value, items: value.items.map((item) => coerce({ kind: 'struct', structId: type.structId! }, item)) };
  if (type.kind === 'struct' && value.kind === 'struct') {
    const fields = Object.create(null) as Record<string, ValueData>;
    for (const field of STRUCT_TYPES.get(value.structId) ?? []) {
      const given = value.fields[field.id];
      if (given !== undefined) fields[field.id] = coerce({ kind: field.defaultValue.kind }, given);
    }
    return { ...value, fields };
  }
  return value;
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
      const def: PropertyDef = at(here, () => values.require(LOAD, id, category));
      at(here, () => values.set(LOAD, def, coerce(def.type, value)));
    }
  }
}

type Resolve = (ref: Json, here: string) => GraphModel;

/**
 * Reads the inputs, values and nodes of graph `json` into `graph` (made empty); `resolve` finds the graphs its
 * instance nodes refer to. Connections come in a second pass ({@link connectGraph}), once every graph of the package
 * has its nodes: an instance's ports are the referenced graph's input and output nodes.
 */
function fillGraph(json: Json, graph: GraphModel, where: string, resolve: Resolve): void {
  array(json['inputs'] ?? [], `${where}.inputs`).forEach((raw, i) => {
    const here = `${where}.inputs[${i}]`;
    const doc = object(raw, here);
    const type = object(doc['type'], `${here}.type`);
    if (!isValueKind(type['kind']))
      throw new PackageFileError(`${here}.type: unknown type ${JSON.stringify(type['kind'])}`);
    at(here, () => graph.newProperty(LOAD, text(doc['id'], `${here}.id`), type as unknown as TypeRef));
  });
  readProperties(json['properties'], graph.values, `${where}.properties`);
  array(json['nodes'], `${where}.nodes`).forEach((raw, i) => {
    const here = `${where}.nodes[${i}]`;
    const doc = object(raw, here);
    const definition = text(doc['definition'], `${here}.definition`);
    const referenced = definition === INSTANCE_ID ? resolve(object(doc['reference'], `${here}.reference`), here) : null;
    const node = at(here, () => graph.newNode(LOAD, definition, text(doc['id'], `${here}.id`), referenced));
    if (node.id !== doc['id'])
      throw new PackageFileError(`${here}.id: the id "${String(doc['id'])}" appears twice in the graph`);
    const [x, y] = numbers(doc['position'] ?? [0, 0], 2, `${here}.position`);
    node.position = [x!, y!];
    readProperties(doc['properties'], node.values, `${here}.properties`);
    for (const [id, name] of Object.entries(object(doc['inheritance'] ?? {}, `${here}.inheritance`))) {
      const method = SDPropertyInheritanceMethod[name as keyof typeof SDPropertyInheritanceMethod];
      if (typeof method !== 'number')
        throw new PackageFileError(`${here}.inheritance.${id}: unknown method ${JSON.stringify(name)}`);
      node.inheritance.set(
        at(here, () => node.values.require(LOAD, id, SDPropertyCategory.Input)),
        method,
      );
    }
    for (const [id, rawGraph] of Object.entries(object(doc['propertyGraphs'] ?? {}, `${here}.propertyGraphs`))) {
      const def = at(here, () => node.values.require(LOAD, id, SDPropertyCategory.Input));
      const fn = at(here, () => newFunctionGraphOf(node, def));
      const graphJson = object(rawGraph, `${here}.propertyGraphs.${id}`);
      fillGraph(graphJson, fn, `${here}.propertyGraphs.${id}`, resolve);
      connectGraph(graphJson, fn, `${here}.propertyGraphs.${id}`);
    }
  });
}

/** Reads the connections, the output node and the graph objects of graph `json` into `graph`. */
function connectGraph(json: Json, graph: GraphModel, where: string): void {
  array(json['connections'] ?? [], `${where}.connections`).forEach((raw, i) => {
    const here = `${where}.connections[${i}]`;
    const doc = object(raw, here);
    const end = (side: 'from' | 'to') => {
      const e = object(doc[side], `${here}.${side}`);
      const node = graph.nodes.get(text(e['node'], `${here}.${side}.node`));
      if (node === undefined)
        throw new PackageFileError(`${here}.${side}.node: no node "${String(e['node'])}" in the graph`);
      const category = side === 'from' ? SDPropertyCategory.Output : SDPropertyCategory.Input;
      const property = text(e['property'], `${here}.${side}.property`);
      // `#0`: the node's first output (a Designer file names an output by its uid; the reader turns it into its place).
      const byPlace =
        side === 'from' && /^#\d+$/.test(property) ? node.values.of(category)[Number(property.slice(1))] : undefined;
      if (byPlace) return [node, byPlace] as const;
      return [node, at(here, () => node.values.require(LOAD, property, category))] as const;
    };
    const [from, fromProperty] = end('from');
    const [to, toProperty] = end('to');
    at(here, () => graph.connect(LOAD, from, fromProperty, to, toProperty));
  });
  if (graph.kind === 'SDSBSFunctionGraph' && json['outputNode'] !== undefined && json['outputNode'] !== null) {
    const id = text(json['outputNode'], `${where}.outputNode`);
    if (!graph.nodes.has(id)) throw new PackageFileError(`${where}.outputNode: no node "${id}" in the graph`);
    graph.outputNodeId = id;
  }
  array(json['objects'] ?? [], `${where}.objects`).forEach((raw, i) => {
    const here = `${where}.objects[${i}]`;
    const doc = object(raw, here);
    const kind = doc['kind'];
    if (kind !== 'SDGraphObjectPin' && kind !== 'SDGraphObjectComment' && kind !== 'SDGraphObjectFrame')
      throw new PackageFileError(`${here}.kind: unknown graph object ${JSON.stringify(kind)}`);
    const parentId = doc['parentNode'] ?? null;
    const parent = parentId === null ? null : graph.nodes.get(text(parentId, `${here}.parentNode`));
    if (parent === undefined)
      throw new PackageFileError(`${here}.parentNode: no node "${String(parentId)}" in the graph`);
    const object_ = new GraphObjectModel(kind, graph, parent);
    object_.position = numbers(doc['position'], 2, `${here}.position`) as [number, number];
    object_.description = text(doc['description'] ?? '', `${here}.description`);
    object_.title = text(doc['title'] ?? '', `${here}.title`);
    object_.color = numbers(doc['color'] ?? [0, 0, 0, 0.25], 4, `${here}.color`) as [number, number, number, number];
    object_.size = numbers(doc['size'] ?? [0, 0], 2, `${here}.size`) as [number, number];
    graph.objects.push(object_);
  });
}

/** A property graph for parameter `def` of `node`, without marking the package modified (it is being loaded). */
function newFunctionGraphOf(node: import('../graph/node-model').NodeModel, def: PropertyDef): GraphModel {
  const holder: ResourceContainer = {
    children: [],
    get pkg() {
      return node.graph.pkg;
    },
    containerPath: () => `${node.graph.path()}/${node.id}`,
  };
  const graph = new GraphModel('SDSBSFunctionGraph', def.id, holder);
  node.propertyGraphs.set(def, graph);
  return graph;
}

/** Reads the metadata entries of `json` into `metadata`. */
function readMetadata(json: unknown, metadata: MetadataModel, where: string): void {
  for (const [id, raw] of Object.entries(object(json ?? {}, where))) {
    const here = `${where}.${id}`;
    const value = at(here, () => parseValueData(raw, here));
    at(here, () => metadata.set(LOAD, id, value));
  }
}

/** Makes the resources of `json` in `container`; graphs are filled later (`pending`), once every graph exists. */
function readResources(
  json: unknown,
  container: ResourceContainer,
  where: string,
  pending: [Json, GraphModel, string][],
): void {
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
      readMetadata(doc['metadata'], folder.metadata, `${here}.metadata`);
      readResources(doc['children'], folder, `${here}.children`, pending);
    } else if (kind === 'SDSBSCompGraph' || kind === 'SDSBSFunctionGraph') {
      const graph = new GraphModel(kind as GraphKind, identifier, container);
      container.children.push(graph);
      readMetadata(doc['metadata'], graph.metadata, `${here}.metadata`);
      pending.push([doc, graph, here]);
    } else if (kind === 'SDResourceBitmap') {
      const embed = EmbedMethod[text(doc['embed'], `${here}.embed`) as keyof typeof EmbedMethod];
      if (typeof embed !== 'number')
        throw new PackageFileError(`${here}.embed: unknown embed method ${JSON.stringify(doc['embed'])}`);
      const bitmap = new BitmapModel(identifier, container, text(doc['source'], `${here}.source`), embed);
      container.children.push(bitmap);
      readMetadata(doc['metadata'], bitmap.metadata, `${here}.metadata`);
    } else {
      throw new PackageFileError(`${here}.kind: unknown resource kind ${JSON.stringify(kind)}`);
    }
  });
}

/**
 * Fills `pkg` (empty) from a package document (untrusted: from a file). Throws a {@link PackageFileError} naming the
 * place in the document for anything malformed: another format, an unknown node definition or property, a value of
 * the wrong type, a connection Designer would refuse, an instance of a graph that cannot be found.
 */
export function readPackageDocument(json: unknown, pkg: PackageModel, resolvePackage: PackageResolver): void {
  const doc = object(json, 'the document');
  if (doc['format'] !== SBS_FORMAT)
    throw new PackageFileError(`format: expected "${SBS_FORMAT}", got ${JSON.stringify(doc['format'])}`);
  if (doc['formatVersion'] !== SBS_FORMAT_VERSION) {
    throw new PackageFileError(
      `formatVersion: this sd-shim reads version ${SBS_FORMAT_VERSION}, got ${JSON.stringify(doc['formatVersion'])}`,
    );
  }
  const pending: [Json, GraphModel, string][] = [];
  readResources(doc['resources'], pkg, 'resources', pending);
  readMetadata(doc['metadata'], pkg.metadata, 'metadata');
  const resolve = (ref: Json, here: string): GraphModel => {
    const path = text(ref['package'], `${here}.reference.package`);
    const url = text(ref['url'], `${here}.reference.url`);
    const owner = path === '' ? pkg : at(`${here}.reference`, () => resolvePackage(path));
    const graph = owner.findByUrl(url);
    if (!(graph instanceof GraphModel))
      throw new PackageFileError(`${here}.reference: no graph ${url} in ${path === '' ? 'this package' : `"${path}"`}`);
    return graph;
  };
  for (const [json_, graph, here] of pending) fillGraph(json_, graph, here, resolve);
  for (const [json_, graph, here] of pending) connectGraph(json_, graph, here);
}
