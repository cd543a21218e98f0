import { QObject } from '../object/qobject';
import { currentThreadData } from './current-thread';
import type { ThreadData } from './thread-data';

/**
 * A thread of execution as objects see it: the main thread, or (in `@sigslot/thread`, whose `QThread`
 * extends this class) a worker. {@link QObject.thread} returns one; {@link currentThread} returns the
 * one running now.
 */
export class Thread extends QObject {
  /** The class's name in messages, whatever a minifier renames the class to. */
  static override readonly className: string = 'Thread';
  /** @internal */
  readonly threadRecord: ThreadData;

  /**
   * @hidden Threads are made by the library: the current one exists from the start, workers by `QThread`
   * (`@sigslot/thread`, which extends this class with a `ThreadData` of `@sigslot/core/kernel`).
   */
  constructor(data: ThreadData) {
    super();
    this.threadRecord = data;
    data.thread ??= this;
    // The data's name is what messages print; keep it in step with objectName (empty: the generic name).
    const generic = data.name;
    this.objectNameChanged.connect((name) => (data.name = name || generic));
  }

  /** @internal The data behind this thread. */
  threadData_(): ThreadData {
    return this.threadRecord;
  }

  /** True for the program's main thread. */
  isMainThread(): boolean {
    return this.threadRecord.isMain;
  }

  /** True when this thread is the one running the caller. */
  isCurrentThread(): boolean {
    return this.threadRecord === currentThreadData();
  }

  /** The thread's id: 0 for the main thread, 1, 2, … for workers in the order they were created. */
  get threadId(): number {
    return this.threadRecord.id;
  }

  /** How the thread appears in messages: `main`, or `"TimerThread" (worker #1)`. */
  override describe(): string {
    return this.threadRecord.describe();
  }
}

/** The thread running the caller (Qt's `QThread::currentThread()`). */
export function currentThread(): Thread {
  const data = currentThreadData();
  return data.thread ?? new Thread(data);
}

// The main thread exists from the start: without this, QObject.thread() returned null for objects on the main
// thread until something had called currentThread(). (A worker's thread object is made by its runtime.)
if (currentThreadData().isMain) currentThread();
