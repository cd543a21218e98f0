import type { Connection } from '../signal/connection';
import type { QObject } from '../object/qobject';
import type { Thread } from './thread';
import { EventLoop } from './event-loop';

/**
 * Carries calls to a thread that runs in another isolate (a worker, or the main thread seen from a worker).
 * There is no shared heap, so a call crosses as a message; the thread package implements this interface for
 * each endpoint, and later transports (a process, a socket) can too.
 */
export interface ThreadTransport {
  /**
   * Queues a slot call to a receiver living in that thread, and returns at once with undefined. A transport may
   * make the call a blocking one when the receiving side asks for it (a worker does while the main thread holds a
   * BlockingQueuedConnection on the signal); it then returns what the slots returned, as `blockSlot` does.
   */
  queueSlot(connection: Connection, args: readonly unknown[]): unknown;
  /**
   * {@link queueSlot} with the arguments given one by one, `count` (1 to 4) of them: a compiled emit (direct-emit.ts)
   * calls it, where the transport has it, so that an emit of a few numbers makes no array.
   */
  queueArgs?(connection: Connection, count: number, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): unknown;
  /** Queues a slot call and blocks the calling thread until the slot has run there; returns what it returned. */
  blockSlot(connection: Connection, args: readonly unknown[]): unknown;
  /** Queues a method call on an object living in that thread; the promise settles with its result. */
  queueInvoke(target: QObject, method: string, args: readonly unknown[]): Promise<unknown>;
  /** Calls a method on an object living in that thread and blocks until it returns its result. */
  blockInvoke(target: QObject, method: string, args: readonly unknown[]): unknown;
  /**
   * True when `connection` joins two objects of that thread and exists there too, so that an emission made there
   * ran it there (Qt's routing, in that thread): a delivery of that emission here skips it.
   */
  runsThere?(connection: Connection): boolean;
}

let nextThreadId = 1;

/**
 * What a thread is to the objects that live in it (Qt's QThreadData): an id, a name, and either the event
 * loop that runs here or the transport that reaches it elsewhere. Objects point at their thread's data;
 * that pointer is what "affinity" means.
 */
export class ThreadData {
  /** The {@link Thread} object that represents this thread to users. */
  thread: Thread | null = null;
  /** False where `Atomics.wait` is forbidden (a browser's main thread): blocking calls are refused there. */
  canBlock = true;

  private constructor(
    /** Unique within the program: 0 is the main thread; worker threads get theirs from the main thread. */
    public id: number,
    /** The thread's name for messages (its `objectName`, or `main`, or `worker #N`). */
    public name: string,
    /** True for the program's main thread. */
    public readonly isMain: boolean,
    /** The loop that delivers queued calls, when this thread runs in this isolate. */
    public readonly loop: EventLoop | null,
    /** How calls reach this thread when it runs in another isolate. */
    public transport: ThreadTransport | null,
  ) {}

  /** The thread this isolate runs: its calls go to the local event loop. */
  static local(id: number, name: string, isMain: boolean): ThreadData {
    return new ThreadData(id, name, isMain, new EventLoop(), null);
  }

  /** A thread in another isolate, reached through `transport` (which may be attached later). */
  static remote(id: number, name: string, isMain: boolean, transport: ThreadTransport | null): ThreadData {
    return new ThreadData(id, name, isMain, null, transport);
  }

  /** A fresh id for a thread that this isolate creates. */
  static nextId(): number {
    return nextThreadId++;
  }

  /** Describes the thread for error messages: `"TimerThread" (worker #1)` or `main`. */
  describe(): string {
    if (this.isMain) return this.name === 'main' ? 'main' : `"${this.name}" (main)`;
    const generic = `worker #${this.id}`;
    return this.name === generic ? generic : `"${this.name}" (${generic})`;
  }
}
