import { containerArg } from '../package/container-arg';
import { uniqueIdentifier } from '../package/identifier';
import { GraphModel, type GraphKind } from './graph-model';

/** @internal Makes a graph of `kind` in the `parent` argument of `call`, identified `base` (made unique). */
export function newGraph(kind: GraphKind, parent: unknown, call: string, base: string): GraphModel {
  const container = containerArg(parent, call);
  const graph = new GraphModel(
    kind,
    uniqueIdentifier(
      base,
      container.children.map((r) => r.identifier),
    ),
    container,
  );
  container.children.push(graph);
  container.pkg.modified = true;
  return graph;
}
