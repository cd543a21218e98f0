/**
 * The base of every Designer API class (`sd.api.sdapiobject.SDAPIObject`). Its methods are guarded on each
 * concrete subclass, under that subclass's name.
 */
export abstract class SDAPIObject {
  /** The Designer class name of this object: `SDSBSCompGraph`, `SDNode`, `SDValueFloat`… */
  getClassName(): string {
    return this.constructor.name;
  }
}
