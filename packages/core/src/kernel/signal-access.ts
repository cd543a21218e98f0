import type { ThreadData } from '../thread/thread-data';
import type { Connection } from '../signal/connection';
import type { ConnectionType } from '../connection-type';
import type { Signal } from '../signal/signal';

/**
 * A signal's connections, in connection order: one object per connection, the same at every call while the
 * connection lasts (the signal keeps it from then on), so that a caller may recognize it later. A new array at
 * each call, never changed: a caller may keep it as a snapshot of the routing at that moment.
 */
export function signalConnections<Args extends unknown[]>(signal: Signal<Args, unknown>): readonly Connection<Args>[] {
  return signal.connections;
}

/**
 * Delivers an emission of `signal` made on thread `from` (this one, or another isolate's, for a thread
 * transport): checks the owner's `blockSignals()` here, where the owner lives, then routes each connection
 * ({@link activate}). Returns the last direct or blocking slot's result.
 */
export function deliverEmission<Args extends unknown[], Result>(
  signal: Signal<Args, Result>,
  args: NoInfer<Args>,
  from: ThreadData,
): Result | undefined {
  return signal.deliver(args, from);
}

/**
 * Appends `connection`, made outside {@link Signal.connect} (a thread transport's forwarder, for example), to
 * `signal`'s connections, as `connect` would. Returns it.
 */
export function attachConnection<Args extends unknown[], C extends Connection<Args>>(
  signal: Signal<Args, unknown>,
  connection: C,
): C {
  return signal.attach(connection);
}

/**
 * Sets the function called after `signal`'s connections change, or its owner's blocked state does (null: none).
 * A thread transport uses it to keep the emitting isolate's copy of the routing in step. One per signal.
 */
export function watchSignalRouting<Args extends unknown[]>(
  signal: Signal<Args, unknown>,
  watcher: ((signal: Signal<Args, unknown>) => void) | null,
): void {
  signal.watcher = watcher as ((signal: Signal<Args>) => void) | null;
}

/**
 * Records that `signal` is emitted in thread `thread`, another isolate (null: here): connecting it directly to
 * an object of this isolate is then refused, since the slot could not run during the emit.
 */
export function setEmittingThread<Args extends unknown[]>(
  signal: Signal<Args, unknown>,
  thread: ThreadData | null,
): void {
  signal.emittedIn = thread;
}

/** How `connection` delivers: its {@link Connection.type} without the UniqueConnection and SingleShotConnection flags. */
export function connectionDelivery<Args extends unknown[]>(connection: Connection<Args>): ConnectionType {
  return connection.delivery;
}
