import { TaskDeadlineError } from '../errors';
import type { TaskRecord } from './pool-thread';

/** Wires a task's AbortSignal and deadline to its future: either cancels it (a deadline with a TaskDeadlineError). */
export function armOptions(record: TaskRecord): void {
  const state = record.runnable.state;
  const { signal, deadlineMs } = record.runnable.options;
  if (signal) {
    if (signal.aborted) queueMicrotask(() => state.cancel());
    else signal.addEventListener('abort', () => state.cancel(), { once: true });
  }
  if (deadlineMs !== undefined)
    record.deadline = setTimeout(
      () =>
        state.cancel(
          new TaskDeadlineError(
            `${state.label} passed its deadline of ${deadlineMs} ms and was canceled (its worker goes on). Give it more time, or check isCanceled() in the task to stop sooner.`,
          ),
        ),
      deadlineMs,
    );
}
