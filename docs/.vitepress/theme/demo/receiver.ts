// The live demo's receiver: lives on the page's main thread, where its slot edits a (mock) Designer graph,
// which only the main thread may do. Every @sigslot/sd-shim call checks its thread.
import { currentThread, QObject } from '@sigslot/core';
import { ColorRGBA, float2, getContext, SDSBSCompGraph, SDValueColorRGBA, type SDGraph } from '@sigslot/sd-shim';
import { now } from './timer-thread';

/** What the page shows for one tick. */
export interface TickRecord {
  readonly count: number;
  /** Who emitted the tick (the thread object), and where the slot ran. */
  readonly emitter: string;
  readonly ranOn: string;
  /** When the worker emitted it, when the slot started and ended (ms since the epoch). */
  readonly emittedAt: number;
  readonly startedAt: number;
  readonly endedAt: number;
  /** The node the slot added, and how many nodes the graph has now. */
  readonly color: string;
  readonly nodes: number;
}

// #region receiver
export class Receiver extends QObject {
  readonly graph: SDGraph;

  constructor(
    private readonly show: (tick: TickRecord) => void,
    /** How long the slot keeps the main thread busy (a page cannot sleep, so it works), in ms. */
    private readonly workMs: number,
  ) {
    super();
    this.objectName = 'receiver';
    const pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
    this.graph = SDSBSCompGraph.sNew(pkg);
    this.graph.setIdentifier('ticks');
  }

  /** The slot: Python's `def onTick(self): print("Tick received")`, plus a graph edit. */
  onTick(count: number, emittedAt: number): void {
    const startedAt = now();
    const color = new ColorRGBA(0.25 + count / 10, 0.45, 1 - count / 10, 1);
    const node = this.graph.newNode('sbs::compositing::uniform');
    node.setPosition(new float2(count * 150, 0));
    node.setInputPropertyValueFromId('outputcolor', SDValueColorRGBA.sNew(color));
    while (now() - startedAt < this.workMs); // the slot's work, on the main thread
    this.show({
      count,
      emitter: this.sender()?.describe() ?? 'unknown',
      ranOn: currentThread().describe(),
      emittedAt,
      startedAt,
      endedAt: now(),
      color: `rgb(${[color.r, color.g, color.b].map((c) => Math.round(c * 255)).join(' ')})`,
      nodes: this.graph.getNodes().getSize(),
    });
  }
}
// #endregion receiver
