import { nodeBuiltin } from './platform';

/** A bundle a fresh Node worker loads, with V8's code cache of it, made on the main thread. */
export interface PreloadedBundle {
  readonly file: string;
  readonly cache: Uint8Array;
}

/** The parameters of Node's CommonJS module wrapper, which a bundle is compiled with (here and in the worker). */
export const MODULE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'] as const;

/** The caches, once made; null where they cannot be (then workers load the bundles as Node does). */
let caches: readonly PreloadedBundle[] | null | undefined;
let making = false;

/**
 * V8's code caches of `files` (this package's bundles a thread's worker loads: core's kernel, then this package's
 * main bundle), for the worker's bootstrap to compile them with (node-bootstrap.ts): a fresh worker then skips
 * parsing and compiling them (~4.5 ms on Node 20; reading the caches takes ~1 ms). V8 shares no compiled code
 * between isolates, and Node has no compile cache before 22.1, so the main thread makes these once per process and
 * hands them to each worker (~80 KB, copied into its `workerData`). The first call schedules the work for after the
 * thread that asked has started, and returns undefined, as every call does where the caches cannot serve: a bundle
 * missing, or source maps enabled (Node maps errors only in the modules it loads itself). A bundle compiled by `vm`
 * has no `import()`: the runtime imports through the bootstrap's (node-worker-runtime.ts).
 */
export function bundleCodeCaches(files: readonly string[]): readonly PreloadedBundle[] | undefined {
  if (caches !== undefined) return caches ?? undefined;
  if (!making) {
    making = true;
    setImmediate(() => (caches = makeCaches(files)));
  }
  return undefined;
}

function makeCaches(files: readonly string[]): readonly PreloadedBundle[] | null {
  const vm = nodeBuiltin<typeof import('node:vm')>('node:vm');
  const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) return null;
  try {
    return files.map((file) => {
      const source = fs.readFileSync(file, 'utf8');
      const compiled = vm.compileFunction(source, [...MODULE_PARAMETERS], { filename: file, produceCachedData: true });
      if (!compiled.cachedData) throw new Error(`V8 made no code cache of ${file}`);
      return { file, cache: compiled.cachedData };
    });
  } catch {
    return null;
  }
}
