// A listener that throws: EventEmitter stops the emit and throws to the emitter; a signal reports it and goes on.
import { EventEmitter } from 'node:events';
import { QObject, setErrorHandler, Signal } from '@sigslot/core';

const emitter = new EventEmitter<{ saved: [path: string] }>();
emitter.on('saved', () => {
  throw new Error('backup failed');
});
emitter.on('saved', (path) => console.log(`EventEmitter: indexed ${path}`));
try {
  emitter.emit('saved', 'a.sbs');
} catch (error) {
  console.log(`EventEmitter: emit threw ${(error as Error).message}; the second listener did not run`);
}

class Document extends QObject {
  readonly saved = new Signal<[path: string]>(this);
}
setErrorHandler((error, context) => console.log(`sigslot: reported "${(error as Error).message}" (${context.where})`));
const document = new Document();
document.saved.connect(function backup() {
  throw new Error('backup failed');
});
document.saved.connect((path) => console.log(`sigslot: indexed ${path}`));
document.saved.emit('a.sbs');
