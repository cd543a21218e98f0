import type { GraphModel } from './graph-model';
import { COMPOSITING_BASE, INSTANCE_ID, type NodeDefinition } from './node-library';
import { inputPort, outputPort, type PropertyDef } from './property-def';
import { SDPropertyCategory } from './sd-property-category';

const definitions = new WeakMap<GraphModel, NodeDefinition>();
const ports = new WeakMap<GraphModel, Map<string, PropertyDef>>();

/** One property object per referenced graph, category and id, so that a property found once stays the same. */
function port(graph: GraphModel, category: SDPropertyCategory, id: string): PropertyDef {
  let known = ports.get(graph);
  if (known === undefined) ports.set(graph, (known = new Map()));
  const key = `${category}:${id}`;
  let def = known.get(key);
  if (def === undefined) {
    def =
      category === SDPropertyCategory.Input
        ? inputPort(id, id, { kind: 'texture' })
        : outputPort(id, id, { kind: 'texture' });
    known.set(key, def);
  }
  return def;
}

/**
 * The definition of an instance of `graph` (`sbs::compositing::sbscompgraph_instance`): the base parameters, the
 * graph's own input parameters (made with `newProperty`), an image input per input node and an image output per
 * output node, named by their `identifier` annotations. It follows the graph as it changes.
 */
export function instanceDefinition(graph: GraphModel): NodeDefinition {
  let definition = definitions.get(graph);
  if (definition === undefined) {
    definition = {
      id: INSTANCE_ID,
      get label() {
        return graph.identifier;
      },
      family: 'compositing',
      role: 'instance',
      get properties(): readonly PropertyDef[] {
        return [
          ...COMPOSITING_BASE,
          ...graph.customInputs,
          ...graph.identifiersOf('input').map((id) => port(graph, SDPropertyCategory.Input, id)),
          ...graph.identifiersOf('output').map((id) => port(graph, SDPropertyCategory.Output, id)),
        ];
      },
    };
    definitions.set(graph, definition);
  }
  return definition;
}
