/**
 * `@sigslot/thread/channel`: the thread package's machinery below QThread, for packages that run their own kind of
 * worker on it (`@sigslot/concurrent`'s pool). Not for applications: QThread and worker objects are the API.
 *
 * - the platform seam: starting a worker (Node worker_threads or a module Web Worker), its endpoint, liveness;
 * - TypeScript thread modules on Node (tsx), found the way QThread finds them;
 * - the argument policy: what may cross to another thread, checked at the call with a message naming the path;
 * - shared-memory waits: blocking until another thread answers, released when it ends;
 * - the wire protocol between a thread and its worker (its messages, and their validation: a worker's messages are
 *   untrusted input), and the program's wait-for graph (deadlock detection).
 * @packageDocumentation
 */
export type {
  Endpoint,
  WorkerEndpoint,
  SpawnOptions,
  SpareWorker,
  SpareWorkerEvents,
  NodeBootstrap,
} from './endpoint/endpoint';
export { nodeEndpoint, spawnNodeWorker } from './endpoint/node-endpoint';
export { webEndpoint, spawnWebWorker } from './endpoint/web-endpoint';
export { nodeBuiltin, nodeProcess, inWebWorker, sharedBuffer, idealThreadCount } from './endpoint/platform';
export { isTypeScript, resolveTsx } from './endpoint/tsx';
export { assertCloneable, assertCloneableValue, snapshotArgs } from './wire/clone-check';
export { waitForAnswer, answer } from './wire/blocking';
export { toWireError } from './wire/protocol';
export { validateFromWorker, validateAssignment } from './wire/validate';
export { MAX_BATCH_EMITS } from './wire/codec';
export type {
  ToWorker,
  FromWorker,
  WireCall,
  WireError,
  ThreadInit,
  ThreadAssignment,
  ClassLocation,
} from './wire/protocol';
export { WaitGraph } from './wire/wait-graph';
