import type { EventSignalOptions } from './event-signal';
import { EventSignal } from './event-signal';
import type { EventMapOf, EventTypeOf } from './typed-event-target';

/** Options of {@link fromEventTarget}: those of every bridge, plus the listener's. */
export interface EventTargetSignalOptions extends EventSignalOptions {
  /** Listen in the capture phase (DOM). */
  readonly capture?: boolean;
  /** Promise not to call `preventDefault()` (DOM). */
  readonly passive?: boolean;
}

/**
 * A signal emitted with the event whenever `target` dispatches an event of `type`:
 *
 * ```ts
 * const progress = fromEventTarget(target as TypedEventTarget<{ progress: CustomEvent<number> }>, 'progress');
 * progress.connect((event) => bar.setValue(event.detail)); // event: CustomEvent<number>
 * ```
 *
 * On a {@link TypedEventTarget} an unknown type does not compile and the event has its class; on a plain
 * `EventTarget` any type is accepted and the event is an `Event`. The listener stays on the target until the
 * returned signal is disposed or `options.signal` aborts.
 */
export function fromEventTarget<T extends EventTarget, K extends EventTypeOf<T>>(
  target: T,
  type: K,
  options: EventTargetSignalOptions = {},
): EventSignal<[event: EventMapOf<T>[K]]> {
  const capture = options.capture ?? false;
  return new EventSignal<[event: EventMapOf<T>[K]]>(
    type,
    (emit) => {
      const listener = (event: Event): void => emit(event as EventMapOf<T>[K]);
      target.addEventListener(type, listener, { capture, passive: options.passive ?? false });
      return () => target.removeEventListener(type, listener, { capture });
    },
    options,
  );
}
