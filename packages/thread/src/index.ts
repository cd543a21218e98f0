/**
 * `@sigslot/thread`: Qt's QThread on real workers (Node worker_threads, browser Web Workers), signals that
 * cross threads by connection type, the worker-object pattern and invokeMethod across threads.
 * @packageDocumentation
 */
export { QThread, Priority } from './qthread';
export type { RunResult } from './qthread';
export type { Remote } from './main/remote-object';
export type { WorkerClass } from './class-location';
export { serveThreadClasses } from './endpoint/served-classes';
export type { WebWorker } from './endpoint/web-endpoint';
export {
  ThreadCrashedError,
  ThreadTerminatedError,
  ProtocolError,
  CloneError,
  RemoteError,
  ThreadModuleWarning,
} from './errors';
// The core's names, so that a thread module needs one import.
export { Signal, QObject, ConnectionType, invokeMethod, currentThread } from '@sigslot/core';
