import type { ConnectionModel } from '../graph/connection-model';
import type { NodeModel } from '../graph/node-model';
import type { SDConnection } from '../graph/sd-connection';
import type { SDNode } from '../graph/sd-node';
import type { PackageModel } from '../package/package-model';
import type { ResourceModel } from '../package/resource-model';
import type { SDPackage } from '../package/sd-package';
import type { SDResource } from '../package/sd-resource';
import { Binding } from './binding';

/*
 * The links between API objects and their models, one per kind. This module imports only types, so every
 * facade module can import it without import cycles at load time.
 */

/** Packages. */
export const PACKAGES = new Binding<SDPackage, PackageModel>('SDPackage');
/** Resources: folders and graphs. */
export const RESOURCES = new Binding<SDResource, ResourceModel>('SDResource');
/** Nodes. */
export const NODES = new Binding<SDNode, NodeModel>('SDNode');
/** Connections seen from their upstream (output) end. */
export const CONNECTIONS_FROM_OUTPUT = new Binding<SDConnection, ConnectionModel>('SDConnection');
/** Connections seen from their downstream (input) end. */
export const CONNECTIONS_FROM_INPUT = new Binding<SDConnection, ConnectionModel>('SDConnection');

/** `SDSBSCompGraph.getIdentifier()`: the call's name for messages, from the object's class. */
export function callName(self: object, method: string): string {
  return `${self.constructor.name}.${method}()`;
}

let resourceFacadeMaker: ((model: ResourceModel) => SDResource) | null = null;

/** @internal Registers how resource objects are made (resource-facade.ts does, when it loads). */
export function setResourceFacadeMaker(make: (model: ResourceModel) => SDResource): void {
  resourceFacadeMaker = make;
}

/**
 * The API object of a resource, for modules that the resource classes themselves import (nodes): reaching it
 * through this registry, not an import, keeps the class modules free of load-order cycles.
 */
export function resourceFacadeOf(model: ResourceModel): SDResource {
  return resourceFacadeMaker!(model);
}
