import type { Signal } from '@sigslot/core';

/** The change signals of a pool's statistics (F-11), one per figure, each with the new value. */
export interface StatisticsSignals {
  readonly queuedTaskCountChanged: Signal<[count: number]>;
  readonly activeThreadCountChanged: Signal<[count: number]>;
  readonly completedTaskCountChanged: Signal<[count: number]>;
}

/**
 * A pool's statistics as last announced. The pool publishes once per batch of changes (a submission turn, a report
 * message from a worker, a clear), not once per task: a burst of 100,000 tasks announces a handful of values. Each
 * signal is emitted only when its figure changed since it was last emitted, so the last value a slot received is
 * the figure's value.
 */
export class PoolStatistics {
  /** Tasks that ended in a worker (returned, threw, were canceled while running, or died with it). */
  completed = 0;
  private announced = { queued: 0, active: 0, completed: 0 };

  constructor(private readonly signals: StatisticsSignals) {}

  publish(queued: number, active: number): void {
    const last = this.announced;
    if (queued !== last.queued) this.signals.queuedTaskCountChanged.emit((last.queued = queued));
    if (active !== last.active) this.signals.activeThreadCountChanged.emit((last.active = active));
    if (this.completed !== last.completed)
      this.signals.completedTaskCountChanged.emit((last.completed = this.completed));
  }
}
