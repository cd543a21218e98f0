import type { TransferList } from '@sigslot/core';
import type { Endpoint } from '../endpoint/endpoint';
import { AnswerSpin, sleepOn, waitForDrain } from '../wire/blocking';
import { BatchEncoder, type RunKey } from '../wire/codec';
import { ControlWords, type FromWorker } from '../wire/protocol';

/**
 * Everything a worker sends its main thread goes through here: queued emits, batched adaptively, and the other
 * messages in order after them.
 *
 * The flush rule (Qt posts each queued call at once; a message per emit would cost far more than the call): an emit
 * is posted at once while the main thread has delivered everything sent before (it is idle, so a busy `run()`'s
 * progress reaches it now); while main is still busy with earlier batches, emits coalesce into the next batch,
 * which leaves at the next emit that finds main idle, when the batch is full, when the thread yields (a microtask),
 * or before any other message. Backpressure: a batch waits while more than `maxPendingEmits` sent emits are still
 * undelivered.
 */
export class Outbox {
  private readonly encoder = new BatchEncoder();
  private readonly answerSpin = new AnswerSpin();
  private transfers: object[] = [];
  private flushScheduled = false;
  /** Queued emits posted so far (Int32, wrapping); main adds the ones it delivered to `Delivered`. */
  private posted = 0;
  private readonly lowWater: number;
  /** True once "finished" is posted: the thread is over, and nothing more is sent. */
  private closed = false;
  /**
   * `Wake` when last read, and `Routing` and `Delivered` as read just after it. The main side adds to `Wake` after
   * changing either, so an emit reads one shared word, not three (see {@link sync}).
   */
  private seenWake: number;
  /** Plain reads of `Wake` left before the next atomic one (see {@link sync}). */
  private plainReads = 256;
  private routing: number;
  private delivered: number;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly control: Int32Array,
    private readonly highWater: number,
  ) {
    this.lowWater = highWater >>> 1;
    this.seenWake = Atomics.load(control, ControlWords.Wake);
    this.routing = Atomics.load(control, ControlWords.Routing);
    this.delivered = Atomics.load(control, ControlWords.Delivered);
  }

  /**
   * Adds one queued emit (its object arguments already copied); `transfer` moves objects with it, now. The caller
   * called {@link sync} for this emit.
   */
  emit(key: RunKey, args: readonly unknown[], transfer: TransferList | null): void {
    // Routed now (Qt: in the emitting thread, at the emit): main delivers it to what it had at this version.
    this.encoder.add(key, this.routing, args);
    if (transfer) {
      // Sent at once, so that the emitter loses the transferred objects at the emit, not at some later flush.
      this.transfers.push(...transfer);
      this.flush();
    } else this.added();
  }

  /** {@link emit} for an emit of `count` (1 to 4) numbers, given one by one (no array, nothing to transfer). */
  emitNumbers(key: RunKey, count: number, a0: number, a1: number, a2: number, a3: number): void {
    this.encoder.addNumbers(key, this.routing, count, a0, a1, a2, a3);
    this.added();
  }

  /**
   * Reads `Wake`, and the words the main side changes before it (`Routing`, `Delivered`) when it changed: once per
   * emit, before {@link emit}. Returns `Wake` as last seen.
   *
   * The per-emit read is a plain one, a hint that something changed: on Node 20 `Atomics.load` is a call of about
   * 14 ns, a fifth of a queued emit. A plain read of shared memory sees a change a moment later at worst, which is as
   * if the emit had been made before it; a loop of emits holds the path that posts a batch (a call), so a compiler
   * cannot keep the value across its turns, and every 256th emit reads it atomically anyway, as the memory model
   * promises nothing for plain reads. A change is then read atomically, `Wake` first: that read synchronizes with
   * the main side's write, so `Routing`, `Delivered` and the flags, written before it there, are read as new.
   */
  sync(): number {
    const control = this.control;
    if (control[ControlWords.Wake] !== this.seenWake || --this.plainReads === 0) {
      this.plainReads = 256;
      this.seenWake = Atomics.load(control, ControlWords.Wake);
      this.routing = Atomics.load(control, ControlWords.Routing);
      this.delivered = Atomics.load(control, ControlWords.Delivered);
    }
    return this.seenWake;
  }

  /** After an emit was added: sends the batch now if main is idle or the batch is full, or else soon. */
  private added(): void {
    if (this.delivered === this.posted || this.encoder.full) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(this.flush);
    }
  }

  /** Sends the emits batched so far, in one message (after waiting for the backlog to drain, see the class). */
  readonly flush = (): void => {
    this.flushScheduled = false;
    const emits = this.encoder.emits;
    if (emits === 0) return;
    if (this.highWater !== 0) waitForDrain(this.control, this.posted, this.highWater, this.lowWater);
    const transfers = this.transfers;
    this.transfers = [];
    const { batch, numbers } = this.encoder.take();
    // The numbers' buffer is the batch's own copy: moved, not copied again.
    if (numbers) transfers.push(numbers.buffer);
    this.send({ type: 'emits', batch, numbers }, transfers.length ? transfers : undefined);
    this.posted = (this.posted + emits) | 0;
    Atomics.store(this.control, ControlWords.Posted, this.posted);
  };

  /** Sends any other message, after the emits made before it. */
  post(message: FromWorker, transfer?: TransferList): void {
    this.flush();
    this.send(message, transfer);
  }

  /**
   * Sends `message` (an `emit-wait`) and blocks this thread until the main side answers on `WorkerWait`; returns
   * the answer's code (1: answered, result sent; 3: answered, nothing to read; 2: released as the thread ends).
   */
  postAndWait(message: FromWorker, transfer?: TransferList): number {
    this.flush();
    Atomics.store(this.control, ControlWords.WorkerWait, 0);
    this.send(message, transfer);
    return this.answerSpin.wait(this.control, ControlWords.WorkerWait);
  }

  /** `QThread.msleep`: sends what is batched, then sleeps (cut short only by terminate()). */
  sleep(ms: number): void {
    this.flush();
    sleepOn(this.control, ms);
  }

  /** The last message: sends `finished` after everything else, and nothing from then on. */
  close(finished: FromWorker): void {
    this.post(finished);
    this.closed = true;
  }

  private send(message: FromWorker, transfer?: TransferList): void {
    if (!this.closed) this.endpoint.postMessage(message, transfer);
  }
}
