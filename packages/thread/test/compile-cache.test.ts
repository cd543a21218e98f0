import { COMPILE_CACHE, NODE_BOOTSTRAP } from '../src/endpoint/node-bootstrap';

/** Runs the bootstraps' compile-cache lines as a worker would on Node `version`; returns the modules they required. */
function bootOn(version: string, enableCompileCache?: () => unknown): string[] {
  const required: string[] = [];
  const fakeRequire = (id: string): unknown => (required.push(id), { enableCompileCache });
  new Function('process', 'require', `${COMPILE_CACHE}\nenableCompileCache();`)(
    { versions: { node: version } },
    fakeRequire,
  );
  return required;
}

test("a worker's bootstrap turns on Node's compile cache on Node 22.1 and later", () => {
  for (const version of ['22.1.0', '22.12.0', '24.3.1']) {
    const enable = jest.fn();
    expect(bootOn(version, enable)).toEqual(['node:module']);
    expect(enable).toHaveBeenCalledTimes(1);
  }
});

test('before Node 22.1 it does not even load node:module, and a cache that cannot be turned on stops no worker', () => {
  for (const version of ['20.16.0', '20.20.2', '21.7.3', '22.0.0']) expect(bootOn(version, jest.fn())).toEqual([]);
  expect(() =>
    bootOn('22.5.0', () => {
      throw new Error('read-only file system');
    }),
  ).not.toThrow();
  expect(() => bootOn('23.0.0')).not.toThrow(); // a Node whose module has no enableCompileCache
});

/** Runs a thread's Node bootstrap on Node `version` with `workerData`, everything it requires faked; whether it turned the cache on. */
async function threadBootstrapOn(version: string, workerData: Record<string, unknown>): Promise<boolean> {
  const enableCompileCache = jest.fn();
  const fakeRequire = (id: string): unknown =>
    id === 'node:worker_threads'
      ? { workerData }
      : id === 'node:module'
        ? { enableCompileCache }
        : id === 'node:path'
          ? { isAbsolute: () => true }
          : {};
  const failed = new Promise((resolve) => {
    const fakeProcess = { versions: { node: version }, execArgv: [], env: {}, nextTick: resolve };
    new Function('process', 'require', 'module', NODE_BOOTSTRAP.source)(fakeProcess, fakeRequire, { constructor: {} });
  });
  await failed; // no runtime registered itself in this fake worker: the bootstrap fails, as it should, after loading
  return enableCompileCache.mock.calls.length > 0;
}

test("a thread's worker that the main thread hands code caches of the package leaves Node's compile cache off", async () => {
  const init = { name: 'T', location: { module: '/app/t.js', exportName: 'T' } };
  expect(await threadBootstrapOn('24.3.1', { init })).toBe(true);
  expect(await threadBootstrapOn('24.3.1', { init, preload: [] })).toBe(false);
  expect(await threadBootstrapOn('20.20.2', { init })).toBe(false);
});
