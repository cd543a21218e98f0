/**
 * `@sigslot/core`: Qt's signals, slots, connection types, QObject and thread affinity for TypeScript.
 *
 * The user API only. The kernel below it (each thread's data and event loop, the transport to another isolate,
 * the routing of one emission) is `@sigslot/core/kernel`, for the packages built on core.
 * @packageDocumentation
 */
export { ConnectionType, connectionTypeName } from './connection-type';
export type { DeliveryType } from './connection-type';
export {
  SigslotError,
  AffinityError,
  DeadlockError,
  ConnectionTypeError,
  InvalidArgumentError,
  CancelledError,
} from './errors';
export { setErrorHandler, reportError } from './report-error';
export type { ErrorHandler, ErrorContext } from './report-error';

export { Signal } from './signal/signal';
export type { SlotName, OnceOptions, SignalOptions, TransferList } from './signal/signal';
export { Connection } from './signal/connection';
export type { Slot } from './signal/connection';

export { QObject } from './object/qobject';
export { QSignalBlocker } from './object/signal-blocker';
export { invokeMethod } from './object/invoke-method';
export type { MethodName, MethodArgs, MethodResult } from './object/invoke-method';

export { Thread, currentThread } from './thread/thread';

export { affinity, assertMainThread, mainThreadOnly } from './affinity/affinity-guard';
export type { AffinityPolicy, AffinityViolation, GuardOptions } from './affinity/affinity-guard';

export { QTimer } from './timer/qtimer';
export { SingleShotTimer } from './timer/single-shot';

export { SignalSpy } from './testing/signal-spy';
export { waitFor, WaitTimeoutError } from './testing/wait-for';
export type { WaitForOptions } from './testing/wait-for';

export { EventSignal } from './adapters/event-signal';
export type { EventSignalOptions } from './adapters/event-signal';
export { fromEventEmitter } from './adapters/from-event-emitter';
export { toEventEmitter } from './adapters/to-event-emitter';
export { fromEventTarget } from './adapters/from-event-target';
export type { EventTargetSignalOptions } from './adapters/from-event-target';
export { toEventTarget } from './adapters/to-event-target';
export type { TypedEventTarget, EventMapOf, EventTypeOf } from './adapters/typed-event-target';
export type { TypedEventEmitter, EmitterEventMap } from './adapters/typed-event-emitter';
