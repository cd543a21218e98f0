import { QThreadPool } from '@sigslot/concurrent';
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
