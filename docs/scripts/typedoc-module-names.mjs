// A TypeDoc plugin: names each entry point after the import path users write (`@sigslot/core`,
// `@sigslot/sd-shim/jest`) instead of its folder (`core/src`).
import { Converter, ReflectionKind } from 'typedoc';

const NAMES = [
  [/sd-shim\/src\/jest$/, '@sigslot/sd-shim/jest'],
  [/sd-shim\/src$/, '@sigslot/sd-shim'],
  [/thread\/src$/, '@sigslot/thread'],
  [/core\/src$/, '@sigslot/core'],
  [/concurrent\/src\/web-worker$/, '@sigslot/concurrent/web-worker'],
  [/concurrent\/src$/, '@sigslot/concurrent'],
];

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const match = NAMES.find(([pattern]) => pattern.test(module.name));
      if (match) module.name = match[1];
    }
  });
}
