import type { EmitterEventMap, TypedEventEmitter } from './typed-event-emitter';
import { EventSignal, type EventSignalOptions } from './event-signal';

/**
 * A signal emitted whenever `emitter` emits `event`, with the event's arguments:
 *
 * ```ts
 * type Events = { data: (chunk: string, index: number) => void };
 * const emitter = new EventEmitter() as TypedEventEmitter<Events>;
 * const data = fromEventEmitter(emitter, 'data'); // EventSignal<[chunk: string, index: number]>
 * data.connect(receiver, receiver.onData, ConnectionType.QueuedConnection);
 * ```
 *
 * The emitter must be typed, {@link TypedEventEmitter}`<Events>` or `typed-emitter`'s `TypedEmitter<Events>` (cast a
 * Node `EventEmitter` to either), so an unknown event name or a slot of the wrong shape does not compile. The listener stays on the emitter
 * until the returned signal is disposed or `options.signal` aborts.
 */
export function fromEventEmitter<Events extends EmitterEventMap, E extends keyof Events & string>(
  emitter: TypedEventEmitter<Events>,
  event: E,
  options: EventSignalOptions = {},
): EventSignal<Parameters<Events[E]>> {
  return new EventSignal<Parameters<Events[E]>>(
    event,
    (emit) => {
      const listener = ((...args: Parameters<Events[E]>) => emit(...args)) as Events[E];
      emitter.on(event, listener);
      return () => void emitter.removeListener(event, listener);
    },
    options,
  );
}
