// The main side of a thread, as one object: what QThread reaches through main/load-side.ts. On Node it is a bundle
// of its own (dist/main-side.js), loaded the first time a thread is created here, so that a worker, which only runs
// its thread, never loads or compiles it (about a third of the package, and of its load time in every QThread start).
import { preparedWorkerCount, prepareWorkers, releasePreparedWorkers } from './prepared-workers';
import { remoteProxy } from './remote-object';
import { ThreadController } from './thread-controller';

/** The main side's entry points. */
export const mainSide = { ThreadController, remoteProxy, prepareWorkers, preparedWorkerCount, releasePreparedWorkers };

/** The type of {@link mainSide}. */
export type MainSide = typeof mainSide;
