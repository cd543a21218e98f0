/** Tasks per block at most. */
const MAX_BLOCK = 512;
/** A block should hold about this much work, so that its message costs ~1 % of it (Qt's BlockSizeManager). */
const BLOCK_TARGET_MS = 4;
/** Blocks at least this large are pipelined: a thread holds a second one while it runs the first. */
const PIPELINE_BLOCK = 64;

/**
 * How many queued tasks go to a thread in one message (Qt's BlockSizeManager, measured here per pool): one while
 * the work per task is unknown, then as many as make ~4 ms of work, from the run times the workers report.
 */
export class BlockSizer {
  private avgTaskMs: number | null = null;

  /** Records `ran` tasks that took `ms` in all (a moving average, so a change of workload shows within a few blocks). */
  record(ran: number, ms: number): void {
    if (ran <= 0) return;
    const perTask = ms / ran;
    this.avgTaskMs = this.avgTaskMs === null ? perTask : this.avgTaskMs * 0.7 + perTask * 0.3;
  }

  /** Tasks that make a block of the target work. */
  private adaptive(): number {
    return this.avgTaskMs === null ? 1 : Math.ceil(BLOCK_TARGET_MS / Math.max(this.avgTaskMs, 0.0005));
  }

  /**
   * The next block's size: at most `queued / (2 × threads)` (Qt's cap, QC-8), so that every thread gets at least
   * two blocks of a burst and a slow block cannot leave the others idle at the end.
   */
  size(queued: number, threads: number, slots: number): number {
    return Math.min(MAX_BLOCK, this.adaptive(), Math.ceil(queued / (2 * Math.max(1, threads))), slots);
  }

  /** True when tasks are tiny enough that a busy thread should get its next block before it is idle. */
  pipelines(): boolean {
    return this.adaptive() >= PIPELINE_BLOCK;
  }
}
