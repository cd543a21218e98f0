/** Where an error that no caller can catch happened: a slot, a queued call, a timer. */
export interface ErrorContext {
  /** What was running, in words: `slot "onTick" of Receiver "receiver" for signal Timer.tick`. */
  readonly where: string;
  /** The signal being delivered, when there is one. */
  readonly signal?: string;
  /** The receiving object's name, when there is one. */
  readonly receiver?: string;
  /** The thread it ran on. */
  readonly thread?: string;
}

/** Receives errors thrown by slots and queued calls; they never stop the other slots or the loop. */
export type ErrorHandler = (error: unknown, context: ErrorContext) => void;

const defaultHandler: ErrorHandler = (error, context) => {
  console.error(
    `sigslot: uncaught error in ${context.where}${context.thread ? ` on thread ${context.thread}` : ''}:`,
    error,
  );
};

let handler: ErrorHandler = defaultHandler;

/**
 * Sets the function that receives errors thrown by slots and queued calls (default: `console.error`).
 * Returns the previous handler, so a test can restore it. Pass `undefined` to restore the default.
 */
export function setErrorHandler(next: ErrorHandler | undefined): ErrorHandler {
  const previous = handler;
  handler = next ?? defaultHandler;
  return previous;
}

/** Hands an error to the current handler; a handler that throws is itself reported to `console.error`. */
export function reportError(error: unknown, context: ErrorContext): void {
  try {
    handler(error, context);
  } catch (handlerError) {
    console.error('sigslot: the error handler threw while reporting', error, handlerError);
  }
}
