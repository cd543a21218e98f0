/**
 * The callers of `QThreadPool.waitForDone(ms)`: each is released with true once the pool is idle (nothing queued or
 * running), or with false when its own timeout passes first (TP-9).
 */
export class IdleWaiters {
  private waiters: Array<() => void> = [];

  /** Resolves true at the next `notifyIdle` (at once if `idle`), false after `ms` (≥ 0). `onIdle` runs before true. */
  wait(ms: number, idle: boolean, onIdle: () => void): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const done = (): void => {
        if (timer) clearTimeout(timer);
        onIdle();
        resolve(true);
      };
      if (idle) return done();
      this.waiters.push(done);
      if (ms >= 0)
        timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== done);
          resolve(false);
        }, ms);
    });
  }

  /** True when someone waits (the pool then checks whether it is idle). */
  get waiting(): boolean {
    return this.waiters.length > 0;
  }

  /** The pool became idle: releases every waiter. */
  notifyIdle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
