import { Signal } from '../signal/signal';

/** Options of the bridges from event sources to signals ({@link fromEventEmitter}, {@link fromEventTarget}). */
export interface EventSignalOptions {
  /** Stops the bridge when it aborts: the listener is removed from the source, as by {@link EventSignal.dispose}. */
  readonly signal?: AbortSignal;
  /** The signal's name in messages (an error thrown by one of its slots names it). Default: the event's name. */
  readonly name?: string;
}

/**
 * A {@link Signal} fed by a listener on an outside event source (a Node `EventEmitter`, a DOM `EventTarget`):
 * each event emits it, on the thread where the event fires. It has no owner, so plain-function slots run during
 * that emit, and a receiver's slot runs according to its connection type.
 *
 * {@link EventSignal.dispose} (or `using`, or the `signal` option aborting) removes the listener from the
 * source; the signal's own connections stay, but nothing emits it any more.
 */
export class EventSignal<Args extends unknown[]> extends Signal<Args> implements Disposable {
  private detach: (() => void) | null = null;
  private readonly abortSignal: AbortSignal | undefined;
  private readonly onAbort = (): void => this.dispose();

  /**
   * @internal Use the bridge functions. `listen` adds the listener that calls `emit`, and returns the function
   * that removes it.
   */
  constructor(name: string, listen: (emit: (...args: Args) => void) => () => void, options: EventSignalOptions = {}) {
    super(null, options.name ?? name);
    this.abortSignal = options.signal;
    if (this.abortSignal?.aborted) return;
    this.detach = listen((...args: Args) => this.emit(...args));
    this.abortSignal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** True while the listener is on the source (until {@link EventSignal.dispose} or the abort signal). */
  get listening(): boolean {
    return this.detach !== null;
  }

  /** Removes the listener from the event source. Calling it again does nothing. */
  dispose(): void {
    const detach = this.detach;
    if (detach === null) return;
    this.detach = null;
    this.abortSignal?.removeEventListener('abort', this.onAbort);
    detach();
  }

  /** Removes the listener, for `using signal = fromEventEmitter(...)`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
