declare const eventMap: unique symbol;

/**
 * An `EventTarget` whose events are described by the map `M` (event type → event class), as `TypedEventEmitter`
 * describes an `EventEmitter`. It exists only in types: cast a target to it to type the bridges,
 * `target as TypedEventTarget<{ progress: CustomEvent<number> }>`, or a DOM element with its map,
 * `button as TypedEventTarget<HTMLElementEventMap>`.
 */
export interface TypedEventTarget<M extends { [K in keyof M]: Event }> extends EventTarget {
  /** Never present at run time: carries `M` for the compiler. */
  readonly [eventMap]?: M;
}

/** The event map of a target: `M` for a {@link TypedEventTarget}, any name to `Event` for a plain `EventTarget`. */
export type EventMapOf<T> = T extends {
  /** The map a {@link TypedEventTarget} carries. */
  readonly [eventMap]?: infer M;
}
  ? unknown extends M
    ? Record<string, Event>
    : M
  : Record<string, Event>;

/** The event types a target accepts: the keys of its {@link EventMapOf | event map}. */
export type EventTypeOf<T> = keyof EventMapOf<T> & string;
