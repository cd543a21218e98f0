/**
 * Where packages are saved and loaded. On Node the mock uses the real file system; elsewhere (a browser
 * page) an in-memory one. Tests may install their own with `sdShim.setFileSystem()`.
 */
export interface SbsFileSystem {
  /** The text of the file at `path`; throws if there is none. */
  readFile(path: string): string;
  /** Writes `content` (a package's text, a texture's PNG bytes) to the file at `path`, replacing it; throws if its folder does not exist. */
  writeFile(path: string, content: string | Uint8Array): void;
  /** True if a file exists at `path`. */
  exists(path: string): boolean;
}

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, content: string | Uint8Array): void;
  existsSync(path: string): boolean;
}

/** Files kept in memory, keyed by normalized path: for browsers and for tests that write nothing to disk. */
export class MemoryFileSystem implements SbsFileSystem {
  readonly #files = new Map<string, string | Uint8Array>();

  /** The text at `path`; throws `ENOENT` if there is none. */
  readFile(path: string): string {
    const content = this.bytesOrText(path);
    return typeof content === 'string' ? content : new TextDecoder().decode(content);
  }

  /** Stores `content` at `path`. */
  writeFile(path: string, content: string | Uint8Array): void {
    this.#files.set(key(path), typeof content === 'string' ? content : content.slice());
  }

  /** What was written at `path`, as written (text, or bytes); throws `ENOENT` if there is none. */
  bytesOrText(path: string): string | Uint8Array {
    const content = this.#files.get(key(path));
    if (content === undefined) throw new Error(`ENOENT: no such file '${path}'`);
    return content;
  }

  /** True if something was written at `path`. */
  exists(path: string): boolean {
    return this.#files.has(key(path));
  }

  /** The paths written so far. */
  paths(): string[] {
    return [...this.#files.keys()];
  }
}

function key(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Node's `fs`, reached without importing it (so browser bundles need no shim), or null outside Node. */
function nodeFileSystem(): SbsFileSystem | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs) return null;
  return {
    readFile: (path) => fs.readFileSync(path, 'utf8'),
    writeFile: (path, content) => fs.writeFileSync(path, content),
    exists: (path) => fs.existsSync(path),
  };
}

let current: SbsFileSystem | null = null;

/** The file system packages are saved to and loaded from. */
export function fileSystem(): SbsFileSystem {
  return (current ??= nodeFileSystem() ?? new MemoryFileSystem());
}

/** Installs `next` (null: back to the default); returns the previous one. */
export function setFileSystem(next: SbsFileSystem | null): SbsFileSystem {
  const previous = fileSystem();
  current = next;
  return previous;
}
