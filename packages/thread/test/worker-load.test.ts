import { LoadReportThread } from './fixtures/worker-load';

test('a worker loads the package but not its main side (the code that starts threads) until it creates a thread', async () => {
  const thread = new LoadReportThread();
  const report = thread.report.once();
  thread.start();
  expect(await report).toEqual([1, 0, 1]);
  await thread.wait();
});
