import { ConnectionType, invokeMethod, QObject, QThread, Signal } from '@sigslot/thread';
import { Worker } from './worker';

const attempt = (what: string, action: () => unknown): void => {
  try {
    action();
    console.log(`${what}: ok`);
  } catch (error) {
    console.log(`${what}: ${(error as Error).name}`);
  }
};

class Controller extends QObject {
  readonly operate = new Signal<[parameter: string]>(this);
}
const controller = new Controller();
const thread = new QThread();
const worker = thread.create(Worker);

// A function of this thread cannot run in the worker: name the worker object's method instead.
attempt('a function as its slot', () => controller.operate.connect(worker, (parameter) => parameter));
// A direct call would have to run in this thread: refused, for connections and for invokeMethod.
attempt('DirectConnection', () => controller.operate.connect(worker, 'doWork', ConnectionType.DirectConnection));
attempt('invokeMethod Direct', () => invokeMethod(worker, 'add', ConnectionType.DirectConnection, 1, 2));
// Nothing runs a blocking call before the thread starts.
attempt('blocking before start()', () => invokeMethod(worker, 'add', ConnectionType.BlockingQueuedConnection, 1, 2));
// Constructor arguments are copied to the worker: they must be plain data.
attempt('a QObject as an argument', () => thread.create(Worker, new QObject() as unknown as string));
// An object made here cannot move into the worker: create it there.
attempt('moveToThread(thread)', () => new Worker().moveToThread(thread));

/** What the compiler refuses on the handle (never called: these lines only have to fail to compile). */
export function refusedByTheCompiler(): void {
  // @ts-expect-error the handle has the object's signals and methods, not its fields
  console.log(worker.jobs);
  // @ts-expect-error a method that the class does not have
  void worker.doWrok('x');
  // @ts-expect-error the arguments are checked
  void worker.add(1, '2');
}
