// Small helpers shared by the benchmark groups: statistics, rounds, workers, timing.
import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The directory of the plain-JavaScript peer workers (bench/workers/). */
export const WORKERS = path.join(__dirname, '..', 'workers');

/** Median of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** [min, max] of `values`. */
export function spread(values: readonly number[]): [number, number] {
  return values.length ? [Math.min(...values), Math.max(...values)] : [NaN, NaN];
}

/**
 * Runs `rounds` rounds of every mode, interleaved (round 1 of each mode, then round 2 of each…, the order
 * rotated each round) so that a noisy neighbour hurts every mode alike. Returns each mode's samples.
 */
export async function interleaved<K extends string>(
  modes: readonly K[],
  rounds: number,
  trial: (mode: K, round: number) => Promise<number>,
  log: (line: string) => void,
): Promise<Record<K, number[]>> {
  const samples = Object.fromEntries(modes.map((m) => [m, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < modes.length; j++) {
      const mode = modes[(j + r) % modes.length]!;
      const value = await trial(mode, r);
      samples[mode].push(value);
      log(`    round ${r + 1}/${rounds} ${mode}: ${format(value)}`);
    }
  }
  return samples;
}

/** A number with 3 significant digits (thousands grouped), or "n/a". */
export function format(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** Starts a worker and resolves with it and its first message. */
export function startWorker(file: string, options: WorkerOptions = {}): { worker: Worker; first: Promise<unknown> } {
  const worker = new Worker(path.join(WORKERS, file), options);
  const first = new Promise<unknown>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`worker ${file} exited with code ${code} before its first message`)),
    );
  });
  return { worker, first };
}

/** Resolves with the next message of `worker` that satisfies `test`. */
export function nextMessage<T>(worker: Worker, test: (m: unknown) => boolean = () => true): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (m: unknown): void => {
      if (!test(m)) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(m as T);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

/** Rejects after `ms` with `what` in the message; the timer does not keep the process alive. */
export function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Lets the event loop turn (pending messages, timers, GC finalisation). */
export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a full GC when the process was started with --expose-gc. */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** The expected sum of 1..n. */
export function triangle(n: number): number {
  return (n * (n + 1)) / 2;
}
