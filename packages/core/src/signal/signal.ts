import { ConnectionType, deliveryOf } from '../connection-type';
import { CancelledError, ConnectionTypeError, InvalidArgumentError } from '../errors';
import type { QObject } from '../object/qobject';
import { describeObject as QObjectDescribe } from '../object/describe';
import { currentThreadData } from '../thread/current-thread';
import type { ThreadData } from '../thread/thread-data';
import { activateList } from './activate';
import { Connection, Word, wordOf, type Slot } from './connection';
import {
  appendEntry,
  boxAll,
  handleAt,
  hasReceiver,
  indexOfId,
  receiverAt,
  slotAt,
  STRIDE,
  wordAt,
  type ConnectionList,
} from './connection-list';
import { compileDirectEmit, type CompiledEmit } from './direct-emit';

/**
 * Emits of one unchanged connection list before its direct emit is compiled. Compiling costs about as much as
 * ten thousand emits save (`new Function`, then V8 compiling it: 0.1–0.4 ms on a 2-core VM), so only a signal
 * that is emitted often gets it; a list made for one emit, as `once()` makes, never does.
 */
const COMPILE_AFTER = 1024;
/** Each time a compiled emit is retired, the signal waits this many times longer before compiling again: a
 * signal whose connections keep changing soon stops paying for compilations it cannot use. */
const COMPILE_BACKOFF = 4;
const COMPILE_AFTER_MAX = 2 ** 24;

/** The names of `R`'s methods that can take a signal's arguments `Args` (and return its `Result`, if it has one). */
export type SlotName<R, Args extends unknown[], Result = unknown> = {
  [K in keyof R]: R[K] extends (...args: Args) => Result | void ? K : never;
}[keyof R] &
  string;

/** Options of {@link Signal.once}. */
export interface OnceOptions {
  /** Abandons the wait: the promise rejects with the signal's reason and the connection is removed. */
  readonly signal?: AbortSignal;
}

/** Options of a {@link Signal}. */
export interface SignalOptions<Args extends unknown[]> {
  /** The signal's name for messages and across threads; found from the owner's properties if omitted. */
  readonly name?: string;
  /**
   * When an emission crosses to another thread, returns the arguments' objects to transfer instead of copy
   * (ArrayBuffers, MessagePorts…): `transfer: (frame) => [frame.buffer]`. The emitter loses access to them.
   */
  readonly transfer?: (...args: Args) => TransferList;
}

/**
 * Objects to move rather than copy when a message crosses threads (ArrayBuffers, MessagePorts, ImageBitmaps…).
 * Typed as `object` so that the types need neither the DOM's nor Node's declarations.
 */
export type TransferList = readonly object[];

const EMPTY: readonly never[] = Object.freeze([]);

/** True when two slots of `receiver` are one method, named or given as the function (Qt compares the method). */
function sameSlot<Args extends unknown[]>(a: Slot<Args>, b: Slot<Args>, receiver: QObject | null): boolean {
  if (a === b) return true;
  if (receiver === null || typeof a === typeof b) return false;
  const method = (s: Slot<Args>): unknown =>
    typeof s === 'string' ? (receiver as unknown as Record<string, unknown>)[s] : s;
  return method(a) === method(b);
}

/**
 * A typed signal: `new Signal<[x: number, label: string]>(this)` declares one on a {@link QObject};
 * `emit(1, 'a')` calls every connected slot, each according to its connection type.
 *
 * A signal may declare a result, as a Qt signal with a return type does: `new Signal<[path: string], number>(this)`.
 * Its slots must then return that type, and `emit` returns what the last slot that ran during the emit (directly,
 * or blocking from another thread) returned, or undefined when none did (no slot, or only queued ones). Without
 * a declared result, slots may return anything and `emit`'s result is `unknown`.
 *
 * A signal without an owner works as a plain typed event: its slots run where it is emitted.
 */
export class Signal<Args extends unknown[] = [], Result = unknown> {
  /**
   * @internal The live connections in connection order, flat (connection-list.ts); replaced on every change, so
   * an emit in progress is unaffected.
   */
  entries: ConnectionList = EMPTY;
  /** The id of the next connection (see {@link Word}). */
  private nextId = 1;
  /** True once the ids have started again at 1: a new one must then skip those still connected. */
  private idsWrapped = false;
  /** Emits since the connections last changed, counted until the list is compiled. */
  private unchangedEmits = 0;
  /** Emits of an unchanged list before compiling: COMPILE_AFTER, longer after each retired compile. */
  private compileAfter = COMPILE_AFTER;
  /** @internal Set by a thread transport on signals that are emitted in another isolate. */
  emittedIn: ThreadData | null = null;
  private explicitName: string | undefined;

  /** Picks the objects to transfer (not copy) when an emission crosses threads; see {@link SignalOptions.transfer}. */
  readonly transfer: ((...args: Args) => TransferList) | undefined;

  /**
   * @param owner The object that emits it (the sender): its `blockSignals()`, thread and name apply.
   * @param options The signal's name (for messages and across threads; found from the owner's properties if
   *   omitted), or {@link SignalOptions}.
   */
  constructor(
    readonly owner: QObject | null = null,
    options?: string | SignalOptions<Args>,
  ) {
    const { name, transfer } = typeof options === 'string' ? { name: options, transfer: undefined } : (options ?? {});
    this.explicitName = name;
    this.transfer = transfer;
    owner?.registerSignal(this as unknown as Signal<unknown[]>);
  }

  /** The signal's name: the one given, or the owner's property that holds it, or `"signal"`. */
  get name(): string {
    // Found lazily: while the owner's constructor runs, the property does not hold the signal yet.
    if (this.explicitName === undefined) this.explicitName = this.owner?.propertyNameOf(this);
    return this.explicitName ?? 'signal';
  }

  /** `Class.name` for messages, with the owner's objectName when it has one: `Timer("t").tick`. */
  describe(): string {
    // The owner's class and name (a thread object describes itself as a thread; its signals are named by class).
    return this.owner ? `${QObjectDescribe.call(this.owner)}.${this.name}` : this.name;
  }

  /** This signal's general `emit`; bound, as a compiled one is, so that `signal.emit` can be passed on. */
  private readonly general = (...args: Args): Result | undefined => this.emitGeneral(args);

  /**
   * Calls the connected slots with `args`. Direct slots have run when it returns; queued slots run later on
   * their receiver's thread; blocking ones have run on theirs. Does nothing while the owner's signals are blocked.
   * Returns the last direct or blocking slot's result (see the class's comment), typed `Result`.
   */
  emit: (...args: Args) => Result | undefined = this.general;

  /** @internal The emit that decides per connection (activate); a compiled emit falls back to it. */
  emitGeneral(args: Args): Result | undefined {
    if (++this.unchangedEmits === this.compileAfter) this.compile(args.length);
    return this.deliver(args, currentThreadData());
  }

  /** The compiled emit installed as `emit`, if any (see direct-emit.ts). */
  private compiled: CompiledEmit | null = null;

  private compile(arity: number): void {
    const compiled = compileDirectEmit(this, this.entries, arity, currentThreadData());
    if (compiled === null) return;
    this.compiled = compiled;
    this.emit = compiled.emit as unknown as (...args: Args) => Result | undefined;
  }

  /**
   * @internal Goes back to the general emit, because what the compiled one assumed has changed: the list, or the
   * thread of a receiver (QObject.moveToThread). It compiles again later, after more emits each time.
   */
  retireCompiledEmit(): void {
    if (this.compiled !== null) {
      this.compiled.retire();
      this.compiled = null;
      this.emit = this.general;
      this.compileAfter = Math.min(this.compileAfter * COMPILE_BACKOFF, COMPILE_AFTER_MAX);
    }
    this.unchangedEmits = 0;
  }

  /** Replaces the connection list (never mutated in place, so an emit in progress keeps its snapshot). */
  private setEntries(entries: ConnectionList): void {
    this.entries = entries;
    this.retireCompiledEmit();
  }

  /**
   * @internal The connections as objects, in connection order: one object per connection, kept by the signal
   * from then on (connection-list.ts's boxEntry), so that a thread transport recognizes them later. A new array at
   * each call, which later changes do not affect.
   */
  get connections(): readonly Connection<Args>[] {
    return boxAll(this);
  }

  /** @internal Where `connection`'s entry is in the current list, or -1 when it is not connected. */
  indexOfConnection(connection: Connection<Args>): number {
    const list = this.entries;
    const at = connection.id === 0 ? -1 : indexOfId(list, connection.id);
    // The same receiver and slot too: ids start again after 2^21 connections, and a handle kept from before must
    // not match another connection. (One of the same slot and receiver that got its id back still would.)
    if (at < 0 || list[at] === connection) return at;
    return receiverAt(list, at) === connection.receiver && slotAt(list, at) === connection.slot ? at : -1;
  }

  /** A new connection id: increasing, or after 2^21 of them from 1 again, skipping those still connected. */
  private takeId(): number {
    let id = this.nextId;
    for (;;) {
      if (id > Word.MaxId) {
        id = 1;
        this.idsWrapped = true;
      }
      if (!this.idsWrapped || indexOfId(this.entries, id) < 0) break;
      id++;
    }
    this.nextId = id + 1;
    return id;
  }

  /**
   * @internal Delivers an emission made on thread `from`: this one (`emit`), or another (a thread transport). The
   * owner's `blockSignals()` is checked here, where the owner lives: its copy in an emitting isolate cannot see it.
   */
  deliver(args: Args, from: ThreadData): Result | undefined {
    const entries = this.entries;
    if (entries.length === 0) return undefined;
    const owner = this.owner;
    if (owner !== null && owner.signalsBlocked() && owner.destroyed !== (this as unknown)) return undefined;
    return activateList(this, entries, args, from) as Result | undefined;
  }

  /** Connects a function: it runs in the sender's thread (directly when emitted there). */
  connect(slot: (...args: Args) => Result | void, type?: ConnectionType): Connection<Args>;
  /** Connects another signal: emitting this one emits that one with the same arguments. */
  connect(signal: Signal<Args>, type?: ConnectionType): Connection<Args>;
  /** Connects a receiver's slot; it runs in the receiver's thread, and the connection ends when the receiver is destroyed. */
  connect<R extends QObject>(
    receiver: R,
    slot: ((this: R, ...args: Args) => Result | void) | SlotName<R, Args, Result>,
    type?: ConnectionType,
  ): Connection<Args>;
  connect(
    a: QObject | Signal<Args> | ((...args: Args) => Result | void),
    b?: ConnectionType | Slot<Args>,
    c?: ConnectionType,
  ): Connection<Args> {
    if (a instanceof Signal) return this.makeConnection(a.owner, a.forwarder(), (b as ConnectionType | undefined) ?? 0);
    if (typeof a === 'function') return this.makeConnection(null, a, (b as ConnectionType | undefined) ?? 0);
    if (a === null || typeof a !== 'object' || typeof (a as QObject).threadData !== 'function') {
      throw new InvalidArgumentError(
        `${this.describe()}.connect(): expected a function, a signal, or a receiver QObject and its slot; got ${String(a)}.`,
      );
    }
    return this.makeConnection(a as QObject, b as Slot<Args>, c ?? 0);
  }

  private forwarderFn: ((...args: Args) => void) | undefined;
  /** @internal This signal's `emit`, as one stable function (so that Unique and disconnect can find it). */
  forwarder(): (...args: Args) => void {
    return (this.forwarderFn ??= Object.defineProperty((...args: Args) => this.emit(...args), 'name', {
      value: this.name,
    }));
  }

  private makeConnection(receiver: QObject | null, slot: Slot<Args>, type: ConnectionType): Connection<Args> {
    const where = `${this.describe()}.connect()`;
    const delivery = deliveryOf(type, where);
    if (this.owner?.isDestroyed())
      throw new InvalidArgumentError(
        `${where}: ${this.owner.describe()} is destroyed; its signals take no new connections.`,
      );
    if (typeof slot !== 'function' && typeof slot !== 'string') {
      throw new InvalidArgumentError(`${where}: the slot must be a function or a method name; got ${String(slot)}.`);
    }
    if (receiver !== null) receiver.checkCanReceive(slot as Slot<unknown[]>, where);
    const contextThread = (receiver ?? this.owner)?.threadData() ?? null;
    // Direct is impossible across isolates; between two objects of one other isolate it runs there (mirrored).
    if (delivery === ConnectionType.DirectConnection && contextThread !== this.emittedIn) {
      const elsewhere = contextThread?.transport ? contextThread : this.emittedIn;
      if (elsewhere) {
        throw new ConnectionTypeError(
          `${where}: a DirectConnection runs the slot in the emitting thread, but ${
            contextThread?.transport ? 'the receiver lives' : 'this signal is emitted'
          } in ${elsewhere.describe()}, another isolate with no shared heap. Use AutoConnection or QueuedConnection ` +
            `(or BlockingQueuedConnection to wait for the slot).`,
        );
      }
    }
    if (type & ConnectionType.UniqueConnection) {
      const list = this.entries;
      for (let i = 0; i < list.length; i += STRIDE) {
        if (receiverAt(list, i) === receiver && sameSlot(slotAt(list, i), slot, receiver)) {
          return new Connection(this, receiver, slot, type, delivery, false);
        }
      }
    }
    this.append(slot, receiver, wordOf(type, this.takeId()));
    // The handle is not kept: the list holds the slot, the receiver and the word (connection-list.ts).
    return handleAt(this, this.entries, this.entries.length - STRIDE);
  }

  /** @internal Appends a connection object made elsewhere (a thread transport's forwarder, for example). */
  attach<C extends Connection<Args>>(connection: C): C {
    // The list holds the object itself (boxed): its maker may recognize it when it is routed.
    const word = wordOf(connection.type, this.takeId()) | Word.Boxed;
    connection.bindWord(word);
    this.append(connection, connection.receiver, word);
    return connection;
  }

  private append(first: unknown, receiver: QObject | null, word: number): void {
    // The receiver remembers the signals connected to it (once each), so that destroying it disconnects them.
    if (receiver !== null && !hasReceiver(this.entries, receiver)) {
      receiver.addInbound(this as unknown as Signal<unknown[]>);
    }
    this.setEntries(appendEntry(this.entries, first, receiver, word));
    this.watcher?.(this);
  }

  /** @internal Called after the connections change; a thread transport uses it to mirror blocking connections. */
  watcher: ((signal: Signal<Args>) => void) | null = null;

  /** Removes every connection. Returns true if there was any. */
  disconnect(): boolean;
  /** Removes one connection by its handle. */
  disconnect(connection: Connection<Args>): boolean;
  /** Removes the connections of a bare function or of a signal connected to this one. */
  disconnect(slot: ((...args: Args) => unknown) | Signal<Args>): boolean;
  /** Removes every connection to `receiver`, or only those to its `slot`. */
  disconnect(receiver: QObject, slot?: Slot<Args>): boolean;
  disconnect(
    target?: Connection<Args> | QObject | Signal<Args> | ((...args: Args) => unknown),
    slot?: Slot<Args>,
  ): boolean {
    const list = this.entries;
    let remove: (slot: Slot<Args>, receiver: QObject | null, i: number) => boolean;
    if (target === undefined) remove = () => true;
    else if (target instanceof Connection) {
      const at = this.indexOfConnection(target);
      target.markDisconnected();
      remove = (_slot, _receiver, i) => i === at;
    } else if (target instanceof Signal) remove = (s, r) => s === target.forwarderFn && r === target.owner;
    else if (typeof target === 'function') remove = (s, r) => r === null && s === target;
    else remove = (s, r) => r === target && (slot === undefined || sameSlot(s, slot, target));
    const kept: unknown[] = [];
    const removed: number[] = [];
    for (let i = 0; i < list.length; i += STRIDE) {
      if (remove(slotAt(list, i), receiverAt(list, i), i)) removed.push(i);
      else kept.push(list[i], list[i + 1], list[i + 2]);
    }
    if (removed.length === 0) return false;
    let checked: QObject | null = null; // disconnect(receiver) removes runs of one receiver: check it once
    for (const i of removed) {
      // The list's own object of a connection is marked; a handle finds out from the list.
      if (wordAt(list, i) & Word.Boxed) (list[i] as Connection<Args>).markDisconnected();
      const receiver = receiverAt(list, i);
      if (receiver === null || receiver === checked) continue;
      checked = receiver;
      if (!hasReceiver(kept, receiver)) receiver.removeInbound(this as unknown as Signal<unknown[]>);
    }
    this.setEntries(kept.length ? kept.slice() : EMPTY); // slice: an array of the exact length
    this.watcher?.(this);
    return true;
  }

  /** How many connections are live. */
  get connectionCount(): number {
    return this.entries.length / STRIDE;
  }

  /**
   * Resolves with the arguments of the next emission. Rejects with the abort reason if `options.signal`
   * aborts, and with a {@link CancelledError} if the owner is destroyed first.
   */
  once(options: OnceOptions = {}): Promise<Args> {
    return new Promise<Args>((resolve, reject) => {
      const abort = options.signal;
      if (abort?.aborted) return reject(abort.reason);
      if (this.owner?.isDestroyed()) {
        return reject(
          new CancelledError(`${this.describe()}.once(): the owner is destroyed, so the signal will not be emitted.`),
        );
      }
      const cleanup = (): void => {
        connection.disconnect();
        ownerGone?.disconnect();
        abort?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        cleanup();
        reject(abort!.reason);
      };
      const connection = this.connect((...args: Args) => {
        cleanup();
        resolve(args);
      });
      const ownerGone =
        this.owner && (this.owner.destroyed as unknown) !== this
          ? this.owner.destroyed.connect(() => {
              cleanup();
              reject(
                new CancelledError(`${this.describe()}.once(): the owner was destroyed before the signal was emitted.`),
              );
            })
          : undefined;
      abort?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Iterates over emissions: `for await (const [x] of signal)`. Emissions are buffered until read; the
   * iteration ends when the loop exits (the connection is removed) or when the owner is destroyed.
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<Args> {
    const buffered: Args[] = [];
    const waiting: Array<(result: IteratorResult<Args>) => void> = [];
    // A destroyed owner's signal never emits again (and takes no connection): the iteration is over at once.
    const gone = this.owner?.isDestroyed() ?? false;
    let done = gone;
    const finish = (): void => {
      if (done) return;
      done = true;
      connection?.disconnect();
      ownerGone?.disconnect();
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    };
    const connection = gone
      ? null
      : this.connect((...args: Args) => {
          const resolve = waiting.shift();
          if (resolve) resolve({ value: args, done: false });
          else buffered.push(args);
        });
    const ownerGone =
      !gone && this.owner && (this.owner.destroyed as unknown) !== this
        ? this.owner.destroyed.connect(finish)
        : undefined;
    const iterator: AsyncIterableIterator<Args> = {
      next: () => {
        if (buffered.length) return Promise.resolve({ value: buffered.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: () => {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
