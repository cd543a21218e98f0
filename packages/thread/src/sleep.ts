import { DeadlockError } from '@sigslot/core';
import { currentThreadData } from '@sigslot/core/kernel';
import { sleepOn } from './wire/blocking';
import { ControlWords } from './wire/protocol';
import { workerSideOrNull } from './worker/runtime';

let ownControl: Int32Array | undefined;

/** Blocks the calling thread for `ms` ms; in a worker, sends its pending emits first so that they are not held back. */
export function sleepFor(ms: number): void {
  const here = currentThreadData();
  if (!here.canBlock) {
    throw new DeadlockError(
      `QThread.msleep() was called on thread ${here.describe()}, which cannot block (a browser's main thread may not wait). Use await with a timer instead.`,
    );
  }
  const side = workerSideOrNull();
  if (side) return side.sleep(ms);
  sleepOn((ownControl ??= new Int32Array(new SharedArrayBuffer(ControlWords.Size * 4))), ms);
}
