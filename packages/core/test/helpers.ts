import { invokeMethod, QObject, setErrorHandler, type ErrorContext } from '@sigslot/core';

/** A promise and the functions that settle it, for resolving from a slot. */
export function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** An object whose `mark()` only records that it ran: awaiting a queued call to it waits for everything queued before. */
class Marker extends QObject {
  mark(): void {}
}

/**
 * Resolves once the current thread's event loop has run every call queued before this one (a queued call is
 * FIFO), so a test can assert that a queued call did *not* run, without sleeping.
 */
export async function flushQueued(): Promise<void> {
  const marker = new Marker();
  await invokeMethod(marker, 'mark', 2);
  marker.destroy();
}

/** Collects the errors reported to the error handler during a test; `restore()` puts the previous handler back. */
export function captureErrors(): { errors: Array<{ error: unknown; context: ErrorContext }>; restore: () => void } {
  const errors: Array<{ error: unknown; context: ErrorContext }> = [];
  const previous = setErrorHandler((error, context) => errors.push({ error, context }));
  return { errors, restore: () => void setErrorHandler(previous) };
}

/**
 * Emits enough for a signal whose connections stay the same to have compiled its emit (COMPILE_AFTER in
 * src/signal/signal.ts), so that a test proves the compiled path.
 */
export const WARM_EMITS = 5000;
