// Helpers of the in-memory tier's tests: start a thread whose worker side runs in this isolate, collect what the
// error handler receives, and wait until everything in flight has been delivered (never a sleep).
import { setErrorHandler, type ErrorContext } from '@sigslot/core';
import type { QThread } from '@sigslot/thread';
import { runInMemory, type InMemoryThread } from '../../src/endpoint/in-memory-thread';

/** What the error handler received, in order. */
export type Reports = Array<[error: unknown, context: ErrorContext]>;

/** Sets an error handler that collects reports (set before a thread starts, see runInMemory); restores the previous one. */
function collectReports(): { reports: Reports; restore(): void } {
  const reports: Reports = [];
  const previous = setErrorHandler((error, context) => reports.push([error, context]));
  return { reports, restore: () => void setErrorHandler(previous) };
}

/**
 * Runs one in-memory thread for a test: collects what the error handler receives, starts `thread` (`beforeStarted`
 * runs right after `start()`, before the worker side has run), runs `body` once main has delivered `started`, then
 * ends the thread (quits its loop from the worker side, if it still runs) and waits for it. `body` takes the
 * reports it expects out of `reports` (`reports.splice(0)`): any left at the end fail the test, so no test of the
 * tier passes while something unexpected was reported (a legitimate program never sees a ProtocolError).
 */
export async function inMemory<T extends QThread>(
  thread: T,
  body: (tier: InMemoryThread<T>, reports: Reports) => Promise<void> | void,
  beforeStarted?: (tier: InMemoryThread<T>) => void,
): Promise<void> {
  const { reports, restore } = collectReports();
  try {
    const tier = runInMemory(thread);
    const started = thread.started.once();
    thread.start();
    beforeStarted?.(tier);
    await started;
    await body(tier, reports);
    if (thread.isRunning()) {
      tier.run!.channel.toMain.release();
      tier.run!.channel.toWorker.release();
      tier.inWorker(() => tier.worker.quit());
    }
    await thread.wait();
    expect(reports).toEqual([]);
  } finally {
    restore();
  }
}

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Resolves once nothing is in flight either way and the main thread's loop has run what arrived: each round waits
 * for both directions to deliver what they hold, then for the loop's turn (a delivery posts to main's queue).
 */
export async function settled(tier: InMemoryThread<QThread>): Promise<void> {
  const { toMain, toWorker } = tier.run!.channel;
  do {
    await new Promise<void>((resolve) => toWorker.whenDelivered(resolve));
    await new Promise<void>((resolve) => toMain.whenDelivered(resolve));
    await macrotask();
  } while (toMain.pending > 0 || toWorker.pending > 0);
}

/** The batches ("emits" messages) the worker has posted so far, as their flat arrays. */
export function batches(tier: InMemoryThread<QThread>): unknown[][] {
  return tier
    .run!.channel.toMain.sent.filter((m) => (m as { type: string }).type === 'emits')
    .map((m) => inlineNumbers(m as { batch: unknown[]; numbers: Float64Array | undefined }));
}

/** A batch with its number runs (negative `argCount`, values in `numbers`) written as plain runs, values inline. */
function inlineNumbers({ batch, numbers }: { batch: unknown[]; numbers: Float64Array | undefined }): unknown[] {
  const out: unknown[] = [];
  let n = 0;
  for (let i = 0; i < batch.length;) {
    const [objectId, signal, version, argCount, emits] = batch.slice(i, i + 5) as number[];
    i += 5;
    const count = Math.abs(argCount!) * emits!;
    out.push(objectId, signal, version, Math.abs(argCount!), emits);
    if (argCount! < 0) out.push(...numbers!.subarray(n, (n += count)));
    else out.push(...batch.slice(i, (i += count)));
  }
  return out;
}
