import { InvalidArgumentError } from '@sigslot/core';
import type { ClassLocation } from './wire/protocol';

/** A class a worker can construct: it says which module defines it. */
export interface WorkerClass {
  /** The class's name: the export the worker looks for unless `exportName` says otherwise. */
  readonly name: string;
  /**
   * The module that defines (and exports) the class, so that a worker can load it: `__filename` in
   * CommonJS, `import.meta.url` in ESM, or in a browser the URL of the worker script that imports it.
   */
  readonly module?: string | URL | undefined;
  /** The export's name, if it is not the class's `name` (a minifier may rename classes). */
  readonly exportName?: string | undefined;
}

/**
 * Where a worker finds `cls`, or a clear error saying how to declare it. `inherited` is the module of a
 * base class: a subclass that did not declare its own would send the worker to the wrong module.
 */
export function classLocation(cls: WorkerClass, what: string, inherited?: string | URL): ClassLocation {
  const module = cls.module;
  if (module === undefined || (inherited !== undefined && module === inherited)) {
    throw new InvalidArgumentError(
      `${what}: ${cls.name} does not say which module defines it, so a worker cannot load it. Add ` +
        `\`static override readonly module = __filename;\` (CommonJS) or \`= import.meta.url\` (ESM) to ${cls.name}, ` +
        `and export the class from that module.`,
    );
  }
  return { module: String(module), exportName: cls.exportName ?? cls.name };
}
