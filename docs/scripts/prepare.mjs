// Generates what the site needs before VitePress runs (`npm run docs:build` and `docs:dev` call it):
//
//   1. the API reference: TypeDoc + typedoc-plugin-markdown write docs/api/ (and api/navigation.json, which
//      the sidebar is built from) from the TSDoc of the three packages' sources;
//   2. the live demos: esbuild bundles their page modules and worker scripts (the timer's thread module, the pool's
//      worker) as ES modules into docs/public/demo/, from the packages' browser builds (`npm run build` first);
//   3. the benchmark chart: bench/results/latest.svg is copied to docs/public/bench/ when it exists, and
//      guide/_bench-chart.md says either where it is or that it has not been produced; guide/_bench-results.md
//      gets the figures of bench/results/latest.json as tables, so the page cannot drift from the run.
//
// Everything it writes is ignored by git (see docs/.gitignore and the root .gitignore).
//
//   node docs/scripts/prepare.mjs [--skip-api]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(DOCS, '..');
const skipApi = process.argv.includes('--skip-api');

const timed = async (what, step) => {
  const started = performance.now();
  await step();
  console.log(`docs: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
};

/** TypeDoc, in process, with docs/typedoc.json. Throws on errors, and on warnings (a broken {@link}). */
async function buildApi() {
  const { Application, LogLevel } = await import('typedoc');
  fs.rmSync(path.join(DOCS, 'api'), { recursive: true, force: true });
  const app = await Application.bootstrapWithPlugins({ options: path.join(DOCS, 'typedoc.json') });
  const project = await app.convert();
  if (!project) throw new Error('TypeDoc could not convert the packages (see the errors above).');
  await app.generateOutputs(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) {
    throw new Error(
      `TypeDoc reported ${app.logger.errorCount} errors and ${app.logger.warningCount} warnings (above).`,
    );
  }
  void LogLevel;
}

/** The packages' browser builds (dist/browser/*.mjs, from `npm run build`), which the demos import. */
const BROWSER_BUILDS = ['core', 'thread', 'concurrent'].map((name) =>
  path.join(ROOT, 'packages', name, 'dist/browser/index.mjs'),
);

/**
 * The live demos' ES modules: each page module and each worker script is an entry, bundled in one build with the
 * shared code split into chunks, so that a visitor going from one demo to the other loads each package once. The
 * packages come from their browser builds, as a user's bundler gets them (the exports map's `browser` condition).
 */
async function buildDemo() {
  const missing = BROWSER_BUILDS.filter((file) => !fs.existsSync(file));
  if (missing.length > 0)
    throw new Error(
      `The demos bundle the packages' browser builds, and ${missing.map((f) => path.relative(ROOT, f)).join(', ')} ` +
        'do not exist: run npm run build first.',
    );
  const { build } = await import('esbuild');
  const theme = path.join(DOCS, '.vitepress/theme');
  const outdir = path.join(DOCS, 'public/demo');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [
      path.join(theme, 'demo/demo-page.ts'),
      path.join(theme, 'demo/timer-thread.ts'), // the script each Timer's Web Worker runs
      path.join(theme, 'pool-demo/pool-page.ts'),
      path.join(theme, 'pool-demo/pool-worker.ts'), // the script each pool worker runs
    ],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    sourcemap: true,
    minify: true,
    keepNames: true, // messages name classes ("Timer", "Receiver"), and workers find classes by name
    logLevel: 'warning',
  });
}

/** Copies the benchmark chart, if the bench has produced one, and writes the page fragment that shows it. */
function copyBenchChart() {
  const results = path.join(ROOT, 'bench/results');
  const svg = path.join(results, 'latest.svg');
  const json = path.join(results, 'latest.json');
  const target = path.join(DOCS, 'public/bench');
  fs.rmSync(target, { recursive: true, force: true });
  let fragment;
  if (fs.existsSync(svg)) {
    fs.mkdirSync(target, { recursive: true });
    fs.copyFileSync(svg, path.join(target, 'latest.svg'));
    let caption = 'The latest full run of `npm run bench` (bench/results/latest.svg).';
    if (fs.existsSync(json)) {
      try {
        const { meta } = JSON.parse(fs.readFileSync(json, 'utf8'));
        caption =
          `The latest full run of \`npm run bench\`: ${String(meta.date).slice(0, 10)}, Node ${meta.node}, ` +
          `${meta.platform}, ${meta.cpus} CPUs${meta.cpuModel ? ` (${meta.cpuModel})` : ''}.` +
          (meta.note ? ` ${meta.note}` : '') +
          ' The numbers behind it are in `bench/results/latest.json`.';
      } catch {
        // A chart without readable metadata is still worth showing.
      }
    }
    fragment =
      `${caption}\n\n` +
      "![Benchmark chart: sigslot beside its peers, one panel per group, bars as ratios to each panel's reference]" +
      '(/bench/latest.svg){.bench-chart}\n';
  } else {
    fragment =
      '::: warning No chart yet\n' +
      'This build found no `bench/results/latest.svg`: the benchmarks have not been run in full on the machine ' +
      'that built the site. Run `npm run bench` (it takes a few minutes) and build the site again to see the chart ' +
      'here. (`npm run bench -- --smoke` only checks that every group runs; its figures mean nothing and are not shown.)\n' +
      ':::\n';
  }
  fs.writeFileSync(
    path.join(DOCS, 'guide/_bench-chart.md'),
    `<!-- Written by docs/scripts/prepare.mjs. -->\n\n${fragment}`,
  );
}

/** Markdown-safe cell text. */
const cell = (text) => String(text).replace(/\|/g, '\\|');
/** A figure with three significant digits, as the bench's own tables print it. */
const figure = (value) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString();

/** The tables and targets of the latest full run, or a note that there is none. */
function writeBenchResults() {
  const json = path.join(ROOT, 'bench/results/latest.json');
  let text;
  if (fs.existsSync(json)) {
    const { tables, targets } = JSON.parse(fs.readFileSync(json, 'utf8'));
    const parts = ['## Targets\n', '| target | met | this run |', '| --- | --- | --- |'];
    for (const t of targets) parts.push(`| ${cell(t.text)} | ${t.met ? 'yes' : '**no**'} | ${cell(t.detail)} |`);
    parts.push('\n## Figures\n');
    for (const table of tables) {
      const reference = table.rows.find((row) => row.id === table.reference);
      parts.push(`### ${table.title}\n`);
      parts.push(`${table.unit}, ${table.better} is better; ratio = ÷ ${cell(reference?.label ?? table.reference)}.\n`);
      parts.push(`| implementation | ${table.unit} | ratio |`, '| --- | ---: | ---: |');
      for (const row of table.rows) {
        const name = row.id.startsWith('sigslot') ? `**${cell(row.label)}**` : cell(row.label);
        parts.push(`| ${name}${row.info ? ' (explanation)' : ''} | ${figure(row.value)} | ${row.ratio.toFixed(2)}× |`);
      }
      for (const note of table.notes ?? []) parts.push(`\n${cell(note)}`);
      parts.push(`\n<small>Method: ${cell(table.method)}</small>\n`);
    }
    text = parts.join('\n');
  } else {
    text = 'No `bench/results/latest.json` yet: run `npm run bench`, then build the site again.\n';
  }
  fs.writeFileSync(
    path.join(DOCS, 'guide/_bench-results.md'),
    `<!-- Written by docs/scripts/prepare.mjs. -->\n\n${text}\n`,
  );
}

if (!skipApi) await timed('API reference from TSDoc -> docs/api/', buildApi);
await timed('live demo bundled -> docs/public/demo/', buildDemo);
await timed('benchmark chart', copyBenchChart);
await timed('benchmark tables', writeBenchResults);
