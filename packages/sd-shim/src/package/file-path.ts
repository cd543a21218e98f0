/** True for `/a/b.sbs`, `C:\a\b.sbs`, `C:/a/b.sbs` and `\\server\share\b.sbs`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** The path with forward slashes, `.` and `..` resolved and repeated slashes collapsed (for comparisons). */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const prefix = /^[A-Za-z]:\//.test(slashed)
    ? slashed.slice(0, 3)
    : slashed.startsWith('//')
      ? '//'
      : slashed.startsWith('/')
        ? '/'
        : '';
  const parts: string[] = [];
  for (const part of slashed.slice(prefix.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return prefix + parts.join('/');
}

/** True if `a` and `b` name the same file (after {@link normalizePath}; case-sensitive, as on Linux). */
export function samePath(a: string, b: string): boolean {
  return normalizePath(a) === normalizePath(b);
}

/** The extension of `path`, lowercased and without the dot: `sbs`. */
export function extensionOf(path: string): string {
  const name = normalizePath(path).split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
