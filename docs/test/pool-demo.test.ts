// The pool demo page as a visitor gets it: the built site (docs/.vitepress/dist) served by the project's preview
// server (docs/scripts/serve.cjs, cross-origin isolated), opened in headless Chromium. A QThreadPool of module Web
// Workers renders the 96 tiles; the test reads what the page shows (its data attributes, the progress bar, the
// canvas, the thread table) and waits on the states the watcher's signals set, never on time.
//
// Like site.test.ts, it builds the site when it is missing (CI builds it before jest). SIGSLOT_POOL_DEMO_SCREENSHOT
// names where the screenshot of a finished render goes (default: the system's temp folder).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/headless-chromium';
import { serveIsolated } from '../../test/support/isolated-server';
import { serveSite } from '../scripts/serve.cjs';

const DOCS = path.resolve(__dirname, '..');
const ROOT = path.resolve(DOCS, '..');
const DIST = process.env.SIGSLOT_DOCS_DIST ?? path.join(DOCS, '.vitepress/dist');
const SCREENSHOT =
  process.env.SIGSLOT_POOL_DEMO_SCREENSHOT ?? path.join(os.tmpdir(), 'sigslot-pool-demo-screenshot.png');
const TILES = 96;
const TILE_PIXELS = 64 * 64;

let server: Server | undefined;
let origin = '';
let profile = '';
let context: BrowserContext | undefined;
let problems: string[] = [];
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'pool-demo.html'))) {
    execFileSync('npm', ['run', 'docs:build', '--silent', '--', '--outDir', DIST], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 240_000,
    });
  }
  server = await serveSite(DIST, { port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-pool-demo-'));
  ({ context, problems } = await launchChromium(profile, 'The pool demo test', { width: 1280, height: 1100 }));
  page = await context.newPage();
  await page.goto(`${origin}/pool-demo.html`);
  // The component loads the bundled page module, then is ready to render.
  await page.locator('.pool-demo[data-state="idle"]').waitFor({ timeout: 20_000 });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

const demo = (attribute: string): Promise<string | null> =>
  page.locator('.pool-demo').getAttribute(`data-${attribute}`);

/** Picks the number of threads and the detail, then presses Render; resolves once the run has started. */
async function startRender(threads: number, detail: 'quick' | 'fine' | 'heavy'): Promise<void> {
  await page.locator(`[data-threads="${threads}"]`).click();
  await page.locator(`[data-detail="${detail}"]`).click();
  await page.locator(`[data-threads="${threads}"][aria-pressed="true"]`).waitFor();
  await page.locator(`[data-detail="${detail}"][aria-pressed="true"]`).waitFor();
  await page.locator('[data-pool-render]').click();
  await page.locator('.pool-demo[data-state="running"]').waitFor();
}

/** Waits until at least `count` tiles are on the image (each one a resultReadyAt signal the page drew). */
async function tilesDrawn(count: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('.pool-demo')?.getAttribute('data-drawn')) >= n,
    count,
    { timeout: 60_000 },
  );
}

/** For each tile of the image: how many of its pixels are drawn (alpha > 0). */
function pixelsPerTile(): Promise<number[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.pool-demo canvas')!;
    // Read from a copy: repeated readbacks of the page's own canvas make Chromium warn on the console.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Array<number>((canvas.width / 64) * (canvas.height / 64)).fill(0);
    for (let y = 0; y < canvas.height; y++)
      for (let x = 0; x < canvas.width; x++)
        if (data[(y * canvas.width + x) * 4 + 3]! > 0)
          counts[Math.floor(y / 64) * (canvas.width / 64) + Math.floor(x / 64)]!++;
    return counts;
  });
}

/** The thread table: each worker's name and the tiles it rendered. */
function threadRows(): Promise<Array<{ thread: string; tiles: number }>> {
  return page.locator('tr[data-lane]').evaluateAll((rows) =>
    rows.map((row) => ({
      thread: row.getAttribute('data-thread') ?? '',
      tiles: Number(row.getAttribute('data-tiles')),
    })),
  );
}

const progressBar = async () => ({
  now: await page.locator('.demo-progress').getAttribute('aria-valuenow'),
  max: await page.locator('.demo-progress').getAttribute('aria-valuemax'),
  text: (await page.locator('.demo-count').textContent())?.trim(),
});

test('two pool threads render all 96 tiles; the progress bar reaches 100 % and each thread shows its tiles', async () => {
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await startRender(2, 'fine');
  await page.locator('.pool-demo[data-state="finished"]').waitFor({ timeout: 60_000 });

  expect(await demo('drawn')).toBe(String(TILES));
  expect(await progressBar()).toEqual({
    now: String(TILES),
    max: String(TILES),
    text: `${TILES} / ${TILES} tiles · 100%`,
  });
  // Every pixel of every tile is drawn.
  expect(await pixelsPerTile()).toEqual(new Array(TILES).fill(TILE_PIXELS));
  // Two workers of the pool named "tiles" rendered them all, each some.
  const rows = await threadRows();
  expect(rows.map((row) => row.thread).sort()).toEqual([
    expect.stringMatching(/^tiles thread #\d+$/),
    expect.stringMatching(/^tiles thread #\d+$/),
  ]);
  expect(rows.reduce((sum, row) => sum + row.tiles, 0)).toBe(TILES);
  for (const row of rows) expect(row.tiles).toBeGreaterThan(0);
  // The statistics signals say the pool is idle again: nothing busy, nothing queued.
  await page.locator('.pool-demo[data-active="0"][data-queued="0"]').waitFor();
  expect(await page.locator('.demo-status strong').textContent()).toMatch(/^Finished: 96 tiles in \d+ ms\.$/);

  await page.evaluate(() => window.scrollTo(0, document.querySelector('.pool-demo')!.getBoundingClientRect().top - 80));
  await page.screenshot({ path: SCREENSHOT });
  expect(problems).toEqual([]);
}, 90_000);

test('Cancel stops the render part way: the tiles not started stay empty, and the workers are kept', async () => {
  const workersBefore = Number(await demo('workers'));
  await startRender(2, 'heavy');
  await tilesDrawn(1);
  await page.locator('[data-pool-cancel]').click();
  await page.locator('.pool-demo[data-state="canceled"]').waitFor({ timeout: 30_000 });

  const drawn = Number(await demo('drawn'));
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(TILES);
  const pixels = await pixelsPerTile();
  expect(pixels.filter((n) => n === TILE_PIXELS)).toHaveLength(drawn);
  expect(pixels.filter((n) => n === 0)).toHaveLength(TILES - drawn);
  const bar = await progressBar();
  expect(Number(bar.now)).toBeLessThan(TILES);
  expect(await page.locator('.demo-status strong').textContent()).toBe(`Canceled after ${drawn} of ${TILES} tiles.`);
  // The tiles still in the workers were dropped; the workers were not ended.
  await page.locator('.pool-demo[data-active="0"][data-queued="0"]').waitFor({ timeout: 30_000 });
  expect(Number(await demo('workers'))).toBe(workersBefore);
  expect(await page.locator('[data-pool-render]').isEnabled()).toBe(true);
  expect(problems).toEqual([]);
}, 90_000);

test('Suspend stops handing out tiles until no worker is busy; Resume completes the image', async () => {
  await startRender(2, 'heavy');
  await tilesDrawn(1);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-running.png') }); // tiles in the workers, filled
  await page.locator('[data-pool-suspend]').click();
  await page.locator('.pool-demo[data-state="suspended"]').waitFor({ timeout: 30_000 });
  // Suspended: the pool's statistics say no thread is busy and nothing is queued, so no tile can come.
  await page.locator('.pool-demo[data-active="0"][data-queued="0"]').waitFor({ timeout: 30_000 });
  const drawn = Number(await demo('drawn'));
  expect(drawn).toBeLessThan(TILES);
  expect(await page.locator('[data-pool-suspend]').textContent()).toMatch(/Resume/);
  expect((await pixelsPerTile()).filter((n) => n === 0)).toHaveLength(TILES - drawn);
  for (const row of await page.locator('tr[data-lane] td:nth-child(2)').allTextContents())
    expect(row.trim()).toBe('idle');

  await page.locator('[data-pool-suspend]').click();
  await page.locator('.pool-demo[data-state="running"]').waitFor();
  await page.locator('.pool-demo[data-state="finished"]').waitFor({ timeout: 120_000 });
  expect(await demo('drawn')).toBe(String(TILES));
  expect((await progressBar()).text).toBe(`${TILES} / ${TILES} tiles · 100%`);
  expect(await pixelsPerTile()).toEqual(new Array(TILES).fill(TILE_PIXELS));
  expect(problems).toEqual([]);
}, 180_000);

test('the page is linked from the "Thread pools and futures" guide', async () => {
  const html = await (await fetch(`${origin}/guide/pool.html`)).text();
  expect(html).toMatch(/href="(\.\.)?\/pool-demo(\.html)?"/);
});

test('served without cross-origin isolation, the page says why the pool cannot start, and Render stays disabled', async () => {
  const plain = await serveIsolated(DIST, () => false);
  const other = await context!.newPage();
  try {
    await other.goto(`${plain.url}pool-demo.html`);
    await other.locator('.pool-demo[data-state="idle"]').waitFor({ timeout: 20_000 });
    expect(await other.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
    const message = (await other.locator('[data-not-isolated]').textContent())?.replace(/\s+/g, ' ');
    expect(message).toContain('This page is not cross-origin isolated, so SharedArrayBuffer does not exist');
    expect(message).toContain('Cross-Origin-Opener-Policy: same-origin');
    expect(message).toContain('Cross-Origin-Embedder-Policy: require-corp');
    expect(await other.locator('[data-pool-render]').isDisabled()).toBe(true);
  } finally {
    await other.close();
    await new Promise((resolve) => plain.server.close(resolve));
  }
}, 60_000);
