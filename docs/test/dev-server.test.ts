// `npm run docs:dev` (VitePress's dev server, the README's command for working on the site) sends every response
// cross-origin isolated, so the live demo runs in it as on the built site: a Timer thread in a Web Worker sends
// its 7 ticks to the page.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../test/support/headless-chromium';
import { ISOLATION_HEADERS } from '../scripts/serve.cjs';

const DOCS = path.resolve(__dirname, '..');
const ROOT = path.resolve(DOCS, '..');

let dev: ChildProcess | undefined;
let origin = '';
let profile = '';
let context: BrowserContext | undefined;
let problems: string[] = [];

beforeAll(async () => {
  // The demo's bundles, which docs:dev prepares first (the API reference is not needed here).
  if (!fs.existsSync(path.join(DOCS, 'public/demo/timer-thread.js'))) {
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, [path.join(DOCS, 'scripts/prepare.mjs'), '--skip-api'], { cwd: ROOT, stdio: 'ignore' })
        .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prepare.mjs exited with ${code}`))))
        .on('error', reject),
    );
  }
  const vitepress = path.join(ROOT, 'node_modules/vitepress/bin/vitepress.js');
  // Its own process group, so that the server and anything it starts end together.
  dev = spawn(process.execPath, [vitepress, 'dev', 'docs', '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vitepress dev did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    dev!.stdout!.on('data', read);
    dev!.stderr!.on('data', read);
    dev!.on('exit', (code) => reject(new Error(`vitepress dev exited with ${code}:\n${output}`)));
  });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-docs-dev-'));
  ({ context, problems } = await launchChromium(profile, 'The docs dev-server test'));
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (dev?.pid !== undefined && dev.exitCode === null) process.kill(-dev.pid);
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test('every response of the dev server carries the cross-origin isolation headers', async () => {
  for (const page of ['/', '/guide/getting-started', '/demo', '/demo/timer-thread.js', '/no-such-page']) {
    const response = await fetch(`${origin}${page}`);
    for (const [name, value] of Object.entries(ISOLATION_HEADERS))
      expect([page, name, response.headers.get(name)]).toEqual([page, name, value]);
  }
});

test('the live demo runs in the dev server: cross-origin isolated, 7 ticks from the worker, no errors', async () => {
  const page = await context!.newPage();
  try {
    await page.goto(`${origin}/demo`);
    await page.locator('.timer-demo[data-state="idle"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-demo-start]').click();
    // 7 ticks 500 ms apart: ~3.5 s. The timeout only bounds a failure.
    await page.locator('.timer-demo[data-ticks="7"][data-state="finished"]').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    expect(await page.locator('.demo-errors li').allTextContents()).toEqual([]);
  } finally {
    await page.close();
  }
  // Vite's dev client may log its connection; anything else is a problem.
  expect(problems.filter((p) => !/\[vite\]/.test(p))).toEqual([]);
}, 60_000);
