// The pool demo's page module (bundled by esbuild as pool-page.js and loaded by the PoolDemo component): a
// QThreadPool of module Web Workers renders the tiles of an image with QtConcurrent.mapped, and a QFutureWatcher
// turns the future's progress, results and state into signals on this page's thread.
import { QFutureWatcher, QThreadPool, QtConcurrent, idealThreadCount, taskModule } from '@sigslot/concurrent';
import { setErrorHandler } from '@sigslot/core';
import { LANES, type TileResult, type TileSpec } from './tiles';
import type * as Tiles from './tiles';

export type { TileResult };
export { LANES, now } from './tiles';

/** True when the page may use SharedArrayBuffer: served with COOP same-origin and COEP require-corp. */
export const isolated = (): boolean => globalThis.crossOriginIsolated === true;

/** The image: 12 × 8 tiles of 64 px. */
export const IMAGE = { width: 768, height: 512, tile: 64 } as const;

/** How much work a tile is: samples per pixel (along each axis) and the iteration limit. */
export const DETAIL = {
  quick: { samples: 1, maxIterations: 500 },
  fine: { samples: 2, maxIterations: 500 },
  heavy: { samples: 3, maxIterations: 1000 },
} as const;
export type Detail = keyof typeof DETAIL;

/** What a run reports to the component. */
export interface RenderView {
  tile(result: TileResult): void;
  progress(value: number, maximum: number): void;
  /** The watcher's state signals, as the state they lead to. */
  state(state: 'suspending' | 'suspended' | 'running' | 'canceled' | 'finished'): void;
  error(message: string): void;
}

/** The pool's statistics, as its change signals announce them. */
export interface PoolStatistics {
  queued: number;
  active: number;
  completed: number;
}

/** A run in progress. */
export interface RenderRun {
  readonly total: number;
  cancel(): void;
  suspend(): void;
  resume(): void;
}

/** The threads the page offers: 1, 2, 4 and what the browser reports (navigator.hardwareConcurrency), up to 8. */
export function threadChoices(): number[] {
  return [...new Set([1, 2, 4, Math.min(8, idealThreadCount())])].sort((a, b) => a - b);
}

// #region pool
/** One pool for the page, whatever the number of runs: its workers are reused, and end after 20 s idle. */
export class TileRenderer {
  readonly pool = new QThreadPool(null, { workerUrl: new URL('./pool-worker.js', import.meta.url) });
  /** Who renders what: word 0 counts lanes taken, word n the tile (index + 1) lane n's worker is on. */
  readonly activity = new Int32Array(new SharedArrayBuffer(4 * (LANES + 1)));
  private readonly tiles = taskModule<typeof Tiles>('tiles'); // the name pool-worker.ts registers
  readonly statistics: PoolStatistics = { queued: 0, active: 0, completed: 0 };

  constructor(onStatistics: (statistics: PoolStatistics) => void) {
    this.pool.objectName = 'tiles';
    this.pool.expiryTimeout = 20_000;
    const update = (change: Partial<PoolStatistics>): void => {
      Object.assign(this.statistics, change);
      onStatistics({ ...this.statistics });
    };
    this.pool.queuedTaskCountChanged.connect((queued) => update({ queued }));
    this.pool.activeThreadCountChanged.connect((active) => update({ active }));
    this.pool.completedTaskCountChanged.connect((completed) => update({ completed }));
  }
  // #endregion pool

  // #region render
  /** Renders every tile on `threads` threads; the watcher reports each tile as it lands, and the progress. */
  render(threads: number, detail: Detail, view: RenderView): RenderRun {
    setErrorHandler((error, context) => view.error(`${context.where}: ${String(error)}`));
    this.pool.maxThreadCount = threads;
    const specs = this.specs(detail);
    const future = QtConcurrent.mapped(this.pool, specs, this.tiles.renderTile);

    const watcher = new QFutureWatcher<TileResult>();
    watcher.resultReadyAt.connect((index) => view.tile(watcher.resultAt(index)));
    watcher.progressValueChanged.connect((value) => view.progress(value, watcher.progressMaximum()));
    watcher.suspending.connect(() => view.state('suspending'));
    watcher.suspended.connect(() => view.state('suspended'));
    watcher.resumed.connect(() => view.state('running'));
    watcher.canceled.connect(() => {
      // A task that threw cancels the future too (Qt's rule); its error says why.
      const error = future.exception();
      if (error !== undefined) view.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      view.state('canceled');
    });
    watcher.finished.connect(() => {
      if (!future.isCanceled()) view.state('finished');
      watcher.deleteLater();
    });
    watcher.setFuture(future);

    return {
      total: specs.length,
      cancel: () => future.cancel(),
      suspend: () => future.suspend(),
      resume: () => future.resume(),
    };
  }
  // #endregion render

  /** The tiles of the image, row by row. */
  private specs(detail: Detail): TileSpec[] {
    const specs: TileSpec[] = [];
    for (let y = 0; y < IMAGE.height; y += IMAGE.tile)
      for (let x = 0; x < IMAGE.width; x += IMAGE.tile)
        specs.push({
          index: specs.length,
          x,
          y,
          size: IMAGE.tile,
          imageWidth: IMAGE.width,
          imageHeight: IMAGE.height,
          view: { centerX: -0.65, centerY: 0, span: 3.1 },
          ...DETAIL[detail],
          activity: this.activity,
        });
    return specs;
  }
}

let renderer: TileRenderer | null = null;
let statisticsListener: (statistics: PoolStatistics) => void = () => {};

/** The page's renderer (made on first use, kept while the site is open); `onStatistics` replaces the last one. */
export function tileRenderer(onStatistics: (statistics: PoolStatistics) => void): TileRenderer {
  statisticsListener = onStatistics;
  renderer ??= new TileRenderer((statistics) => statisticsListener(statistics));
  return renderer;
}
