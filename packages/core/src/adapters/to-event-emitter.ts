import type { EmitterEventMap, TypedEventEmitter } from './typed-event-emitter';
import type { ConnectionType } from '../connection-type';
import type { Connection } from '../signal/connection';
import type { Signal } from '../signal/signal';

/**
 * Connects `signal` to `emitter`: each emission calls `emitter.emit(event, ...args)`. Returns the
 * {@link Connection}; disconnect it to stop.
 *
 * The signal's arguments must fit the event's listener ({@link TypedEventEmitter}`<Events>`, or `typed-emitter`'s `TypedEmitter<Events>`), or it does
 * not compile. The slot is a plain function: with the default AutoConnection it runs on this thread, during the
 * emit (or when an emission made in another thread is delivered here); `type` may queue it instead. An error
 * thrown by a listener is reported like any slot's, naming the signal.
 */
export function toEventEmitter<
  Events extends EmitterEventMap,
  E extends keyof Events & string,
  Args extends Parameters<Events[E]>,
>(signal: Signal<Args>, emitter: TypedEventEmitter<Events>, event: E, type?: ConnectionType): Connection<Args> {
  const slot = (...args: Args): void => void emitter.emit(event, ...args);
  Object.defineProperty(slot, 'name', { value: `EventEmitter.emit("${event}")` });
  return signal.connect(slot, type);
}
