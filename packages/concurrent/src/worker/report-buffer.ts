import type { Endpoint } from '@sigslot/thread/channel';
import { DELIVERED, POSTED, REPORT, REPORT_FIELDS, REPORTS, RETURNED, type WireReport } from '../pool/protocol';

/** Reports are sent at the latest this long after the first one waiting, even while main is busy. */
const FLUSH_AFTER_MS = 16;
/** Reports per message at most (three fields each). */
const MAX_FIELDS = REPORT_FIELDS * 4096;
/** Where the reports start in a batch: after 'reports', ran and ms. */
const HEAD = 3;

/**
 * The worker's outgoing reports, sent the way QThread's emits are: at once while main has delivered everything sent
 * before (it is idle, so progress reaches it as it is made), coalesced while it is busy — and in any case within
 * 16 ms, so that a synchronous task's reports do not wait for it to return. A progress report replaces the one of
 * the same task still waiting (progress is a latest value, not a stream).
 */
export class ReportBuffer {
  /** The batch being filled: `['reports', ran, ms, ...(code, id, payload)]` (see ReportBatch). */
  private batch: unknown[] = [REPORTS, 0, 0];
  /** Objects the waiting reports move (results marked with `transfer`). */
  private transfers: object[] = [];
  private posted = 0;
  private firstAt = 0;
  private ran = 0;
  private ms = 0;
  private scheduled = false;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly control: Int32Array,
  ) {}

  /**
   * Queues `report`. `urgent`: a running task's own report (progress, a result through its promise), sent at once
   * while main is idle; a finished task's outcome waits for the end of its block (or 16 ms), so that a block of tiny
   * tasks answers in one message.
   */
  add(report: WireReport, urgent = true, transfer: readonly object[] | null = null): void {
    const batch = this.batch;
    const last = batch.length - REPORT_FIELDS; // the waiting report, if any
    if (report.kind === 'progress' && batch.length > HEAD && batch[last] === REPORT && batch[last + 1] === report.id) {
      const waiting = batch[last + 2] as WireReport;
      if (waiting.kind === 'progress') {
        waiting.value = report.value;
        if (report.text !== null) waiting.text = report.text;
        return this.maybeFlush(urgent);
      }
    }
    this.push(REPORT, report.id, report, transfer);
    this.maybeFlush(urgent);
  }

  /** Queues a finished task's return value (sent at the end of its block, as a finished task's outcome). */
  addReturn(id: number, value: unknown, transfer: readonly object[] | null): void {
    this.push(RETURNED, id, value, transfer);
    this.maybeFlush(false);
  }

  private push(code: number, id: number, payload: unknown, transfer: readonly object[] | null): void {
    if (transfer) this.transfers.push(...transfer);
    if (this.batch.length === HEAD) this.firstAt = performance.now();
    this.batch.push(code, id, payload);
  }

  /** Counts a finished task's run time, which main uses to size blocks. */
  ranTask(ms: number): void {
    this.ran++;
    this.ms += ms;
  }

  /**
   * Sends the waiting reports if main is idle or the first waited 16 ms: called where a task looks at its flags
   * (`isCanceled()`), so that a result reported before a long synchronous stretch with no reports does not wait for
   * the task's next report or its end.
   */
  poll(): void {
    if (this.batch.length > HEAD) this.maybeFlush(true);
  }

  private maybeFlush(urgent: boolean): void {
    if (
      (urgent && Atomics.load(this.control, DELIVERED) === this.posted) ||
      this.batch.length >= MAX_FIELDS ||
      performance.now() - this.firstAt >= FLUSH_AFTER_MS
    )
      this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.flush);
    }
  }

  readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.batch;
    if (batch.length === HEAD) return;
    const transfers = this.transfers;
    batch[1] = this.ran;
    batch[2] = this.ms;
    this.batch = [REPORTS, 0, 0];
    this.transfers = [];
    this.endpoint.postMessage(batch, transfers.length > 0 ? transfers : undefined);
    this.ran = 0;
    this.ms = 0;
    this.posted = (this.posted + 1) | 0;
    Atomics.store(this.control, POSTED, this.posted);
  };
}
