// The threads the tests on this page run. Each class declares its module, so that a real worker can load it.
import { getContext, SDSBSCompGraph } from '@sigslot/sd-shim';
import { QObject, QThread, Signal } from '@sigslot/thread';

/** The mistake Designer's "Using threads" page warns about: it calls the API from run() instead of emitting. */
export class BadTimer extends QThread {
  static override readonly module = __filename;
  readonly tick = new Signal<[]>(this);

  override run(): void {
    for (let i = 0; i < 3; i++) {
      const pkg = getContext().getSDApplication().getPackageMgr().newUserPackage(); // wrong: this is the worker
      SDSBSCompGraph.sNew(pkg).newNode('sbs::compositing::uniform');
      this.tick.emit();
    }
  }
}

/** A worker object (thread.create(Inspector)) whose method touches the Designer API: wrong too. */
export class Inspector extends QObject {
  static readonly module = __filename;
  packageCount(): number {
    return getContext().getSDApplication().getPackageMgr().getUserPackages().getSize();
  }
}

/** Emits `count` numbered values, for SignalSpy. */
export class Counter extends QThread {
  static override readonly module = __filename;
  readonly value = new Signal<[n: number]>(this);
  count = 3;

  override run(): void {
    for (let n = 1; n <= this.count; n++) this.value.emit(n);
  }
}
