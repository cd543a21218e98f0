import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireString } from '../values/check-input';
import type { NodeDefinition } from './node-library';
import { requireCategory } from './property-access';
import { propertyFacade, type SDProperty } from './sd-property';
import type { SDPropertyCategory } from './sd-property-category';

const facades = new WeakMap<NodeDefinition, SDDefinition>();
const definitions = new WeakMap<SDDefinition, NodeDefinition>();

/** What a node is (`sd.api.sddefinition.SDDefinition`): its id, label and properties. */
export class SDDefinition extends SDAPIObject {
  /** @internal Definitions come from `node.getDefinition()` and `graph.getNodeDefinitions()`. */
  constructor() {
    super();
  }

  /** Its id: `sbs::compositing::blend`. */
  getId(): string {
    return definitionOf(this).id;
  }

  /** Its label: `Blend`. */
  getLabel(): string {
    return definitionOf(this).label;
  }

  /** Its properties of `category`. */
  getProperties(category: SDPropertyCategory): SDArray<SDProperty> {
    const cat = requireCategory('SDDefinition.getProperties()', category);
    return new SDArray(
      definitionOf(this)
        .properties.filter((p) => p.category === cat)
        .map(propertyFacade),
    );
  }

  /** Its property `id` of `category`, or null. */
  getPropertyFromId(id: string, category: SDPropertyCategory): SDProperty | null {
    const call = 'SDDefinition.getPropertyFromId()';
    const cat = requireCategory(call, category);
    requireString(call, id, 'id');
    const def = definitionOf(this).properties.find((p) => p.id === id && p.category === cat);
    return def === undefined ? null : propertyFacade(def);
  }
}

function definitionOf(facade: SDDefinition): NodeDefinition {
  const definition = definitions.get(facade);
  if (definition === undefined)
    throw new APIException(SDApiError.InvalidArgument, 'SDDefinition: not a definition from the Designer API');
  return definition;
}

/** @internal The definition object of a node definition (one per definition). */
export function definitionFacade(definition: NodeDefinition): SDDefinition {
  let facade = facades.get(definition);
  if (facade === undefined) {
    facade = new SDDefinition();
    facades.set(definition, facade);
    definitions.set(facade, definition);
  }
  return facade;
}
