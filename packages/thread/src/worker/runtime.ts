import { InvalidArgumentError } from '@sigslot/core';
import { prepareNodeWorker, startNodeThread } from '../endpoint/node-worker-runtime';
import '../endpoint/package-entry'; // records this copy of the package
import { inWebWorker } from '../endpoint/platform';
import { startWebThread } from '../endpoint/web-worker-runtime';
import { workerSideOrNull, type WorkerSide } from './worker-side';

export { workerSideOrNull };

/** The runtime of the thread running the caller; throws outside a sigslot worker thread. */
export function workerSide(): WorkerSide {
  const side = workerSideOrNull();
  if (!side) throw new InvalidArgumentError('This code runs outside a sigslot worker thread.');
  return side;
}

const RUNTIME = Symbol.for('sigslot.thread.runtime');

/**
 * Entry points the bootstrap (Node) or the first message (browser) calls, one per platform (endpoint/): on
 * globalThis, so that the bootstrap finds them whichever copy of the package the worker loaded first.
 */
const runtime = { startNode: startNodeThread, prepareNode: prepareNodeWorker, startWeb: startWebThread };

const registry = globalThis as { [RUNTIME]?: typeof runtime };
if (!registry[RUNTIME]) {
  registry[RUNTIME] = runtime;
  if (inWebWorker()) runtime.startWeb();
}
