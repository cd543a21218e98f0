import { classNameOf } from './class-name';

/**
 * Every error sigslot throws or reports extends {@link SigslotError}, so one `instanceof` check catches them
 * all, and each kind of failure has its own class. Messages name the object, the signal or method, the
 * thread, and what to do instead.
 */
export class SigslotError extends Error {
  /**
   * The class's name, written out so that a minifier cannot rename it: `error.name` is this for sigslot's errors,
   * and the class's own `name` for a subclass that declares no `className` of its own.
   */
  static readonly className: string = 'SigslotError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = classNameOf(new.target);
  }
}

/** A call was made from a thread that the object or API does not allow (Qt: thread affinity). */
export class AffinityError extends SigslotError {
  static override readonly className: string = 'AffinityError';
}

/**
 * A BlockingQueuedConnection (or a blocking `invokeMethod`) targets the thread that is emitting, or a thread
 * that cannot block: waiting would never end.
 */
export class DeadlockError extends SigslotError {
  static override readonly className: string = 'DeadlockError';
}

/** A connection type that is not one of Qt's values, or a combination that cannot work here. */
export class ConnectionTypeError extends SigslotError {
  static override readonly className: string = 'ConnectionTypeError';
}

/** An argument that the called function cannot accept (wrong kind, unknown method, already destroyed object). */
export class InvalidArgumentError extends SigslotError {
  static override readonly className: string = 'InvalidArgumentError';
}

/** A call or wait that was abandoned because the object, the thread or the signal it depended on went away. */
export class CancelledError extends SigslotError {
  static override readonly className: string = 'CancelledError';
}
