// Transferables per argument and result (issue 13): values marked with transfer() move between threads instead of
// being copied, with real workers.
import { InvalidArgumentError } from '@sigslot/core';
import { QThreadPool, QtConcurrent, taskModule, transfer } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('transferPool', 1, (created) => (pool = created));

describe('transferables with real workers', () => {
  test('transfer: an argument marked with transfer() moves at the call — the caller’s buffer is detached, the task gets it whole', async () => {
    const bytes = new Uint8Array(1 << 20).fill(3);
    const future = QtConcurrent.run(pool, tasks.sumBytes, transfer(bytes, [bytes.buffer]));
    expect(bytes.buffer.byteLength).toBe(0); // moved at the call, before the task was even sent
    expect(await future).toEqual({ sum: 3 << 20, bufferBytes: 1 << 20 });
  });

  test('transfer: an argument not marked is copied at the call (QC-1): the caller keeps its buffer', async () => {
    const bytes = new Uint8Array(1024).fill(2);
    const future = QtConcurrent.run(pool, tasks.sumBytes, bytes);
    expect(bytes.buffer.byteLength).toBe(1024);
    expect(await future).toEqual({ sum: 2048, bufferBytes: 1024 });
  });

  test('transfer: a return value marked with transfer() arrives whole', async () => {
    const bytes = await QtConcurrent.run(pool, tasks.makeBytes, 4096);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(4096);
    expect(bytes.every((b) => b === 7)).toBe(true);
  });

  test('transfer: a result given to addResult marked with transfer() moves at once — the task’s buffer is detached after the call', async () => {
    const future = QtConcurrent.runWithPromise(pool, tasks.addMovedBytes, 2048);
    await future.waitForFinished();
    const [bytes, sizeInWorkerAfter] = future.results();
    expect((bytes as Uint8Array).length).toBe(2048);
    expect((bytes as Uint8Array).every((b) => b === 1)).toBe(true);
    expect(sizeInWorkerAfter).toBe(0);
  });

  test('transfer: a list that cannot move (an object that is not transferable, a buffer already moved) throws at the call, naming the task', () => {
    const bytes = new Uint8Array(8);
    let error: unknown;
    try {
      QtConcurrent.run(pool, tasks.sumBytes, transfer(bytes, [bytes])); // the view, not its buffer
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(
      /^QRunnable\.create\(task sumBytes \(tasks\.ts\)\): the objects given to transfer\(\) cannot be moved/,
    );
    const moved = new Uint8Array(8);
    QtConcurrent.run(pool, tasks.sumBytes, transfer(moved, [moved.buffer]));
    expect(() => QtConcurrent.run(pool, tasks.sumBytes, transfer(moved, [moved.buffer]))).toThrow(
      /QRunnable\.create\(task sumBytes \(tasks\.ts\)\): argument 1 cannot be copied to another thread: it is a detached ArrayBuffer/,
    );
  });
});
