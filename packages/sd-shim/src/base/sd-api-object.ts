import { requireGuardedClass } from '../affinity/designer-guard';

/**
 * The base of every Designer API class (`sd.api.sdapiobject.SDAPIObject`). Its methods are guarded where they are
 * defined and named after the class they are called on.
 */
export abstract class SDAPIObject {
  /** @internal Objects come from the API. */
  constructor() {
    requireGuardedClass(new.target);
  }

  /** The Designer class name of this object: `SDSBSCompGraph`, `SDNode`, `SDValueFloat`… */
  getClassName(): string {
    return this.constructor.name;
  }
}
