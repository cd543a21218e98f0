import { InvalidArgumentError } from '@sigslot/core';

/** True for a module a worker can only load through tsx (TypeScript). */
export function isTypeScript(module: string): boolean {
  return /\.[cm]?tsx?$/.test(module);
}

/**
 * The path of tsx's CommonJS register API, or a clear error when `module` (which `what` loads) is TypeScript and tsx
 * is missing.
 */
export function resolveTsx(module: string, what: string): string {
  try {
    return require.resolve('tsx/cjs/api');
  } catch {
    throw new InvalidArgumentError(
      `${what}: its module ${module} is TypeScript, and a worker needs tsx to load it. Install it ` +
        `(npm install --save-dev tsx), or point the class's static module at compiled JavaScript.`,
    );
  }
}
