// The coverage report and gate of `npm test -- --coverage`, for code run by the test processes and by the worker
// threads they start (test/support/worker-coverage-environment.ts makes workers write V8 coverage). Jest sees only
// its own processes, so this reporter merges both with monocart-coverage-reports (README, "Testing" says why) and
// fails the run, as jest's coverageThreshold would, when a metric is below its threshold.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const { CoverageReport } = require('monocart-coverage-reports');

/** What coverage measures: the packages' TypeScript sources, as paths relative to the repository root. */
const MEASURED = /^packages\/[^/]+\/src\/.+(?<!\.d)\.ts$/;

class CoverageReporter {
  /**
   * @param {import('@jest/types').Config.GlobalConfig} globalConfig
   * @param {{ thresholds?: Partial<Record<'lines' | 'statements' | 'functions' | 'branches', number>> }} options
   */
  constructor(globalConfig, options = {}) {
    this.enabled = globalConfig.collectCoverage && globalConfig.coverageProvider === 'v8';
    this.thresholds = options.thresholds ?? {};
    this.error = undefined;
    if (!this.enabled) return;
    const rootDir = globalConfig.rootDir;
    const relative = (file) => path.relative(rootDir, file).split(path.sep).join('/');
    // Set before jest starts its test processes, which inherit it; each test file's environment hands it on to
    // its workers as NODE_V8_COVERAGE.
    this.workerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-worker-coverage-'));
    process.env.SIGSLOT_WORKER_COVERAGE = this.workerDir;
    /** Worker scripts whose compiled JavaScript test/support/tsx-recording-sources.cjs saved (file: URLs). */
    this.recorded = new Set();
    /** Worker scripts of the packages' sources left out because nothing saved their compiled JavaScript. */
    this.unrecorded = new Set();
    this.report = new CoverageReport({
      name: 'sigslot coverage (test processes and worker threads)',
      outputDir: globalConfig.coverageDirectory,
      baseDir: rootDir,
      // Istanbul's reports, as jest writes them; their line coverage (a line counts once a statement on it ran) is
      // what the thresholds check, as jest's coverageThreshold did.
      reports: ['text', 'html', 'lcovonly', 'json-summary'],
      logging: 'error',
      cleanCache: true,
      // Jest's entries are paths it already filtered; a worker's are file: URLs of every script it ran. Without its
      // compiled JavaScript a worker script's uncovered code cannot be placed reliably, so it is left out.
      entryFilter: (entry) => {
        if (!entry.url.startsWith('file:')) return MEASURED.test(relative(entry.url));
        if (this.recorded.has(entry.url)) return true;
        if (MEASURED.test(relative(fileURLToPath(entry.url)))) this.unrecorded.add(entry.url);
        return false;
      },
      sourceFilter: (sourcePath) => MEASURED.test(sourcePath),
      onEntry: (entry) => dropExportGetters(entry),
      // Files no test loaded count as uncovered, as with jest's collectCoverageFrom.
      all: {
        dir: fs.readdirSync(path.join(rootDir, 'packages')).map((name) => path.join(rootDir, 'packages', name, 'src')),
        filter: (sourcePath) => MEASURED.test(sourcePath),
      },
    });
  }

  async onTestResult(_test, testResult) {
    if (!this.enabled || !testResult.v8Coverage) return;
    const scripts = testResult.v8Coverage
      .filter(({ codeTransformResult }) => codeTransformResult)
      .map(({ codeTransformResult, result }) => ({
        ...result,
        source: codeTransformResult.code, // ts-jest's output, with its inline source map
        scriptOffset: codeTransformResult.wrapperLength ?? 0,
      }));
    if (scripts.length > 0) await this.report.add(scripts); // a file whose tests load no source adds nothing
  }

  async onRunComplete() {
    if (!this.enabled) return;
    try {
      this.recorded = recordedSources(this.workerDir);
      // Child processes that tests start (tsc, npm, bundlers) inherit NODE_V8_COVERAGE too; their main threads
      // (thread id 0, the last number of the name) run no worker of ours, so their often large files are not read.
      for (const name of fs.readdirSync(this.workerDir)) {
        if (/^coverage-.*-0\.json$/.test(name)) fs.rmSync(path.join(this.workerDir, name));
      }
      await this.report.addFromDir(this.workerDir);
      if (this.recorded.size === 0 && this.unrecorded.size > 0) {
        // Workers ran the packages' code, yet none saved it: the mapping of tsx/cjs/api no longer reaches them.
        console.error(
          `\nCoverage: workers ran ${this.unrecorded.size} files of packages/*/src, but none loaded them through ` +
            'test/support/tsx-recording-sources.cjs (jest.config.ts maps tsx/cjs/api to it), so no worker is counted.\n',
        );
      }
      await this.report.generate();
      this.error = this.check(summary(this.report.options.outputDir));
      if (this.error) console.error(`\n${this.error.message}\n`);
    } finally {
      fs.rmSync(this.workerDir, { recursive: true, force: true });
    }
  }

  /** An error naming each metric below its threshold, or undefined. */
  check(summary) {
    if (!summary) return new Error('Coverage: no coverage data was collected, so the thresholds cannot be checked.');
    const failures = Object.entries(this.thresholds)
      .filter(([metric, threshold]) => summary[metric].pct < threshold)
      .map(([metric, threshold]) => `${metric} ${summary[metric].pct}% is below the threshold of ${threshold}%`);
    if (failures.length === 0) return undefined;
    return new Error(
      `Coverage of packages/*/src (test processes and worker threads together): ${failures.join('; ')}. ` +
        'Add tests for the uncovered lines listed above (coverage/index.html shows them in the source).',
    );
  }

  getLastError() {
    return this.error;
  }
}

/**
 * Drops from a script compiled by esbuild (tsx, in workers) the getters it adds for the module's exports
 * (`__export(x_exports, { name: () => name })`), which run only when another module reads that export: esbuild maps
 * them to the file's first line, which would show as uncovered for an export that is only read on the main thread.
 */
function dropExportGetters(entry) {
  const start = entry.source.search(/__export\(\w+_exports,\s*\{/);
  if (start < 0) return;
  const end = entry.source.indexOf('}', start);
  entry.functions = entry.functions.filter(
    (fn) => !fn.ranges.every((range) => range.startOffset > start && range.endOffset <= end),
  );
}

/** The totals of the json-summary report in `dir`, or undefined when it was not written. */
function summary(dir) {
  const file = path.join(dir, 'coverage-summary.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).total : undefined;
}

/** The file: URLs of the scripts whose compiled JavaScript workers saved in `dir`. */
function recordedSources(dir) {
  const urls = new Set();
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('source-') && name.endsWith('.json')) {
      urls.add(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')).url);
    }
  }
  return urls;
}

module.exports = CoverageReporter;
