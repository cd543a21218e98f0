// QF-11: how a failure or a cancel travels down a chain of continuations on a pool task's future. Real workers.
import { QFutureWatcher, QThreadPool, QtConcurrent, TaskFailedError, taskModule } from '@sigslot/concurrent';
import * as path from 'node:path';
import { poolPerTest } from './fixtures/pool-per-test';
import type * as Tasks from './fixtures/tasks';

const tasks = taskModule<typeof Tasks>(path.join(__dirname, 'fixtures', 'tasks.ts'));

let pool: QThreadPool;
poolPerTest('continuationPool', 2, (created) => (pool = created));

describe('continuations of a pool task', () => {
  test('QF-11 a failure skips then() and onCanceled() down to the first onFailed whose type matches', async () => {
    const ran: string[] = [];
    const value = await QtConcurrent.run(pool, tasks.throwRange, 'bad')
      .then((v) => {
        ran.push('then');
        return v + 1;
      })
      .onCanceled(() => {
        ran.push('onCanceled');
        return -1;
      })
      .onFailed(TypeError, () => {
        ran.push('onFailed(TypeError)');
        return -2;
      })
      .onFailed(RangeError, (error) => {
        ran.push('onFailed(RangeError)');
        return error.message.length;
      })
      .onFailed(() => {
        ran.push('onFailed()');
        return -3;
      });
    expect(ran).toEqual(['onFailed(RangeError)']);
    expect(value).toBeGreaterThan(0);
  });

  test('QF-11 with no matching onFailed the failure reaches the end of the chain', async () => {
    const chain = QtConcurrent.run(pool, tasks.throwCustom, 'nope')
      .onFailed(TypeError, () => 0)
      .then((v) => v * 2);
    await expect(chain).rejects.toBeInstanceOf(TaskFailedError);
    expect((chain.exception() as TaskFailedError).remoteName).toBe('ParseProblem');
  });

  test('QF-11 canceling the head of a running chain skips the pending then()s and runs onCanceled, whose future is not canceled', async () => {
    pool.maxThreadCount = 1;
    const ran: string[] = [];
    const head = QtConcurrent.runWithPromise(pool, tasks.spinUntilCanceled);
    const tail = head
      .then((turns) => {
        ran.push('then 1');
        return turns;
      })
      .then(() => {
        ran.push('then 2');
        return 'done';
      })
      .onCanceled(() => {
        ran.push('onCanceled');
        return 'canceled';
      });
    const watcher = new QFutureWatcher<number>();
    watcher.setFuture(head);
    await watcher.progressRangeChanged.once(); // replayed (0, 0) at setFuture
    await watcher.progressRangeChanged.once(); // (0, 1): the task is running
    head.cancel();
    expect(await tail).toBe('canceled');
    expect(ran).toEqual(['onCanceled']);
    expect(tail.isCanceled()).toBe(false);
  });

  test('QF-11 canceling the future onCanceled returned neither runs that handler nor cancels the task upstream', async () => {
    let handled = false;
    const head = QtConcurrent.run(pool, tasks.slowEcho, 5, 20);
    const guarded = head.onCanceled(() => {
      handled = true;
      return 0;
    });
    guarded.cancel();
    expect(await head).toBe(5);
    await guarded.waitForFinished();
    expect(guarded.isCanceled()).toBe(true);
    expect(handled).toBe(false);
  });

  test("QF-11 onFailed's value becomes the result, and the chain goes on from it", async () => {
    const value = await QtConcurrent.run(pool, tasks.throwRange, 'x')
      .onFailed(() => 20)
      .then((v) => v + 1);
    expect(value).toBe(21);
  });
});
