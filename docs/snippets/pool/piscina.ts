import { QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import type * as Tasks from './tasks';

// piscina: new Piscina({ filename: './tasks.js', maxThreads: 4 }); await pool.run(30, { name: 'fib' })
const pool = new QThreadPool();
pool.maxThreadCount = 4;
const tasks = taskModule<typeof Tasks>(require.resolve('./tasks'));
console.log(await QtConcurrent.run(pool, tasks.fib, 30)); // typed: fib's parameters and return type

// piscina: pool.run(x, { signal }) with an AbortController; a running task's worker is terminated
const controller = new AbortController();
const job = QtConcurrent.taskWithPromise(tasks.countTo).withArguments(10_000_000).onThreadPool(pool);
const future = job.withSignal(controller.signal).spawn();
controller.abort(); // the task sees isCanceled() and returns; its worker stays
await future.waitForFinished();

// piscina: await pool.destroy()
await pool.waitForDone();
