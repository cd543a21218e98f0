import { SDArray } from '../base/sd-array';
import { describeValue } from '../base/binding';
import { SDAPIObject } from '../base/sd-api-object';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { SDType } from '../values/sd-type';
import { typeFromRef } from '../values/type-factory';
import type { SDValue } from '../values/sd-value';
import { valueFromData } from '../values/value-factory';
import type { PropertyDef } from './property-def';
import type { SDPropertyCategory } from './sd-property-category';

const facades = new WeakMap<PropertyDef, SDProperty>();
const defs = new WeakMap<SDProperty, PropertyDef>();

/**
 * A property of a node definition or a graph (`sd.api.sdproperty.SDProperty`): its id, category and type.
 * It holds no value: pass it to `node.getPropertyValue(prop)` or `node.setPropertyValue(prop, value)`.
 */
export class SDProperty extends SDAPIObject {
  /** @internal Properties come from `getProperties()` and `getPropertyFromId()`. */
  constructor() {
    super();
  }

  /** Its id: `opacitymult`, `$outputsize`, `unique_filter_output`, `identifier`. */
  getId(): string {
    return defOf(this).id;
  }

  /** Its label. */
  getLabel(): string {
    return defOf(this).label;
  }

  /** Its category. */
  getCategory(): SDPropertyCategory {
    return defOf(this).category;
  }

  /** Its type (`getId()` gives `float`, `float4`, `SDTexture`, an enum's id…). */
  getType(): SDType {
    return typeFromRef(defOf(this).type);
  }

  /** The types it takes: one, or for a polymorphic function port every type of its group (`add`: int … float4). */
  getTypes(): SDArray<SDType> {
    const def = defOf(this);
    return new SDArray((def.types ?? [def.type]).map(typeFromRef));
  }

  /** True for ports that take a connection. */
  isConnectable(): boolean {
    return defOf(this).connectable;
  }

  /** True if no value can be set (outputs and image ports). */
  isReadOnly(): boolean {
    return defOf(this).readOnly;
  }

  /** The value before anything is set, or null for ports. */
  getDefaultValue(): SDValue | null {
    const value = defOf(this).defaultValue;
    return value === null ? null : valueFromData(value);
  }
}

function defOf(property: SDProperty): PropertyDef {
  const def = defs.get(property);
  if (def === undefined)
    throw new APIException(SDApiError.InvalidArgument, 'SDProperty: not a property from the Designer API');
  return def;
}

/** @internal The property object of a definition (one per definition). */
export function propertyFacade(def: PropertyDef): SDProperty {
  let facade = facades.get(def);
  if (facade === undefined) {
    facade = new SDProperty();
    facades.set(def, facade);
    defs.set(facade, def);
  }
  return facade;
}

/** @internal The definition behind the argument `name` of `call`; raises `InvalidArgument` unless it is an {@link SDProperty}. */
export function propertyArg(value: unknown, call: string, name = 'property'): PropertyDef {
  const def = value instanceof SDProperty ? defs.get(value) : undefined;
  if (def === undefined) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: ${name} must be an SDProperty (from getPropertyFromId()), got ${describeValue(value)}`,
    );
  }
  return def;
}
