import { affinity, type AffinityViolation } from '../affinity/affinity-guard';
import type { QObject } from '../object/qobject';
import type { Thread } from '../thread/thread';
import type { ThreadData } from '../thread/thread-data';

/** The data of the thread `object` lives in (Qt's QThreadData), or null when it lives in none. */
export function objectThreadData(object: QObject): ThreadData | null {
  return object.threadData();
}

/**
 * Points `object` at thread `data` without {@link QObject.moveToThread}'s checks (it may be another isolate's
 * thread): for the handles a thread transport makes to objects that live elsewhere. Null takes it out of every thread.
 */
export function bindObjectToThread(object: QObject, data: ThreadData | null): void {
  object.bindToThread(data);
}

/** The data behind `thread` (Qt's QThreadData: id, name, its event loop or the transport that reaches it). */
export function threadDataOf(thread: Thread): ThreadData {
  return thread.threadRecord;
}

/**
 * Adds a violation that happened in another thread (a worker's, reported to this one) to {@link affinity}'s
 * record, and tells its listeners, as one that happened here.
 */
export function recordAffinityViolation(violation: AffinityViolation): void {
  affinity.record(violation);
}
