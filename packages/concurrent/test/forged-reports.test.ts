// A pool worker's messages are untrusted input: malformed report batches, naming real tasks' ids, are dropped;
// no exception reaches the main thread, and every task (the forger's included) gets its own result.
import { QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import type * as Forged from './fixtures/forged-reports';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));
const forged = taskModule<typeof Forged>(path.join(__dirname, 'fixtures', 'forged-reports.ts'));

test("a pool worker's malformed reports are dropped: every task still gets its own result, and the pool goes on", async () => {
  const pool = new QThreadPool();
  pool.maxThreadCount = 2;
  try {
    const echoes = Array.from({ length: 40 }, (_, i) => QtConcurrent.run(pool, tasks.echo, i));
    const forger = QtConcurrent.run(pool, forged.forgeReports, 99);
    const later = Array.from({ length: 40 }, (_, i) => QtConcurrent.run(pool, tasks.echo, 100 + i));
    expect(await forger).toBe(99);
    expect(await Promise.all(echoes)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(await Promise.all(later)).toEqual(Array.from({ length: 40 }, (_, i) => 100 + i));
    expect(await QtConcurrent.mapped(pool, [1, 2, 3], tasks.echo)).toEqual([1, 2, 3]);
  } finally {
    await pool.waitForDone();
  }
});
