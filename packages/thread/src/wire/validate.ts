import { validateBatch } from './codec';
import type { ClassLocation, WireError } from './protocol';
/**
 * The checks on what arrives from another thread (untrusted input): a message that fails them is dropped and
 * reported as a ProtocolError, never acted on. The messages themselves are described in `protocol.ts`.
 */

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isWireError = (v: unknown): v is WireError =>
  isObj(v) && isStr(v.name) && isStr(v.message) && (v.stack === undefined || isStr(v.stack));

/**
 * Checks that `message` is a well-formed {@link FromWorker}. Returns a reason when it is not; the caller
 * drops the message and reports a ProtocolError. (Whether the names it uses were declared is checked where
 * they are looked up.)
 */
export function validateFromWorker(message: unknown): string | null {
  if (Array.isArray(message))
    return message.length === 4 &&
      isInt(message[0]) &&
      isInt(message[1]) &&
      isInt(message[2]) &&
      Array.isArray(message[3])
      ? null
      : '"emit-wait" is malformed';
  if (!isObj(message)) return 'the message is not an object';
  switch (message.type) {
    case 'started':
      return Array.isArray(message.signals) && message.signals.every(isStr) && isStr(message.token)
        ? null
        : '"started" needs a list of signal names';
    case 'created':
      return isInt(message.objectId) && Array.isArray(message.signals) && message.signals.every(isStr)
        ? null
        : '"created" needs an objectId and a list of signal names';
    case 'emits':
      return validateBatch(message.batch, message.numbers);
    case 'result':
      return isInt(message.replyId) && typeof message.ok === 'boolean' ? null : '"result" needs a replyId and ok';
    case 'slot-error':
      return isWireError(message.error) &&
        isStr(message.where) &&
        (message.signal === undefined || isStr(message.signal)) &&
        (message.receiver === undefined || isStr(message.receiver))
        ? null
        : '"slot-error" needs an error and where';
    case 'violation': {
      const v = message.violation;
      return isObj(v) &&
        isStr(v.className) &&
        isStr(v.method) &&
        isStr(v.thread) &&
        isInt(v.threadId) &&
        isStr(v.message) &&
        isStr(v.stack)
        ? null
        : '"violation" is malformed';
    }
    case 'finished':
      return isInt(message.code) && isStr(message.token) && (message.error === undefined || isWireError(message.error))
        ? null
        : '"finished" is malformed';
    default:
      return `unknown message type ${JSON.stringify(String(message.type)).slice(0, 60)}`;
  }
}

const isLocation = (v: unknown): v is ClassLocation => isObj(v) && isStr(v.module) && isStr(v.exportName);

/**
 * Checks that `init` is a well-formed {@link ThreadInit}; returns a reason when it is not. A browser thread's worker
 * takes its init from the messages it gets, so a message of the page's own that has `type: 'init'` must not pass.
 */
export function validateInit(init: unknown): string | null {
  if (!isObj(init) || init.type !== 'init') return 'it carries no "init"';
  if (!isInt(init.threadId) || !isStr(init.name) || !isLocation(init.location))
    return '"init" needs a threadId, a name and a location (module, exportName)';
  if (!isObj(init.state) || typeof SharedArrayBuffer !== 'function' || !(init.control instanceof SharedArrayBuffer))
    return '"init" needs the thread\'s state and its control words (a SharedArrayBuffer)';
  if (init.affinityPolicy !== 'throw' && init.affinityPolicy !== 'record')
    return '"init" needs an affinityPolicy ("throw" or "record")';
  if (
    !Array.isArray(init.calls) ||
    !(init.waitGraph instanceof SharedArrayBuffer) ||
    !isStr(init.token) ||
    !Array.isArray(init.watches) ||
    !isInt(init.maxPendingEmits)
  )
    return '"init" needs its calls, waitGraph, token, watches and maxPendingEmits';
  return null;
}

/**
 * Checks that `message` is a well-formed {@link ThreadAssignment}, as a prepared worker does before it loads the
 * thread. Returns a reason when it is not.
 */
export function validateAssignment(message: unknown): string | null {
  if (!isObj(message) || message.type !== 'assign') return 'the message is not an "assign" message';
  const problem = validateInit(message.init);
  if (problem !== null) return `"assign": ${problem}`;
  if (message.syncPort !== undefined && !isObj(message.syncPort)) return '"assign" has a syncPort that is not a port';
  if (message.tsx !== undefined && !isStr(message.tsx)) return '"assign" has a tsx path that is not a string';
  const resolved = message.resolved;
  if (
    resolved !== undefined &&
    !(Array.isArray(resolved) && resolved.every((r) => Array.isArray(r) && r.length === 3 && r.every(isStr)))
  )
    return '"assign" has resolutions that are not [from, request, file] strings';
  return null;
}
