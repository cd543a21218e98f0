import { SigslotError, affinity, reportError, type AffinityViolation } from '@sigslot/core';
import { currentThreadData, recordAffinityViolation } from '@sigslot/core/kernel';
import { DESIGNER_FIX } from './designer-guard';

/*
 * Violations made in any worker of the program reach the main thread's record, whoever started the worker.
 * A QThread's worker reports them over its own channel (the thread package does; the main thread knows which
 * thread is on the other end). Any other worker — a plain worker_threads Worker, a Web Worker — that loads
 * sd-shim reports them over a BroadcastChannel, which every thread of a Node process or of a page shares. Anyone
 * may post there, so the main thread trusts nothing a report says about who sent it: it records the violation
 * as made by an "unidentified worker" (thread id -1), never by the thread the report names.
 *
 * In Node, the worker waits (at most WAIT_MS) until the main thread has recorded the violation, so a test that
 * hears from the worker afterwards (a message, its exit) finds the violation recorded. It waits only when the
 * main thread listened when the worker was made (Node's environment data says so); in a page, reports arrive
 * asynchronously.
 */

/** The channel's name. */
export const VIOLATION_CHANNEL = 'sigslot.sd-shim.affinity-violations';
/** The environment data key under which the main thread's listener leaves its token (Node). */
const LISTENER_KEY = 'sigslot.sd-shim.violation-listener';
/** How long a worker waits for the main thread to record its violation. */
const WAIT_MS = 2000;
/** The thread description of a reported violation: the main thread cannot know who posted it. */
export const UNIDENTIFIED_WORKER = 'unidentified worker';
/** Lengths beyond which a report is malformed (one line of a name, a long stack). */
const MAX_NAME = 200;
const MAX_TEXT = 100_000;

interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
  unref?(): void;
}
type ChannelClass = new (name: string) => ChannelLike;
interface WorkerThreadsLike {
  BroadcastChannel?: ChannelClass;
  setEnvironmentData?(key: string, value: unknown): void;
  getEnvironmentData?(key: string): unknown;
}

/** What a worker posts. */
interface ViolationReport {
  readonly kind: typeof VIOLATION_CHANNEL;
  readonly violation: Pick<AffinityViolation, 'className' | 'method' | 'thread' | 'message' | 'stack'>;
  /** An Int32 the main thread sets to 1 (and notifies) once it has recorded the violation. */
  readonly ack?: SharedArrayBuffer;
}

function workerThreads(): WorkerThreadsLike | undefined {
  const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (n: string) => unknown } })
    .process;
  return proc?.versions?.node ? (proc.getBuiltinModule?.('node:worker_threads') as WorkerThreadsLike) : undefined;
}

function channelClass(): ChannelClass | undefined {
  return workerThreads()?.BroadcastChannel ?? (globalThis as { BroadcastChannel?: ChannelClass }).BroadcastChannel;
}

function open(): ChannelLike | undefined {
  const Channel = channelClass();
  if (!Channel) return undefined;
  const channel = new Channel(VIOLATION_CHANNEL);
  channel.unref?.(); // neither side's channel keeps a Node process alive
  return channel;
}

/** Starts listening on the main thread; the latest sd-shim loaded in this thread is the one that records. */
function listenOnMain(): void {
  const channel = open();
  if (!channel) return;
  const wt = workerThreads();
  const token = `${Date.now()}.${Math.random()}`;
  wt?.setEnvironmentData?.(LISTENER_KEY, token);
  channel.onmessage = (event) => {
    // A later copy of sd-shim (a test runner's fresh module registry) took over: this one steps aside.
    if (wt?.getEnvironmentData && wt.getEnvironmentData(LISTENER_KEY) !== token) return channel.close();
    const report = event.data;
    const problem = malformation(report);
    if (problem !== null) {
      reportError(new SigslotError(`sd-shim: a violation report on "${VIOLATION_CHANNEL}" was ignored: ${problem}.`), {
        where: `the "${VIOLATION_CHANNEL}" channel`,
      });
      return;
    }
    const { violation, ack } = report as ViolationReport;
    recordAffinityViolation(attributed(violation));
    if (ack) {
      const word = new Int32Array(ack, 0, 1);
      Atomics.store(word, 0, 1);
      Atomics.notify(word, 0);
    }
  };
}

/** The violation as the main thread records it: the call as reported, the thread as the main thread knows it. */
function attributed(violation: ViolationReport['violation']): AffinityViolation {
  const claimed = violation.thread.slice(0, MAX_NAME);
  return {
    className: violation.className,
    method: violation.method,
    thread: UNIDENTIFIED_WORKER,
    threadId: -1,
    message:
      `${violation.className}.${violation.method}() was called from thread ${UNIDENTIFIED_WORKER} ` +
      `(it calls itself ${JSON.stringify(claimed)}; a worker that is not a QThread cannot be identified); ` +
      `the Designer API is main-thread-only. ${DESIGNER_FIX}`,
    stack: violation.stack,
  };
}

/** Why `report` is not a violation report, or null. */
function malformation(report: unknown): string | null {
  if (typeof report !== 'object' || report === null) return 'it is not an object';
  const { kind, violation, ack } = report as Partial<Record<keyof ViolationReport, unknown>>;
  if (kind !== VIOLATION_CHANNEL) return `its kind is ${JSON.stringify(kind) ?? 'missing'}`;
  if (typeof violation !== 'object' || violation === null) return 'it has no violation';
  const v = violation as Record<string, unknown>;
  const name = /^[A-Za-z_$][\w$.]*$/;
  const member = /^(?:[A-Za-z_$][\w$]*|\[[\w.]+\])$/;
  if (typeof v.className !== 'string' || v.className.length > MAX_NAME || !name.test(v.className)) {
    return 'its className is not a class name';
  }
  if (typeof v.method !== 'string' || v.method.length > MAX_NAME || !member.test(v.method)) {
    return 'its method is not a method name';
  }
  for (const key of ['thread', 'message', 'stack'] as const) {
    if (typeof v[key] !== 'string' || (v[key] as string).length > MAX_TEXT) return `its ${key} is not a string`;
  }
  // Not instanceof: the buffer may come from another realm's constructor (a test runner's context).
  const isShared = Object.prototype.toString.call(ack) === '[object SharedArrayBuffer]';
  if (ack !== undefined && !(isShared && (ack as SharedArrayBuffer).byteLength >= 4)) {
    return 'its ack is not a SharedArrayBuffer';
  }
  return null;
}

/** Starts reporting this worker's violations, unless the thread package reports them (a QThread's worker). */
function reportFromWorker(): void {
  let channel: ChannelLike | undefined;
  affinity.onViolation((violation) => {
    // A QThread's runtime gives its thread an id from the main thread, and reports over its own channel.
    if (currentThreadData().id !== -1) return;
    channel ??= open();
    if (!channel) return;
    const listening = workerThreads()?.getEnvironmentData?.(LISTENER_KEY) !== undefined;
    const ack = listening && typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : undefined;
    const { className, method, thread, message, stack } = violation;
    const report: ViolationReport = {
      kind: VIOLATION_CHANNEL,
      violation: { className, method, thread, message, stack },
    };
    channel.postMessage(ack ? { ...report, ack } : report);
    if (ack) Atomics.wait(new Int32Array(ack, 0, 1), 0, 0, WAIT_MS);
  });
}

/** Joins the channel: the main thread listens, a worker reports. */
export function joinViolationChannel(): void {
  if (currentThreadData().isMain) listenOnMain();
  else reportFromWorker();
}
