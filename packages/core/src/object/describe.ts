import { classNameOf } from '../class-name';
import type { QObject } from './qobject';

/** `Class "objectName"`, or `Class` when the object has no name: how messages name an object. */
export function describeObject(this: QObject): string {
  const cls = classNameOf(this.constructor as typeof QObject) || 'QObject';
  return this.objectName ? `${cls} "${this.objectName}"` : cls;
}
