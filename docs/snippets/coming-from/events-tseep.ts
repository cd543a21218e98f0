// Before: tseep. EventEmitter's API, typed with a map of listener signatures.
import { EventEmitter } from 'tseep';

class Download extends EventEmitter<{ progress: (percent: number) => void; done: (path: string) => void }> {
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
