import { SigslotError } from '@sigslot/core';

/**
 * A task threw in its worker. The error crossed an isolate, so it arrives as this class carrying the original's
 * class name, message and stack; `QFuture.onFailed(TypeError, …)` matches it by that name too.
 */
export class TaskFailedError extends SigslotError {
  static override readonly className: string = 'TaskFailedError';

  /** The class name of the error the task threw (`TypeError`, `RangeError`, a custom class's name). */
  readonly remoteName: string;
  /** The stack as the worker printed it. */
  readonly remoteStack: string | undefined;

  constructor(remoteName: string, message: string, remoteStack?: string) {
    super(message);
    this.remoteName = remoteName;
    this.remoteStack = remoteStack;
    if (remoteStack)
      this.stack = `${remoteName}: ${message} (in a pool thread)\n${remoteStack.split('\n').slice(1).join('\n')}`;
  }
}

/** A future was canceled (`cancel()`, its AbortSignal, `QThreadPool.clear()`) before it produced what was awaited. */
export class TaskCanceledError extends SigslotError {
  static override readonly className: string = 'TaskCanceledError';
}

/** A task ran past the deadline it was started with: its future was canceled (its worker keeps running). */
export class TaskDeadlineError extends TaskCanceledError {
  static override readonly className: string = 'TaskDeadlineError';
}

/**
 * The worker running a task died (an uncaught error outside the task, `process.exit()`, out of memory, or a forced
 * termination): that task's future fails with this; the pool replaces the worker, and other tasks go on.
 */
export class TaskCrashedError extends SigslotError {
  static override readonly className: string = 'TaskCrashedError';
}
