import { ConnectionType, invokeMethod, QObject, QThread, Signal } from '@sigslot/thread';
import { Worker } from './worker';

// #region pattern
class Controller extends QObject {
  readonly operate = new Signal<[parameter: string]>(this);
  readonly workerThread = new QThread(); // run() is exec(): an event loop in the worker

  constructor() {
    super();
    this.workerThread.objectName = 'WorkerThread';
    const worker = this.workerThread.create(Worker, 'result'); // a Remote<Worker> handle, at once
    this.operate.connect(worker, 'doWork'); // a slot in another thread is named, not passed
    worker.resultReady.connect(this, this.handleResults); // its signals come back to this thread
    this.workerThread.start();
  }

  handleResults(result: string): void {
    console.log(`handleResults: ${result}`);
  }
}

const controller = new Controller();
controller.operate.emit('job 1');
// #endregion pattern

// #region calls
async function main(): Promise<void> {
  const thread = controller.workerThread;
  const worker = thread.create(Worker, 'sum');
  worker.progress.connect((percent) => console.log(`progress ${percent}%`));

  const result: string = await worker.doWork('job 2'); // each method of the handle returns a Promise
  console.log(`doWork returned: ${result}`);

  const queued: Promise<number> = invokeMethod(worker, 'add', ConnectionType.QueuedConnection, 1, 2);
  const blocking = invokeMethod(worker, 'add', ConnectionType.BlockingQueuedConnection, 3, 4);
  console.log(`queued ${await queued}, blocking ${blocking}`);

  await worker.parse('forty-two').catch((error: Error) => console.log(`${error.name}: ${error.message}`));

  thread.quit();
  await thread.wait(); // the thread's objects end with it
  console.log(`finished: ${thread.isFinished()}`);
}

void main();
// #endregion calls
