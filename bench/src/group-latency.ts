// Group 6: queued emit latency from a busy run(). A thread computes without ever yielding and emits a progress
// signal every few milliseconds; main is idle. The lag of each emit (its arrival in the main-thread slot minus
// the moment it was emitted) shows whether progress reaches main while the work goes on (Qt posts each queued
// call at once) or piles up until run() returns. The floor: a bare worker that posts each progress message itself.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConnectionType, QObject } from '@sigslot/core';
import { makeTable, type Table, type Target } from './model';
import { BusyProgressThread } from './threads';
import { interleaved, median, timeout, WORKERS } from './util';

/** The main-thread receiver: a QObject whose method records each emit's lag (Qt's shape). */
class ProgressBar extends QObject {
  readonly lags: number[] = [];
  onProgress(_step: number, sentAt: number): void {
    this.lags.push(performance.timeOrigin + performance.now() - sentAt);
  }
}

/** The p-th percentile (0..100) of `values`. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface Lags {
  readonly p50: number;
  readonly p99: number;
}

async function sigslotLags(steps: number, intervalMs: number): Promise<Lags> {
  const thread = new BusyProgressThread();
  thread.steps = steps;
  thread.intervalMs = intervalMs;
  const bar = new ProgressBar();
  thread.progress.connect(bar, 'onProgress', ConnectionType.QueuedConnection);
  thread.start();
  await timeout(thread.wait(), 60_000, 'the busy progress thread');
  bar.destroy();
  if (bar.lags.length !== steps) throw new Error(`sigslot latency: ${bar.lags.length} of ${steps} emits arrived`);
  return { p50: percentile(bar.lags, 50), p99: percentile(bar.lags, 99) };
}

async function postEachLags(steps: number, intervalMs: number): Promise<Lags> {
  const worker = new Worker(path.join(WORKERS, 'latency-post-each.cjs'), { workerData: { steps, intervalMs } });
  const lags: number[] = [];
  worker.on('message', ([, sentAt]: [number, number]) =>
    lags.push(performance.timeOrigin + performance.now() - sentAt),
  );
  await timeout(new Promise((resolve) => worker.once('exit', resolve)), 60_000, 'the busy postMessage worker');
  if (lags.length !== steps) throw new Error(`postMessage latency: ${lags.length} of ${steps} messages arrived`);
  return { p50: percentile(lags, 50), p99: percentile(lags, 99) };
}

export async function runLatencyGroup(opts: {
  steps: number;
  intervalMs: number;
  rounds: number;
  log: (line: string) => void;
}): Promise<Table> {
  const { steps, intervalMs, rounds, log } = opts;
  const p50: Record<string, number[]> = { sigslot: [], 'post-each': [] };
  const run = { sigslot: sigslotLags, 'post-each': postEachLags } as const;
  const p99 = await interleaved(
    ['sigslot', 'post-each'] as const,
    rounds,
    async (mode) => {
      const lags = await run[mode](steps, intervalMs);
      p50[mode]!.push(lags.p50);
      return lags.p99;
    },
    log,
  );
  return makeTable(
    {
      id: 'latency',
      title: `Queued emit latency from a busy run(): p99 lag of ${steps} progress emits, one every ${intervalMs} ms`,
      unit: 'ms',
      better: 'lower',
      reference: 'post-each',
      method:
        `A QThread's run() computes without yielding and emits progress(step, sentAt) every ${intervalMs} ms, ${steps} ` +
        `times, to a QObject's method on the idle main thread (QueuedConnection). Each emit's lag is its arrival in the ` +
        `slot minus the moment it was emitted (one clock for the whole process). The figure is the 99th percentile; ` +
        `the p50 is in the row's extra figures. Reference: a bare worker posting each progress message itself.`,
    },
    [
      {
        id: 'sigslot',
        label: 'sigslot QThread, progress signal → QObject slot',
        samples: p99.sigslot,
        extra: { p50: median(p50.sigslot!) },
      },
      {
        id: 'post-each',
        label: 'worker_threads, one postMessage per progress',
        samples: p99['post-each'],
        extra: { p50: median(p50['post-each']!) },
      },
    ],
    median,
  );
}

/** The delivery-model issue's target: a busy run()'s progress reaches an idle main thread within 5 ms (p99). */
export function latencyTargets(tables: readonly Table[]): Target[] {
  const row = tables.find((t) => t.id === 'latency')?.rows.find((r) => r.id === 'sigslot');
  if (!row) return [];
  return [
    {
      id: 'latency',
      text: 'Queued emit latency from a busy run() to an idle main thread: p99 ≤ 5 ms',
      met: row.value <= 5,
      detail: `p99 ${row.value.toFixed(2)} ms (p50 ${Number(row.extra?.p50).toFixed(2)} ms), ${row.ratio.toFixed(2)}× a bare postMessage per progress`,
    },
  ];
}
