import type { TransferList } from '@sigslot/core';
import type { Endpoint } from './endpoint';

/** Runs `callback` as a macrotask (after the current task and its microtasks), as a message event would. */
const macrotask: (callback: () => void) => void =
  typeof setImmediate === 'function'
    ? (callback) => void setImmediate(callback)
    : (callback) => void setTimeout(callback);

/**
 * One direction of an {@link InMemoryChannel}: what one side posts, the other receives. It behaves as a
 * `MessagePort` does where the protocol can tell: a message is copied (structured clone, moving what `transfer`
 * lists) when it is posted, so a value that cannot cross throws at the post and a later change by the sender is not
 * seen; messages arrive in order, each in its own macrotask, never during the post; messages posted before the
 * receiver listens wait for it. A test may also hold a direction, to have messages in flight while it acts on the
 * other side, and read every message posted so far.
 */
export class InMemoryDirection {
  private readonly queue: unknown[] = [];
  private handler: ((message: unknown) => void) | null = null;
  private scheduled = false;
  private held = false;
  private closed = false;
  private readonly drained: Array<() => void> = [];
  /** Every message posted in this direction so far (the copies the receiver gets), oldest first. */
  readonly sent: unknown[] = [];

  /** `enter` runs each delivery as the receiving thread (see `in-memory-thread.ts`). */
  constructor(private readonly enter: (deliver: () => void) => void) {}

  /** The receiving side's {@link Endpoint.onMessage}. */
  listen(handler: (message: unknown) => void): void {
    this.handler = handler;
    this.schedule();
  }

  /** The sending side's {@link Endpoint.postMessage}: copies now, delivers later. */
  post(message: unknown, transfer?: TransferList): void {
    if (this.closed) return;
    const copy: unknown = structuredClone(message, transfer ? { transfer: [...(transfer as Transferable[])] } : {});
    this.sent.push(copy);
    this.queue.push(copy);
    this.schedule();
  }

  /** Messages posted and not yet delivered. */
  get pending(): number {
    return this.queue.length;
  }

  /** Stops delivering (messages stay queued, in order) until {@link InMemoryDirection.release}. */
  hold(): void {
    this.held = true;
  }

  /** Delivers again, starting with the messages held. */
  release(): void {
    this.held = false;
    this.schedule();
  }

  /** Calls `callback` (in a macrotask) once every message posted so far has been delivered. */
  whenDelivered(callback: () => void): void {
    this.drained.push(callback);
    this.schedule();
  }

  /** Drops what is queued and everything posted from now on (the receiver is gone). */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.held) return;
    const work = this.queue.length > 0 ? this.handler !== null : this.drained.length > 0;
    if (!work) return;
    this.scheduled = true;
    macrotask(() => this.enter(this.deliverOne));
  }

  private readonly deliverOne = (): void => {
    this.scheduled = false;
    if (this.held) return;
    if (this.queue.length > 0 && this.handler !== null) {
      const message = this.queue.shift();
      try {
        this.handler(message);
      } finally {
        this.schedule();
      }
      return;
    }
    if (this.queue.length === 0) for (const callback of this.drained.splice(0)) callback();
  };
}

/**
 * Both ends of a thread's channel in one isolate: `main` is the main side's endpoint, `worker` the worker side's.
 * A real second implementation of {@link Endpoint}, next to Node's and the browser's, for the in-memory test tier:
 * the protocol runs unchanged over it, and a test can hold either direction or read what crossed.
 */
export class InMemoryChannel {
  /** Worker → main. */
  readonly toMain: InMemoryDirection;
  /** Main → worker. */
  readonly toWorker: InMemoryDirection;
  readonly main: Endpoint;
  readonly worker: Endpoint;

  /** `enterMain` and `enterWorker` run a delivery as the thread that receives it. */
  constructor(enterMain: (deliver: () => void) => void, enterWorker: (deliver: () => void) => void) {
    const toMain = (this.toMain = new InMemoryDirection(enterMain));
    const toWorker = (this.toWorker = new InMemoryDirection(enterWorker));
    this.main = { postMessage: (m, t) => toWorker.post(m, t), onMessage: (h) => toMain.listen(h) };
    this.worker = { postMessage: (m, t) => toMain.post(m, t), onMessage: (h) => toWorker.listen(h) };
  }
}
