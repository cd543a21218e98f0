// The benchmark's smoke mode runs every group with tiny sizes: this checks that each group runs and produces
// numbers, and that the JSON and the SVG chart are written. Never a time threshold: benchmarks are not tests.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

interface Row {
  id: string;
  value: number;
  ratio: number;
  samples: number[];
  spread: [number, number];
  headline?: boolean;
  extra?: Record<string, number>;
}
interface Results {
  meta: { smoke: boolean };
  tables: Array<{ id: string; reference: string; rows: Row[] }>;
  targets: Array<{ id: string; met: boolean; detail: string }>;
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: root, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

describe('npm run bench -- --smoke', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-bench-'));
  let results: Results;
  let stdout = '';

  beforeAll(async () => {
    // The bench runs against the built packages (dist); build them (and the bench) if they are stale: `tsc -b`
    // type-checks and emits the declarations and the bench, scripts/bundle.mjs the packages' JavaScript.
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'bench'], 300_000);
    await run(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), '--silent'], 300_000);
    ({ stdout } = await run(process.execPath, ['--expose-gc', 'bench/dist/run.js', '--smoke', '--out', out], 300_000));
    results = JSON.parse(fs.readFileSync(path.join(out, 'latest.json'), 'utf8')) as Results;
  }, 600_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('runs every group and gives each row a finite figure and ratio', () => {
    expect(results.meta.smoke).toBe(true);
    const ids = results.tables.map((t) => t.id);
    expect(ids).toEqual([
      'emit-1',
      'emit-10',
      'queued',
      'blocking',
      'start',
      'memory-connection',
      'memory-inflight',
      'memory-flood',
      'latency',
      'pool-burst',
      'pool-rtt',
      'pool-progress',
      'pool-cpu',
    ]);
    for (const table of results.tables) {
      expect(table.rows.length).toBeGreaterThan(0);
      expect(table.rows.map((r) => r.id)).toContain(table.reference);
      for (const row of table.rows) {
        expect({
          table: table.id,
          row: row.id,
          finite: Number.isFinite(row.value) && Number.isFinite(row.ratio),
        }).toEqual({
          table: table.id,
          row: row.id,
          finite: true,
        });
        expect(row.samples.length).toBeGreaterThan(0);
      }
    }
  });

  it('covers sigslot and its peers in each timing group', () => {
    const rows = (id: string): string[] => results.tables.find((t) => t.id === id)!.rows.map((r) => r.id);
    for (const id of ['emit-1', 'emit-10']) {
      expect(rows(id)).toEqual(
        expect.arrayContaining(['floor', 'sigslot', 'tseep', 'eventemitter3', 'node-events', 'mitt', 'typed-signals']),
      );
    }
    expect(rows('queued')).toEqual(expect.arrayContaining(['sigslot', 'ring', 'post-each', 'comlink']));
    expect(rows('blocking')).toEqual(expect.arrayContaining(['sigslot', 'atomics', 'synckit', 'comlink']));
    expect(rows('start')).toEqual(expect.arrayContaining(['qthread', 'bare']));
    for (const id of ['pool-burst', 'pool-rtt'])
      expect(rows(id)).toEqual(['sigslot', 'piscina', 'tinypool', 'workerpool', 'poolifier']);
    expect(rows('pool-progress')).toEqual(['sigslot', 'workerpool']);
    expect(rows('pool-cpu')).toEqual(['sigslot', 'serial', 'sigslot-mapped']);
  });

  it("delivers a pool task's progress through a QFutureWatcher before its result, ending at the last value", () => {
    const row = results.tables.find((t) => t.id === 'pool-progress')!.rows.find((r) => r.id === 'sigslot')!;
    const n = row.extra!.n;
    expect(row.extra).toMatchObject({ last: n, atResult: n, afterResult: 0 });
    expect(row.extra!.deliveries).toBeGreaterThanOrEqual(2); // the first value and the last, at least
  });

  it('judges every target, met or not, and prints the tables', () => {
    expect(results.targets.map((t) => t.id)).toEqual([
      'emit-1',
      'emit-10',
      'emit-receiver-1',
      'emit-receiver-10',
      'memory-connection',
      'queued',
      'blocking',
      'start',
      'flood',
      'latency',
      'pool-burst',
      'pool-rtt',
      'pool-progress',
      'pool-cpu',
    ]);
    for (const target of results.targets) expect(typeof target.met).toBe('boolean');
    expect(stdout).toContain('Targets (ratios in this run):');
    expect(stdout).toContain('2. Queued worker → main throughput');
  });

  it('puts the Qt idiom first in each group that has one, and gives every figure its spread', () => {
    const first = (id: string): Row | undefined => results.tables.find((t) => t.id === id)?.rows[0];
    expect(first('emit-1')).toMatchObject({ id: 'sigslot-receiver', headline: true });
    expect(first('emit-10')).toMatchObject({ id: 'sigslot-receiver', headline: true });
    expect(first('queued')).toMatchObject({ id: 'sigslot', headline: true });
    expect(first('memory-connection')).toMatchObject({ id: 'sigslot-receiver', headline: true });
    for (const table of results.tables) {
      for (const row of table.rows) {
        expect(row.spread).toEqual([Math.min(...row.samples), Math.max(...row.samples)]);
      }
    }
  });

  it('draws the SVG chart', () => {
    const svg = fs.readFileSync(path.join(out, 'latest.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('sigslot QThread');
    expect(svg.match(/<rect /g)!.length).toBeGreaterThan(20);
  });
});
