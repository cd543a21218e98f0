import { ThreadModuleWarning } from '../errors';
import { emitWarning, inWebWorker } from '../endpoint/platform';

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

/** Browser: the classes of the threads started before this worker was told its thread (while its script ran). */
const startedBeforeInit: { name: string }[] = [];
let toldItsThread = false;

/**
 * Called by `QThread.start()` of a thread of class `cls`: warns when the start comes from the top level of the
 * module a worker is loading for its thread. On Node the bootstrap says which module is loading. A browser worker's
 * script is the thread module itself, and a start made before the worker was told its thread is reported once it is
 * ({@link threadModuleLoaded}); a plain worker's script is never told, and never warned.
 */
export function checkTopLevelStart(cls: { name: string }): void {
  const loading = (globalThis as { [LOADING]?: Loading })[LOADING];
  if (loading) warn(cls, loading);
  else if (!toldItsThread && inWebWorker()) startedBeforeInit.push(cls);
}

/** Browser: this worker was told its thread and module; warns for the starts its script made before. */
export function threadModuleLoaded(module: string, thread: string): void {
  toldItsThread = true;
  for (const cls of startedBeforeInit.splice(0)) warn(cls, [module, thread]);
}
