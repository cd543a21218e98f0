import type { MainSide } from './side';

let side: MainSide | undefined;

/**
 * The main side of threads (main/side.ts), loaded when first needed: Node's build requires it from its own bundle
 * (scripts/bundle.mjs), so a worker that only runs its thread never loads it. The browser build has it in the page's
 * bundle (load-side.browser.ts): a bundler gives a worker script's bundle what the page's has.
 */
export function mainSide(): MainSide {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (side ??= (require('./side') as typeof import('./side')).mainSide);
}
