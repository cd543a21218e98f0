import type { ConnectionType } from '../connection-type';
import { InvalidArgumentError } from '../errors';
import type { Connection } from '../signal/connection';
import type { Signal } from '../signal/signal';
import type { EventMapOf, EventTypeOf } from './typed-event-target';

/**
 * Connects `signal` to `target`: each emission dispatches `makeEvent(...args)` on the target. Returns the
 * {@link Connection}; disconnect it to stop.
 *
 * ```ts
 * toEventTarget(worker.progress, target, 'progress', (percent) => new CustomEvent('progress', { detail: percent }));
 * ```
 *
 * On a {@link TypedEventTarget}, `type` must be one of its events and `makeEvent` must return that event's
 * class. The event made must have `type` as its type, or an {@link InvalidArgumentError} is reported like any
 * slot's error, naming the signal. Errors thrown by the target's listeners follow the platform's `EventTarget`
 * rules (they are not thrown to the emitter).
 */
export function toEventTarget<T extends EventTarget, K extends EventTypeOf<T>, Args extends unknown[]>(
  signal: Signal<Args>,
  target: T,
  type: K,
  makeEvent: (...args: NoInfer<Args>) => EventMapOf<T>[K],
  connectionType?: ConnectionType,
): Connection<Args> {
  const slot = (...args: Args): void => {
    const event = makeEvent(...args) as unknown as Event;
    if (event === null || typeof event !== 'object' || event.type !== type) {
      throw new InvalidArgumentError(
        `toEventTarget(${signal.describe()}, "${type}"): makeEvent returned ${
          event !== null && typeof event === 'object' ? `an event of type "${String(event.type)}"` : String(event)
        }; it must return an Event whose type is "${type}".`,
      );
    }
    target.dispatchEvent(event);
  };
  Object.defineProperty(slot, 'name', { value: `EventTarget.dispatchEvent("${type}")` });
  return signal.connect(slot, connectionType);
}
