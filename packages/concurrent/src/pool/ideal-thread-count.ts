import type * as Os from 'node:os';
import { nodeBuiltin, nodeProcess } from '@sigslot/thread/channel';

/** Qt's QThread::idealThreadCount(): the cores this program may use (`os.availableParallelism()`, `navigator.hardwareConcurrency`). */
export function idealThreadCount(): number {
  if (nodeProcess()) return nodeBuiltin<typeof Os>('node:os').availableParallelism();
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof cores === 'number' && cores > 0 ? cores : 1;
}
