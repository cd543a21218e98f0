import { nodeBuiltin, nodeProcess } from './platform';

/**
 * This package's own entry point as a worker loads it on Node: `dist/index.js` next to this bundle, or
 * `src/index.ts` when the package runs from its TypeScript sources (tests, tsx). Undefined in a browser, where a
 * worker's script is the thread module itself and there is no generic entry to load.
 */
export const PACKAGE_ENTRY: string | undefined =
  typeof __filename === 'string' && nodeProcess()
    ? /\.ts$/.test(__filename)
      ? nodeBuiltin<typeof import('node:path')>('node:path').join(__dirname, '..', 'index.ts')
      : nodeBuiltin<typeof import('node:path')>('node:path').join(__dirname, 'index.js')
    : undefined;

/** Where this copy of the package was loaded from, for the message that says a worker holds two copies. */
const PACKAGE_COPY: string = typeof __filename === 'string' ? __filename : 'a bundle';
const COPIES = Symbol.for('sigslot.thread.copies');
const copies = globalThis as { [COPIES]?: string[] };

/** Records that this copy of the package is loaded in this isolate (the worker runtime does, once, as it loads). */
export function recordThisCopy(): void {
  (copies[COPIES] ??= []).push(PACKAGE_COPY);
}

/** Where each copy of the package loaded in this isolate came from, in load order (one, unless a loader split them). */
export function loadedCopies(): readonly string[] {
  return copies[COPIES] ?? [];
}

/** Set by the package's ESM entry (`esm/index.mjs`) to its URL when the program imports it. */
const ESM_ENTRY = Symbol.for('sigslot.thread.esm');

/** The URL of this package's ESM entry if the program imported it (prepared workers load it too), else undefined. */
export function packageEsmEntry(): string | undefined {
  const esm = (globalThis as { [ESM_ENTRY]?: unknown })[ESM_ENTRY];
  return typeof esm === 'string' ? esm : undefined;
}
