// What a thread's worker starts with, taken from its QThread at start(): a copy of the subclass's fields, and the
// backpressure limit.
import { InvalidArgumentError, QObject, Signal } from '@sigslot/core';
import { assertCloneableValue } from './wire/clone-check';

/**
 * A thread subclass's own data, as its worker gets it: in Qt both threads see one object; here the worker builds
 * its own instance and gets a copy of the subclass's plain fields as they are when the thread starts. The fields
 * QThread itself has (`base`, recorded before the subclass's initialisers run) stay on this side, and so do
 * signals, QObjects and functions. Each copied value must be cloneable; `where` names the call for the error.
 */
export function stateForWorker(thread: object, base: ReadonlySet<string>, where: string): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const key of Object.keys(thread)) {
    const value = (thread as Record<string, unknown>)[key];
    if (base.has(key) || value instanceof Signal || value instanceof QObject || typeof value === 'function') continue;
    assertCloneableValue(value, `${where}: field "${key}" is copied to the worker, but it`);
    state[key] = value;
  }
  return state;
}

/**
 * The backpressure limit a worker starts with, from `QThread.maxPendingEmits`: a whole number of emits from 1 to
 * 2^30, or 0 for none (`0` and `Infinity` turn it off); anything else is refused, naming the call (`where`).
 */
export function pendingEmitLimit(limit: number, where: string): number {
  if (limit === Infinity || limit === 0) return 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > 2 ** 30) {
    throw new InvalidArgumentError(
      `${where}: maxPendingEmits must be a whole number of emits from 1 to 2^30, or 0 (or Infinity) for no limit; got ${String(limit)}.`,
    );
  }
  return limit;
}
