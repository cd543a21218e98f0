import { ConnectionType } from '../connection-type';
import type { ThreadData, ThreadTransport } from '../thread/thread-data';
import { activateList, reportSlotError } from './activate';
import type { QObject } from '../object/qobject';
import { Word, type Connection } from './connection';
import { boxAll, receiverAt, STRIDE, wordAt, type ConnectionList } from './connection-list';
import { calling, claimSenderBlock, releaseSenderBlock, SENDER_BLOCK } from './sender';
import type { Signal } from './signal';

/**
 * `activate()`'s common cases, compiled. When every connection of a signal is either called directly on the
 * emitting thread — a plain function, or a receiver living in that thread, Auto or Direct, not single-shot — or
 * posted to a receiver living in another isolate — Auto or Queued, not single-shot — `activate()` calls or posts
 * each one now, in order. This module builds a function that does exactly that with one call site per
 * slot, and the signal installs it as its own `emit`, so that V8 can inline each slot into the emit (tseep's
 * technique): an emit is one call, from the caller into this function. The caller does not inline the emit itself:
 * its call site saw the general emit first, and a call site that has seen two functions stays a call (measured:
 * `--trace-turbo-inlining`). A loop shares one call site among the slots of every signal in the
 * program, which made a direct emit several times slower (bench group 1). The routing is unchanged: this is a
 * copy of one branch, taken only where that branch is the whole decision; anything else goes back to
 * `emitGeneral`.
 *
 * What the routing depends on, the list and the receivers' threads, is checked once, when compiling. Whatever
 * would change it retires the compiled emit instead ({@link CompiledEmit.retire}): a new list, a receiver moved
 * to another thread. A retired emit that is still running (a slot changed the list, or moved a receiver) hands
 * its remaining slots to `activate()`, which skips those disconnected meanwhile and routes each by its
 * receiver's thread at that moment, as Qt does; a caller that kept the retired emit is sent to the general path.
 */
export interface CompiledEmit {
  readonly emit: (...args: readonly unknown[]) => unknown;
  /** Makes `emit` take the general path from now on; a running emit hands its remaining slots to `activate()`. */
  readonly retire: () => void;
}

/** Slots beyond this count are not worth a generated function (code size grows with it; the loop is fine). */
const MAX_SLOTS = SENDER_BLOCK;
/** Arguments beyond this count take the loop: such emits are rare, and each arity needs its own function. */
const MAX_ARITY = 4;

/** Numbers each compiled emit's source (see compileDirectEmit). */
let compiledCount = 0;

/** False once `new Function` was refused (a Content-Security-Policy without 'unsafe-eval'): the loop is used. */
let compilerAvailable = true;

/** How `activate()` handles a connection whenever thread `here` emits, when that is always the same. */
const enum Route {
  /** Calls the slot now, on `here`. */
  Call,
  /** Posts the call to the receiver's thread in another isolate, through that thread's transport. */
  Post,
}

/** The route `activate()` would take for `c` whenever `here` emits; null when it depends on more than that. */
function routeOf(word: number, receiver: QObject | null, here: ThreadData): Route | null {
  const delivery = word & Word.Delivery;
  if (word & Word.SingleShot) return null;
  const target = receiver === null ? here : receiver.threadData();
  if (target === here) return delivery <= ConnectionType.DirectConnection ? Route.Call : null;
  const posts = delivery === ConnectionType.AutoConnection || delivery === ConnectionType.QueuedConnection;
  return posts && target !== null && target.loop === null && target.transport !== null ? Route.Post : null;
}

/**
 * The statement that posts connection `i`'s call through its receiver's transport, as `activate()` does. The
 * transport is read each emit (a thread gets a new one when restarted): another one hands the rest to `activate()`.
 */
function postStatement(i: number, transport: ThreadTransport, arity: number, params: string, handOver: string): string {
  const post =
    arity > 0 && transport.queueArgs ? `queueArgs(c${i}, ${arity}, ${params})` : `queueSlot(c${i}, [${params}])`;
  return (
    `if (d${i}.transport !== q${i}) ${handOver}${i}, result); }\n` +
    `  { const blocked = q${i}.${post}; if (blocked !== undefined) result = blocked; }`
  );
}

/** The statement that calls connection `i`'s slot with `params`, as `invokeSlot` does (result, error report). */
function callStatement(c: Connection<unknown[]>, i: number, params: string): string {
  // A method is looked up when called, as invokeSlot does, so that a replaced method is the one called.
  const call =
    c.receiver === null
      ? `f${i}(${params})`
      : typeof c.slot === 'string'
        ? `r${i}[f${i}](${params})`
        : `f${i}.call(r${i}${params ? ', ' : ''}${params})`;
  // Reporting never throws (reportError catches a throwing handler), so no `finally` is needed to put back the
  // caller's sender() below.
  return `try { result = ${call}; } catch (e) { result = undefined; report(e, c${i}); }`;
}

/**
 * Compiles the emit of `signal` for `list` (its current list) and `arity` arguments, emitted on thread `here`.
 * Null when a connection is not called directly there, or when the platform forbids generated code. The
 * connections get their objects (connection-list.ts's boxEntry), which the compiled function holds: `sender()`
 * finds them through it, and a transport is given them. Only a signal emitted often pays for them.
 */
export function compileDirectEmit<Args extends unknown[]>(
  signal: Signal<Args>,
  list: ConnectionList,
  arity: number,
  here: ThreadData,
): CompiledEmit | null {
  const n = list.length / STRIDE;
  if (!compilerAvailable || n > MAX_SLOTS || arity > MAX_ARITY) return null;
  const routes: Route[] = [];
  for (let i = 0; i < list.length; i += STRIDE) {
    const route = routeOf(wordAt(list, i), receiverAt(list, i), here);
    if (route === null) return null;
    routes.push(route);
  }
  const connections = boxAll(signal);
  const params = Array.from({ length: arity }, (_, i) => `a${i}`).join(', ');
  const owner = signal.owner;
  const blockable = owner !== null && (owner.destroyed as unknown) !== signal; // `destroyed` is never blocked
  // Receivers whose slot runs here: `sender()` is set for them.
  const anyReceiver = connections.some((c, i) => c.receiver !== null && routes[i] === Route.Call);
  // A constructor of its own, so that `guard.stale` has a map of its own: V8 treats a field never written since
  // construction as a constant, so the checks below cost nothing until this emit is retired.
  // A source of its own (the number): V8 caches code by source, and signals compiled from one cached source would
  // share one call site per slot, each seeing every such signal's slots (6 signals of one shape: 10× slower).
  let body = `"use strict"; // emit #${++compiledCount}\nfunction Guard() { this.stale = false; }\nconst guard = new Guard();\n`;
  body += `function emit(${params}) {\n`;
  // Anything unusual takes the general path: another argument count, blocked signals, or a retired emit (a
  // caller may hold on to an old `signal.emit`).
  body +=
    `  if (arguments.length !== ${arity} || guard.stale${blockable ? ' || owner.signalsBlocked()' : ''})` +
    ` return signal.emitGeneral([...arguments]);\n`;
  body += '  let result;\n'; // the last slot's, as activate() returns it
  // `sender()`: one integer stored per receiver's slot (see sender.ts), and the caller's put back for a function
  // slot and at the end.
  const base = anyReceiver ? claimSenderBlock(connections as unknown as Connection<never>[]) : 0;
  if (anyReceiver) body += '  const previous = calling.index;\n';
  const args = `[${params}]`;
  const handOver = `{ ${anyReceiver ? 'calling.index = previous; ' : ''}return rest(${args}, `;
  let senderSet = false;
  connections.forEach((c, i) => {
    if (routes[i] === Route.Post) {
      if (i > 0) body += `  if (guard.stale) ${handOver}${i}, result); }\n`;
      // A post may throw (an argument that cannot be copied): the caller's sender() is put back before it.
      if (senderSet) body += '  calling.index = previous;\n';
      senderSet = false;
      body += `  ${postStatement(i, c.receiver!.threadData()!.transport!, arity, params, handOver)}\n`;
      return;
    }
    let statement = callStatement(c as unknown as Connection<unknown[]>, i, params);
    if (c.receiver !== null) statement = `calling.index = ${base + i}; ${statement}`;
    else if (senderSet) statement = `calling.index = previous; ${statement}`;
    senderSet = c.receiver !== null;
    // The first slot needs no check: the list was current when the emit began, so it was connected.
    if (i > 0) body += `  if (guard.stale) ${handOver}${i}, result); }\n`;
    body += `  ${statement}\n`;
  });
  if (anyReceiver) body += '  calling.index = previous;\n'; // even if the last slot was skipped
  body += '  return result;\n}\nreturn { emit, retire: () => { guard.stale = true; } };';
  const names = connections.flatMap((_, i) => [`c${i}`, `f${i}`, `r${i}`, `d${i}`, `q${i}`]);
  const values = connections.flatMap((c, i) => {
    const target = routes[i] === Route.Post ? c.receiver!.threadData()! : null;
    return [c, c.slot, c.receiver, target, target?.transport];
  });
  const rest = (args: Args, first: number, result: unknown): unknown =>
    activateList(signal, list, args, here, first * STRIDE, result);
  let compiled: CompiledEmit | null = null;
  try {
    const make = new Function(...names, 'report', 'rest', 'signal', 'owner', 'calling', body) as (
      ...values: unknown[]
    ) => CompiledEmit;
    const report = (error: unknown, c: Connection<Args>): void => reportSlotError(error, signal, c.slot, c.receiver);
    compiled = make(...values, report, rest, signal, owner, calling);
  } catch {
    compilerAvailable = false;
  }
  if (anyReceiver) releaseSenderBlock(base, compiled?.emit ?? null);
  return compiled;
}
