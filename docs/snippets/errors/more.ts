// Triggers the errors that messages.ts does not, and prints `Name: message`.
import { QObject, SigslotError, setErrorHandler, Signal } from '@sigslot/core';
import { APIException, getContext, SDApiError, SDSBSCompGraph } from '@sigslot/sd-shim';
import { CloneError, QThread, ThreadCrashedError } from '@sigslot/thread';
import { Indexer, Quitter, Rogue, Sloppy } from './threads';

const print = (error: unknown): void => console.log(`${(error as Error).name}: ${(error as Error).message}`);
const attempt = (action: () => unknown): void => {
  try {
    action();
  } catch (error) {
    print(error);
  }
};

class Editor extends QObject {
  readonly submit = new Signal<[document: { title: string }]>(this);
}

async function main(): Promise<void> {
  setErrorHandler((error) => print(error)); // protocol errors are reported here (default: console.error)

  // CloneError: an argument that cannot be copied to another thread, refused at the emit.
  const thread = new QThread().setObjectName('Loader');
  const indexer = thread.create(Indexer);
  const editor = new Editor().setObjectName('editor');
  editor.submit.connect(indexer, 'index');
  const document = { title: 'Rust', render: () => '<h1>Rust</h1>' }; // a method: it cannot cross
  attempt(() => editor.submit.emit(document));

  // APIException: Designer's own errors, with Designer's code.
  const packages = getContext().getSDApplication().getPackageMgr();
  const pkg = packages.newUserPackage();
  attempt(() => packages.savePackage(pkg));
  const graph = SDSBSCompGraph.sNew(pkg);
  const node = graph.newNode('sbs::compositing::uniform');
  graph.deleteNode(node);
  try {
    node.getIdentifier();
  } catch (error) {
    print(error);
    console.log((error as APIException).mErrorCode === SDApiError.ItemNotFound, error instanceof SigslotError);
  }

  // AffinityError in a worker: it ends run(), and the thread reports a ThreadCrashedError that keeps its class.
  const sloppy = new Sloppy().setObjectName('Sloppy');
  sloppy.errorOccurred.connect((error: ThreadCrashedError) => {
    print(error);
    console.log(`remoteName: ${error.remoteName}`);
  });
  sloppy.start();
  await sloppy.wait();

  // ThreadCrashedError: the worker exited before run() returned.
  const quitter = new Quitter().setObjectName('Quitter');
  quitter.errorOccurred.connect(print);
  quitter.start();
  await quitter.wait();

  // ProtocolError: a message from a worker that breaks the protocol is reported and ignored.
  const rogue = new Rogue().setObjectName('Rogue');
  rogue.start();
  await rogue.wait();

  console.log(new CloneError('x') instanceof SigslotError); // one base class for all of them
}

void main();
