// After: sigslot. One typed signal per event, declared on the object that emits it.
import { ConnectionType, QObject, Signal } from '@sigslot/core';

class Download extends QObject {
  readonly progress = new Signal<[percent: number]>(this);
  readonly done = new Signal<[path: string]>(this);

  run(): void {
    this.progress.emit(50);
    this.progress.emit(100);
    this.done.emit('/tmp/material.sbs');
  }
}

const download = new Download();
const progress = download.progress.connect((percent) => console.log(`progress ${percent}%`));
download.done.connect((path) => console.log(`done: ${path}`), ConnectionType.SingleShotConnection);
download.run();
progress.disconnect();
download.run(); // prints nothing: no connection is left
