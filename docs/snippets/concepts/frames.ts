import { QThread, Signal } from '@sigslot/thread';

export class Renderer extends QThread {
  static override readonly module = __filename;
  /** Each frame's pixels are moved to the receiving thread, not copied: the emitter loses them. */
  readonly frame = new Signal<[pixels: ArrayBuffer, index: number]>(this, { transfer: (pixels) => [pixels] });
  /** Copied at start(): the worker's instance gets this value, as it is when start() is called. */
  width = 640;

  override run(): void {
    for (let index = 0; index < 3; index++) {
      const pixels = new ArrayBuffer(this.width * 4);
      this.frame.emit(pixels, index);
      // pixels.byteLength is 0 here: the buffer now belongs to the main thread.
    }
  }
}
