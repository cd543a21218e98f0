// The mistake Designer's docs warn about: calling the API from the thread instead of sending a signal.
// In Designer this is undefined behaviour (often a crash, sometimes silent corruption); with sd-shim it fails
// at the call, naming the class, the method, the thread, and the fix.
import { getContext, SDSBSCompGraph } from '@sigslot/sd-shim';
import { QThread, Signal } from '@sigslot/thread';

export class BadTimer extends QThread {
  static override readonly module = __filename;
  readonly tick = new Signal<[]>(this);

  override run(): void {
    for (let i = 0; i < 3; i++) {
      // Wrong: this runs in the worker. The Designer API is main-thread-only.
      const pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
      SDSBSCompGraph.sNew(pkg).newNode('sbs::compositing::uniform');
      this.tick.emit();
      QThread.msleep(10);
    }
  }
}
