// Threads and worker objects for the in-memory tier (packages/thread/test/in-memory): both sides of each thread
// run in the test's own isolate (src/endpoint/in-memory-thread.ts), so a test drives the worker side directly.
import { AffinityError } from '@sigslot/core';
import { setThreadResolver, ThreadData } from '@sigslot/core/kernel';
import { QObject, QThread, Signal } from '@sigslot/thread';

/** Runs its event loop (the default run()) and declares a few signals a test emits from the worker side. */
export class Emitter extends QThread {
  static override readonly module = __filename;
  readonly value = new Signal<[n: number]>(this);
  readonly pair = new Signal<[a: number, b: string]>(this);
  readonly ping = new Signal<[]>(this);
}

/** A worker object whose methods a test calls from the main side. */
export class Counter extends QObject {
  static readonly module = __filename;
  readonly changed = new Signal<[count: number]>(this);
  count = 0;
  add(n: number): number {
    this.count += n;
    this.changed.emit(this.count);
    return this.count;
  }
  fail(message: string): never {
    throw new Error(message);
  }
}

/** Run in a real worker: tries to make its code pass for the main thread's, and reports what happened. */
export class PretendingThread extends QThread {
  static override readonly module = __filename;
  readonly outcome = new Signal<[refused: boolean, message: string]>(this);
  override run(): void {
    const main = ThreadData.local(0, 'main', true);
    try {
      setThreadResolver(() => main);
      this.outcome.emit(false, QThread.currentThread().isMainThread() ? 'passed for main' : 'not main');
    } catch (error) {
      this.outcome.emit(error instanceof AffinityError, (error as Error).message);
    }
  }
}

/** Says it is defined in a module that does not exist: its worker fails before the protocol starts. */
export class Unloadable extends QThread {
  static override readonly module = `${__dirname}/no-such-module.js`;
  static override readonly exportName = 'Unloadable';
}
