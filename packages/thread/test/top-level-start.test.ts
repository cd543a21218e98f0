// The thread-module rule, enforced by a warning: a worker loads its thread's module again, so a start at the
// module's top level runs in the worker too. The fixture is a program that is also its thread's module, run as a
// user would (`node program.cjs`) in a child process, with real workers; the warning is what the user reads on
// standard error.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WarnedThread } from './fixtures/top-level-start-thread';

const repo = path.resolve(__dirname, '../../..');
const program = path.join(__dirname, 'fixtures/top-level-start.cjs');

/** Runs the fixture program with `env`; resolves with its exit code and output. */
function runProgram(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.TOP_LEVEL_DEPTH;
  return new Promise((resolve) => {
    execFile(process.execPath, [program], { env: childEnv, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  const dist = path.join(repo, 'packages/thread/dist/index.js');
  if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first.`);
});

test('a start at the top level of a thread module warns in the worker, naming the module and the fix', async () => {
  const { code, stdout, stderr } = await runProgram({ GUARDED: '0' });
  expect({ code, stdout }).toEqual({ code: 0, stdout: 'ticks 1 2 3\n' });
  const warnings = stderr.split('\n').filter((line) => line.includes('ThreadModuleWarning'));
  // One: the main thread's start is the program's own, and the fixture's fuse stops the chain after one worker.
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(
    /^\(node:\d+\) ThreadModuleWarning: Ticker\.start\(\) was called at the top level of the thread module /,
  );
  expect(warnings[0]).toContain(`${program}, in the worker that loaded it to run thread "worker #1"`);
  expect(warnings[0]).toContain('Guard the start with `if (require.main === module)`');
  expect(warnings[0]).toContain('`if (import.meta.main)`');
  expect(warnings[0]).toContain("or move it out of the module's top level");
});

test('guarded with require.main === module, the same program runs without a warning', async () => {
  expect(await runProgram({ GUARDED: '1' })).toEqual({ code: 0, stdout: 'ticks 1 2 3\n', stderr: '' });
});

test('in the worker, the warning is a ThreadModuleWarning naming the class, the module and the thread', async () => {
  const thread = new WarnedThread().setObjectName('Warned');
  const warnings: [string, string][] = [];
  thread.warned.connect((name, message) => warnings.push([name, message]));
  thread.start();
  await thread.wait();
  expect(warnings).toEqual([
    [
      'ThreadModuleWarning',
      expect.stringMatching(
        /^Idle\.start\(\) was called at the top level of the thread module .*fixtures\/top-level-start-thread\.ts, in the worker that loaded it to run thread "Warned": /,
      ),
    ],
  ]);
});
