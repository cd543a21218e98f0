import { reportError } from '../report-error';
import { currentThreadData } from '../thread/current-thread';
import type { ThreadData } from '../thread/thread-data';
import { activate, argsAt, callWith, reportSlotError, type Method } from './activate';
import type { QObject } from '../object/qobject';
import type { Connection } from './connection';
import { calling, GENERAL } from './sender';
import type { Signal } from './signal';

/**
 * Delivers a run of `emits` emissions of `signal` posted here from thread `from` (a worker's batch), each to
 * `connections`, the calls they were routed to where they were emitted: `argCount` arguments each, read from
 * `values` starting at `at`. Each emission is delivered as {@link activate} delivers it, one after another.
 *
 * The common call, a slot of a receiver living here or a bare function, not a single shot, is made here: one
 * check per call instead of activate()'s routing, and no arguments array per emission (bench group 2). Anything
 * else — a receiver destroyed or moved to another thread since, a single shot — hands the rest of that emission
 * to activate(); a routing error it throws is reported, and the run goes on.
 */
export function activateRun(
  signal: Signal<unknown[]>,
  connections: readonly Connection[],
  from: ThreadData,
  values: ArrayLike<unknown>,
  at: number,
  argCount: number,
  emits: number,
): void {
  const here = currentThreadData();
  if (from === here) {
    // Not posted from another thread: activate() decides every call.
    for (let k = 0; k < emits; k++, at += argCount)
      handOver(signal, connections, argsAt(values, at, argCount), from, 0);
    return;
  }
  const { index: previousIndex, signal: previousSignal, receiver: previousReceiver } = calling;
  // A receiver of this run that `calling` was set to name, or null: it names the caller's.
  let named: QObject | null = null;
  try {
    for (let k = 0; k < emits; k++, at += argCount) {
      for (let i = 0; i < connections.length; i++) {
        const c = connections[i]!;
        const receiver = c.receiver;
        const common =
          !c.singleShot && (receiver === null || (receiver.threadData() === here && !receiver.isDestroyed()));
        if (named !== null && (receiver === null || !common)) {
          // A bare function's call leaves sender() as the caller had it (see sender.ts); so does activate().
          calling.index = previousIndex;
          calling.signal = previousSignal;
          calling.receiver = previousReceiver;
          named = null;
        }
        if (!common) {
          handOver(signal, connections, argsAt(values, at, argCount), from, i);
          break;
        }
        const slot = c.slot;
        // Set unless it already names this call (one load each is cheaper than a store with a write barrier).
        if (
          receiver !== null &&
          (calling.receiver !== receiver ||
            calling.signal !== (signal as unknown as Signal<never>) ||
            calling.index !== GENERAL)
        ) {
          calling.index = GENERAL;
          calling.signal = signal as unknown as Signal<never>;
          calling.receiver = receiver;
          named = receiver;
        }
        try {
          const method = typeof slot === 'string' ? (receiver as unknown as Record<string, Method>)[slot]! : slot;
          callWith(method as Method, receiver ?? undefined, values, at, argCount);
        } catch (error) {
          reportSlotError(error, signal, slot, receiver);
        }
      }
    }
  } finally {
    calling.index = previousIndex;
    calling.signal = previousSignal;
    calling.receiver = previousReceiver;
  }
}

/** The rest of one emission, from connection `first`, through activate(); a routing error is reported. */
function handOver(
  signal: Signal<unknown[]>,
  connections: readonly Connection[],
  args: unknown[],
  from: ThreadData,
  first: number,
): void {
  try {
    activate(signal, connections, args, from, first);
  } catch (error) {
    const thread = from.describe();
    reportError(error, { where: `delivering ${signal.describe()} from thread ${thread}`, thread });
  }
}
