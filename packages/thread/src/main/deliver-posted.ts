import {
  ConnectionType,
  currentThreadData,
  DeadlockError,
  invokeSlot,
  type Connection,
  type Signal,
} from '@sigslot/core';

/**
 * Runs, on this thread, the calls one emission made in a worker posted here: the worker routed the emission when
 * it was emitted (see RoutingHistory), so `connections` is the list it saw then, and nothing is decided again but
 * where each receiver lives now. A call already posted survives a later `disconnect()` (as in Qt); one to a
 * receiver destroyed since is dropped (Qt removes a destroyed object's posted events); a SingleShotConnection
 * runs once. `skip` names connections that ran in the worker itself (both ends live there).
 *
 * Returns the last slot's result, which a worker blocked in the emit receives.
 */
export function deliverPosted(
  signal: Signal<unknown[]>,
  connections: readonly Connection[],
  args: unknown[],
  skip: (connection: Connection) => boolean,
): unknown {
  const here = currentThreadData();
  let result: unknown;
  for (let i = 0; i < connections.length; i++) {
    const c = connections[i]!;
    const receiver = c.receiver;
    if (receiver !== null && receiver.isDestroyed()) continue;
    if (c.singleShot) {
      if (!c.alive) continue; // an earlier emit ran it
      signal.disconnect(c as unknown as Connection<unknown[]>);
    }
    if (skip(c)) continue;
    const target = receiver === null ? here : receiver.threadData();
    if (target === here) {
      result = invokeSlot(c, args);
    } else if (target === null || target.transport === null) {
      receiver!.holdTask({ receiver, run: () => invokeSlot(c, args) });
    } else if (c.delivery === ConnectionType.BlockingQueuedConnection) {
      // Relayed to a receiver in another worker: the emitter waits for it, through this thread.
      if (!here.canBlock) throw new DeadlockError(`${c}: this thread cannot block to relay the call.`);
      result = target.transport.blockSlot(c, args);
    } else {
      target.transport.queueSlot(c, args);
    }
  }
  return result;
}
