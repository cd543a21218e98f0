// The browser build's load-side.ts (scripts/bundle.mjs puts it in place of that module): the main side is part of the
// bundle, as a page that creates a thread needs it at once.
import { mainSide as side } from './side';

export const mainSide = (): typeof side => side;
