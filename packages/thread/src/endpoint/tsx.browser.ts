// The browser build's tsx.ts (scripts/bundle.mjs puts it in place of that module): Node-only, so the bundle
// carries none of it.
import type * as Node from './tsx';
import { onlyOnNode } from './platform';

export const isTypeScript: typeof Node.isTypeScript = () => onlyOnNode('isTypeScript()');
export const resolveTsx: typeof Node.resolveTsx = () => onlyOnNode('resolveTsx()');
