// Group 7: thread pools — sigslot's QThreadPool beside piscina, tinypool, workerpool and poolifier, 2 threads each,
// every trial in a fresh process (pool-child.ts): 100,000 tiny tasks submitted at once, the idle round trip of one
// task, 100,000 progress updates from one task delivered through a QFutureWatcher, and the CPU time of CPU-bound
// tasks on sigslot's pool against the same work run serially.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { makeTable, type Table, type Target } from './model';
import { POOL_PEERS, type CpuFigures, type PoolFigures, type PoolPeer, type PoolSizes } from './pool-child';
import { format, interleaved, median } from './util';

export interface PoolOptions extends PoolSizes {
  readonly rounds: number;
  readonly log: (line: string) => void;
}

/** One trial of `peer` in a fresh process. */
function child(peer: PoolPeer, sizes: PoolSizes): Promise<PoolFigures> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, 'pool-child.js'), peer, JSON.stringify(sizes)],
      { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`pool ${peer} failed: ${error.message}\n${stderr}`));
        try {
          resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as PoolFigures);
        } catch {
          reject(new Error(`pool ${peer} printed no result: ${stdout}\n${stderr}`));
        }
      },
    );
  });
}

const LABELS: Record<PoolPeer, string> = {
  sigslot: 'sigslot QThreadPool + QtConcurrent.run',
  piscina: 'piscina',
  tinypool: 'tinypool',
  workerpool: 'workerpool',
  poolifier: 'poolifier FixedThreadPool',
};

export async function runPoolGroup(options: PoolOptions): Promise<Table[]> {
  const { rounds, log, ...sizes } = options;
  const figures = Object.fromEntries(POOL_PEERS.map((p) => [p, [] as PoolFigures[]])) as Record<
    PoolPeer,
    PoolFigures[]
  >;
  const tasksPerS = await interleaved(
    POOL_PEERS,
    rounds,
    async (peer) => {
      const f = await child(peer, sizes);
      figures[peer].push(f);
      return f.tasksPerS;
    },
    log,
  );
  const pick = (peer: PoolPeer, of: (f: PoolFigures) => number): number[] => figures[peer].map(of);
  const method =
    `2 threads per pool, started and warmed up with ${format(sizes.warmup)} tasks (untimed); each trial in a fresh ` +
    `process; ${rounds} interleaved rounds (order rotated), median of the rounds.`;
  const burst = makeTable(
    {
      id: 'pool-burst',
      title: `7. Thread pool: ${format(sizes.n)} tiny tasks submitted at once, 2 threads`,
      unit: 'tasks/s',
      better: 'higher',
      reference: 'piscina',
      method:
        `${method} Each task echoes its number; the figure is tasks / (time from the first submission until every ` +
        `promise or future has settled). Extra: CPU time of the whole process (main and pool threads) per task.`,
    },
    POOL_PEERS.map((peer) => ({
      id: peer,
      label: LABELS[peer],
      samples: tasksPerS[peer],
      extra: { cpuUsPerTask: median(pick(peer, (f) => f.cpuUsPerTask)) },
    })),
    median,
  );
  const rtt = makeTable(
    {
      id: 'pool-rtt',
      title: '7. Thread pool: idle round trip of one tiny task (p50)',
      unit: 'µs',
      better: 'lower',
      reference: 'piscina',
      method: `${method} ${format(sizes.trips)} sequential awaits of one echo task after the burst and as many untimed ones; p50 (p90 in extra).`,
    },
    POOL_PEERS.map((peer) => ({
      id: peer,
      label: LABELS[peer],
      samples: pick(peer, (f) => f.rttP50Us),
      extra: { p90: median(pick(peer, (f) => f.rttP90Us)) },
    })),
    median,
  );
  const progressRows = (['sigslot', 'workerpool'] as const).map((peer) => {
    const runs = figures[peer].map((f) => f.progress!);
    return {
      id: peer,
      label:
        peer === 'sigslot'
          ? 'sigslot QPromise.setProgressValue → QFutureWatcher signals'
          : 'workerpool workerEmit → exec({ on })',
      samples: runs.map((p) => p.ms),
      extra: {
        n: sizes.progressN,
        deliveries: median(runs.map((p) => p.deliveries)),
        last: Math.min(...runs.map((p) => p.last)),
        // The least progress main had seen when a result arrived, over the rounds: n unless the result overtook it.
        atResult: Math.min(...runs.map((p) => p.atResult)),
        afterResult: Math.max(...runs.map((p) => p.afterResult)),
      },
    };
  });
  const progress = makeTable(
    {
      id: 'pool-progress',
      title: `7. Thread pool: ${format(sizes.progressN)} progress updates from one task, delivered to main`,
      unit: 'ms',
      better: 'lower',
      reference: 'workerpool',
      method:
        `${method} One task reports progress 1…${format(sizes.progressN)} in a synchronous loop, then its result. ` +
        `ms from submission until main has the result and the last progress value. sigslot: the watcher's throttled ` +
        `progressValueChanged (about 25 a second, the first and the final value always). Reference: workerpool's ` +
        `workerEmit, the only peer whose progress travels on the task's own channel (piscina, tinypool and poolifier ` +
        `leave a side MessagePort, which the result overtakes). Extra: deliveries, the last value, the value main ` +
        `had when the result arrived, and deliveries after it.`,
    },
    progressRows,
    median,
  );
  const cpuRuns = figures.sigslot.map((f) => f.cpu!);
  const cpu = makeTable(
    {
      id: 'pool-cpu',
      title: `7. Thread pool: CPU time of ${sizes.cpuTasks} CPU-bound tasks of ~${sizes.cpuTaskMs} ms, pooled vs serial`,
      unit: 'ms CPU',
      better: 'lower',
      reference: 'serial',
      method:
        `In sigslot's process of each round: one task (a xorshift loop, no allocation) calibrated to about ` +
        `${sizes.cpuTaskMs} ms on main; the ${sizes.cpuTasks} tasks called one after another on main (the ` +
        `reference), run on the pool of 2 threads with QtConcurrent.run (one future each), and with ` +
        `QtConcurrent.mapped, in 4 slices where the three take turns (order rotated), each side warmed up first. ` +
        `The figure is the CPU time of the whole process (process.cpuUsage: main and every worker thread, user + ` +
        `system), so the pool's scheduling, messages and delivery count. Median of the rounds. Extra: wall ms (2 ` +
        `threads share the work) and the paired ratio (each round's pooled ÷ serial, median), which the target ` +
        `judges: both sides of a pair ran in the same process, interleaved, under the same load.`,
      notes: [
        'On a 2-core machine shared with other jobs, two threads computing at once may slow each other (shared ' +
          'caches, virtual CPUs that share a host core, other jobs): that shows here as pooled CPU time above serial.',
      ],
    },
    [
      {
        id: 'serial',
        label: 'serial: the same calls on main, one after another',
        of: (c: CpuFigures) => [c.serialMs, c.serialWallMs],
      },
      { id: 'sigslot', label: 'sigslot QtConcurrent.run, 2 threads', of: (c: CpuFigures) => [c.runMs, c.runWallMs] },
      {
        id: 'sigslot-mapped',
        label: 'sigslot QtConcurrent.mapped, 2 threads',
        of: (c: CpuFigures) => [c.mappedMs, c.mappedWallMs],
      },
    ].map(({ id, label, of }) => ({
      id,
      label,
      samples: cpuRuns.map((c) => of(c)[0]!),
      extra: {
        wallMs: median(cpuRuns.map((c) => of(c)[1]!)),
        pairedRatio: median(cpuRuns.map((c) => of(c)[0]! / c.serialMs)),
        iterations: median(cpuRuns.map((c) => c.iterations)),
      },
    })),
    median,
  );
  return [burst, rtt, progress, cpu];
}

/** The pool issue's targets (issue 13, "Performance"), judged on this run. */
export function poolTargets(tables: readonly Table[]): Target[] {
  const table = (id: string): Table | undefined => tables.find((t) => t.id === id);
  const targets: Target[] = [];
  const burst = table('pool-burst');
  const s = burst?.rows.find((r) => r.id === 'sigslot');
  if (burst && s) {
    const others = burst.rows.filter((r) => r.id !== 'sigslot' && r.id !== 'piscina');
    const behind = others.filter((r) => r.value >= s.value).map((r) => r.id);
    targets.push({
      id: 'pool-burst',
      text: '100,000 tiny tasks at once on 2 threads: ≥ 4× piscina’s tasks per second, ahead of tinypool, workerpool and poolifier',
      met: s.ratio >= 4 && behind.length === 0,
      detail:
        `sigslot ${format(s.value)} tasks/s = ${s.ratio.toFixed(2)}× piscina; ` +
        others.map((r) => `${r.id} ${r.ratio.toFixed(2)}×`).join(', ') +
        (behind.length ? `; not ahead of ${behind.join(', ')}` : ''),
    });
  }
  const rtt = table('pool-rtt')?.rows.find((r) => r.id === 'sigslot');
  if (rtt) {
    targets.push({
      id: 'pool-rtt',
      text: 'Idle round trip of one tiny task ≤ piscina’s (p50)',
      met: rtt.ratio <= 1,
      detail: `sigslot ${format(rtt.value)} µs = ${rtt.ratio.toFixed(2)}× piscina`,
    });
  }
  const progress = table('pool-progress');
  const p = progress?.rows.find((r) => r.id === 'sigslot');
  if (progress && p) {
    const n = p.extra?.n;
    const ordered = p.extra?.atResult === n && p.extra?.afterResult === 0 && p.extra?.last === n;
    targets.push({
      id: 'pool-progress',
      text: '100,000 progress updates from one task delivered through a QFutureWatcher in ≤ 60 ms, the result never overtaking the progress',
      met: p.value <= 60 && ordered,
      detail:
        `sigslot ${format(p.value)} ms (${p.ratio.toFixed(2)}× workerpool's workerEmit) as ${String(p.extra?.deliveries)} ` +
        `signals, last ${format(Number(p.extra?.last))}; progress at the result ${format(Number(p.extra?.atResult))}` +
        (ordered ? '' : ' (the result overtook the progress)'),
    });
  }
  const cpu = table('pool-cpu')?.rows.find((r) => r.id === 'sigslot');
  if (cpu) {
    targets.push({
      id: 'pool-cpu',
      text: 'CPU-bound work (200 tasks of ~10 ms): pooled CPU time within 5 % of the same work run serially',
      met: Number(cpu.extra?.pairedRatio) <= 1.05,
      detail:
        `sigslot QtConcurrent.run: pooled ÷ serial CPU time ${Number(cpu.extra?.pairedRatio).toFixed(3)}× ` +
        `(paired, median of the rounds; ${format(cpu.value)} ms CPU, ${cpu.ratio.toFixed(3)}× the serial median); ` +
        `wall ${format(Number(cpu.extra?.wallMs))} ms on 2 threads`,
    });
  }
  return targets;
}
