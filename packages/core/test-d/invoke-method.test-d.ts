// Type tests for invokeMethod: the method must exist and the arguments must fit; the result is typed by the
// connection type (a value for Direct and Blocking, a Promise for Queued).
import { ConnectionType, QObject, invokeMethod } from '@sigslot/core';

class Worker extends QObject {
  compute(a: number, b: number): number {
    return a + b;
  }
  async fetch(url: string): Promise<string> {
    return url;
  }
  label = 'worker';
}

const worker = new Worker();

const direct: number = invokeMethod(worker, 'compute', ConnectionType.DirectConnection, 1, 2);
const blocking: number = invokeMethod(worker, 'compute', ConnectionType.BlockingQueuedConnection, 1, 2);
const queued: Promise<number> = invokeMethod(worker, 'compute', ConnectionType.QueuedConnection, 1, 2);
const fetched: Promise<string> = invokeMethod(worker, 'fetch', ConnectionType.QueuedConnection, 'x');
const auto: number | Promise<number> = invokeMethod(worker, 'compute', ConnectionType.AutoConnection, 1, 2);
const autoDefault = invokeMethod(worker, 'compute', undefined, 1, 2);

// @ts-expect-error an argument of the wrong type
invokeMethod(worker, 'compute', ConnectionType.DirectConnection, 1, '2');
// @ts-expect-error a missing argument
invokeMethod(worker, 'compute', ConnectionType.QueuedConnection, 1);
// @ts-expect-error an extra argument
invokeMethod(worker, 'fetch', ConnectionType.QueuedConnection, 'x', 1);
// @ts-expect-error a method that does not exist
invokeMethod(worker, 'destroyEverything', ConnectionType.DirectConnection);
// @ts-expect-error a property that is not a method
invokeMethod(worker, 'label', ConnectionType.DirectConnection);
// @ts-expect-error a queued call returns a Promise, not the value
const notAValue: number = invokeMethod(worker, 'compute', ConnectionType.QueuedConnection, 1, 2);
// @ts-expect-error not a connection type
invokeMethod(worker, 'compute', 7, 1, 2);

void [direct, blocking, queued, fetched, auto, autoDefault, notAValue];
