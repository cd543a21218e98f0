import { ConnectionType } from '../connection-type';
import { ConnectionTypeError, DeadlockError } from '../errors';
import type { QObject } from '../object/qobject';
import { reportError } from '../report-error';
import { currentThreadData } from '../thread/current-thread';
import type { Task } from '../thread/event-loop';
import type { ThreadData } from '../thread/thread-data';
import { slotNameOf, Word, type Connection, type Slot } from './connection';
import { boxEntry, handleAt, liveAt, receiverAt, slotAt, STRIDE, wordAt, type ConnectionList } from './connection-list';
import { calling, GENERAL } from './sender';
import type { Signal } from './signal';

const { DirectConnection, QueuedConnection, AutoConnection, BlockingQueuedConnection } = ConnectionType;

/**
 * Calls a connection's slot now, on this thread, and returns what it returned; an error is reported, never
 * thrown to the emitter (the result is then undefined).
 */
export function invokeSlot<Args extends unknown[]>(c: Connection<Args>, args: Args): unknown {
  return callSlot(c.signal, c.slot, c.receiver, args);
}

/** {@link invokeSlot} for a connection given by its parts (a signal's list keeps no object per connection). */
function callSlot<Args extends unknown[]>(
  signal: Signal<Args>,
  slot: Slot<Args>,
  receiver: QObject | null,
  args: Args,
): unknown {
  if (receiver === null) return callFunctionSlot(signal, slot, args);
  const { index: previousIndex, signal: previousSignal, receiver: previousReceiver } = calling;
  calling.index = GENERAL;
  calling.signal = signal as unknown as Signal<never>;
  calling.receiver = receiver;
  try {
    const method = typeof slot === 'string' ? (receiver as unknown as Record<string, Method>)[slot]! : slot;
    return callWith(method as Method, receiver, args, 0, args.length);
  } catch (error) {
    reportSlotError(error, signal, slot, receiver);
    return undefined;
  } finally {
    calling.index = previousIndex;
    calling.signal = previousSignal;
    calling.receiver = previousReceiver;
  }
}

/** The `count` arguments of one emission, read from `values` (an emit's own array, or a batch's run) at `at`. */
export function argsAt(values: ArrayLike<unknown>, at: number, count: number): unknown[] {
  return Array.prototype.slice.call(values, at, at + count);
}

/** A slot as called: a function, with the receiver (or undefined) as `this`. */
export type Method = (...args: unknown[]) => unknown;

/**
 * `method.apply(self, args)` for the `count` arguments of `values` from `at`, without a spread, an apply or an
 * arguments array for the usual arities (see callFunctionSlot): an emit's own array, or a worker batch's run.
 */
export function callWith(
  method: Method,
  self: unknown,
  values: ArrayLike<unknown>,
  at: number,
  count: number,
): unknown {
  switch (count) {
    case 0:
      return method.call(self);
    case 1:
      return method.call(self, values[at]);
    case 2:
      return method.call(self, values[at], values[at + 1]);
    case 3:
      return method.call(self, values[at], values[at + 1], values[at + 2]);
    case 4:
      return method.call(self, values[at], values[at + 1], values[at + 2], values[at + 3]);
    default:
      return method.apply(self, argsAt(values, at, count));
  }
}

/**
 * Calls a bare function slot (no receiver) now. Hot path of a direct emit: the arguments are passed one by one
 * for the usual arities because a spread call (`slot(...args)`) costs more than the rest of the emit (bench group 1).
 */
function callFunctionSlot<Args extends unknown[]>(signal: Signal<Args>, s: Slot<Args>, args: Args): unknown {
  const slot = s as (...a: unknown[]) => unknown;
  try {
    switch (args.length) {
      case 0:
        return slot();
      case 1:
        return slot(args[0]);
      case 2:
        return slot(args[0], args[1]);
      case 3:
        return slot(args[0], args[1], args[2]);
      default:
        return slot(...args);
    }
  } catch (error) {
    reportSlotError(error, signal, slot, null);
    return undefined;
  }
}

/** Reports an error thrown by a slot, naming the slot, its receiver, the signal and the thread. */
export function reportSlotError<Args extends unknown[]>(
  error: unknown,
  signal: Signal<Args>,
  slot: Slot<Args>,
  receiver: QObject | null,
): void {
  reportError(error, {
    where: `slot ${slotNameOf(slot as Slot<never>)}${receiver ? ` of ${receiver.describe()}` : ''} for signal ${signal.describe()}`,
    signal: signal.describe(),
    ...(receiver ? { receiver: receiver.describe() } : {}),
    thread: currentThreadData().describe(),
  });
}

/** A slot call queued to the receiver's thread: Qt's QMetaCallEvent. */
class SlotCall<Args extends unknown[]> implements Task {
  constructor(
    readonly connection: Connection<Args>,
    readonly args: Args,
    readonly receiver: QObject | null,
  ) {}
  run(): void {
    invokeSlot(this.connection, this.args);
  }
}

/**
 * Delivers one emission to `connections`: the one routing decision of the library (Qt's
 * `QMetaObject::activate`). Per connection, from the emitting thread and the receiver's thread at this
 * moment: call now, queue to the receiver's thread, or queue and wait.
 *
 * `from` is the emitting thread. It differs from the current thread when a thread transport delivers an
 * emission made elsewhere: `connections` are then the calls that emit posted here, routed where it was emitted
 * (Qt's posted events), so nothing is decided again but where each receiver lives now. A posted call survives a
 * `disconnect()` made after the emit; one to a receiver destroyed since is dropped (Qt removes a destroyed object's
 * posted events); a SingleShotConnection runs once; Auto, Direct and Queued calls to this thread run now; a call
 * to a receiver in another isolate is relayed to it (blocking ones through this thread, which then waits).
 *
 * `first` and `resultSoFar` let an emit already under way hand over its remaining connections: a compiled emit
 * (direct-emit.ts) does when a slot changed the list or moved a receiver during the emit.
 *
 * Returns what the last slot that ran before it returned (directly, or blocking) returned, as Qt's `emit`
 * does for a signal with a return type; undefined when none did.
 */
export function activate<Args extends unknown[]>(
  signal: Signal<Args>,
  connections: readonly Connection<Args>[],
  args: Args,
  from: ThreadData,
  first = 0,
  resultSoFar: unknown = undefined,
): unknown {
  const here = currentThreadData();
  let result = resultSoFar;
  for (let i = first; i < connections.length; i++) {
    const c = connections[i]!;
    if (!c.alive && skipsRemoved(c.singleShot, c.receiver, from, here)) continue;
    if (c.singleShot) signal.disconnect(c);
    result = route(signal, c, args, from, here, result);
  }
  return result;
}

/**
 * Whether an emit skips a connection removed since its list was taken: one disconnected by an earlier slot of
 * this same emit; or, for a posted call (emitted elsewhere), one whose receiver was destroyed since or a single
 * shot that an earlier emit ran (a posted call survives a mere disconnect).
 */
function skipsRemoved(singleShot: boolean, receiver: QObject | null, from: ThreadData, here: ThreadData): boolean {
  return from === here || singleShot || receiver?.isDestroyed() === true;
}

/**
 * {@link activate} for a signal's own list (connection-list.ts): `signal.deliver` and a compiled emit handing
 * over (`first` is then an index into the list). The common cases, a slot called now on this thread, are decided
 * here from the list's three slots; any other connection is routed as its object (which the list then keeps).
 */
export function activateList<Args extends unknown[]>(
  signal: Signal<Args>,
  list: ConnectionList,
  args: Args,
  from: ThreadData,
  first = 0,
  resultSoFar: unknown = undefined,
): unknown {
  const here = currentThreadData();
  let result = resultSoFar;
  for (let i = first; i < list.length; i += STRIDE) {
    const word = wordAt(list, i);
    const receiver = receiverAt(list, i);
    const singleShot = (word & Word.SingleShot) !== 0;
    // The signal's current list holds live connections only; an older one may hold some removed since.
    if (list !== signal.entries && !liveAt(signal, list, i) && skipsRemoved(singleShot, receiver, from, here)) continue;
    if (singleShot) signal.disconnect(handleAt(signal, list, i));
    const delivery = word & Word.Delivery;
    // Called now, on this thread, as route() would: a bare function (it can only run in the isolate that
    // connected it), or a receiver living here; Auto or Direct, or delivered by a transport.
    if ((delivery <= DirectConnection || from !== here) && (receiver === null || receiver.threadData() === here)) {
      result = callSlot(signal, slotAt<Args>(list, i), receiver, args);
      continue;
    }
    result = route(signal, boxEntry(signal, list, i), args, from, here, result);
  }
  return result;
}

/** Calls, posts or blocks on one connection, as the comment of {@link activate} says; returns the emit's result so far. */
function route<Args extends unknown[]>(
  signal: Signal<Args>,
  c: Connection<Args>,
  args: Args,
  from: ThreadData,
  here: ThreadData,
  resultSoFar: unknown,
): unknown {
  const sender = signal.owner;
  let result = resultSoFar;
  // A bare function has no receiver: it can only run in the isolate that connected it, so it runs here.
  const context = c.receiver;
  // Its common case first (the decision below gives the same): Auto or Direct, or delivered by a transport.
  if (context === null && (c.delivery <= DirectConnection || from !== here)) {
    return callFunctionSlot(signal, c.slot, args);
  }
  const target = context === null ? here : context.threadData();
  let delivery = c.delivery;
  if (delivery === AutoConnection) delivery = target === from ? DirectConnection : QueuedConnection;

  if (target === here) {
    if (delivery === DirectConnection || from !== here) result = invokeSlot(c, args);
    else if (delivery === QueuedConnection) here.loop!.post(new SlotCall(c, args, context ?? sender));
    else throw deadlock(signal, c, here);
  } else if (target === null) {
    // An object with no thread takes no queued calls until it is moved to one (Qt: they wait); nor posted ones.
    if (delivery === DirectConnection && from === here) result = invokeSlot(c, args);
    else if (delivery !== BlockingQueuedConnection || from !== here) context!.holdTask(new SlotCall(c, args, context));
    else
      throw new DeadlockError(
        `${c}: the receiver has no thread, so a blocking call would never return. Move it to a thread first, or use QueuedConnection.`,
      );
  } else if (delivery === DirectConnection && from === here) {
    throw new ConnectionTypeError(
      `${c}: a DirectConnection cannot call a receiver in ${target.describe()} from ${here.describe()}. Use QueuedConnection.`,
    );
  } else {
    // A receiver in another isolate. (A direct call relayed through this thread, emitted where the receiver
    // lives, goes back there queued: the nearest JavaScript can come to running it in the emitting thread.)
    const transport = target.transport;
    if (from === target && transport?.runsThere?.(c as unknown as Connection)) return result; // it ran where emitted
    if (transport === null) context!.holdTask(new SlotCall(c, args, context));
    else if (delivery !== BlockingQueuedConnection) {
      const blocked = transport.queueSlot(c as unknown as Connection, args); // see ThreadTransport.queueSlot
      if (blocked !== undefined) result = blocked;
    } else {
      if (!here.canBlock) throw cannotBlock(signal, c, here);
      result = transport.blockSlot(c as unknown as Connection, args);
    }
  }
  return result;
}

function deadlock<Args extends unknown[]>(signal: Signal<Args>, c: Connection<Args>, here: ThreadData): DeadlockError {
  const sender = signal.owner ? signal.owner.describe() : 'a signal with no owner';
  const receiver = c.receiver ? c.receiver.describe() : sender;
  return new DeadlockError(
    `Dead lock detected while activating a BlockingQueuedConnection: signal ${signal.describe()}, sender is ${sender}, ` +
      `receiver is ${receiver}, both on thread ${here.describe()}. A blocking connection waits for the receiver's thread, ` +
      `which is the emitting thread itself. Use QueuedConnection, or AutoConnection, for a receiver on the emitting thread.`,
  );
}

function cannotBlock<Args extends unknown[]>(
  signal: Signal<Args>,
  c: Connection<Args>,
  here: ThreadData,
): DeadlockError {
  return new DeadlockError(
    `${signal.describe()} was emitted on thread ${here.describe()} through a BlockingQueuedConnection to ${c.slotName()}, ` +
      `but this thread cannot block (a browser's main thread may not wait). Use QueuedConnection, and await the ` +
      `receiver's reply signal or invokeMethod's promise instead.`,
  );
}
