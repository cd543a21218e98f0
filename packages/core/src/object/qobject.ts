import { AffinityError, InvalidArgumentError } from '../errors';
import { senderOf, senderSignalOf } from '../signal/sender';
import type { Slot } from '../signal/connection';
import { Signal } from '../signal/signal';
import { describeObject } from './describe';
import { currentThreadData } from '../thread/current-thread';
import type { Task } from '../thread/event-loop';
import type { Thread } from '../thread/thread';
import type { ThreadData } from '../thread/thread-data';

/**
 * The base of objects that have signals, slots and a thread (Qt's QObject): an `objectName`, a parent that
 * owns its children, the thread it lives in ({@link QObject.thread}), and a lifetime that ends with
 * {@link QObject.destroy} or {@link QObject.deleteLater}, after which its connections are gone.
 *
 * Declare signals as fields: `readonly valueChanged = new Signal<[value: number]>(this);`.
 */
export class QObject {
  /**
   * The class's name in messages ({@link QObject.describe}), written out so that a minifier cannot rename it.
   * A subclass may declare its own (`static override readonly className = 'Timer'`); one that does not is named
   * by its own `name`.
   */
  static readonly className: string = 'QObject';

  /** Emitted just before the object is destroyed, with the object; never blocked by {@link QObject.blockSignals}. */
  readonly destroyed: Signal<[object: QObject]>;
  /** Emitted when {@link QObject.objectName} changes, with the new name. */
  readonly objectNameChanged: Signal<[objectName: string]>;

  // Named so that a subclass is unlikely to want the same names for its own fields (TypeScript refuses a field
  // that shares a private's name, and at run time it would overwrite it). Not #private: a worker-object handle of
  // @sigslot/thread is a Proxy, and a Proxy has no #private fields of its target.
  private objectNameValue = '';
  private parentObject: QObject | null = null;
  private readonly childList: QObject[] = [];
  private threadAffinity: ThreadData | null;
  private signalsAreBlocked = false;
  private lifeState: 'alive' | 'destroying' | 'destroyed' = 'alive';
  private deletePosted = false;
  private readonly ownSignals: Signal<unknown[]>[] = [];
  /** The signals with a connection to this object, once each (see addInbound). */
  private inboundSignals: Signal<unknown[]>[] | null = null;
  private heldTasks: Task[] | null = null;

  /**
   * Creates the object in the current thread.
   * @param parent Owns the new object: destroying the parent destroys it. Must live in the same thread.
   */
  constructor(parent: QObject | null = null) {
    this.threadAffinity = currentThreadData();
    this.destroyed = new Signal(this, 'destroyed');
    this.objectNameChanged = new Signal(this, 'objectNameChanged');
    if (parent !== null) this.setParent(parent);
  }

  /** The object's name, used in messages and by {@link QObject.findChild}. Empty by default. */
  get objectName(): string {
    return this.objectNameValue;
  }
  set objectName(name: string) {
    if (name === this.objectNameValue) return;
    this.objectNameValue = name;
    this.objectNameChanged.emit(name);
  }

  /** Sets {@link QObject.objectName} and returns the object, for chaining after `new`. */
  setObjectName(name: string): this {
    this.objectName = name;
    return this;
  }

  /** The class and name for messages: `Receiver "receiver"`, or `Receiver` when it has no name. */
  describe(): string {
    return describeObject.call(this);
  }

  /** The parent object, or null. */
  parent(): QObject | null {
    return this.parentObject;
  }

  /** The children, in the order they were added. */
  children(): readonly QObject[] {
    return this.childList;
  }

  /**
   * The descendant whose objectName is `name`, or null. As in Qt, the most direct one wins: children first, then
   * grandchildren, and so on (breadth first), each level in child order.
   */
  findChild(name: string): QObject | null {
    let level: readonly QObject[] = this.childList;
    while (level.length > 0) {
      const next: QObject[] = [];
      for (const child of level) {
        if (child.objectNameValue === name) return child;
        next.push(...child.childList);
      }
      level = next;
    }
    return null;
  }

  /**
   * Makes `parent` own this object (null: no owner). Parent and child must live in the same thread
   * (Qt: "Cannot set parent, new parent is in a different thread").
   */
  setParent(parent: QObject | null): void {
    this.assertAlive('setParent');
    if (parent === this.parentObject) return;
    if (parent !== null) {
      parent.assertAlive('setParent');
      if (parent.threadAffinity !== this.threadAffinity) {
        throw new AffinityError(
          `${this.describe()}.setParent(${parent.describe()}): cannot set parent, new parent is in a different thread ` +
            `(${describeThread(parent.threadAffinity)}, child in ${describeThread(this.threadAffinity)}). Parent and child must live in one thread.`,
        );
      }
      for (let p: QObject | null = parent; p !== null; p = p.parentObject) {
        if (p === this)
          throw new InvalidArgumentError(
            `${this.describe()}.setParent(${parent.describe()}): that would make the object its own ancestor.`,
          );
      }
    }
    if (this.parentObject) {
      const siblings = this.parentObject.childList;
      siblings.splice(siblings.indexOf(this), 1);
    }
    this.parentObject = parent;
    parent?.childList.push(this);
  }

  /** The thread the object lives in: its queued slots and deferred deletion run there. Null after `moveToThread(null)`. */
  thread(): Thread | null {
    return this.threadAffinity?.thread ?? null;
  }

  /** @internal The data of the object's thread (Qt's QThreadData), or null. */
  threadData(): ThreadData | null {
    return this.threadAffinity;
  }

  /**
   * Changes the thread the object and its children live in (Qt's rules: only from the object's own thread,
   * push not pull, and not for an object with a parent). Null takes it out of every thread: queued calls
   * wait for it until it is moved back.
   *
   * JavaScript has no shared heap, so an object created here cannot be moved into another isolate (a
   * worker): create it inside that thread instead (the worker-object pattern, `thread.create(...)`).
   */
  moveToThread(target: Thread | null): void {
    this.assertAlive('moveToThread');
    const here = currentThreadData();
    const destination = target === null ? null : target.threadData_();
    if (destination === this.threadAffinity) return;
    const call = `${this.describe()}.moveToThread(${target === null ? 'null' : destination!.describe()})`;
    if (this.parentObject !== null) {
      throw new AffinityError(
        `${call}: cannot move objects with a parent. Call setParent(null) first, or move the parent.`,
      );
    }
    if (this.threadAffinity !== null && this.threadAffinity !== here) {
      throw new AffinityError(
        `${call}: the current thread (${here.describe()}) is not the object's thread (${this.threadAffinity.describe()}). ` +
          `An object can only be pushed to a thread from its own thread, not pulled.`,
      );
    }
    if (destination !== null && destination !== here) {
      throw new AffinityError(
        `${call}: ${destination.describe()} runs in another isolate, and JavaScript has no shared heap, so an object ` +
          `created here cannot live there. Create the object inside that thread (thread.create(...), the worker-object pattern).`,
      );
    }
    this.setAffinity(destination);
  }

  private setAffinity(destination: ThreadData | null): void {
    this.setThreadData(destination);
    if (destination?.loop && this.heldTasks) {
      for (const task of this.heldTasks) destination.loop.post(task);
      this.heldTasks = null;
    }
    for (const child of this.childList) child.setAffinity(destination);
  }

  /** Blocks (true) or unblocks (false) this object's signals; returns the previous state. Blocked emits are dropped. */
  blockSignals(block: boolean): boolean {
    const previous = this.signalsAreBlocked;
    this.signalsAreBlocked = block;
    // A thread transport records the blocked state with the connections (Qt reads both in the emitting thread).
    if (previous !== block) for (const signal of this.ownSignals) signal.watcher?.(signal);
    return previous;
  }

  /** True while signals are blocked. */
  signalsBlocked(): boolean {
    return this.signalsAreBlocked;
  }

  /**
   * Inside a slot called by a signal, the object that emitted it (for queued calls too, on this thread);
   * null anywhere else. Like Qt's, it breaks encapsulation: prefer passing what the slot needs.
   */
  sender(): QObject | null {
    return senderOf(this);
  }

  /** Inside a slot called by a signal, that signal; null anywhere else (Qt's `senderSignalIndex()`). */
  senderSignal(): Signal<never> | null {
    return senderSignalOf(this);
  }

  /** True once the object is destroyed (or being destroyed). */
  isDestroyed(): boolean {
    return this.lifeState !== 'alive';
  }

  /**
   * Destroys the object now (Qt's `delete`): emits {@link QObject.destroyed}, destroys the children, removes
   * every connection from and to it, and drops its pending queued calls. Call it on the object's own thread;
   * from elsewhere use {@link QObject.deleteLater}. Calling it again does nothing.
   */
  destroy(): void {
    if (this.lifeState !== 'alive') return;
    const here = currentThreadData();
    if (this.threadAffinity !== null && this.threadAffinity !== here) {
      throw new AffinityError(
        `${this.describe()}.destroy() was called from thread ${here.describe()}, but the object lives in ` +
          `${this.threadAffinity.describe()}. Use deleteLater(), which runs in the object's thread.`,
      );
    }
    // Before anything changes, so that a refusal leaves the whole tree as it was.
    this.checkDestroyable(`${this.describe()}.destroy()`);
    this.destroyed.emit(this);
    this.lifeState = 'destroying';
    for (const child of [...this.childList]) child.destroy();
    for (const signal of this.ownSignals) signal.disconnect();
    if (this.inboundSignals) for (const signal of [...this.inboundSignals]) signal.disconnect(this);
    this.inboundSignals = null;
    // Dropped like the posted calls of a destroyed object, and cancelled so that no caller waits forever.
    const held = this.heldTasks;
    this.heldTasks = null;
    if (held) for (const task of held) task.cancel?.();
    if (this.parentObject) {
      const siblings = this.parentObject.childList;
      siblings.splice(siblings.indexOf(this), 1);
      this.parentObject = null;
    }
    this.lifeState = 'destroyed';
  }

  /**
   * For subclasses: throws if this object or one of its children may not be destroyed now (`destroy()` asks before
   * anything changes). `@sigslot/thread` refuses a QThread that is still running (Qt aborts there). An override
   * calls `super.checkDestroyable(where)`; `where` names the call, for the error's message.
   */
  protected checkDestroyable(where: string): void {
    for (const child of this.childList) child.checkDestroyable(where);
  }

  /**
   * Destroys the object when control returns to its thread's event loop (Qt's `deleteLater`). Safe to call
   * several times and from a slot of the object itself.
   */
  deleteLater(): void {
    if (this.lifeState !== 'alive' || this.deletePosted) return;
    this.deletePosted = true;
    const task: Task = { receiver: null, deferredDelete: true, run: () => this.destroy() };
    const loop = this.threadAffinity?.loop;
    if (loop) loop.post(task);
    else this.holdTask(task);
  }

  /**
   * @internal Points the object at a thread without Qt's checks: for handles to objects that live in another
   * isolate, which the thread package creates.
   */
  bindToThread(data: ThreadData | null): void {
    this.setThreadData(data);
  }

  /** Changes the affinity; a compiled emit that calls this object directly no longer applies (direct-emit.ts). */
  private setThreadData(data: ThreadData | null): void {
    this.threadAffinity = data;
    if (this.inboundSignals) for (const signal of this.inboundSignals) signal.retireCompiledEmit();
  }

  /** @internal Registers a signal the object owns, so that destroying the object disconnects it. */
  registerSignal(signal: Signal<unknown[]>): void {
    this.ownSignals.push(signal);
    this.signalDeclared(signal);
  }

  /**
   * For subclasses: called once for each signal this object owns, as its constructor runs (`new Signal(this)`),
   * in declaration order. `@sigslot/thread`'s QThread learns there which signals its worker emits.
   */
  protected signalDeclared(_signal: Signal<unknown[]>): void {}

  /** The signals this object owns, in declaration order. */
  signals(): readonly Signal<unknown[]>[] {
    return this.ownSignals;
  }

  /** @internal The name of the property holding `value`, for naming signals. */
  propertyNameOf(value: unknown): string | undefined {
    for (const key of Object.keys(this)) if ((this as Record<string, unknown>)[key] === value) return key;
    return undefined;
  }

  /** @internal Checks that a slot can be connected to this object (see {@link QObject.checkReceivable}). */
  checkCanReceive(slot: Slot<unknown[]>, where: string): void {
    this.checkReceivable(slot, where);
  }

  /**
   * For subclasses: throws if `slot` (a function, or a method name) cannot be connected to this object; `where`
   * names the `connect` call, for the error's message. `@sigslot/thread`'s handles to objects of another isolate
   * replace it: they take method names only.
   */
  protected checkReceivable(slot: Slot<unknown[]>, where: string): void {
    if (this.isDestroyed()) throw new InvalidArgumentError(`${where}: ${this.describe()} is destroyed.`);
    if (typeof slot === 'string' && typeof (this as Record<string, unknown>)[slot] !== 'function') {
      throw new InvalidArgumentError(`${where}: ${this.describe()} has no method "${slot}" to use as a slot.`);
    }
    if (typeof slot === 'function' && this.threadAffinity?.transport) {
      throw new InvalidArgumentError(
        `${where}: ${this.describe()} lives in ${this.threadAffinity.describe()}, another isolate, where a function from this ` +
          `thread cannot run. Name the receiver's method instead: connect(receiver, "methodName").`,
      );
    }
  }

  /**
   * @internal Remembers a signal that has a connection to this object (the signal calls it once, for its first),
   * so that destroying the object disconnects it. One entry per signal, not per connection: no allocation per
   * connection (bench group 5a).
   */
  addInbound(signal: Signal<unknown[]>): void {
    const signals = this.inboundSignals;
    // Small lists grow by copying, so that they hold no spare room: most objects receive from a few signals.
    if (signals === null) this.inboundSignals = [signal];
    else if (signals.length < 16) this.inboundSignals = signals.concat(signal);
    else signals.push(signal);
  }

  /** @internal Forgets a signal whose last connection to this object is gone. */
  removeInbound(signal: Signal<unknown[]>): void {
    const signals = this.inboundSignals;
    const at = signals === null ? -1 : signals.lastIndexOf(signal);
    if (at < 0) return;
    signals![at] = signals![signals!.length - 1]!;
    signals!.pop();
  }

  /** @internal Keeps a queued call for an object whose thread cannot take it yet; it is posted when the object gets one. */
  holdTask(task: Task): void {
    (this.heldTasks ??= []).push(task);
  }

  /** @internal Posts the held calls to `loop` (used when a thread's transport becomes ready). */
  releaseHeld(post: (task: Task) => void): void {
    const held = this.heldTasks;
    this.heldTasks = null;
    if (held) for (const task of held) post(task);
  }

  /** @internal Throws the error for a call on a destroyed object. */
  assertAlive(method: string): void {
    if (this.lifeState === 'destroyed') {
      throw new InvalidArgumentError(`${this.describe()}.${method}() was called on a destroyed object.`);
    }
  }
}

function describeThread(data: ThreadData | null): string {
  return data ? data.describe() : 'no thread';
}
