import { InvalidArgumentError } from '@sigslot/core';
import { nodeProcess } from './endpoint/platform';
import type { WebWorker } from './endpoint/web-endpoint';
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
  /**
   * Browsers: makes the Web Worker that runs the class, written the way bundlers recognise
   * (`() => new Worker(new URL('./ticker.js', import.meta.url), { type: 'module' })`); the thread module lists its
   * classes with `serveThreadClasses`. A class that has one needs no `module`.
   */
  readonly worker?: (() => WebWorker) | undefined;
}

/**
 * Where a worker finds `cls`, or a clear error saying how to declare it. `inherited` is the module of a
 * base class: a subclass that did not declare its own would send the worker to the wrong module.
 */
export function classLocation(cls: WorkerClass, what: string, inherited?: string | URL): ClassLocation {
  const module = inherited !== undefined && cls.module === inherited ? undefined : cls.module;
  const exportName = cls.exportName ?? cls.name;
  // In a browser, its worker's script serves the class (serveThreadClasses): no module for the worker to import.
  if (module === undefined && cls.worker && !nodeProcess()) return { module: '', exportName };
  if (module === undefined) {
    throw new InvalidArgumentError(
      `${what}: ${cls.name} does not say which module defines it, so a worker cannot load it. Add ` +
        `\`static override readonly module = __filename;\` (CommonJS) or \`= import.meta.url\` (ESM) to ${cls.name}, ` +
        `and export the class from that module.${cls.worker ? ' (Its static worker is for browsers only.)' : ''}`,
    );
  }
  return { module: String(module), exportName };
}
