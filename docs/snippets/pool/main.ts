import { QFutureWatcher, QtConcurrent, ReduceOption, taskModule } from '@sigslot/concurrent';
import type * as Tasks from './tasks';

// #region run
const tasks = taskModule<typeof Tasks>(require.resolve('./tasks'));
const fib30 = await QtConcurrent.run(tasks.fib, 30); // number, computed in a worker of the global pool
// #endregion run

// #region watcher
const watcher = new QFutureWatcher<number>();
watcher.progressRangeChanged.connect((min, max) => console.log(`range ${min}..${max}`));
watcher.progressValueChanged.connect((value) => console.log(`progress ${value}`)); // ≤ 25 a second, the last always
watcher.finished.connect(() => console.log(`done: ${watcher.result()}`));
const future = QtConcurrent.runWithPromise(tasks.countTo, 1_000_000);
watcher.setFuture(future); // replays what already happened, as queued signals
// later, from a button or a key: future.suspend(), future.resume(), future.cancel()
// #endregion watcher

// #region mapped
const squares = await QtConcurrent.mapped([1, 2, 3, 4], tasks.square); // [1, 4, 9, 16], in input order
const sum = await QtConcurrent.mappedReduced([1, 2, 3, 4], tasks.square, (acc: number, v) => acc + v, {
  initialValue: 0,
  options: ReduceOption.OrderedReduce,
});
// #endregion mapped

// #region task
const controller = new AbortController();
const guarded = QtConcurrent.task(tasks.fib)
  .withArguments(35)
  .withPriority(5)
  .withSignal(controller.signal) // abort() cancels it
  .withDeadline(2_000) // canceled with a TaskDeadlineError after 2 s; its worker is kept
  .spawn();
// #endregion task

console.log(fib30, squares, sum, await guarded.onCanceled(() => -1));
