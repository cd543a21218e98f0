// The Python original:
//
//   class Receiver(QtCore.QObject):
//       def onTick(self):
//           print("Tick received")
//
// Here the slot also does what only the main thread may do in Designer: it edits a graph. With
// @sigslot/sd-shim every Designer call checks its thread, so this example proves the edit was legal.
import { currentThread, QObject } from '@sigslot/core';
import { ColorRGBA, float2, getContext, SDSBSCompGraph, SDValueColorRGBA, type SDGraph } from '@sigslot/sd-shim';
import { QThread } from '@sigslot/thread';

/** Lives on the main thread; its slot runs there, whatever thread emitted the signal. */
export class Receiver extends QObject {
  received = 0;
  /** The graph the slot edits: one Uniform Color node per tick. */
  readonly graph: SDGraph;

  constructor(
    private readonly log: (line: string) => void = console.log,
    /** Milliseconds of simulated work in the slot (a graph compute), to show a blocking emitter waiting. */
    private readonly workMs = 0,
  ) {
    super();
    this.objectName = 'receiver';
    const pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
    this.graph = SDSBSCompGraph.sNew(pkg);
    this.graph.setIdentifier('ticks');
  }

  onTick(): void {
    this.received++;
    const node = this.graph.newNode('sbs::compositing::uniform');
    node.setPosition(new float2(this.received * 150, 0));
    node.setInputPropertyValueFromId('outputcolor', SDValueColorRGBA.sNew(new ColorRGBA(this.received / 7, 0.5, 1, 1)));
    const emitter = this.sender()?.describe() ?? 'unknown';
    this.log(
      `Tick received (${this.received}) on thread ${currentThread().describe()}, emitted by ${emitter}; ` +
        `graph "${this.graph.getIdentifier()}" now has ${count(this.graph.getNodes().getSize(), 'node')}`,
    );
    if (this.workMs) QThread.msleep(this.workMs);
  }
}

/** `1 node`, `2 nodes`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
