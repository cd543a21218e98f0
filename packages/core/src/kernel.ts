/**
 * `@sigslot/core/kernel`: what sigslot's own packages build on, below the user API (Qt's private `_p.h` headers,
 * which other Qt modules include on purpose). Not for applications: its names may change in any release.
 *
 * - each thread's data (Qt's QThreadData: id, name, its event loop or the transport that reaches it), and which
 *   thread is running the caller;
 * - the event loop that delivers a thread's posted calls, and the transport interface to a thread in another isolate;
 * - the one routing decision of the library (`activate`, Qt's `QMetaObject::activate`) and calling a slot.
 *
 * It re-exports the public API too, as a private header includes the public one: this entry and `@sigslot/core`
 * are one module instance in every format (one ThreadData per thread).
 * @packageDocumentation
 */
export * from './index';
export { ThreadData } from './thread/thread-data';
export type { ThreadTransport } from './thread/thread-data';
export { currentThreadData, setThreadResolver, unknownThreadReason } from './thread/current-thread';
export { EventLoop } from './thread/event-loop';
export type { Task } from './thread/event-loop';
export { activate, invokeSlot } from './signal/activate';
export { activateRun } from './signal/activate-run';
export {
  signalConnections,
  deliverEmission,
  attachConnection,
  watchSignalRouting,
  setEmittingThread,
  connectionDelivery,
} from './kernel/signal-access';
export { objectThreadData, bindObjectToThread, threadDataOf, recordAffinityViolation } from './kernel/object-access';
export { classNameOf } from './class-name';
