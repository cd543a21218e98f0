import type { WorkerResolution } from '../wire/protocol';
import { PACKAGE_ENTRY } from './package-entry';
import { nodeBuiltin } from './platform';

/** Where this thread found @sigslot/core (its main entry and its kernel), or null if it could not say. */
let core: { readonly main: string; readonly kernel: string } | null | undefined;

/** What a fresh Node worker resolves and loads on its way to a thread module; see {@link workerImports}. */
export interface WorkerImports {
  readonly resolved: readonly WorkerResolution[];
  /** The package bundles those imports load, in load order: core's kernel, then this package's main bundle. */
  readonly bundles: readonly string[];
}

/**
 * This package's bare imports as a Node worker makes them on its way to running the thread module `module`: the
 * module's `require('@sigslot/thread')` and `require('@sigslot/core')`, and this bundle's own
 * `require('@sigslot/core/kernel')`. The worker's bootstrap caches each one where it holds there
 * (node-bootstrap.ts), so that a fresh worker does not resolve them through the packages' `exports` maps again
 * (~3 ms the first time in a worker). None when the package runs from its TypeScript sources (tsx resolves there),
 * for an ES module (Node's ES module resolver has no such cache), or when `module` cannot be found.
 */
export function workerImports(module: string): WorkerImports | undefined {
  const entry = PACKAGE_ENTRY;
  if (entry === undefined || !entry.endsWith('.js') || !/\.c?js$/.test(module)) return undefined;
  try {
    core ??= { main: require.resolve('@sigslot/core'), kernel: require.resolve('@sigslot/core/kernel') };
  } catch {
    core = null;
  }
  if (core === null) return undefined;
  let from: string;
  try {
    const file = module.startsWith('file:')
      ? nodeBuiltin<typeof import('node:url')>('node:url').fileURLToPath(module)
      : module;
    from = nodeBuiltin<typeof import('node:fs')>('node:fs').realpathSync(file); // Node resolves from a module's real path
  } catch {
    return undefined;
  }
  const resolved: WorkerResolution[] = [
    [from, '@sigslot/thread', entry],
    [from, '@sigslot/core', core.main],
    [entry, '@sigslot/core/kernel', core.kernel],
  ];
  return { resolved, bundles: [core.kernel, entry] };
}
