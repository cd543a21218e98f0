// `npm run bench`: every group of the benchmark issue in one invocation. Prints the tables (figures and ratios
// to each group's reference), judges the targets, writes bench/results/latest.json and latest.svg.
//
//   node --expose-gc bench/dist/run.js [--smoke] [--only 1,2,3,4,5,6,7] [--out DIR]
//
// --smoke: tiny sizes and one round, to check that every group runs and produces numbers (CI); it writes to
// bench/results/smoke/ unless --out says otherwise. Figures from a smoke run mean nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runBlockingGroup } from './group-blocking';
import { runEmitGroup } from './group-emit';
import { latencyTargets, runLatencyGroup } from './group-latency';
import { runMemoryGroup } from './group-memory';
import { poolTargets, runPoolGroup } from './group-pool';
import { runQueuedGroup } from './group-queued';
import { runStartGroup } from './group-start';
import type { Results, Table } from './model';
import { drawSvg, formatText, judgeTargets } from './report';

interface Sizes {
  emit: { rounds: number; minCpuTimeNs: number };
  queued: { n: number; comlinkN: number; rounds: number };
  blocking: { warmup: number; count: number; peerCount: number; rounds: number };
  start: { starts: number; rounds: number };
  latency: { steps: number; intervalMs: number; rounds: number };
  memory: {
    rounds: number;
    emitters: number;
    inflight: number;
    floodN: number;
    floodSlotUs: number;
    floodCapMb: number;
  };
  pool: {
    n: number;
    warmup: number;
    trips: number;
    progressN: number;
    cpuTasks: number;
    cpuTaskMs: number;
    rounds: number;
  };
}

const FULL: Sizes = {
  emit: { rounds: 9, minCpuTimeNs: 300e6 },
  queued: { n: 1_000_000, comlinkN: 100_000, rounds: 7 },
  blocking: { warmup: 2_000, count: 20_000, peerCount: 10_000, rounds: 5 },
  start: { starts: 6, rounds: 10 },
  latency: { steps: 200, intervalMs: 5, rounds: 3 },
  memory: { rounds: 3, emitters: 10_000, inflight: 1_000_000, floodN: 10_000_000, floodSlotUs: 1, floodCapMb: 4096 },
  pool: { n: 100_000, warmup: 10_000, trips: 5_000, progressN: 100_000, cpuTasks: 200, cpuTaskMs: 10, rounds: 5 },
};

const SMOKE: Sizes = {
  emit: { rounds: 1, minCpuTimeNs: 5e6 },
  queued: { n: 20_000, comlinkN: 2_000, rounds: 1 },
  blocking: { warmup: 20, count: 200, peerCount: 100, rounds: 1 },
  start: { starts: 2, rounds: 1 },
  latency: { steps: 10, intervalMs: 2, rounds: 1 },
  memory: { rounds: 1, emitters: 200, inflight: 20_000, floodN: 100_000, floodSlotUs: 1, floodCapMb: 4096 },
  pool: { n: 2_000, warmup: 200, trips: 50, progressN: 2_000, cpuTasks: 8, cpuTaskMs: 1, rounds: 1 },
};

function parseArgs(argv: readonly string[]): { smoke: boolean; only: Set<number>; out: string | null } {
  const smoke = argv.includes('--smoke');
  const onlyAt = argv.indexOf('--only');
  const only = new Set(onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').map(Number) : [1, 2, 3, 4, 5, 6, 7]);
  const outAt = argv.indexOf('--out');
  return { smoke, only, out: outAt >= 0 ? path.resolve(argv[outAt + 1] ?? '.') : null };
}

async function main(): Promise<void> {
  // Memory figures and mitata's per-measurement GC need --expose-gc: restart with it when missing.
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    const result = spawnSync(process.execPath, ['--expose-gc', __filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    process.exit(result.status ?? 1);
  }
  const args = parseArgs(process.argv.slice(2));
  const sizes = args.smoke ? SMOKE : FULL;
  const outDir = args.out ?? path.join(__dirname, '..', 'results', args.smoke ? 'smoke' : '');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const started = performance.now();
  const loadavgAtStart = os.loadavg();
  const tables: Table[] = [];
  log(
    `sigslot bench${args.smoke ? ' (smoke)' : ''}: Node ${process.version}, ${os.cpus().length} CPUs, load ${loadavgAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );

  if (args.only.has(1)) {
    log('1. direct emit (mitata)…');
    tables.push(...(await runEmitGroup({ ...sizes.emit, log })));
  }
  if (args.only.has(2)) {
    log('2. queued worker → main throughput…');
    tables.push(await runQueuedGroup({ ...sizes.queued, log }));
  }
  if (args.only.has(3)) {
    log('3. blocking round trip…');
    tables.push(await runBlockingGroup({ ...sizes.blocking, log }));
  }
  if (args.only.has(4)) {
    log('4. thread start…');
    tables.push(await runStartGroup({ ...sizes.start, log }));
  }
  if (args.only.has(5)) {
    log('5. memory…');
    tables.push(...(await runMemoryGroup({ ...sizes.memory, log })).tables);
  }

  if (args.only.has(6)) {
    log('6. queued emit latency from a busy run()…');
    tables.push(await runLatencyGroup({ ...sizes.latency, log }));
  }
  if (args.only.has(7)) {
    log('7. thread pool (each pool in a fresh process)…');
    tables.push(...(await runPoolGroup({ ...sizes.pool, log })));
  }

  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadavgAtStart,
      loadavgAtEnd: os.loadavg(),
      smoke: args.smoke,
      durationS: (performance.now() - started) / 1000,
      note:
        'Machine shared with other jobs (2 cores): rounds are interleaved and medians taken, but absolute figures are noisy; ' +
        'compare ratios within one run.',
    },
    tables,
    targets: [...judgeTargets(tables), ...latencyTargets(tables), ...poolTargets(tables)],
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'latest.svg'), drawSvg(results));
  process.stdout.write(`${formatText(results)}\n`);
  log(`\nwrote ${path.join(outDir, 'latest.json')} and latest.svg in ${results.meta.durationS.toFixed(0)} s`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
