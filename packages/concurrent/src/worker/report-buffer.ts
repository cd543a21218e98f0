import type { Endpoint } from '@sigslot/thread/channel';
import { DELIVERED, POSTED, type WireReport } from '../pool/protocol';

/** Reports are sent at the latest this long after the first one waiting, even while main is busy. */
const FLUSH_AFTER_MS = 16;
/** Reports per message at most. */
const MAX_REPORTS = 4096;

/**
 * The worker's outgoing reports, sent the way QThread's emits are: at once while main has delivered everything sent
 * before (it is idle, so progress reaches it as it is made), coalesced while it is busy — and in any case within
 * 16 ms, so that a synchronous task's reports do not wait for it to return. A progress report replaces the one of
 * the same task still waiting (progress is a latest value, not a stream).
 */
export class ReportBuffer {
  private reports: WireReport[] = [];
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
    if (transfer) this.transfers.push(...transfer);
    const reports = this.reports;
    if (report.kind === 'progress') {
      const last = reports[reports.length - 1];
      if (last && last.kind === 'progress' && last.id === report.id) {
        last.value = report.value;
        if (report.text !== null) last.text = report.text;
        return this.maybeFlush(urgent);
      }
    }
    if (reports.length === 0) this.firstAt = performance.now();
    reports.push(report);
    this.maybeFlush(urgent);
  }

  /** Counts a finished task's run time, which main uses to size blocks. */
  ranTask(ms: number): void {
    this.ran++;
    this.ms += ms;
  }

  private maybeFlush(urgent: boolean): void {
    if (
      (urgent && Atomics.load(this.control, DELIVERED) === this.posted) ||
      this.reports.length >= MAX_REPORTS ||
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
    if (this.reports.length === 0) return;
    const reports = this.reports;
    const transfers = this.transfers;
    this.reports = [];
    this.transfers = [];
    this.endpoint.postMessage(
      { type: 'reports', reports, ran: this.ran, ms: this.ms },
      transfers.length > 0 ? transfers : undefined,
    );
    this.ran = 0;
    this.ms = 0;
    this.posted = (this.posted + 1) | 0;
    Atomics.store(this.control, POSTED, this.posted);
  };
}
