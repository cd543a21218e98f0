// Before: comlink. The page starts the worker, wraps it, and passes the callback through Comlink.proxy.
import * as Comlink from 'comlink';
import type { Resizer } from './comlink-worker';

async function main(): Promise<void> {
  const worker = new Worker(new URL('./comlink-worker.js', import.meta.url), { type: 'module' });
  const resizer = Comlink.wrap<Resizer>(worker);
  const size = await resizer.resize(
    640,
    480,
    Comlink.proxy((percent) => console.log(`progress ${percent}%`)),
  );
  console.log(`resized to ${size}`);
  worker.terminate(); // a call still pending now would never settle
}

void main();
