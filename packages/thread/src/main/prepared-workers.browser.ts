// The browser build's prepared-workers.ts (scripts/bundle.mjs puts it in place of that module): a browser has no
// generic worker to prepare (a worker's script is its thread module), so there is never a spare, as on Node when the
// package has no entry to load.
import type * as Node from './prepared-workers';
import { checkPrepareCount } from './prepare-count';

export const prepareWorkers: typeof Node.prepareWorkers = (count) => {
  checkPrepareCount(count);
  return Promise.resolve();
};
export const preparedWorkerCount: typeof Node.preparedWorkerCount = () => 0;
export const releasePreparedWorkers: typeof Node.releasePreparedWorkers = () => Promise.resolve();
export const takePreparedWorker: typeof Node.takePreparedWorker = () => null;
