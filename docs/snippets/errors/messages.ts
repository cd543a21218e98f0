// Triggers each error and prints `Name: message`. docs/test/snippets.test.ts runs it and checks that the
// messages quoted on the Errors page are the ones the code produces.
import { ConnectionType, invokeMethod, QObject, QTimer, setErrorHandler, Signal, waitFor } from '@sigslot/core';
import { QThread } from '@sigslot/thread';
import { Faulty, Parser } from './faulty';

const print = (error: unknown): void => console.log(`${(error as Error).name}: ${(error as Error).message}`);
const attempt = (action: () => unknown): void => {
  try {
    action();
  } catch (error) {
    print(error);
  }
};

class Receiver extends QObject {
  onValue(_value: number): void {}
}
const receiver = new Receiver().setObjectName('receiver');
const valueChanged = new Signal<[value: number]>(receiver, 'valueChanged');

async function main(): Promise<void> {
  setErrorHandler((error) => print(error)); // slot errors, protocol errors (default: console.error)

  // DeadlockError: a blocking connection to the emitting thread.
  valueChanged.connect(receiver, receiver.onValue, ConnectionType.BlockingQueuedConnection);
  attempt(() => valueChanged.emit(1));
  valueChanged.disconnect();
  // DeadlockError: a blocking invokeMethod to an object of this thread.
  attempt(() => invokeMethod(receiver, 'onValue', ConnectionType.BlockingQueuedConnection, 1));

  // ConnectionTypeError: not one of Qt's values.
  attempt(() => valueChanged.connect(receiver, receiver.onValue, 4));

  // InvalidArgumentError: no such method, a destroyed object.
  attempt(() => valueChanged.connect(receiver, 'onValeu' as 'onValue'));
  const gone = new QTimer().setObjectName('gone');
  gone.destroy();
  attempt(() => gone.start(10));

  // AffinityError: parent and child in different threads; moving into another isolate.
  const thread = new QThread().setObjectName('Loader');
  attempt(() => new QObject().moveToThread(thread));

  // CancelledError: the owner was destroyed before the signal was emitted.
  const owner = new Receiver();
  const next = new Signal<[]>(owner, 'ready').once();
  owner.destroy();
  await next.catch(print);

  // WaitTimeoutError: a waitFor condition that never held.
  await waitFor(() => receiver.objectName === 'renamed', 50).catch(print);

  // Errors from a worker object: RemoteError (a method threw), CloneError (an argument cannot cross).
  const parser = thread.create(Parser);
  thread.start();
  await parser.parse('forty-two').catch(print);
  await parser.emitCallback().catch(print);
  attempt(() => invokeMethod(parser, 'parse', ConnectionType.DirectConnection, '1'));
  thread.quit();
  await thread.wait();
  // ThreadTerminatedError: the thread has finished, nothing will answer.
  await parser.parse('1').catch(print);

  // ThreadCrashedError: an exception escaped run(); errorOccurred, then finished.
  const faulty = new Faulty().setObjectName('Faulty');
  faulty.errorOccurred.connect(print);
  faulty.start();
  await faulty.wait();
}

void main();
