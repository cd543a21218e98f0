import { ThreadCrashedError } from '../errors';
import type { WireError } from '../wire/protocol';
import { toRemoteError } from './worker-calls';

/** The crash of a thread whose `run()` threw `error` in the worker (reported in its "finished" message). */
export function crashFromRun(error: WireError, thread: string): ThreadCrashedError {
  return new ThreadCrashedError(`Thread ${thread}: run() threw ${error.name}: ${error.message}`, {
    cause: toRemoteError(error),
    remoteName: error.name,
    ...(error.stack ? { remoteStack: error.stack } : {}),
  });
}

/** The crash of a thread whose worker failed outside the protocol (an uncaught error, out of memory). */
export function crashFromWorkerError(error: unknown, thread: string): ThreadCrashedError {
  // Duck-typed: an error from Node's internals may come from another realm (jest's sandbox, a vm context).
  const cause =
    typeof error === 'object' && error !== null && 'message' in error ? (error as Error) : new Error(String(error));
  const oom = (cause as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
  return new ThreadCrashedError(
    oom
      ? `Thread ${thread} ran out of memory (its resourceLimits) and was stopped.`
      : `Thread ${thread} failed: ${cause.name}: ${cause.message}`,
    { cause, remoteName: cause.name, ...(cause.stack ? { remoteStack: cause.stack } : {}) },
  );
}
