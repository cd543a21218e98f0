// The pool demo's task module: renders one tile of the Mandelbrot set. The pool worker script (pool-worker.ts)
// registers it as "tiles"; the page names it with taskModule<typeof Tiles>('tiles') and never runs it itself.
import { transfer } from '@sigslot/concurrent';

/** The part of the complex plane the whole image shows. */
export interface View {
  readonly centerX: number;
  readonly centerY: number;
  /** The width of the image in the complex plane. */
  readonly span: number;
}

/** One tile to render: where it is in the image, and how much work each pixel gets. */
export interface TileSpec {
  readonly index: number;
  /** Its top-left pixel and its size, in image pixels. */
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly view: View;
  readonly maxIterations: number;
  /** Samples per pixel along each axis (2 means 4 samples a pixel: smoother edges, 4× the work). */
  readonly samples: number;
  /**
   * Shared with the page: word 0 counts the workers that took a lane, word `lane` holds the tile index + 1 the
   * worker of that lane is rendering (0 while it is idle). The page reads it each frame to show who does what.
   */
  readonly activity: Int32Array;
}

/** A rendered tile: its RGBA pixels (moved to the page, not copied), and who rendered it when. */
export interface TileResult {
  readonly index: number;
  readonly pixels: Uint8ClampedArray;
  /** The worker's name (the pool names them "<pool> thread #n") and its lane in `activity`. */
  readonly thread: string;
  readonly lane: number;
  /** When the worker started and ended the tile (ms since the epoch, comparable between threads). */
  readonly startedAt: number;
  readonly endedAt: number;
}

/** Lanes in `activity` (word 0 is the counter). */
export const LANES = 16;

/** Milliseconds since the epoch: comparable between the page and its workers (each has its own performance.now()). */
export const now = (): number => performance.timeOrigin + performance.now();

/** This worker's lane, taken on its first tile. */
let lane = 0;

// #region task
/** The task: one tile, its pixels colored by how fast each point escapes (smooth coloring). */
export function renderTile(tile: TileSpec): TileResult {
  const startedAt = now();
  if (lane === 0) lane = (Atomics.add(tile.activity, 0, 1) % LANES) + 1;
  Atomics.store(tile.activity, lane, tile.index + 1);
  const { x, y, size, imageWidth, imageHeight, view, maxIterations, samples } = tile;
  const pixels = new Uint8ClampedArray(size * size * 4);
  const step = view.span / imageWidth;
  const left = view.centerX - (imageWidth / 2) * step;
  const top = view.centerY - (imageHeight / 2) * step;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const cx = left + (x + column + (sx + 0.5) / samples) * step;
          const cy = top + (y + row + (sy + 0.5) / samples) * step;
          const [cr, cg, cb] = color(escape(cx, cy, maxIterations), maxIterations);
          r += cr;
          g += cg;
          b += cb;
        }
      }
      const at = (row * size + column) * 4;
      const n = samples * samples;
      pixels[at] = r / n;
      pixels[at + 1] = g / n;
      pixels[at + 2] = b / n;
      pixels[at + 3] = 255;
    }
  }
  Atomics.store(tile.activity, lane, 0);
  const thread = (globalThis as { name?: string }).name ?? 'unnamed worker';
  return transfer({ index: tile.index, pixels, thread, lane, startedAt, endedAt: now() }, [pixels.buffer]);
}
// #endregion task

/** The smooth iteration count at which c = cx + i·cy escapes, or -1 if it stays bounded. */
function escape(cx: number, cy: number, maxIterations: number): number {
  let zx = 0;
  let zy = 0;
  for (let i = 0; i < maxIterations; i++) {
    const xx = zx * zx;
    const yy = zy * zy;
    if (xx + yy > 256) return i + 1 - Math.log2(Math.log2(xx + yy) / 2);
    zy = 2 * zx * zy + cy;
    zx = xx - yy + cx;
  }
  return -1;
}

/** The palette: navy, blue, white, gold, near black, and round again; the set itself is near black. */
const STOPS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 0, 7, 100],
  [0.16, 32, 107, 203],
  [0.42, 237, 255, 255],
  [0.64, 255, 170, 0],
  [0.86, 0, 2, 0],
  [1, 0, 7, 100],
];

function color(n: number, maxIterations: number): [number, number, number] {
  if (n < 0) return [4, 4, 16];
  const t = ((Math.log(n + 1) / Math.log(maxIterations + 1)) * 2.5) % 1;
  let i = 1;
  while (STOPS[i]![0] < t) i++;
  const [t0, r0, g0, b0] = STOPS[i - 1]!;
  const [t1, r1, g1, b1] = STOPS[i]!;
  const f = (t - t0) / (t1 - t0);
  return [r0 + (r1 - r0) * f, g0 + (g1 - g0) * f, b0 + (b1 - b0) * f];
}
