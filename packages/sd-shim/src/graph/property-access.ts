import { describeValue } from '../base/binding';
import { SDArray } from '../base/sd-array';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { PackageModel } from '../package/package-model';
import { requireString } from '../values/check-input';
import { valueArg, type SDValue } from '../values/sd-value';
import { valueFromData } from '../values/value-factory';
import type { PropertyDef } from './property-def';
import type { PropertyValues } from './property-values';
import { isCategory, type SDPropertyCategory } from './sd-property-category';
import { propertyArg, propertyFacade, type SDProperty } from './sd-property';

/*
 * The property methods nodes and graphs share, as functions over their PropertyValues (so that neither
 * facade calls the other's guarded methods).
 */

/** Raises `InvalidArgument` unless `category` is an {@link SDPropertyCategory}. */
export function requireCategory(call: string, category: unknown): SDPropertyCategory {
  if (!isCategory(category)) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: category must be an SDPropertyCategory (Annotation, Input or Output), got ${describeValue(category)}`,
    );
  }
  return category;
}

/** `getProperties(category)`. */
export function propertiesOf(values: PropertyValues, call: string, category: unknown): SDArray<SDProperty> {
  return new SDArray(values.of(requireCategory(call, category)).map(propertyFacade));
}

/** `getPropertyFromId(id, category)`: null when there is none (Designer returns None). */
export function propertyFromId(
  values: PropertyValues,
  call: string,
  id: unknown,
  category: unknown,
): SDProperty | null {
  const def = values.find(requireString(call, id, 'id'), requireCategory(call, category));
  return def === undefined ? null : propertyFacade(def);
}

/**
 * The definition `property` stands for on this owner: the same property, or the owner's property with the
 * same id and category (a property taken from another node of the same definition). Raises
 * `InvalidArgument` otherwise.
 */
export function ownProperty(values: PropertyValues, call: string, property: unknown, ownerName: string): PropertyDef {
  const def = propertyArg(property, call);
  if (values.has(def)) return def;
  const same = values.find(def.id, def.category);
  if (same === undefined) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: property "${def.id}" is not a property of the ${ownerName}`,
    );
  }
  return same;
}

/** `getPropertyValue`: a copy of the value, or null for ports and outputs. */
export function valueOf(values: PropertyValues, def: PropertyDef): SDValue | null {
  const data = values.get(def);
  return data === null ? null : valueFromData(data);
}

/** `setPropertyValue`: checks and stores a copy of `value`, and marks `pkg` modified. */
export function assignValue(
  values: PropertyValues,
  call: string,
  def: PropertyDef,
  value: unknown,
  pkg: PackageModel,
): void {
  values.set(call, def, valueArg(value, call));
  pkg.modified = true;
}
