import { InvalidArgumentError } from '@sigslot/core';

/** Throws unless `count`, the argument of `QThread.prepareWorkers(count)`, is a whole number, 0 or more. */
export function checkPrepareCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new InvalidArgumentError(
      `QThread.prepareWorkers(count): count must be a whole number of workers, 0 or more; got ${String(count)}.`,
    );
  }
}
