// Before: comlink. The worker script exposes an object; its callback parameter is a proxy back to the main thread.
import * as Comlink from 'comlink';

const resizer = {
  resize(width: number, height: number, onProgress: (percent: number) => void): string {
    onProgress(50); // a call back into the main thread, through the proxy
    return `${width / 2}x${height / 2}`;
  },
};

export type Resizer = typeof resizer;
Comlink.expose(resizer);
