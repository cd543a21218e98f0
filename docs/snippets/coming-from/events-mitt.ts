// Before: mitt. One emitter for a map of events; each event carries one value.
import mitt from 'mitt';

type Events = { progress: number; done: string };

const download = mitt<Events>();
const run = (): void => {
  download.emit('progress', 50);
  download.emit('progress', 100);
  download.emit('done', '/tmp/material.sbs');
};

const onProgress = (percent: number): void => console.log(`progress ${percent}%`);
const onDone = (path: string): void => {
  download.off('done', onDone); // mitt has no once()
  console.log(`done: ${path}`);
};
download.on('progress', onProgress);
download.on('done', onDone);
run();
download.off('progress', onProgress);
run(); // prints nothing: no listener is left
