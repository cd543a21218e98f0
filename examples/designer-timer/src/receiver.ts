// The Python original:
//
//   class Receiver(QtCore.QObject):
//       def onTick(self):
//           print("Tick received")
//
// Here the slot also does what only the main thread may do in Designer: it edits a graph.
import { currentThread, QObject } from '@sigslot/core';
import { QThread } from '@sigslot/thread';

/** Lives on the main thread; its slot runs there, whatever thread emitted the signal. */
export class Receiver extends QObject {
  received = 0;

  constructor(
    private readonly log: (line: string) => void = console.log,
    /** Milliseconds of simulated work in the slot (a graph compute), to show a blocking emitter waiting. */
    private readonly workMs = 0,
  ) {
    super();
    this.objectName = 'receiver';
  }

  onTick(): void {
    this.received++;
    const emitter = this.sender()?.describe() ?? 'unknown';
    this.log(`Tick received (${this.received}) on thread ${currentThread().describe()}, emitted by ${emitter}`);
    if (this.workMs) QThread.msleep(this.workMs);
  }
}
