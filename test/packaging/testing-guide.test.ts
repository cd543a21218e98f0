/**
 * "The testing guide gives the whole setup and is proven by a test that follows it in a fresh project": a new project
 * outside the repository gets the packed @sigslot tarballs and the guide's `npm install --save-dev` line (read from
 * docs/guide/testing.md), the guide's tsconfig.json (its JSON block) and jest config (docs/snippets/testing/
 * jest-config.ts), and the guide's tests (docs/snippets/testing/, with the Designer example they run). Then
 * `npx jest` there, as a user would: every test passes, real workers included, and `tsc --noEmit` type-checks them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installTarballs, packTarballs, repo, run } from './tarballs';

const GUIDE = fs.readFileSync(path.join(repo, 'docs/guide/testing.md'), 'utf8');
const SNIPPETS = path.join(repo, 'docs/snippets');

/** The guide's `npm install --save-dev ...` command, as its arguments after `npm`. */
function installCommand(): string[] {
  const line = /^npm install --save-dev .+$/m.exec(GUIDE)?.[0];
  if (!line) throw new Error('docs/guide/testing.md has no `npm install --save-dev` line');
  return line.split(/\s+/).slice(1);
}

/** The guide's tsconfig.json: the first JSON block after it names the file. */
function guideTsconfig(): string {
  const after = GUIDE.slice(GUIDE.indexOf('A `tsconfig.json` for the tests'));
  const block = /```json\n([\s\S]*?)```/.exec(after)?.[1];
  if (!block) throw new Error('docs/guide/testing.md has no tsconfig.json block');
  JSON.parse(block);
  return block;
}

let tmp = '';
let project = '';
// The repository's jest config points the workers' tsx at the repository's sources (TSX_TSCONFIG_PATH); a user's
// project has no such variable, and with it the fresh project's workers would load the repository's copies.
const repoTsconfig = process.env.TSX_TSCONFIG_PATH;

beforeAll(async () => {
  delete process.env.TSX_TSCONFIG_PATH;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-testing-guide-'));
  project = path.join(tmp, 'plugin');
  await installTarballs(project, await packTarballs(path.join(tmp, 'tarballs')));
  // The guide's command, with the @sigslot packages already installed from their tarballs (not yet published).
  const [, ...args] = installCommand();
  const fromRegistry = args.filter((arg) => !arg.startsWith('@sigslot/'));
  await run('npm', ['install', ...fromRegistry, '--no-audit', '--no-fund', '--prefer-offline'], project);
  fs.writeFileSync(path.join(project, 'tsconfig.json'), guideTsconfig());
  fs.copyFileSync(path.join(SNIPPETS, 'testing/jest-config.ts'), path.join(project, 'jest.config.ts'));
  for (const dir of ['testing', 'designer-example']) {
    fs.cpSync(path.join(SNIPPETS, dir), path.join(project, dir), { recursive: true });
  }
}, 300_000);

afterAll(() => {
  if (repoTsconfig !== undefined) process.env.TSX_TSCONFIG_PATH = repoTsconfig;
  if (tmp && !process.env.SIGSLOT_KEEP_PACKAGING_TMP) fs.rmSync(tmp, { recursive: true, force: true });
});

test("the guide's install line gives the versions it explains (jest 30, ts-jest 29, TypeScript 5)", () => {
  const version = (name: string): string =>
    (
      JSON.parse(fs.readFileSync(path.join(project, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  expect(version('jest')).toMatch(/^30\./);
  expect(version('ts-jest')).toMatch(/^29\./);
  expect(version('typescript')).toMatch(/^5\./);
  for (const name of ['tsx', 'ts-node', '@types/jest']) expect(version(name)).toMatch(/^\d+\./);
});

test("npx jest runs the guide's tests in the fresh project, real workers included, and they pass", async () => {
  await run('npx', ['jest', '--ci', '--json', '--outputFile=results.json'], project);
  const results = JSON.parse(fs.readFileSync(path.join(project, 'results.json'), 'utf8')) as {
    success: boolean;
    numPassedTests: number;
    numTotalTests: number;
    testResults: { name: string; message: string }[];
  };
  expect({ success: results.success, failures: results.testResults.map((r) => r.message).filter(Boolean) }).toEqual({
    success: true,
    failures: [],
  });
  expect(results.numPassedTests).toBe(results.numTotalTests);
  expect(results.numTotalTests).toBeGreaterThanOrEqual(5);
  expect(results.testResults.map((r) => path.relative(project, r.name))).toEqual(['testing/plugin.test.ts']);
}, 180_000);

test("tsc --noEmit type-checks the guide's tests with the guide's tsconfig", async () => {
  await expect(run('npx', ['tsc', '--noEmit', '-p', '.'], project)).resolves.toBe('');
}, 120_000);
