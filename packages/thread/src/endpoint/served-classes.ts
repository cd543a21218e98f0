import { InvalidArgumentError } from '@sigslot/core';

/** On globalThis: a worker that loaded two copies of the package still has one list. */
const SERVED = Symbol.for('sigslot.thread.served');
const registry = globalThis as { [SERVED]?: Readonly<Record<string, unknown>>[] };

/**
 * Lists the thread classes (and worker-object classes) that a Web Worker made by a class's `static worker` can run:
 * call it at the top level of the thread module, with the classes under the names they are exported as.
 *
 * ```ts
 * export class Ticker extends QThread { ... }
 * serveThreadClasses({ Ticker });
 * ```
 *
 * That worker's script is the thread module as the bundler built it, which the worker cannot import again by a URL:
 * the classes are found here instead. On the page and on Node it only records them.
 */
export function serveThreadClasses(classes: Readonly<Record<string, unknown>>): void {
  if (classes === null || typeof classes !== 'object') {
    throw new InvalidArgumentError(
      `serveThreadClasses(classes): expected an object of classes by export name ({ Ticker }); got ${String(classes)}.`,
    );
  }
  (registry[SERVED] ??= []).push(classes);
}

/** The served classes that include `exportName`, or undefined. */
export function servedClassesWith(exportName: string): Readonly<Record<string, unknown>> | undefined {
  return registry[SERVED]?.find((classes) => Object.hasOwn(classes, exportName));
}
