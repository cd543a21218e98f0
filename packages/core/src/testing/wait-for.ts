import { InvalidArgumentError, SigslotError } from '../errors';

/** A {@link waitFor} condition that did not become true in time. */
export class WaitTimeoutError extends SigslotError {
  static override readonly className: string = 'WaitTimeoutError';
}

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** How the condition is named in the timeout error. Default: the predicate's source text. */
  readonly description?: string;
  /** Milliseconds between two checks (default 10). */
  readonly intervalMs?: number;
}

/**
 * Waits until `predicate()` returns true, checking it at once and then every few milliseconds on the event
 * loop (Qt Test's `QTRY_VERIFY` / `QTRY_COMPARE`), so that queued slots, timers and worker messages are
 * delivered in between. Resolves as soon as it holds; rejects with a {@link WaitTimeoutError} naming the
 * condition when `timeoutMs` passes first. A predicate that throws counts as false; its last error becomes
 * the timeout error's `cause`.
 *
 * For tests: `await waitFor(() => receiver.values.length === 3)`. To wait for one signal, prefer
 * {@link SignalSpy.wait} or `signal.once()`.
 */
export function waitFor(predicate: () => boolean, timeoutMs = 5000, options: WaitForOptions = {}): Promise<void> {
  const intervalMs = options.intervalMs ?? 10;
  if (typeof predicate !== 'function') {
    throw new InvalidArgumentError(
      `waitFor(${String(predicate)}): the condition must be a function returning a boolean.`,
    );
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new InvalidArgumentError(
      `waitFor(): the timeout must be a finite number of milliseconds, 0 or more; got ${timeoutMs}.`,
    );
  }
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new InvalidArgumentError(
      `waitFor(): intervalMs must be a finite number of milliseconds above 0; got ${intervalMs}.`,
    );
  }
  const description = options.description ?? describePredicate(predicate);
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    let checks = 0;
    let lastError: { error: unknown } | undefined;
    const holds = (): boolean => {
      checks++;
      try {
        const result = predicate();
        lastError = undefined;
        return Boolean(result);
      } catch (error) {
        lastError = { error };
        return false;
      }
    };
    const poll = (): void => {
      if (holds()) return resolve();
      const elapsed = Date.now() - started;
      if (elapsed >= timeoutMs) {
        const threw = lastError ? `; its last check threw: ${errorText(lastError.error)}` : '';
        reject(
          new WaitTimeoutError(
            `waitFor: the condition ${description} was still false after ${timeoutMs} ms (${checks} checks)${threw}.`,
            lastError ? { cause: lastError.error } : undefined,
          ),
        );
        return;
      }
      setTimeout(poll, Math.min(intervalMs, timeoutMs - elapsed));
    };
    poll();
  });
}

function describePredicate(predicate: () => boolean): string {
  const source = Function.prototype.toString.call(predicate).replace(/\s+/g, ' ').trim();
  return source.length > 200 ? `\`${source.slice(0, 197)}...\`` : `\`${source}\``;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
