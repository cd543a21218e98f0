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

const COPIES = Symbol.for('sigslot.thread.copies');
/**
 * Where each copy of the package loaded in this isolate came from (its file, or "a bundle"), in load order: one,
 * unless a loader split them, which a prepared worker reports. This copy adds itself as it loads.
 */
export const loadedCopies: string[] = ((globalThis as { [COPIES]?: string[] })[COPIES] ??= []);
loadedCopies.push(typeof __filename === 'string' ? __filename : 'a bundle');

/** Set by the package's ESM entry (`esm/index.mjs`) to its URL when the program imports it. */
const ESM_ENTRY = Symbol.for('sigslot.thread.esm');

/** The URL of this package's ESM entry if the program imported it (prepared workers load it too), else undefined. */
export function packageEsmEntry(): string | undefined {
  const esm = (globalThis as { [ESM_ENTRY]?: unknown })[ESM_ENTRY];
  return typeof esm === 'string' ? esm : undefined;
}
