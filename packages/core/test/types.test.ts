import { execFile } from 'node:child_process';
import * as path from 'node:path';

const tsc = require.resolve('typescript/bin/tsc');

/** Runs `tsc -p <project> --noEmit`; resolves with its exit code and output. */
function typecheck(project: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsc, '-p', project, '--noEmit'],
      { cwd: path.resolve(__dirname, '../../..') },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe('types', () => {
  // The type tests: correct uses compile, and every `// @ts-expect-error` line (a wrong argument to emit, a slot of
  // the wrong shape, a missing or ill-fitting method name, a wrong invokeMethod argument, ...) fails to compile.
  test('the type tests in test-d compile, and each expected error is an error', async () => {
    const { code, output } = await typecheck('packages/core/test-d/tsconfig.json');
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
