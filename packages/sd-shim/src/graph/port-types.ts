import type { TypeRef } from '../values/value-data';
import { sameType } from '../values/value-data';
import type { GraphModel } from './graph-model';
import type { NodeModel } from './node-model';
import type { PropertyDef } from './property-def';
import { SDPropertyCategory } from './sd-property-category';

/*
 * Polymorphic function ports (`add` takes int … float4): the ports of one node that share a type group take one
 * type, decided by the first of them to be connected; the output follows. Designer resolves them the same way
 * (its docs: "the inputs must be of the same type").
 */

function sameGroup(a: readonly TypeRef[], b: readonly TypeRef[]): boolean {
  return a.length === b.length && a.every((type, i) => sameType(type, b[i]!));
}

/** The types port `def` of `node` can have now: its one type, or what the connections of its group leave open. */
function typesOf(graph: GraphModel, node: NodeModel, def: PropertyDef, skip: PropertyDef | null): readonly TypeRef[] {
  if (def.types === undefined) return [def.type];
  for (const input of node.values.of(SDPropertyCategory.Input)) {
    if (input === skip || input.types === undefined || !sameGroup(input.types, def.types)) continue;
    const connection = graph.connectionsOf(node, input).find((c) => c.to === node);
    if (connection === undefined) continue;
    const upstream = typesOf(graph, connection.from, connection.fromProperty, null);
    return def.types.filter((type) => upstream.some((other) => sameType(type, other)));
  }
  return def.types;
}

/** True if output `fromDef` of `from` may feed input `toDef` of `to` (their possible types meet). */
export function connectableTypes(
  graph: GraphModel,
  from: NodeModel,
  fromDef: PropertyDef,
  to: NodeModel,
  toDef: PropertyDef,
): boolean {
  const upstream = typesOf(graph, from, fromDef, null);
  const downstream = typesOf(graph, to, toDef, toDef);
  return downstream.some((type) => upstream.some((other) => sameType(type, other)));
}
