import type { WireError } from '@sigslot/thread/channel';
import { TaskCrashedError, TaskFailedError } from '../errors';
import type { FutureState } from '../future/future-state';
import type { WireReport } from './protocol';
import type { TaskRecord } from './pool-thread';

/** A task returned `value` (the common report, sent without a report object): its future has it and finishes. */
export function applyReturn(record: TaskRecord, value: unknown): void {
  const state = record.runnable.state;
  if (value !== undefined) state.addResult(value);
  state.finish();
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/** A well-formed report object: a worker's messages are untrusted input, and a malformed report is dropped. */
export function isWireReport(v: unknown): v is WireReport {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  switch (r.kind) {
    case 'failed':
    case 'exception': {
      const e = r.error as Record<string, unknown> | null;
      return typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.message === 'string';
    }
    case 'skipped':
    case 'finished':
    case 'suspended':
      return true;
    case 'results':
      return Number.isInteger(r.index) && Array.isArray(r.values);
    case 'range':
      return isNumber(r.min) && isNumber(r.max);
    case 'progress':
      return isNumber(r.value) && (r.text === null || typeof r.text === 'string');
    default:
      return false;
  }
}

/**
 * Applies one worker report (checked by {@link isWireReport}) to its task's future. Returns true when the task is over (its slot and record can go).
 * Reports for a canceled future still arrive; the future drops them itself (results and progress after cancel).
 */
export function applyReport(record: TaskRecord, report: WireReport): boolean {
  const state = record.runnable.state;
  switch (report.kind) {
    case 'failed':
      state.fail(taskError(state, report.error, 'threw'));
      return true;
    case 'exception':
      state.setException(taskError(state, report.error, 'reported'));
      return false;
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

/** What a task's future fails with when the task threw (or reported, with `QPromise.setException`) `error`. */
function taskError(state: FutureState<unknown>, error: WireError, how: 'threw' | 'reported'): TaskFailedError {
  const { name, message, stack } = error;
  return new TaskFailedError(
    name,
    `${state.label} ${how} ${name}: ${message}. The error came from the task itself; its worker goes on with the next task.`,
    stack,
  );
}

/** F-7: what a task's future fails with when its worker died while holding it. */
export function crashError(record: TaskRecord, thread: string, reason: string): TaskCrashedError {
  return new TaskCrashedError(
    `${record.runnable.state.label}: its worker (${thread}) died while holding it — ${reason}. The pool replaces the worker and other tasks go on; run the task again if it should be retried.`,
  );
}
