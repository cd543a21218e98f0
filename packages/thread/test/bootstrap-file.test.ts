import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NodeBootstrap } from '../src/endpoint/endpoint';
import { spawnNodeWorker } from '../src/endpoint/node-endpoint';

// A worker starts from its bootstrap's built file only when that file holds the bootstrap's source; anywhere else
// (not built, bundled into an application, a stale build) it evaluates the source, and runs the same code.
const SOURCE = "require('node:worker_threads').parentPort.postMessage(__filename);";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-bootstrap-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts a worker on `bootstrap`; resolves with the file name its first line saw. */
async function startedFrom(bootstrap: NodeBootstrap): Promise<string> {
  const worker = spawnNodeWorker(bootstrap, undefined, { name: 'bootstrap probe' });
  const seen = await new Promise<string>((resolve) => worker.onMessage((message) => resolve(message as string)));
  await worker.terminate();
  return seen;
}

test('a worker starts from the built file that holds its bootstrap', async () => {
  fs.writeFileSync(path.join(dir, 'same.cjs'), SOURCE);
  expect(await startedFrom({ file: 'same.cjs', dir, source: SOURCE })).toBe(path.join(dir, 'same.cjs'));
});

test('a missing file, no folder, or a file that differs: the worker evaluates the source', async () => {
  fs.writeFileSync(path.join(dir, 'stale.cjs'), `${SOURCE} // an older build`);
  for (const bootstrap of [
    { file: 'missing.cjs', dir, source: SOURCE },
    { file: 'same.cjs', dir: undefined, source: SOURCE },
    { file: 'stale.cjs', dir, source: SOURCE },
  ])
    expect(await startedFrom(bootstrap)).toMatch(/\[worker eval\]$/);
});
