import { ConnectionType, connectionTypeName, deliveryOf } from '../connection-type';
import { CancelledError, ConnectionTypeError, DeadlockError, InvalidArgumentError } from '../errors';
import { currentThreadData } from '../thread/current-thread';
import type { QObject } from './qobject';

/** The names of `T`'s methods. */
export type MethodName<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T] &
  string;
/** The parameters of `T`'s method `K`. */
export type MethodArgs<T, K extends keyof T> = T[K] extends (...args: infer A) => unknown ? A : never;
/** What `T`'s method `K` returns. */
export type MethodResult<T, K extends keyof T> = T[K] extends (...args: never[]) => infer R ? R : never;

/**
 * Calls `target[method](...args)` according to a connection type (Qt's `QMetaObject::invokeMethod`).
 *
 * - Direct: now, on this thread; returns the result.
 * - Queued: in the target's thread, after what is already queued there; returns a Promise of the result
 *   (beyond Qt, which cannot return one). It rejects with the method's error, or with a
 *   {@link CancelledError} if the target is destroyed first.
 * - BlockingQueued: in the target's thread, waiting for it; returns the result. Throws {@link DeadlockError}
 *   for a target on this thread (Qt returns false there), or on a thread that cannot block.
 * - Auto (default): Direct for a target on this thread, Queued otherwise.
 */
export function invokeMethod<T extends QObject, K extends MethodName<T>>(
  target: T,
  method: K,
  type: typeof ConnectionType.QueuedConnection,
  ...args: MethodArgs<T, K>
): Promise<Awaited<MethodResult<T, K>>>;
export function invokeMethod<T extends QObject, K extends MethodName<T>>(
  target: T,
  method: K,
  type: typeof ConnectionType.DirectConnection,
  ...args: MethodArgs<T, K>
): MethodResult<T, K>;
// Blocking waits until the method has finished in its thread, an async one included: the value, never a Promise
// (a worker-object handle's methods return Promises, which this unwraps).
export function invokeMethod<T extends QObject, K extends MethodName<T>>(
  target: T,
  method: K,
  type: typeof ConnectionType.BlockingQueuedConnection,
  ...args: MethodArgs<T, K>
): Awaited<MethodResult<T, K>>;
export function invokeMethod<T extends QObject, K extends MethodName<T>>(
  target: T,
  method: K,
  type?: typeof ConnectionType.AutoConnection,
  ...args: MethodArgs<T, K>
): MethodResult<T, K> | Promise<Awaited<MethodResult<T, K>>>;
export function invokeMethod(target: QObject, method: string, type: number = 0, ...args: unknown[]): unknown {
  const where = `invokeMethod(${target?.describe?.() ?? String(target)}, "${method}", ${connectionTypeName(type)})`;
  if (target === null || typeof target !== 'object' || typeof target.threadData !== 'function') {
    throw new InvalidArgumentError(`${where}: the target must be a QObject.`);
  }
  const delivery = deliveryOf(type, where);
  if (type & (ConnectionType.UniqueConnection | ConnectionType.SingleShotConnection)) {
    throw new ConnectionTypeError(
      `${where}: UniqueConnection and SingleShotConnection apply to connections, not to invokeMethod.`,
    );
  }
  target.checkCanReceive(method, where);
  const here = currentThreadData();
  const thread = target.threadData();
  const remote = thread !== null && thread !== here;
  // Qt: Auto is direct only for a target in the calling thread; a target with no thread gets a queued call that waits.
  const effective =
    delivery === ConnectionType.AutoConnection
      ? thread === here
        ? ConnectionType.DirectConnection
        : ConnectionType.QueuedConnection
      : delivery;

  if (effective === ConnectionType.DirectConnection) {
    if (remote) {
      throw new ConnectionTypeError(
        `${where}: the target lives in ${thread.describe()}, another isolate; a direct call cannot reach it. Use QueuedConnection (a Promise) or BlockingQueuedConnection.`,
      );
    }
    return callMethod(target, method, args);
  }
  if (effective === ConnectionType.BlockingQueuedConnection) {
    if (!remote) {
      throw new DeadlockError(
        `${where}: dead lock detected in BlockingQueuedConnection: receiver is ${target.describe()}, on the calling thread ` +
          `${here.describe()}. Call it directly (DirectConnection) or queue it (QueuedConnection).`,
      );
    }
    if (!here.canBlock) {
      throw new DeadlockError(
        `${where}: thread ${here.describe()} cannot block (a browser's main thread may not wait). Use QueuedConnection and await its Promise.`,
      );
    }
    if (!thread.transport)
      throw new InvalidArgumentError(`${where}: ${thread.describe()} cannot be reached from here.`);
    return thread.transport.blockInvoke(target, method, args);
  }
  if (remote) {
    if (!thread.transport)
      throw new InvalidArgumentError(`${where}: ${thread.describe()} cannot be reached from here.`);
    return thread.transport.queueInvoke(target, method, args);
  }
  return new Promise((resolve, reject) => {
    const task = queuedInvoke(target, method, args, resolve, reject, where);
    if (thread === null) target.holdTask(task);
    else thread.loop!.post(task);
  });
}

function callMethod(target: QObject, method: string, args: readonly unknown[]): unknown {
  return (target as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);
}

function queuedInvoke(
  target: QObject,
  method: string,
  args: readonly unknown[],
  resolve: (value: unknown) => void,
  reject: (error: unknown) => void,
  where: string,
) {
  return {
    receiver: target,
    run: () => {
      try {
        resolve(callMethod(target, method, args));
      } catch (error) {
        reject(error);
      }
    },
    cancel: () => reject(new CancelledError(`${where}: ${target.describe()} was destroyed before the call ran.`)),
  };
}
