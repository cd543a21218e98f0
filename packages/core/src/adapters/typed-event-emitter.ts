/**
 * Listener signatures by event name: `{ data: (chunk: string, index: number) => void; end: () => void }`. The same
 * shape as `typed-emitter`'s `EventMap`, so one map types both.
 */
export type EmitterEventMap = { [event: string]: (...args: never[]) => void };

/**
 * The part of an `EventEmitter` the bridges use, typed by its event map: cast a Node `EventEmitter` to it,
 * `new EventEmitter() as TypedEventEmitter<Events>`. It exists only in types, with the same methods as
 * `typed-emitter`'s `TypedEmitter<Events>`, so an emitter typed with that one is assignable to it (assign it, or
 * give the bridge the map: `fromEventEmitter<Events, 'data'>(emitter, 'data')`). A plain, untyped `EventEmitter` is
 * refused: its events are unknown.
 */
export interface TypedEventEmitter<Events extends EmitterEventMap> {
  /** Adds `listener` for `event`. */
  on<E extends keyof Events>(event: E, listener: Events[E]): this;
  /** Removes `listener` from `event`. */
  removeListener<E extends keyof Events>(event: E, listener: Events[E]): this;
  /** Calls the listeners of `event` with `args`; true if it had any. */
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): boolean;
}
