import { waitFor } from '@sigslot/core';
import { QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type * as Tasks from './fixtures/tasks';

const tasksPath = path.join(__dirname, 'fixtures', 'tasks.ts');
const tasks = taskModule<typeof Tasks>(tasksPath);

describe('pool worker lifetime', () => {
  test('TP-6 a worker idle for expiryTimeout ms ends; the next task starts a new one', async () => {
    const pool = new QThreadPool();
    pool.expiryTimeout = 50;
    expect(await QtConcurrent.run(pool, tasks.echo, 1)).toBe(1);
    expect(pool.threadCount()).toBe(1);
    await waitFor(() => pool.threadCount() === 0, 5000);
    expect(await QtConcurrent.run(pool, tasks.echo, 2)).toBe(2);
    await pool.waitForDone();
  });

  test('an idle pool does not keep a Node program alive (the built package, in a child process)', async () => {
    const script = `
      const { QtConcurrent, taskModule } = require('@sigslot/concurrent');
      const tasks = taskModule(${JSON.stringify(tasksPath)});
      QtConcurrent.run(tasks.add, 20, 22).then((v) => console.log('result ' + v));
    `;
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['-e', script],
        { cwd: path.join(__dirname, '..'), timeout: 20_000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    );
    expect(output.trim()).toBe('result 42');
  });
});
