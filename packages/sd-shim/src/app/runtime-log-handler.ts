import { requireGuardedClass } from '../affinity/designer-guard';
import { designer } from '../state/designer-state';

/** A log record as Python's `logging` hands it to a handler, or a plain message. */
export type LogRecord = string | { readonly levelname?: string; readonly msg: unknown };

/**
 * What `getContext().createRuntimeLogHandler()` returns: a handler that writes to Designer's console, for a
 * plugin's logger (`logger.addHandler(handler)` in Python). The mock keeps the lines: `sdShim.consoleLines()`.
 */
export class RuntimeLogHandler {
  /** @internal Use `getContext().createRuntimeLogHandler()`. */
  constructor() {
    requireGuardedClass(new.target);
  }

  /** Writes `record` to the console, as `LEVEL: message` (a plain string as it is). */
  emit(record: LogRecord): void {
    const line = typeof record === 'string' ? record : `${record.levelname ?? 'INFO'}: ${String(record.msg)}`;
    designer().consoleLines.push(line);
  }
}
