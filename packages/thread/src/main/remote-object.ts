import {
  InvalidArgumentError,
  QObject,
  Signal,
  type MethodArgs,
  type MethodName,
  type MethodResult,
  type Slot,
} from '@sigslot/core';
import { bindObjectToThread, classNameOf, objectThreadData } from '@sigslot/core/kernel';
import type { WorkerClass } from '../class-location';
import type { ThreadController } from './thread-controller';

/** The signals of `T`, as properties. */
type SignalsOf<T> = { readonly [K in keyof T as T[K] extends Signal<infer _A> ? K : never]: T[K] };
/** The methods of `T` (other than QObject's own), each returning a Promise of its result. */
type MethodsOf<T> = {
  readonly [K in MethodName<T> as K extends keyof QObject ? never : K]: (
    ...args: MethodArgs<T, K>
  ) => Promise<Awaited<MethodResult<T, K>>>;
};

/**
 * The main thread's handle to an object of class `T` that lives in a worker (the worker-object pattern):
 * connect to its signals as to any signal, connect signals to its methods by name, and call its methods
 * (queued: each returns a Promise of the result). `invokeMethod` works on it too. `deleteLater()` destroys
 * the object in its thread.
 */
export type Remote<T extends QObject> = QObject & SignalsOf<T> & MethodsOf<T> & { readonly objectId: number };

/**
 * The object behind {@link Remote}: a QObject bound to the worker's thread, behind a Proxy. Not exported from the
 * package: a user holds it as a `Remote<T>`.
 */
export class RemoteObjectHandle extends QObject {
  constructor(
    readonly objectId: number,
    private readonly cls: WorkerClass & { prototype: object },
    private readonly controller: ThreadController,
  ) {
    super();
  }

  override describe(): string {
    return `${classNameOf(this.cls)}${this.objectName ? ` "${this.objectName}"` : ''} (in ${objectThreadData(this)?.describe() ?? 'no thread'})`;
  }

  /**
   * True when `name` is a method of the class (the worker runs it), or `deleteLater`, the one QObject slot a
   * connection names on a handle (Qt's `finished -> deleteLater`): the worker deletes the object there.
   */
  hasMethod(name: string): boolean {
    if (name === 'deleteLater') return true;
    return typeof (this.cls.prototype as Record<string, unknown>)[name] === 'function' && !(name in QObject.prototype);
  }

  protected override checkReceivable(slot: Slot<unknown[]>, where: string): void {
    if (this.isDestroyed()) throw new InvalidArgumentError(`${where}: ${this.describe()} is destroyed.`);
    if (typeof slot === 'function') {
      throw new InvalidArgumentError(
        `${where}: ${this.describe()} lives in another isolate, where a function from this thread cannot run. ` +
          `Name its method instead: connect(handle, "methodName").`,
      );
    }
    if (!this.hasMethod(slot)) throw new InvalidArgumentError(`${where}: ${this.cls.name} has no method "${slot}".`);
  }

  override deleteLater(): void {
    if (this.isDestroyed()) return;
    this.controller.send({ kind: 'delete', objectId: this.objectId });
    const data = objectThreadData(this);
    bindObjectToThread(this, null); // the handle itself dies here, now
    this.destroy();
    bindObjectToThread(this, data);
  }

  /** The handle's signal `name`, created on first use; the worker confirms its signals when the object exists. */
  remoteSignal(name: string): Signal<unknown[]> {
    const signal = new Signal<unknown[]>(this, name);
    Object.defineProperty(this, name, { value: signal, enumerable: true });
    this.controller.registerRemoteSignal(this.objectId, signal);
    return signal;
  }

  /** A function that calls the worker object's method `name` (queued) and resolves with its result. */
  remoteMethod(name: string): (...args: unknown[]) => Promise<unknown> {
    const method = (...args: unknown[]): Promise<unknown> =>
      this.isDestroyed()
        ? Promise.reject(new InvalidArgumentError(`${this.describe()}.${name}() was called on a deleted object.`))
        : this.controller.queueInvoke(this, name, args);
    Object.defineProperty(this, name, { value: method });
    return method;
  }
}

/** Wraps a handle so that unknown property names become its remote signals and methods. */
export function remoteProxy<T extends QObject>(handle: RemoteObjectHandle): Remote<T> {
  return new Proxy(handle, {
    get(target, property, receiver) {
      if (typeof property !== 'string' || property in target || property === 'then')
        return Reflect.get(target, property, receiver);
      return target.hasMethod(property) ? target.remoteMethod(property) : target.remoteSignal(property);
    },
  }) as unknown as Remote<T>;
}
