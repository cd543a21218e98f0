// Group 5: memory — bytes per connection, bytes per queued emit in flight, and a flood to a slow receiver.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { makeTable, type Table } from './model';
import { median } from './util';

/** Runs one measurement of memory-child.js in a fresh process and returns its JSON line. */
function child<T>(task: string, args: Record<string, unknown>, limitMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', path.join(__dirname, 'memory-child.js'), task, JSON.stringify(args)],
      { timeout: limitMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`memory ${task} failed: ${error.message}\n${stderr}`));
        const line = stdout.trim().split('\n').at(-1) ?? '';
        try {
          resolve(JSON.parse(line) as T);
        } catch {
          reject(new Error(`memory ${task} printed no result: ${stdout}\n${stderr}`));
        }
      },
    );
  });
}

export interface MemoryOptions {
  readonly rounds: number;
  /** Emitters × connections each, for bytes per connection. */
  readonly emitters: number;
  /** Emits in flight per measurement. */
  readonly inflight: number;
  /** The flood: emits, microseconds of work per slot call, and the RSS (MB) at which the worker stops. */
  readonly floodN: number;
  readonly floodSlotUs: number;
  readonly floodCapMb: number;
  readonly log: (line: string) => void;
}

export interface FloodResult {
  readonly n: number;
  readonly slotUs: number;
  readonly capMb: number;
  readonly made: number;
  readonly delivered: number;
  readonly stoppedAt: number;
  readonly ok: boolean;
  readonly seconds: number;
  readonly emitSeconds: number;
  readonly baselineRssMb: number;
  readonly peakRssMb: number;
  readonly baselineHeapMb: number;
  readonly peakHeapMb: number;
  readonly peakBacklog: number;
  /** The thread's backpressure limit (QThread.maxPendingEmits; 0: none). */
  readonly maxPendingEmits: number;
}

const CONNECTION_LABELS: Record<string, string> = {
  sigslot: 'sigslot Signal.connect(function)',
  'sigslot-receiver': 'sigslot Signal.connect(receiver, method)',
  tseep: 'tseep on()',
  eventemitter3: 'eventemitter3 on()',
  'node-events': 'node:events on()',
  mitt: 'mitt on()',
  'typed-signals': 'typed-signals connect()',
};

export async function runMemoryGroup(options: MemoryOptions): Promise<{ tables: Table[]; flood: FloodResult }> {
  const { rounds, log } = options;
  const tables: Table[] = [];

  // 5a. Bytes per connection.
  const perConnection: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    const result = await child<Record<string, number>>('connections', { emitters: options.emitters, per: 10 }, 120_000);
    for (const [id, bytes] of Object.entries(result)) (perConnection[id] ??= []).push(bytes);
    log(
      `    round ${r + 1}/${rounds} bytes per connection: ${Object.entries(result)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}`,
    );
  }
  tables.push(
    makeTable(
      {
        id: 'memory-connection',
        title: '5a. Memory per connection',
        unit: 'bytes/connection',
        better: 'lower',
        reference: 'tseep',
        method:
          `${options.emitters.toLocaleString('en-US')} emitters × 10 connections of one shared function (sigslot-receiver: ` +
          `one QObject receiver per signal); V8 heapUsed after full GC, minus the emitters without connections; ` +
          `${rounds} rounds, each in a fresh process; median.`,
      },
      Object.keys(CONNECTION_LABELS).map((id) => ({
        id,
        label: CONNECTION_LABELS[id]!,
        samples: perConnection[id] ?? [],
      })),
      median,
    ),
  );

  // 5b. Bytes per queued emit in flight.
  const modes = ['sigslot', 'post-each', 'post-batch'] as const;
  const inflight: Record<string, number[]> = { local: [] };
  for (let r = 0; r < rounds; r++) {
    for (const mode of modes) {
      const result = await child<{ bytesPerEmit: number; ok: boolean }>(
        'inflight-thread',
        { mode, n: options.inflight },
        300_000,
      );
      if (!result.ok) throw new Error(`group 5: in-flight ${mode}: the sum of delivered values was wrong`);
      (inflight[mode] ??= []).push(result.bytesPerEmit);
    }
    const local = await child<{ bytesPerEmit: number; ok: boolean }>(
      'inflight-local',
      { n: Math.min(options.inflight, 200_000) },
      120_000,
    );
    if (!local.ok) throw new Error('group 5: in-thread queued emits were not all delivered');
    inflight.local!.push(local.bytesPerEmit);
    log(
      `    round ${r + 1}/${rounds} bytes per emit in flight: ${Object.entries(inflight)
        .map(([k, v]) => `${k} ${v.at(-1)!.toFixed(1)}`)
        .join(', ')}`,
    );
  }
  tables.push(
    makeTable(
      {
        id: 'memory-inflight',
        title: '5b. Memory per queued emit in flight (one number argument)',
        unit: 'bytes/emit',
        better: 'lower',
        reference: 'post-each',
        method:
          `Worker → main: main blocks in Atomics.wait while the worker makes ${options.inflight.toLocaleString('en-US')} ` +
          `emits, so none is delivered (sigslot's backpressure is turned off for this, maxPendingEmits = 0, or it would hold ` +
          `the worker back); (process RSS growth − the worker heap's growth) ÷ emits; then all are delivered ` +
          `and the sum checked. In-thread: V8 heapUsed growth after GC for queued emits not yet run. ${rounds} rounds, ` +
          `each in a fresh process; median. RSS-based figures carry a few MB of noise.`,
      },
      [
        { id: 'sigslot', label: 'sigslot QThread → main, QueuedConnection', samples: inflight.sigslot ?? [] },
        { id: 'post-each', label: 'one postMessage({ i }) per emit', samples: inflight['post-each'] ?? [] },
        {
          id: 'post-batch',
          label: 'batches of 1,000 { i } per postMessage',
          samples: inflight['post-batch'] ?? [],
          info: true,
        },
        {
          id: 'local',
          label: 'sigslot QueuedConnection within the main thread (event loop queue)',
          samples: inflight.local ?? [],
          info: true,
        },
      ],
      median,
    ),
  );

  // 5c. The flood.
  log(
    `    flood: ${options.floodN.toLocaleString('en-US')} queued emits to a slot that works ${options.floodSlotUs} µs per call…`,
  );
  const flood = await child<FloodResult>(
    'flood',
    { n: options.floodN, us: options.floodSlotUs, capMb: options.floodCapMb },
    3_600_000,
  );
  if (!flood.ok) throw new Error('group 5: the flood did not deliver every emit it made, in order');
  const growthMb = flood.peakRssMb - flood.baselineRssMb;
  const bytesPerBacklog = flood.peakBacklog > 0 ? (growthMb * 1048576) / flood.peakBacklog : NaN;
  const unbounded = flood.stoppedAt > 0 || flood.peakBacklog > 0.25 * flood.made;
  const limit = flood.maxPendingEmits
    ? `maxPendingEmits ${flood.maxPendingEmits.toLocaleString('en-US')}`
    : 'no backpressure limit set';
  const verdict =
    flood.stoppedAt > 0
      ? `UNBOUNDED: the process RSS passed the ${flood.capMb} MB guard after ${flood.stoppedAt.toLocaleString('en-US')} emits and the bench stopped the worker (${limit}).`
      : unbounded
        ? `UNBOUNDED (${limit}): the worker finished emitting after ${flood.emitSeconds.toFixed(1)} s while main had delivered ` +
          `${(flood.made - flood.peakBacklog).toLocaleString('en-US')}; the backlog peaked at ${flood.peakBacklog.toLocaleString('en-US')} emits ` +
          `(${((flood.peakBacklog / flood.made) * 100).toFixed(0)}% of the flood) and memory grew with it, ≈ ${bytesPerBacklog.toFixed(0)} bytes per waiting emit ` +
          `(so ${((1e8 * bytesPerBacklog) / 2 ** 30).toFixed(1)} GB for a 100 M backlog). Memory did not run out at this size; a longer or faster flood would exhaust it.`
        : `BOUNDED (${limit}): backpressure held the worker to the receiver's pace — it took ${flood.emitSeconds.toFixed(1)} s to make ` +
          `its ${flood.made.toLocaleString('en-US')} emits, of ${flood.seconds.toFixed(1)} s in all — and the backlog peaked at ` +
          `${flood.peakBacklog.toLocaleString('en-US')} emits (${((flood.peakBacklog / flood.made) * 100).toFixed(1)}% of the flood); ` +
          `process RSS peaked at ${flood.peakRssMb.toFixed(0)} MB, ${(flood.peakRssMb - flood.baselineRssMb).toFixed(0)} MB over the ` +
          `${flood.baselineRssMb.toFixed(0)} MB measured before the thread started (so including the worker isolate itself).`;
  tables.push(
    makeTable(
      {
        id: 'memory-flood',
        title: `5c. Flood: ${flood.n.toLocaleString('en-US')} queued emits to a slow receiver (${flood.slotUs} µs per slot call)`,
        unit: 'MB',
        better: 'lower',
        reference: 'rss-baseline',
        method:
          `One run in a fresh process (it takes ${flood.seconds.toFixed(0)} s), sigslot's default settings (${limit}). RSS and heap ` +
          `sampled in the slot every 65,536 calls and by the worker every 65,536 emits; the backlog every 1,024 slot calls ` +
          `(the larger of: emits the worker reports made minus slot calls, and QThread.pendingEmits()); the worker stops ` +
          `emitting if RSS passes ${flood.capMb} MB (a guard for the bench machine, not backpressure). All ` +
          `${flood.made.toLocaleString('en-US')} emits made were delivered, in order, and summed.`,
        notes: [verdict],
      },
      [
        { id: 'rss-baseline', label: 'process RSS before the flood', samples: [flood.baselineRssMb] },
        {
          id: 'rss-peak',
          label: 'process RSS, peak',
          samples: [flood.peakRssMb],
          extra: {
            peakBacklogEmits: flood.peakBacklog,
            bytesPerWaitingEmit: bytesPerBacklog,
            emitSeconds: flood.emitSeconds,
            totalSeconds: flood.seconds,
            stoppedAtGuard: flood.stoppedAt,
            maxPendingEmits: flood.maxPendingEmits,
            unbounded,
          },
        },
        { id: 'heap-peak', label: "main thread's V8 heapUsed, peak", samples: [flood.peakHeapMb], info: true },
      ],
      median,
    ),
  );
  return { tables, flood };
}
