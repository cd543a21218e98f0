import type { ThreadData } from '@sigslot/core/kernel';

/**
 * Set by the worker runtime while it constructs the thread object inside the worker, so that the
 * `QThread` constructor knows it is building the worker's own thread (the twin of the main side's object).
 * Kept on `globalThis` so that every copy of the package loaded in the worker agrees.
 */
const KEY = Symbol.for('sigslot.thread.adopting');

type Holder = { [KEY]?: ThreadData | null };

/** Runs `build` with `data` marked as the thread being adopted. */
export function adopting<T>(data: ThreadData, build: () => T): T {
  (globalThis as Holder)[KEY] = data;
  try {
    return build();
  } finally {
    (globalThis as Holder)[KEY] = null;
  }
}

/** The thread data being adopted, if a `QThread` constructor is running for the worker runtime. */
export function takeAdoption(): ThreadData | null {
  const data = (globalThis as Holder)[KEY] ?? null;
  (globalThis as Holder)[KEY] = null;
  return data;
}
