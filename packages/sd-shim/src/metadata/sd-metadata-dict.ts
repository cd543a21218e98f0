import { Binding } from '../base/binding';
import { callName } from '../base/bindings';
import { SDArray } from '../base/sd-array';
import { SDAPIObject } from '../base/sd-api-object';
import { propertyFacade, type SDProperty } from '../graph/sd-property';
import { requireString } from '../values/check-input';
import { valueArg, type SDValue } from '../values/sd-value';
import { valueFromData } from '../values/value-factory';
import type { MetadataModel } from './metadata-model';

const METADATA = new Binding<SDMetadataDict, MetadataModel>('SDMetadataDict');

function live(dict: SDMetadataDict, method: string): MetadataModel {
  return METADATA.live(dict, callName(dict, method));
}

/**
 * A metadata dictionary (`sd.api.sdmetadatadict.SDMetadataDict`) of a package (`pkg.getMetadataDict()`) or a resource
 * (`graph.getMetadataDict()`): keys (XML names) with values. Saved with the package.
 */
export class SDMetadataDict extends SDAPIObject {
  /** @internal Dictionaries come from `getMetadataDict()`. */
  constructor() {
    super();
  }

  /** The keys' properties, in insertion order. */
  getProperties(): SDArray<SDProperty> {
    return new SDArray(live(this, 'getProperties').properties().map(propertyFacade));
  }

  /** The property of key `id`; raises `ItemNotFound` for a key it does not have. */
  getPropertyFromId(id: string): SDProperty {
    const call = callName(this, 'getPropertyFromId');
    return propertyFacade(live(this, 'getPropertyFromId').property(call, requireString(call, id, 'id')));
  }

  /** The value of key `id`; raises `ItemNotFound` for a key it does not have. */
  getPropertyValueFromId(id: string): SDValue {
    const call = callName(this, 'getPropertyValueFromId');
    return valueFromData(live(this, 'getPropertyValueFromId').value(call, requireString(call, id, 'id')));
  }

  /**
   * Sets key `id` to a copy of `value`, adding the key if new (marks the package modified). Raises `InvalidValue`
   * for a key that is not an XML name (`1`, `a a`), `NotSupported` for a value of another type than the key holds.
   */
  setPropertyValueFromId(id: string, value: SDValue): void {
    const call = callName(this, 'setPropertyValueFromId');
    live(this, 'setPropertyValueFromId').set(call, requireString(call, id, 'id'), valueArg(value, call));
  }

  /** Deletes key `id` (marks the package modified); raises `ItemNotFound` for a key it does not have. */
  deleteProperty(id: string): void {
    const call = callName(this, 'deleteProperty');
    live(this, 'deleteProperty').delete(call, requireString(call, id, 'id'));
  }
}

/** @internal The dictionary object of `model` (one per dictionary). */
export function metadataFacade(model: MetadataModel): SDMetadataDict {
  return METADATA.facade(model, () => new SDMetadataDict());
}
