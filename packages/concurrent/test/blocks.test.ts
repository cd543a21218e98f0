// QC-8: how many tasks a pool hands a thread in one message (Qt's BlockSizeManager). The tasks of one block run back
// to back in one synchronous turn of their worker; `turnIndex` tells each task its place there (0 starts a block).
// Blocks take the queue in order, so a burst's places read as consecutive blocks. Real workers.
import { QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('blocksPool', 2, (created) => (pool = created));

/** Each task's place in its block, for `n` tiny tasks submitted at once. */
const burst = (n: number): Promise<number[]> =>
  Promise.all(Array.from({ length: n }, () => QtConcurrent.run(pool, tasks.turnIndex)));

/** The blocks of a burst: where each began (how many tasks were queued before it was taken) and its size. */
function blocks(places: readonly number[]): { start: number; size: number }[] {
  const found: { start: number; size: number }[] = [];
  places.forEach((place, i) => (place === 0 ? found.push({ start: i, size: 1 }) : found[found.length - 1]!.size++));
  return found;
}

describe('blocks of tasks', () => {
  test('QC-8 tasks of unknown cost leave one per block; tiny ones then leave in larger blocks', async () => {
    const found = blocks(await burst(4000));
    expect(found.slice(0, 2).map((b) => b.size)).toEqual([1, 1]); // one block of one task per thread
    expect(Math.max(...found.map((b) => b.size))).toBeGreaterThanOrEqual(16);
  });

  test('QC-8 a block holds at most a quarter of the queue on two threads: queued / (2 × maxThreadCount)', async () => {
    const n = 4000;
    const found = blocks(await burst(n));
    for (const block of found) expect(block.size).toBeLessThanOrEqual(Math.ceil((n - block.start) / 4));
    expect(found.some((block) => block.size > 1 && block.size === Math.ceil((n - block.start) / 4))).toBe(true);
  });

  test('QC-8 tasks whose work outweighs a message stay one per block', async () => {
    const places = await Promise.all(Array.from({ length: 12 }, () => QtConcurrent.run(pool, tasks.slowTurnIndex, 10)));
    expect(places).toEqual(new Array(12).fill(0));
  });
});
