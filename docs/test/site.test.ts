// The docs site as a visitor gets it: the built site (docs/.vitepress/dist) served by the project's own preview
// server (docs/scripts/serve.cjs, with the COOP/COEP headers), opened in headless Chromium. It checks that the
// live demo runs (7 ticks from a real Web Worker, queued and blocking), that no internal link or anchor is
// broken, and that the API reference lists every name the packages export, each with its summary.
//
// CI builds the site before jest (`npm run docs:build`); run alone, this test builds it when it is missing. It does
// not rebuild a site older than its sources (other test runs may be serving it), but its failures then say so.
// SIGSLOT_DEMO_SCREENSHOT=docs/demo-screenshot.png refreshes the committed screenshot of the demo page.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import * as ts from 'typescript';
import { launchChromium } from '../../test/support/headless-chromium';
import { ISOLATION_HEADERS, serveSite } from '../scripts/serve.cjs';

const DOCS = path.resolve(__dirname, '..');
const ROOT = path.resolve(DOCS, '..');
const DIST = process.env.SIGSLOT_DOCS_DIST ?? path.join(DOCS, '.vitepress/dist');
const SCREENSHOT = process.env.SIGSLOT_DEMO_SCREENSHOT ?? path.join(os.tmpdir(), 'sigslot-demo-screenshot.png');

/** Each package entry point, and where its page of the API reference is (under /api/). */
const MODULES = [
  { name: '@sigslot/core', source: 'packages/core/src/index.ts', page: 'core/' },
  { name: '@sigslot/thread', source: 'packages/thread/src/index.ts', page: 'thread/' },
  { name: '@sigslot/sd-shim', source: 'packages/sd-shim/src/index.ts', page: 'sd-shim/' },
  { name: '@sigslot/sd-shim/jest', source: 'packages/sd-shim/src/jest/index.ts', page: 'sd-shim/jest/' },
  { name: '@sigslot/concurrent', source: 'packages/concurrent/src/index.ts', page: 'concurrent/' },
  {
    name: '@sigslot/concurrent/web-worker',
    source: 'packages/concurrent/src/web-worker.ts',
    page: 'concurrent/web-worker/',
  },
] as const;

/** The newest time a file under `dir` (recursively, by `filter`) was changed, in ms. */
function newest(dir: string, filter: (file: string) => boolean): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', 'cache', 'api', 'public', 'test'].includes(entry.name))
        latest = Math.max(latest, newest(file, filter));
    } else if (filter(file)) latest = Math.max(latest, fs.statSync(file).mtimeMs);
  }
  return latest;
}

/**
 * Said with a failure when the built site is older than what it is built from (a page, the theme, a package's
 * source): the test reads the site as built, and does not rebuild it under other test runs that may be serving it.
 */
let staleNote = '';

let server: Server | undefined;
let origin = '';
let profile = '';
let context: BrowserContext | undefined;
/** What went wrong in the browser, on any page: console errors and warnings, page errors, failed requests. */
let problems: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    // CI has built it already (`npm run docs:build` runs before jest); alone, the test builds it (~15 s).
    execFileSync('npm', ['run', 'docs:build', '--silent', '--', '--outDir', DIST], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 240_000,
    });
    if (!fs.existsSync(path.join(DIST, 'index.html')))
      throw new Error(`npm run docs:build finished, and wrote no ${path.join(DIST, 'index.html')}`);
  }
  const built = fs.statSync(path.join(DIST, 'index.html')).mtimeMs;
  const sources = Math.max(
    newest(DOCS, (file) => /\.(md|ts|mts|vue|css|json|mjs|cjs)$/.test(file)),
    ...MODULES.map((module) => newest(path.dirname(path.join(ROOT, module.source)), (file) => file.endsWith('.ts'))),
  );
  if (sources > built)
    staleNote = `(the built site in ${path.relative(ROOT, DIST)} is older than its sources: run npm run docs:build)`;
  server = await serveSite(DIST, { port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sigslot-site-'));
  ({ context, problems } = await launchChromium(profile, 'The site test', { width: 1280, height: 900 }));
}, 300_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test('the preview server sends the cross-origin isolation headers', async () => {
  const response = await fetch(`${origin}/demo.html`);
  expect(response.status).toBe(200);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(response.headers.get(name)).toBe(value);
});

describe('the live demo', () => {
  let page: Page;

  beforeAll(async () => {
    page = await context!.newPage();
    await page.goto(`${origin}/demo.html`);
    // The component loads the bundled demo module, then is ready to start.
    await page.locator('.timer-demo[data-state="idle"]').waitFor({ timeout: 15_000 });
  }, 30_000);

  afterAll(async () => {
    await page?.close();
  });

  /** Starts a run with the given connection type; resolves once 7 ticks have reached the page, and finished. */
  async function run(mode: 'queued' | 'blocking') {
    await page.locator(`[data-demo-mode="${mode}"]`).click();
    await page.locator(`[data-demo-mode="${mode}"][aria-pressed="true"]`).waitFor();
    await page.locator('[data-demo-start]').click();
    await page.locator('.timer-demo[data-state="running"]').waitFor();
    // 7 ticks 500 ms apart: ~3.5 s. The timeout only bounds a failure.
    await page.locator('.timer-demo[data-ticks="7"][data-state="finished"]').waitFor({ timeout: 15_000 });
    const rows = await page
      .locator('tr[data-tick]')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')),
      );
    return {
      rows,
      count: (await page.locator('.demo-count').textContent())?.trim(),
      status: (await page.locator('.demo-status').textContent())?.replace(/\s+/g, ' ').trim(),
      errors: await page.locator('.demo-errors li').allTextContents(),
      isolated: await page.evaluate(() => globalThis.crossOriginIsolated),
    };
  }

  test('QueuedConnection: 7 ticks emitted by the Timer thread in a Web Worker reach the main thread, in order', async () => {
    const result = await run('queued');
    expect(result.isolated).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.count).toBe('7 / 7 ticks received on the main thread');
    expect(result.rows.map((row) => row.slice(0, 3))).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((i) => [String(i), expect.stringMatching(/^"Timer" \(worker #\d+\)$/), 'main']),
    );
    expect(new Set(result.rows.map((row) => row[1])).size).toBe(1); // one thread emitted all 7
    expect(result.rows.map((row) => row[5])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((i) => `${i} node${i === 1 ? '' : 's'}`),
    );
    expect(result.status).toMatch(
      /^timer\.tick\.connect\(receiver, receiver\.onTick, ConnectionType\.QueuedConnection\) · thread "Timer" \(worker #\d+\) · finished$/,
    );
    expect(problems).toEqual([]);
  }, 30_000);

  test('BlockingQueuedConnection: each emit in the worker returns only after the slot ran on the main thread', async () => {
    const workMs = Number(await page.locator('.demo-work input').inputValue());
    expect(workMs).toBeGreaterThan(0);
    const result = await run('blocking');
    expect(result.errors).toEqual([]);
    expect(result.count).toBe('7 / 7 ticks received on the main thread');
    expect(result.rows.map((row) => row.slice(0, 3))).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((i) => [String(i), expect.stringMatching(/^"Timer" \(worker #\d+\)$/), 'main']),
    );
    // "emit() returned after": the worker waited at least as long as the slot worked.
    const waited = result.rows.map((row) => Number(/^([\d.]+) ms$/.exec(row[4] ?? '')?.[1]));
    for (const ms of waited) expect(ms).toBeGreaterThanOrEqual(workMs - 1);
    expect(result.status).toMatch(
      /^timer\.tick\.connect\(receiver, receiver\.onTick, ConnectionType\.BlockingQueuedConnection\) · thread "Timer" \(worker #\d+\) · finished$/,
    );
    // What a visitor sees of the page after a run: the introduction and the whole demo.
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT });
    expect(problems).toEqual([]);
  }, 30_000);
});

/** The internal links of an HTML page (a href, img src), absolute, with their #hash. */
function linksOf(html: string, base: string): URL[] {
  const links: URL[] = [];
  for (const [, attribute] of html.matchAll(/<(?:a|img)\s[^>]*?\b(?:href|src)="([^"]*)"/g)) {
    const value = attribute!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
    if (/^(mailto|javascript|data):/.test(value)) continue;
    const url = new URL(value, base);
    if (url.origin === origin) links.push(url);
  }
  return links;
}

/** The element ids of an HTML page (the targets of #hash links). */
const idsOf = (html: string): Set<string> =>
  new Set(Array.from(html.matchAll(/\sid="([^"]*)"/g), ([, id]) => id!.replace(/&amp;/g, '&')));

test('every internal link of the site, followed from the root, reaches a page, and every #anchor exists', async () => {
  const pages = new Map<string, { status: number; ids: Set<string>; type: string }>();
  const linked = new Map<string, Set<string>>(); // target (no hash) -> the pages linking to it
  const anchors: Array<{ from: string; target: string; hash: string }> = [];
  const queue = [`${origin}/`];
  linked.set(`${origin}/`, new Set(['(the root)']));
  while (queue.length > 0) {
    // A few at a time: a fair load for the server and 2 cores.
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async (target) => {
        const response = await fetch(target);
        const type = response.headers.get('content-type') ?? '';
        const body = type.startsWith('text/html') ? await response.text() : '';
        if (!type.startsWith('text/html')) await response.arrayBuffer();
        pages.set(target, { status: response.status, ids: idsOf(body), type });
        if (response.status !== 200 || !body) return;
        for (const url of linksOf(body, target)) {
          const hash = decodeURIComponent(url.hash.slice(1));
          url.hash = '';
          const key = url.href;
          if (hash) anchors.push({ from: target, target: key, hash });
          if (!linked.has(key)) {
            linked.set(key, new Set());
            queue.push(key);
          }
          linked.get(key)!.add(target);
        }
      }),
    );
  }
  const short = (url: string): string => url.slice(origin.length) || '/';
  const broken = [...pages]
    .filter(([, page]) => page.status !== 200)
    .map(([url, page]) => {
      const from = [...linked.get(url)!].map(short);
      const more = from.length > 3 ? ` and ${from.length - 3} more` : '';
      return `${short(url)} (${page.status}), linked from ${from.slice(0, 3).join(', ')}${more}`;
    });
  const missingAnchors = [
    ...new Set(
      anchors
        .filter(({ target, hash }) => {
          const page = pages.get(target)!;
          return page.status === 200 && page.type.startsWith('text/html') && !page.ids.has(hash);
        })
        .map(({ from, target, hash }) => `${short(target)}#${hash}, linked from ${short(from)}`),
    ),
  ];
  if ((broken.length || missingAnchors.length) && staleNote) broken.push(staleNote);
  expect({ broken, missingAnchors }).toEqual({ broken: [], missingAnchors: [] });
  // The crawl reached the guide, the demo and the API reference of every package.
  for (const page of ['/guide/getting-started.html', '/guide/browser.html', '/demo.html', '/api/'])
    expect(pages.get(origin + page)?.status).toBe(200);
  for (const module of MODULES) expect(pages.get(`${origin}/api/${module.page}`)?.status).toBe(200);
  // And every page of the built site is linked from somewhere (404.html is the server's answer, not a page).
  const reached = new Set([...pages.keys()].map((url) => decodeURIComponent(new URL(url).pathname)));
  const orphans = (fs.readdirSync(DIST, { recursive: true }) as string[])
    .map((file) => `/${file.split(path.sep).join('/')}`)
    .filter((file) => file.endsWith('.html') && file !== '/404.html')
    .filter((file) => !reached.has(file) && !reached.has(file.replace(/index\.html$/, '')));
  expect(orphans).toEqual([]);
}, 30_000);

test('no code block or table is wider than its column, at 1280 px and on a phone', async () => {
  const pages = [
    '/',
    '/demo.html',
    ...fs
      .readdirSync(path.join(DIST, 'guide'))
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/guide/${file}`),
  ];
  const overflows: string[] = [];
  const before = problems.length;
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const page = await context!.newPage();
    await page.setViewportSize(viewport);
    try {
      for (const url of pages) {
        await page.goto(`${origin}${url}`);
        const found = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('.vp-doc pre, .vp-doc table')).flatMap((element) => {
            const box = element.getBoundingClientRect();
            if (box.width === 0) return []; // a hidden tab of a code group
            const what = `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 50)}"`;
            if (element.scrollWidth > element.clientWidth + 1)
              return [`${what} scrolls: ${element.scrollWidth} px of content in ${element.clientWidth} px`];
            // On a phone the theme lets code blocks reach the screen's edges; tables stay in the text's column.
            const limit =
              element.tagName === 'PRE'
                ? { left: 0, right: document.documentElement.clientWidth }
                : element.closest('.vp-doc')!.getBoundingClientRect();
            if (box.right > limit.right + 1 || box.left < limit.left - 1)
              return [`${what} is ${Math.round(box.width)} px wide, past ${Math.round(limit.right)} px`];
            return [];
          }),
        );
        overflows.push(...found.map((problem) => `${url} at ${viewport.width} px: ${problem}`));
      }
    } finally {
      await page.close();
    }
  }
  // Leaving a page at once cancels the chunks it was prefetching (net::ERR_ABORTED): not a problem of the site.
  const pageProblems = problems.splice(before).filter((problem) => !/net::ERR_ABORTED/.test(problem));
  if (overflows.length && staleNote) overflows.push(staleNote);
  expect({ overflows, pageProblems }).toEqual({ overflows: [], pageProblems: [] });
}, 120_000);

/** The names a module exports, values and types, found by the TypeScript compiler from the entry point. */
function exportedNames(): Map<string, Array<{ name: string; isClass: boolean }>> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(DOCS, 'tsconfig.api.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const program = ts.createProgram({
    rootNames: MODULES.map((module) => path.join(ROOT, module.source)),
    options: { ...config.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const result = new Map<string, Array<{ name: string; isClass: boolean }>>();
  for (const module of MODULES) {
    const source = program.getSourceFile(path.join(ROOT, module.source));
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) throw new Error(`TypeScript found no module in ${module.source}`);
    result.set(
      module.name,
      checker.getExportsOfModule(symbol).map((exported) => {
        const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        return { name: exported.name, isClass: (target.flags & ts.SymbolFlags.Class) !== 0 };
      }),
    );
  }
  return result;
}

test('the API reference lists every name each package exports, each with its summary', async () => {
  const exports = exportedNames();
  const page = await context!.newPage();
  try {
    await page.goto(`${origin}/api/`);
    const problemsFound: string[] = [];
    for (const module of MODULES) {
      const names = exports.get(module.name)!;
      expect(names.length).toBeGreaterThan(0);
      // Read in the page (DOMParser) the built HTML of the module's page and of its classes' pages:
      // `### Name` sections on the module's page, and one page per class, each with the summary before its details.
      const found = await page.evaluate(
        async ({ base, names }) => {
          const parse = async (url: string) => {
            const response = await fetch(url);
            return response.ok ? new DOMParser().parseFromString(await response.text(), 'text/html') : null;
          };
          const title = (heading: Element) =>
            (heading.textContent ?? '')
              .replace(/\u200b/g, '')
              .replace(/\(\)\s*$/, '')
              .trim();
          /** The text of the paragraphs after `heading` and before its first subsection (its summary). */
          const summaryAfter = (heading: Element, stop: RegExp) => {
            let text = '';
            for (
              let node = heading.nextElementSibling;
              node && !stop.test(node.tagName);
              node = node.nextElementSibling
            )
              if (node.tagName === 'P') text += node.textContent ?? '';
            return text.trim();
          };
          const index = await parse(base);
          const sections = new Map<string, string>();
          for (const heading of Array.from(index?.querySelectorAll('.vp-doc h3') ?? [])) {
            const summary = summaryAfter(heading, /^H[1-4]$/);
            // Overloaded functions: the summary is that of the first call signature.
            const first = heading.nextElementSibling;
            const overload = first?.tagName === 'H4' && /Call Signature/.test(first.textContent ?? '');
            const name = title(heading);
            const text = summary || (overload ? summaryAfter(first, /^H[1-4]$/) : '');
            if (!sections.has(name) || text) sections.set(name, text);
          }
          return Promise.all(
            names.map(async ({ name, isClass }) => {
              if (isClass && !sections.has(name)) {
                const doc = await parse(new URL(`classes/${name}.html`, base).href);
                const heading = doc?.querySelector('.vp-doc h1');
                if (!doc || !heading) return { name, where: `classes/${name}.html`, listed: false, summary: '' };
                return {
                  name,
                  where: `classes/${name}.html`,
                  listed:
                    title(heading)
                      .replace(/^(Abstract )?Class:\s*/, '')
                      .replace(/<.*$/, '') === name,
                  summary: summaryAfter(heading, /^H[1-3]$/),
                };
              }
              return { name, where: 'index', listed: sections.has(name), summary: sections.get(name) ?? '' };
            }),
          );
        },
        { base: `${origin}/api/${module.page}`, names },
      );
      for (const { name, where, listed, summary } of found) {
        if (!listed) problemsFound.push(`${module.name}: ${name} is not in the reference (looked in ${where})`);
        else if (!summary) problemsFound.push(`${module.name}: ${name} has no summary (${where})`);
      }
    }
    if (problemsFound.length && staleNote) problemsFound.push(staleNote);
    expect(problemsFound).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
}, 30_000);
