import { assertMainThread, mainThreadOnly } from '@sigslot/core';

/** A host API that only the main thread may call (a DOM wrapper, a WebGL context, an editor's API). */
export class Canvas {
  draw(shape: string): void {
    console.log(`drawing a ${shape}`);
  }
}
// From now on every method of Canvas checks the calling thread first.
mainThreadOnly(Canvas, { api: 'the canvas' });

/** A function can check it too. */
export function resize(width: number): void {
  assertMainThread('canvas', 'resize', { api: 'the canvas' });
  console.log(`resized to ${width}`);
}
