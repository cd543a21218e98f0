// Every printed "output" block of the docs and the READMEs is what its program prints: the comment before the block
// names the program (docs/test/output-blocks.ts has the syntax), this test runs it with tsx from the repository's
// root, as a reader would after `npm install`, and compares its standard output (and error, where the page shows
// it) with the block.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { compareOutput, markdownFiles, outputBlocks, REPO, type OutputBlock } from './output-blocks';

const execFileAsync = promisify(execFile);
const TSX = path.join(REPO, 'node_modules/tsx/dist/cli.mjs');

const found = markdownFiles().map((file) => outputBlocks(file));
const blocks = found.flatMap((f) => f.blocks);
const runs = blocks.flatMap((block) => block.programs.map((program) => [block, program] as const));

/** Runs a program with tsx; resolves to what it printed, whatever its exit status. */
async function run(program: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(process.execPath, [TSX, program, ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 60_000,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; killed?: boolean; message: string };
    if (e.killed) throw new Error(`${program} did not finish in 60 s: ${e.message}`, { cause: error });
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

test('every output comment is readable and names a program that exists', () => {
  expect(found.flatMap((f) => f.problems)).toEqual([]);
  // The pages announce their blocks: the count only grows (it was 25 when this test was written).
  expect(blocks.length).toBeGreaterThanOrEqual(25);
});

test.each(runs.map(([block, program]) => [block.where, path.relative(REPO, program), block, program] as const))(
  '%s: the block is what %s prints',
  async (_where: string, _relative: string, block: OutputBlock, program: string) => {
    const { stdout, stderr } = await run(program, block.args);
    expect(compareOutput(block, stdout) ?? 'the same').toBe('the same');
    if (block.stderrFirstLine !== undefined) expect(stderr.split('\n')[0]).toBe(block.stderrFirstLine);
  },
  90_000,
);
