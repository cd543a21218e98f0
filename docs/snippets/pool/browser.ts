// The page (cross-origin isolated: COOP same-origin + COEP require-corp, for the shared cancel/suspend flags).
import { QThreadPool, QtConcurrent, taskModule } from '@sigslot/concurrent';
import type * as Tasks from './tasks';

const pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
const tasks = taskModule<typeof Tasks>('tasks'); // the name pool-worker.ts registers
console.log(await QtConcurrent.mapped(pool, [1, 2, 3], tasks.square)); // [1, 4, 9], computed in module Web Workers
