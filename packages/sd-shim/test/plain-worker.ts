import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The sd-shim sources, for a worker to `require` through tsx. */
export const SD_SHIM_ENTRY = path.join(__dirname, '../src/index.ts');

/**
 * Runs `body` in a real, plain `worker_threads` Worker (not a QThread) that can load TypeScript sources
 * through tsx. `prelude` runs first, before anything is loaded (to break the thread detection, say). The body
 * sees `require`, `workerData` (`entry`: sd-shim's sources, plus `data`) and `done(value)`, which posts `value`
 * back; the promise resolves with it.
 */
export function inPlainWorker<T>(body: string, options: { prelude?: string; data?: unknown } = {}): Promise<T> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    require('tsx/cjs/api').register();
    ${options.prelude ?? ''}
    const done = (value) => parentPort.postMessage(value);
    (() => { ${body} })();
  `;
  const worker = new Worker(source, {
    eval: true,
    workerData: { entry: SD_SHIM_ENTRY, data: options.data },
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(__dirname, '../../../tsconfig.workers.json') },
  });
  return new Promise<T>((resolve, reject) => {
    const exited = (code: number) => reject(new Error(`the worker exited (code ${code}) without answering`));
    worker.once('message', (result: T) => {
      worker.off('exit', exited);
      void worker.terminate().then(() => resolve(result));
    });
    worker.once('error', reject);
    worker.once('exit', exited);
  });
}
