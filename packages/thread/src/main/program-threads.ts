import { currentThreadData, type ThreadData } from '@sigslot/core/kernel';
import { WaitGraph } from '../wire/wait-graph';

/**
 * What this isolate knows of the program's threads: the program's wait-for graph, shared with every thread it
 * starts (made by the first start), and the threads it runs, by id, for naming them in deadlock messages.
 */
let waitGraph: WaitGraph | null = null;
const runningThreads = new Map<number, ThreadData>();

/** The program's wait-for graph (see {@link WaitGraph}). */
export const programWaitGraph = (): WaitGraph => (waitGraph ??= new WaitGraph(WaitGraph.allocate()));

/** Records a thread as running (from its start until its worker has stopped), or not. */
export function setRunning(data: ThreadData, running: boolean): void {
  if (running) runningThreads.set(data.id, data);
  else runningThreads.delete(data.id);
}

/** Names thread `id` for messages: this isolate's own thread, a thread it runs, or `worker #id`. */
export const describeThreadId = (id: number): string =>
  id === 0 ? currentThreadData().describe() : (runningThreads.get(id)?.describe() ?? `worker #${id}`);
