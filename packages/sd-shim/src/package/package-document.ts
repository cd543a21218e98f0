import { DESIGNER_VERSION } from '../app/sd-application-path';
import type { GraphKind, GraphModel } from '../graph/graph-model';
import type { NodeModel } from '../graph/node-model';
import type { GraphObjectKind } from '../graph/objects/graph-object-model';
import type { PropertyValues } from '../graph/property-values';
import { SDPropertyCategory } from '../graph/sd-property-category';
import { SDPropertyInheritanceMethod } from '../graph/sd-property-inheritance-method';
import type { TypeRef, ValueData } from '../values/value-data';
import type { PackageModel } from './package-model';
import type { MetadataModel } from '../metadata/metadata-model';
import { BitmapModel, EmbedMethod, FolderModel, type ResourceModel } from './resource-model';

/*
 * A package as plain data: what the mock saves (as XML, see sbs-xml.ts) and loads. Two packages are equal when
 * their documents are. Loading checks a document as untrusted input (package-load.ts).
 */

/** The `format` marker of the mock's package documents. */
export const SBS_FORMAT = 'sigslot-sd-shim-sbs';

/** The version of the document format this code writes and reads. */
export const SBS_FORMAT_VERSION = 2;

/** Property values set explicitly, by category then id (defaults are not written). */
export interface PropertiesDocument {
  /** Input parameters: `{"opacitymult": {"kind": "float", "value": 0.5}}`. */
  readonly input?: Readonly<Record<string, ValueData>>;
  /** Annotations: `{"identifier": {"kind": "string", "value": "basecolor"}}`. */
  readonly annotation?: Readonly<Record<string, ValueData>>;
}

/** An inheritance method, by name. */
export type InheritanceName = keyof typeof SDPropertyInheritanceMethod;

/** A node in a package. */
export interface NodeDocument {
  /** Its identifier, kept across save and load. */
  readonly id: string;
  /** Its definition's id. */
  readonly definition: string;
  /** Its position `[x, y]`. */
  readonly position: readonly [number, number];
  /** Its values set explicitly. */
  readonly properties: PropertiesDocument;
  /** The inheritance methods set explicitly, by base parameter. */
  readonly inheritance?: Readonly<Record<string, InheritanceName>>;
  /** The function graphs of its parameters, by parameter. */
  readonly propertyGraphs?: Readonly<Record<string, GraphDocument>>;
  /** The graph an instance node instantiates: its package's file (`''`: this package) and its url. */
  readonly reference?: { readonly package: string; readonly url: string };
}

/** A connection in a package: from an output of one node to an input of another. */
export interface ConnectionDocument {
  /** The upstream end. */
  readonly from: { readonly node: string; readonly property: string };
  /** The downstream end. */
  readonly to: { readonly node: string; readonly property: string };
}

/** An input parameter a graph declares (`newProperty`). */
export interface GraphInputDocument {
  /** Its id. */
  readonly id: string;
  /** Its type. */
  readonly type: TypeRef;
}

/** A pin, comment or frame. */
export interface GraphObjectDocument {
  /** Its class. */
  readonly kind: GraphObjectKind;
  /** Its position `[x, y]`. */
  readonly position: readonly [number, number];
  /** Its description. */
  readonly description: string;
  /** A comment's node, or null. */
  readonly parentNode: string | null;
  /** A frame's title, color and size (written for every object, used by frames). */
  readonly title: string;
  readonly color: readonly [number, number, number, number];
  readonly size: readonly [number, number];
}

/** Metadata entries, by key, in insertion order. */
export type MetadataDocument = Readonly<Record<string, ValueData>>;

/** A graph in a package. */
export interface GraphDocument {
  /** Its class. */
  readonly kind: GraphKind;
  /** Its identifier. */
  readonly identifier: string;
  /** Its metadata. */
  readonly metadata?: MetadataDocument;
  /** The input parameters it declares. */
  readonly inputs?: readonly GraphInputDocument[];
  /** Its own values set explicitly. */
  readonly properties: PropertiesDocument;
  /** Its nodes, in creation order. */
  readonly nodes: readonly NodeDocument[];
  /** Its connections, in creation order. */
  readonly connections: readonly ConnectionDocument[];
  /** A function graph's output node id (null if none); absent for compositing graphs. */
  readonly outputNode?: string | null;
  /** Its pins, comments and frames. */
  readonly objects?: readonly GraphObjectDocument[];
}

/** A folder in a package. */
export interface FolderDocument {
  /** Its class. */
  readonly kind: 'SDResourceFolder';
  /** Its identifier. */
  readonly identifier: string;
  /** Its metadata. */
  readonly metadata?: MetadataDocument;
  /** What it holds. */
  readonly children: readonly ResourceDocument[];
}

/** A bitmap in a package. */
export interface BitmapDocument {
  /** Its class. */
  readonly kind: 'SDResourceBitmap';
  /** Its identifier. */
  readonly identifier: string;
  /** Its metadata. */
  readonly metadata?: MetadataDocument;
  /** The file it was made from. */
  readonly source: string;
  /** How it is kept. */
  readonly embed: keyof typeof EmbedMethod;
}

/** A resource in a package. */
export type ResourceDocument = GraphDocument | FolderDocument | BitmapDocument;

/** A whole package. */
export interface PackageDocument {
  /** Always {@link SBS_FORMAT}. */
  readonly format: typeof SBS_FORMAT;
  /** {@link SBS_FORMAT_VERSION}. */
  readonly formatVersion: number;
  /** The mock Designer version that wrote it. */
  readonly designerVersion: string;
  /** The top-level resources, in order. */
  readonly resources: readonly ResourceDocument[];
  /** The package's metadata. */
  readonly metadata?: MetadataDocument;
}

function metadataOf(model: { metadata: MetadataModel }): { metadata?: MetadataDocument } {
  const entries = model.metadata.entries();
  return entries.length === 0 ? {} : { metadata: Object.fromEntries(entries) };
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
  const inheritance = Object.fromEntries(
    [...node.inheritance].map(([def, method]) => [def.id, SDPropertyInheritanceMethod[method] as InheritanceName]),
  );
  const graphs = Object.fromEntries([...node.propertyGraphs].map(([def, graph]) => [def.id, graphDocument(graph)]));
  const referenced = node.referenced;
  return {
    id: node.id,
    definition: node.definition.id,
    position: [...node.position],
    properties: propertiesDocument(node.values),
    ...(Object.keys(inheritance).length > 0 ? { inheritance } : {}),
    ...(Object.keys(graphs).length > 0 ? { propertyGraphs: graphs } : {}),
    ...(referenced
      ? {
          reference: {
            package: referenced.pkg === node.graph.pkg ? '' : referenced.pkg.filePath,
            url: referenced.url(),
          },
        }
      : {}),
  };
}

function graphDocument(graph: GraphModel): GraphDocument {
  return {
    kind: graph.kind,
    identifier: graph.identifier,
    ...metadataOf(graph),
    ...(graph.customInputs.length > 0
      ? { inputs: graph.customInputs.map((def) => ({ id: def.id, type: def.type })) }
      : {}),
    properties: propertiesDocument(graph.values),
    nodes: [...graph.nodes.values()].map(nodeDocument),
    connections: graph.connections
      .filter((c) => c.alive)
      .map((c) => ({
        from: { node: c.from.id, property: c.fromProperty.id },
        to: { node: c.to.id, property: c.toProperty.id },
      })),
    ...(graph.family === 'function' ? { outputNode: graph.outputNodeId } : {}),
    ...(graph.objects.length > 0
      ? {
          objects: graph.objects.map((o) => ({
            kind: o.kind,
            position: [...o.position] as [number, number],
            description: o.description,
            parentNode: o.parentNode?.id ?? null,
            title: o.title,
            color: [...o.color] as [number, number, number, number],
            size: [...o.size] as [number, number],
          })),
        }
      : {}),
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
  if (resource instanceof BitmapModel) {
    return {
      kind: 'SDResourceBitmap',
      identifier: resource.identifier,
      ...metadataOf(resource),
      source: resource.sourcePath,
      embed: EmbedMethod[resource.embed] as keyof typeof EmbedMethod,
    };
  }
  return graphDocument(resource as GraphModel);
}

/** The document of a package: everything needed to load an equal one. */
export function packageDocument(pkg: PackageModel): PackageDocument {
  return {
    format: SBS_FORMAT,
    formatVersion: SBS_FORMAT_VERSION,
    designerVersion: DESIGNER_VERSION,
    resources: pkg.children.map(resourceDocument),
    ...metadataOf(pkg),
  };
}
