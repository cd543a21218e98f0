import { QThreadPool } from '@sigslot/concurrent';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runExample } from '../src/main';

let pool: QThreadPool;
beforeAll(() => {
  pool = new QThreadPool();
  pool.maxThreadCount = 2;
});
afterAll(async () => {
  await pool.waitForDone();
});

describe('the pool progress example', () => {
  test('counts the primes on the pool; progress rises to the slice count', async () => {
    const { primes, progress } = await runExample({ limit: 100_000, slices: 20, pool });
    expect(primes).toBe(9592);
    expect(progress.at(-1)).toBe(20);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test('a cancel after the first progress ends the job without a result', async () => {
    const { primes } = await runExample({
      limit: 5_000_000,
      slices: 500,
      pool,
      onStart: (future, watcher) => watcher.progressValueChanged.connect((v) => v > 0 && future.cancel()),
    });
    expect(primes).toBeNull();
  });

  test('suspend pauses the job and resume completes it', async () => {
    const { primes } = await runExample({
      limit: 200_000,
      slices: 40,
      pool,
      onStart: (future, watcher) => {
        future.suspend();
        watcher.suspended.connect(() => future.resume());
      },
    });
    expect(primes).toBe(17984);
  });
});

test("the README's command runs the whole job: `npm run example:pool` (the built example, stdin not a terminal)", async () => {
  const root = path.join(__dirname, '..', '..', '..');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = manifest.scripts['example:pool'];
  expect(script).toBe('npm run build --silent && node examples/pool-progress/dist/main.js');
  // The build is the test run's own (pretest); the job itself, as the script's second half runs it:
  const output = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['examples/pool-progress/dist/main.js'],
      { cwd: root, timeout: 120_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    ),
  );
  expect(output).toContain('664579 primes below 10,000,000.');
}, 150_000);
