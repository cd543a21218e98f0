import { getContext } from '@sigslot/sd-shim';
import { QObject, QThread, Signal } from '@sigslot/thread';
import { parentPort } from 'node:worker_threads';

/** Calls the Designer API from run(): the mistake Designer's "Using threads" page warns about. */
export class Sloppy extends QThread {
  static override readonly module = __filename;
  override run(): void {
    getContext().getSDApplication().getPackageMgr().newUserPackage();
  }
}

/** Leaves its worker in the middle of run(). */
export class Quitter extends QThread {
  static override readonly module = __filename;
  override run(): void {
    process.exit(3);
  }
}

/** Posts a message sigslot never sends, as a broken or hostile worker script might; then emits a real signal. */
export class Rogue extends QThread {
  static override readonly module = __filename;
  readonly done = new Signal<[]>(this);
  override run(): void {
    parentPort!.postMessage({ type: 'bogus' });
    this.done.emit();
  }
}

/** A worker object (thread.create(Indexer)) that takes documents. */
export class Indexer extends QObject {
  static readonly module = __filename;
  index(document: { title: string }): string {
    return document.title;
  }
}
