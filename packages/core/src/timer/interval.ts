import { InvalidArgumentError } from '../errors';

/** The longest delay platform timers accept (2^31 - 1 ms, about 24.8 days); longer ones would fire at once. */
export const MAX_TIMER_MS = 0x7fffffff;

/** Checks a timer's interval in milliseconds: a finite number from 0 to {@link MAX_TIMER_MS}. */
export function checkInterval(ms: number, where: string): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_TIMER_MS) {
    throw new InvalidArgumentError(
      `${where}: ${String(ms)} is not a timer interval. Timers cannot have negative timeouts; use a finite number of ` +
        `milliseconds from 0 to ${MAX_TIMER_MS}.`,
    );
  }
  return ms;
}
