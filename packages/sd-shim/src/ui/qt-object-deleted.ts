import { InvalidArgumentError } from '@sigslot/core';

/** What PySide raises when a wrapper outlives its C++ object: `Internal C++ object (QMenu) already deleted.` */
export function alreadyDeleted(className: string, method: string): InvalidArgumentError {
  return new InvalidArgumentError(`${className}.${method}(): Internal C++ object (${className}) already deleted.`);
}
