import { QObject, setErrorHandler, Signal } from '@sigslot/core';

class Document extends QObject {
  readonly saved = new Signal<[path: string]>(this);
}
class Backup extends QObject {
  onSaved(path: string): void {
    throw new Error(`cannot copy ${path}`);
  }
}

const document = new Document().setObjectName('document');
const backup = new Backup().setObjectName('backup');
document.saved.connect(backup, backup.onSaved);
document.saved.connect((path) => console.log(`saved ${path}`));

document.saved.emit('a.sbs'); // the default handler prints the first slot's error; the second slot still runs

const previous = setErrorHandler((error, context) => console.log(`${context.where}: ${(error as Error).message}`));
document.saved.emit('b.sbs');
setErrorHandler(previous);
