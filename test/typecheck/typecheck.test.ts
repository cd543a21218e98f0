// ts-jest only transpiles (isolatedModules), so nothing else would notice a test that no longer matches the
// packages' types: these run the compiler over every test file and fixture, as a user's editor would.
import { execFile } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const tsc = require.resolve('typescript/bin/tsc');

/** Runs `tsc -p <project> --noEmit`; resolves with its exit code and output. */
function typecheck(project: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

test('every test file and fixture type-checks against the packages (tsconfig.tests.json)', async () => {
  const { code, output } = await typecheck('tsconfig.tests.json');
  expect(output).toBe('');
  expect(code).toBe(0);
}, 120_000);

test("the browser test's page and thread modules type-check as the ES modules they are bundled as", async () => {
  const { code, output } = await typecheck('packages/thread/test/browser/tsconfig.json');
  expect(output).toBe('');
  expect(code).toBe(0);
}, 120_000);
