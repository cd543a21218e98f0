import { ThreadModuleWarning } from '../errors';
import { emitWarning } from '../endpoint/platform';

/** Set by the Node bootstraps while they load a worker's thread module (see endpoint/node-bootstrap.ts). */
const LOADING = Symbol.for('sigslot.thread.loading');

/** The module a worker is loading for its thread, and that thread's name. */
type Loading = readonly [module: string, thread: string];

function warn(cls: { name: string }, [module, thread]: Loading): void {
  const warning = new ThreadModuleWarning(
    `${cls.name}.start() was called at the top level of the thread module ${module}, in the worker that loaded it ` +
      `to run thread "${thread}": a worker loads its thread's module again, so the module's top-level code ` +
      `runs there too, and this start begins another worker (which loads the module again). Guard the start ` +
      `with \`if (require.main === module)\` (CommonJS) or \`if (import.meta.main)\` (ES modules, where the ` +
      `runtime has it), or move it out of the module's top level, into the program that imports the thread class.`,
  );
  emitWarning(warning);
}

/**
 * Called by `QThread.start()` of a thread of class `cls`: warns when the start comes from the top level of the
 * module a Node worker is loading for its thread (the bootstrap says which module is loading). A browser worker's
 * script is the thread module itself, and nothing tells it apart from a plain worker's script while it runs: no
 * warning there.
 */
export function checkTopLevelStart(cls: { name: string }): void {
  // Browser builds fold `typeof __filename` to 'undefined', which leaves this check and its message out of them.
  if (typeof __filename !== 'undefined') {
    const loading = (globalThis as { [LOADING]?: Loading })[LOADING];
    if (loading) warn(cls, loading);
  }
}
