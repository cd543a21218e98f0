// Before: Node's EventEmitter, typed with an event map.
import { EventEmitter } from 'node:events';

class Download extends EventEmitter<{ progress: [percent: number]; done: [path: string] }> {
  run(): void {
    this.emit('progress', 50);
    this.emit('progress', 100);
    this.emit('done', '/tmp/material.sbs');
  }
}

const download = new Download();
const onProgress = (percent: number): void => console.log(`progress ${percent}%`);
download.on('progress', onProgress);
download.once('done', (path) => console.log(`done: ${path}`));
download.run();
download.off('progress', onProgress);
download.run(); // prints nothing: no listener is left
