// Tasks for the browser test: the pool worker script (pool-worker.ts) registers this module as "tasks". They are the
// Node tests' own task functions, the same code run in a Web Worker.
export {
  add,
  delayed,
  countTo,
  spinUntilCanceled,
  produce,
  sumBytes,
  addMovedBytes,
  waitForGate,
  echo,
  steps,
  turnIndex,
  mutateAndReturn,
  addAt,
  addBatch,
  addWithoutRange,
  failTwice,
  throwRange,
  throwCustom,
  awaitChild,
} from '../fixtures/tasks';
