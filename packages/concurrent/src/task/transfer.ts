import type { TransferList } from '@sigslot/core';
import { marks } from './transfer-marks';

/**
 * Marks `value` (a task's argument, its return value, or a result given to `QPromise.addResult`) to be moved to the
 * other thread instead of copied: the objects in `list` (ArrayBuffers, MessagePorts, ImageBitmaps…; by default the
 * value itself) are transferred, and the sender loses them at once — `run(pool, tasks.sum, transfer(buffer))`
 * leaves `buffer` detached (byteLength 0), without copying its bytes. Returns `value`, so that types are unchanged.
 */
export function transfer<T extends object>(value: T, list: TransferList = [value]): T {
  marks().set(value, list);
  return value;
}
