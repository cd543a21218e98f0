import type { QObject, Signal } from '@sigslot/core';

/** The signals a thread object has besides QObject's (QThread's own). */
interface ThreadSignals {
  readonly started: Signal<[]>;
  readonly finished: Signal<[]>;
  readonly errorOccurred: Signal<[error: Error]>;
}

/**
 * The signals of `object` that each side has of its own, and that never cross between a worker and the main
 * thread: QObject's (`destroyed`, `objectNameChanged`), and QThread's for a thread object (`started`, `finished`,
 * `errorOccurred`, which each side emits itself). Every other signal, whatever its name, is one the worker emits
 * and the main side delivers. Found by identity, not by name, so a worker object may declare a signal of any name.
 */
export function ownSignals(object: QObject, isThread: boolean): ReadonlySet<Signal<unknown[]>> {
  const own: unknown[] = [object.destroyed, object.objectNameChanged];
  if (isThread) {
    const thread = object as QObject & ThreadSignals;
    own.push(thread.started, thread.finished, thread.errorOccurred);
  }
  return new Set(own as Signal<unknown[]>[]);
}
