import { ConnectionType } from '../connection-type';
import { reportSlotError } from './activate';
import type { Connection } from './connection';
import type { Signal } from './signal';

/**
 * `activate()`'s common case, compiled. When every connection of a signal is a plain function (no receiver,
 * Auto or Direct, not single-shot), `activate()` calls each one now, in order, on the emitting thread. This
 * module builds a function that does exactly that with one call site per slot, and the signal installs it as
 * its own `emit`, so that V8 can inline each slot into the emit and the emit into its caller (tseep's
 * technique). A loop shares one call site among the slots of every signal in the program, which made a direct
 * emit several times slower (bench group 1). The routing is unchanged: this is a copy of one branch, taken
 * only where that branch is the whole decision; anything else goes back to `emitGeneral`.
 */
export type CompiledEmit = (...args: readonly unknown[]) => unknown;

/** Slots beyond this count are not worth a generated function (code size grows with it; the loop is fine). */
const MAX_SLOTS = 16;
/** Arguments beyond this count take the loop: such emits are rare, and each arity needs its own function. */
const MAX_ARITY = 4;

/** False once `new Function` was refused (a Content-Security-Policy without 'unsafe-eval'): the loop is used. */
let compilerAvailable = true;

/** True when `activate()` would call this connection directly, on the emitting thread, every time. */
function isPlain<Args extends unknown[]>(c: Connection<Args>): boolean {
  return c.receiver === null && c.delivery <= ConnectionType.DirectConnection && !c.singleShot;
}

/**
 * A function that calls `connections`' slots with `arity` arguments, skipping any disconnected meanwhile (an
 * earlier slot of the same emit may disconnect a later one) and reporting a slot's error without stopping the
 * others. Null when the connections are not all plain functions, or when the platform forbids generated code.
 */
export function compileDirectEmit<Args extends unknown[]>(
  signal: Signal<Args>,
  connections: readonly Connection<Args>[],
  arity: number,
): CompiledEmit | null {
  const n = connections.length;
  if (!compilerAvailable || n > MAX_SLOTS || arity > MAX_ARITY) return null;
  for (const c of connections) if (!isPlain(c)) return null;
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  let body = `"use strict";\nreturn function emit(${params.join(', ')}) {\n`;
  // Anything unusual takes the general path: another argument count, blocked signals, or a list replaced since
  // (a caller may hold on to an old `signal.emit`).
  body +=
    `  if (arguments.length !== ${arity} || signal.connections !== list || (owner !== null && owner.signalsBlocked()))` +
    ` return signal.emitGeneral([...arguments]);\n`;
  body += '  let result;\n'; // the last slot's, as activate() returns it
  for (let i = 0; i < n; i++) {
    // The first slot needs no check: the list was current when the emit began, so it was connected.
    const call = `try { result = f${i}(${params.join(', ')}); } catch (e) { result = undefined; report(e, c${i}); }`;
    body += i === 0 ? `  ${call}\n` : `  if (c${i}.alive) ${call}\n`;
  }
  body += '  return result;\n};';
  const names = connections.flatMap((_, i) => [`c${i}`, `f${i}`]);
  const values = connections.flatMap((c) => [c, c.slot]);
  try {
    const make = new Function(...names, 'report', 'signal', 'owner', 'list', body) as (
      ...values: unknown[]
    ) => CompiledEmit;
    return make(...values, reportSlotError, signal, signal.owner, connections);
  } catch {
    compilerAvailable = false;
    return null;
  }
}
