import { TaskCrashedError, TaskFailedError } from '../errors';
import type { WireReport } from './protocol';
import type { TaskRecord } from './pool-thread';

/**
 * Applies one worker report to its task's future. Returns true when the task is over (its slot and record can go).
 * Reports for a canceled future still arrive; the future drops them itself (results and progress after cancel).
 */
export function applyReport(record: TaskRecord, report: WireReport): boolean {
  const state = record.runnable.state;
  switch (report.kind) {
    case 'returned':
      if (report.value !== undefined) state.addResults([report.value]);
      state.finish();
      return true;
    case 'failed': {
      const { name, message, stack } = report.error;
      state.fail(
        new TaskFailedError(
          name,
          `${state.label} threw ${name}: ${message}. The error came from the task itself; its worker goes on with the next task.`,
          stack,
        ),
      );
      return true;
    }
    case 'skipped':
    case 'finished':
      state.finish();
      return true;
    case 'results':
      state.addResults(report.values, report.index < 0 ? undefined : report.index);
      return false;
    case 'range':
      state.setProgressRange(report.min, report.max);
      return false;
    case 'progress':
      state.setProgressValue(report.value, report.text ?? undefined);
      return false;
    case 'suspended':
      state.reportSuspended();
      return false;
  }
}

/** F-7: what a task's future fails with when its worker died while holding it. */
export function crashError(record: TaskRecord, thread: string, reason: string): TaskCrashedError {
  return new TaskCrashedError(
    `${record.runnable.state.label}: its worker (${thread}) died while holding it — ${reason}. The pool replaces the worker and other tasks go on; run the task again if it should be retried.`,
  );
}
