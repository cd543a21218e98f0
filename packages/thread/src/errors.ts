import { SigslotError } from '@sigslot/core';

/** A thread ended abnormally: an exception escaped `run()`, the worker exited early, ran out of memory, or was terminated. */
export class ThreadCrashedError extends SigslotError {
  static override readonly className: string = 'ThreadCrashedError';
  /** The class name of the original error, when the worker threw one (`TypeError`, `RangeError`…). */
  readonly remoteName: string | undefined;
  /** The original stack, as the worker printed it. */
  readonly remoteStack: string | undefined;

  constructor(message: string, options: { cause?: unknown; remoteName?: string; remoteStack?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.remoteName = options.remoteName;
    this.remoteStack = options.remoteStack;
  }
}

/** A call was abandoned because its thread ended (finished, crashed or was terminated) before answering. */
export class ThreadTerminatedError extends SigslotError {
  static override readonly className: string = 'ThreadTerminatedError';
}

/** A message from a worker broke the wire protocol or named something its thread never declared; it was ignored. */
export class ProtocolError extends SigslotError {
  static override readonly className: string = 'ProtocolError';
}

/** A signal argument cannot be copied to another thread (a function, a symbol, a QObject…). */
export class CloneError extends SigslotError {
  static override readonly className: string = 'CloneError';
}

/** An error thrown in another thread, carried back with its class name, message and stack. */
export class RemoteError extends SigslotError {
  static override readonly className: string = 'RemoteError';
  /** The class name of the original error (`TypeError`, `InvalidArgumentError`…). */
  readonly remoteName: string;
  /** The original stack. */
  readonly remoteStack: string | undefined;

  constructor(remoteName: string, message: string, remoteStack: string | undefined) {
    super(message);
    this.remoteName = remoteName;
    this.remoteStack = remoteStack;
    if (remoteStack)
      this.stack = `${remoteName}: ${message} (in another thread)\n${remoteStack.split('\n').slice(1).join('\n')}`;
  }
}

/**
 * Not thrown: printed as a warning (a process warning on Node, `console.warn` in a browser's worker). A thread
 * module's top-level code started a thread inside a worker, which loads that module again to run its own thread: the
 * start runs in every such worker, each starting another worker.
 */
export class ThreadModuleWarning extends SigslotError {
  static override readonly className: string = 'ThreadModuleWarning';
}
