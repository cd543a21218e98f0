import { QObject, QThread, Signal } from '@sigslot/thread';

/** Lives in a worker thread: thread.create(Worker) builds it there; the main thread drives it through a handle. */
export class Worker extends QObject {
  static readonly module = __filename; // the worker loads this file to build the object (ESM: import.meta.url)
  readonly resultReady = new Signal<[result: string]>(this);
  readonly progress = new Signal<[percent: number]>(this);
  /** A field: it stays in the worker (the main thread's handle has the signals and the methods). */
  jobs = 0;

  constructor(private readonly prefix = 'result') {
    super();
  }

  doWork(parameter: string): string {
    // ... here is the expensive or blocking operation ...
    this.jobs++;
    this.progress.emit(50);
    const result = `${this.prefix} of ${parameter}, computed on ${QThread.currentThread().describe()}`;
    this.resultReady.emit(result);
    return result;
  }

  add(a: number, b: number): number {
    return a + b;
  }

  parse(text: string): number {
    const value = Number(text);
    if (Number.isNaN(value)) throw new RangeError(`not a number: ${text}`);
    return value;
  }
}
