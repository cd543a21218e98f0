import { QObject } from '@sigslot/core';
import { EventLoop, type Task } from '@sigslot/core/kernel';
import { captureErrors, deferred } from './helpers';

function task(run: () => void, receiver: QObject | null = null, cancel?: () => void): Task {
  return cancel ? { receiver, run, cancel } : { receiver, run };
}

describe('the event loop', () => {
  test('runs posted tasks later, in FIFO order', async () => {
    const loop = new EventLoop();
    const order: number[] = [];
    const done = deferred();
    for (let i = 0; i < 5; i++) loop.post(task(() => order.push(i)));
    loop.post(task(() => done.resolve()));
    expect(loop.pending).toBe(6);
    expect(order).toEqual([]);
    await done.promise;
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(loop.pending).toBe(0);
  });

  test('a task posted by a running task runs in a later turn, after the ones already queued', async () => {
    const loop = new EventLoop();
    const order: string[] = [];
    const done = deferred();
    loop.post(
      task(() => {
        order.push('a');
        loop.post(task(() => (order.push('c'), done.resolve())));
        loop.drain(); // re-entrant drain: does nothing
        order.push('a end');
      }),
    );
    loop.post(task(() => order.push('b')));
    await done.promise;
    expect(order).toEqual(['a', 'a end', 'b', 'c']);
  });

  test('a task whose receiver was destroyed is dropped and cancelled', async () => {
    const loop = new EventLoop();
    const gone = new QObject();
    const ran = jest.fn();
    const cancelled = jest.fn();
    const done = deferred();
    loop.post(task(ran, gone, cancelled));
    loop.post(task(ran, gone));
    loop.post(task(() => done.resolve()));
    gone.destroy();
    await done.promise;
    expect(ran).not.toHaveBeenCalled();
    expect(cancelled).toHaveBeenCalledTimes(1);
  });

  test('a task that throws is reported and the next one runs', async () => {
    const { errors, restore } = captureErrors();
    try {
      const loop = new EventLoop();
      const done = deferred();
      loop.post(
        task(() => {
          throw new Error('task failed');
        }),
      );
      loop.post(task(() => done.resolve()));
      await done.promise;
      expect(errors.map((e) => [(e.error as Error).message, e.context.where])).toEqual([
        ['task failed', 'a queued call'],
      ]);
    } finally {
      restore();
    }
  });

  test('a stopped loop keeps its tasks until resumed', async () => {
    const loop = new EventLoop();
    const ran = jest.fn();
    loop.stop();
    loop.post(task(ran));
    const other = new EventLoop();
    const turn = deferred();
    other.post(task(() => turn.resolve()));
    await turn.promise;
    expect(ran).not.toHaveBeenCalled();
    expect(loop.pending).toBe(1);
    const done = deferred();
    loop.post(task(() => done.resolve()));
    loop.resume();
    await done.promise;
    expect(ran).toHaveBeenCalledTimes(1);
    loop.resume(); // nothing pending: nothing scheduled
  });

  test('a task that stops the loop leaves the rest for after resume', async () => {
    const loop = new EventLoop();
    const order: string[] = [];
    loop.post(task(() => (order.push('first'), loop.stop())));
    loop.post(task(() => order.push('second')));
    const other = new EventLoop();
    const turn = deferred();
    other.post(task(() => turn.resolve()));
    await turn.promise;
    expect(order).toEqual(['first']);
    const done = deferred();
    loop.post(task(() => done.resolve()));
    loop.resume();
    await done.promise;
    expect(order).toEqual(['first', 'second']);
  });

  describe('runOrPost, for a task that arrives as a platform event of its own (a message from a worker)', () => {
    test('runs it at once while the loop is idle; a task it posts runs in a later turn', async () => {
      const loop = new EventLoop();
      const order: string[] = [];
      const done = deferred();
      loop.runOrPost(
        task(() => {
          order.push('arrived');
          loop.post(task(() => (order.push('posted by it'), done.resolve())));
          order.push('arrived end');
        }),
      );
      expect(order).toEqual(['arrived', 'arrived end']);
      await done.promise;
      expect(order).toEqual(['arrived', 'arrived end', 'posted by it']);
    });

    test('queues it behind the tasks already waiting, and behind a stopped loop', async () => {
      const loop = new EventLoop();
      const order: string[] = [];
      const done = deferred();
      loop.post(task(() => order.push('waiting')));
      loop.runOrPost(task(() => order.push('arrived')));
      expect(order).toEqual([]);
      loop.stop();
      await Promise.resolve();
      loop.resume();
      loop.post(task(() => done.resolve()));
      await done.promise;
      expect(order).toEqual(['waiting', 'arrived']);
      const stopped = new EventLoop();
      stopped.stop();
      stopped.runOrPost(task(() => order.push('while stopped')));
      expect(stopped.pending).toBe(1);
    });

    test('queues it when it arrives during a running task, and drops one whose receiver was destroyed', async () => {
      const loop = new EventLoop();
      const order: string[] = [];
      const done = deferred();
      const gone = new QObject();
      gone.destroy();
      const cancelled = jest.fn();
      loop.runOrPost(task(() => order.push('for a destroyed receiver'), gone, cancelled));
      expect(cancelled).toHaveBeenCalledTimes(1);
      loop.post(
        task(() => {
          loop.runOrPost(task(() => (order.push('arrived'), done.resolve())));
          order.push('running');
        }),
      );
      await done.promise;
      expect(order).toEqual(['running', 'arrived']);
    });

    test('reports a task that throws, and the loop goes on', async () => {
      const { errors, restore } = captureErrors();
      try {
        const loop = new EventLoop();
        const done = deferred();
        loop.runOrPost(
          task(() => {
            loop.post(task(() => done.resolve()));
            throw new Error('arrived and failed');
          }),
        );
        await done.promise;
        expect(errors.map((e) => [(e.error as Error).message, e.context.where])).toEqual([
          ['arrived and failed', 'a queued call'],
        ]);
      } finally {
        restore();
      }
    });
  });
});
