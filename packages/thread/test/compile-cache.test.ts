import { COMPILE_CACHE } from '../src/endpoint/node-bootstrap';

/** Runs the bootstraps' compile-cache lines as a worker would on Node `version`; returns the modules they required. */
function bootOn(version: string, enableCompileCache?: () => unknown): string[] {
  const required: string[] = [];
  const fakeRequire = (id: string): unknown => (required.push(id), { enableCompileCache });
  new Function('process', 'require', COMPILE_CACHE)({ versions: { node: version } }, fakeRequire);
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
