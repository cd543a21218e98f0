// The Python original:
//
//   timer = Timer()
//   receiver = Receiver()
//   timer.tick.connect(receiver.onTick, QtCore.Qt.QueuedConnection)
//   # "You can also use QtCore.Qt.BlockingQueuedConnection if you need to block while the slot is called."
//   timer.start()
import { ConnectionType } from '@sigslot/core';
import { Receiver } from './receiver';
import { Timer } from './timer';

/** Options of {@link runExample}. */
export interface ExampleOptions {
  /** Connect with BlockingQueuedConnection: the worker waits for each slot. */
  readonly blocking?: boolean;
  /** Milliseconds between ticks (500 in Designer's example). */
  readonly intervalMs?: number;
  /** With `blocking`: how long the slot works (ms), to make the worker's wait visible. Default 100. */
  readonly slotWorkMs?: number;
  /** Where lines go (console.log by default). */
  readonly log?: (line: string) => void;
}

/** Runs the example and resolves with the receiver once the thread has finished. */
export async function runExample(options: ExampleOptions = {}): Promise<Receiver> {
  const log = options.log ?? console.log;
  const timer = new Timer();
  timer.objectName = 'Timer';
  timer.intervalMs = options.intervalMs ?? 500;
  const receiver = new Receiver(log, options.blocking ? (options.slotWorkMs ?? 100) : 0);

  const type = options.blocking ? ConnectionType.BlockingQueuedConnection : ConnectionType.QueuedConnection;
  timer.tick.connect(receiver, receiver.onTick, type);
  if (options.blocking) {
    timer.emitted.connect(receiver, (tick: number, waitedMs: number) =>
      log(`  the worker's emit of tick ${tick} returned after ${waitedMs.toFixed(0)} ms: it waited for the slot`),
    );
  }
  timer.errorOccurred.connect((error) => log(`Thread failed: ${error.message}`));
  timer.finished.connect(() => log(`Thread ${timer.describe()} finished; ${receiver.received} ticks received.`));

  log(`Starting ${timer.describe()} with ${options.blocking ? 'BlockingQueuedConnection' : 'QueuedConnection'}`);
  timer.start();
  await timer.wait();
  return receiver;
}

if (require.main === module) {
  runExample({ blocking: process.argv.includes('--blocking') }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
