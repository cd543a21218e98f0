import { ThreadModuleWarning } from '../errors';
import { emitWarning } from '../endpoint/platform';

/** Set by the Node bootstraps while they load a worker's thread module (see endpoint/node-bootstrap.ts). */
const LOADING = Symbol.for('sigslot.thread.loading-module');

/** The module a worker is loading for its thread, and that thread's name. */
interface Loading {
  readonly module: string;
  readonly thread: string;
}

function warn(what: string, loading: Loading): void {
  const warning = new ThreadModuleWarning(
    `${what} was called at the top level of the thread module ${loading.module}, in the worker that loaded it ` +
      `to run thread "${loading.thread}": a worker loads its thread's module again, so the module's top-level code ` +
      `runs there too, and this start begins another worker (which loads the module again). Guard the start ` +
      `with \`if (require.main === module)\` (CommonJS) or \`if (import.meta.main)\` (ES modules, where the ` +
      `runtime has it), or move it out of the module's top level, into the program that imports the thread class.`,
  );
  emitWarning(warning);
}

/**
 * Called by `QThread.start()` (`what` names it): warns when the start comes from the top level of the module a Node
 * worker is loading for its thread (the bootstrap says which module is loading). A browser worker's script is the
 * thread module itself, and nothing tells it apart from a plain worker's script while it runs: no warning there.
 */
export function checkTopLevelStart(what: string): void {
  // Browser builds fold `typeof __filename` to 'undefined', which leaves this check and its message out of them.
  if (typeof __filename !== 'undefined') {
    const loading = (globalThis as { [LOADING]?: Loading })[LOADING];
    if (loading) warn(what, loading);
  }
}
