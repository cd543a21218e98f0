/**
 * `@sigslot/core`: Qt's signals, slots, connection types, QObject and thread affinity for TypeScript.
 * @packageDocumentation
 */
export { ConnectionType, connectionTypeName } from './connection-type';
export type { DeliveryType } from './connection-type';
export { SigslotError, AffinityError, DeadlockError, ConnectionTypeError, InvalidArgumentError, CancelledError } from './errors';
export { setErrorHandler } from './report-error';
export type { ErrorHandler, ErrorContext } from './report-error';

export { Signal } from './signal/signal';
export type { SlotName, OnceOptions } from './signal/signal';
export { Connection } from './signal/connection';
export type { Slot } from './signal/connection';

export { QObject } from './object/qobject';
export { QSignalBlocker } from './object/signal-blocker';
export { invokeMethod } from './object/invoke-method';
export type { MethodName, MethodArgs, MethodResult } from './object/invoke-method';

export { Thread, currentThread } from './thread/thread';
export { ThreadData } from './thread/thread-data';
export type { ThreadTransport } from './thread/thread-data';
export { currentThreadData } from './thread/current-thread';
export { EventLoop } from './thread/event-loop';
export type { Task } from './thread/event-loop';

export { affinity, assertMainThread, mainThreadOnly } from './affinity/affinity-guard';
export type { AffinityPolicy, AffinityViolation, GuardOptions } from './affinity/affinity-guard';
