import type TypedEmitter from 'typed-emitter';
import type { EventMap } from 'typed-emitter';
import type { ConnectionType } from '../connection-type';
import type { Connection } from '../signal/connection';
import type { Signal } from '../signal/signal';

/**
 * Connects `signal` to `emitter`: each emission calls `emitter.emit(event, ...args)`. Returns the
 * {@link Connection}; disconnect it to stop.
 *
 * The signal's arguments must fit the event's listener (`typed-emitter`'s `TypedEmitter<Events>`), or it does
 * not compile. The slot is a plain function, so with the default AutoConnection it runs where the signal's
 * owner lives; an error thrown by a listener is reported like any slot's, naming the signal.
 */
export function toEventEmitter<
  Events extends EventMap,
  E extends keyof Events & string,
  Args extends Parameters<Events[E]>,
>(signal: Signal<Args>, emitter: TypedEmitter<Events>, event: E, type?: ConnectionType): Connection<Args> {
  const slot = (...args: Args): void => void emitter.emit(event, ...args);
  Object.defineProperty(slot, 'name', { value: `EventEmitter.emit("${event}")` });
  return signal.connect(slot, type);
}
