// The live demo's page module (bundled by esbuild as demo-page.js and loaded by the TimerDemo component):
// the Designer example's main(), in a browser. The Timer runs in a module Web Worker; the Receiver lives here.
import { ConnectionType, setErrorHandler } from '@sigslot/core';
import { Receiver, type TickRecord } from './receiver';
import { Timer } from './timer-thread';

export type { TickRecord };

/** What the component passes in. */
export interface DemoOptions {
  readonly blocking: boolean;
  readonly workMs: number;
}

/** What the demo tells the component. */
export interface DemoView {
  started(thread: string): void;
  tick(tick: TickRecord): void;
  emitReturned(count: number, waitedMs: number): void;
  error(message: string): void;
  finished(): void;
}

/** True when the page may use SharedArrayBuffer: served with COOP same-origin and COEP require-corp. */
export const isolated = (): boolean => globalThis.crossOriginIsolated === true;

// #region main
/** Starts one run; the returned function asks the thread to stop early (requestInterruption). */
export function startDemo(options: DemoOptions, view: DemoView): { stop(): void; done: Promise<boolean> } {
  setErrorHandler((error, context) => view.error(`${context.where}: ${String(error)}`));

  const timer = new Timer();
  timer.objectName = 'Timer';
  const receiver = new Receiver((tick) => view.tick(tick), options.workMs);

  const type = options.blocking ? ConnectionType.BlockingQueuedConnection : ConnectionType.QueuedConnection;
  timer.tick.connect(receiver, receiver.onTick, type);
  timer.emitted.connect(receiver, (count: number, waitedMs: number) => view.emitReturned(count, waitedMs));
  timer.started.connect(receiver, () => view.started(timer.describe()));
  timer.errorOccurred.connect(receiver, (error) => view.error(error.message));
  timer.finished.connect(receiver, () => view.finished());

  timer.start();
  return { stop: () => timer.requestInterruption(), done: timer.wait() };
}
// #endregion main
