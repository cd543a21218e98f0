import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The headers that make a page cross-origin isolated, so that SharedArrayBuffer (and with it QThread) exists.
 * The dev and preview servers send them; a host must too (see guide/browser.md).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** One entry of the navigation TypeDoc writes (typedoc-plugin-markdown's `navigationJson`). */
interface NavigationItem {
  title: string;
  path?: string;
  children?: NavigationItem[];
}

const apiLink = (file: string): string => `/api/${file.replace(/\.md$/, '').replace(/(^|\/)index$/, '$1')}`;

/** The API reference's sidebar, from the navigation TypeDoc wrote (absent until `scripts/prepare.mjs` ran). */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = path.join(DOCS, 'api/navigation.json');
  if (!fs.existsSync(file))
    return [{ text: 'Run npm run docs:build to generate the API reference', link: '/guide/getting-started' }];
  const modules = JSON.parse(fs.readFileSync(file, 'utf8')) as NavigationItem[];
  const item = (entry: NavigationItem): DefaultTheme.SidebarItem =>
    entry.children
      ? {
          text: entry.title,
          collapsed: true,
          items: entry.children.map(item),
          ...(entry.path ? { link: apiLink(entry.path) } : {}),
        }
      : { text: entry.title, link: apiLink(entry.path ?? '') };
  return [{ text: 'API reference', link: '/api/', items: modules.map(item) }];
}

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Guide',
    items: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'Concepts', link: '/guide/concepts' },
      { text: 'Connection types', link: '/guide/connection-types' },
      { text: 'The Designer example', link: '/guide/designer-example' },
      { text: 'Worker objects and invokeMethod', link: '/guide/worker-objects' },
      { text: 'Thread pools and futures', link: '/guide/pool' },
      { text: 'Errors', link: '/guide/errors' },
      { text: 'Testing with sd-shim', link: '/guide/testing' },
      { text: 'Which library when', link: '/guide/which-library' },
      { text: 'Coming from comlink or EventEmitter', link: '/guide/coming-from' },
      { text: 'Browsers and hosting', link: '/guide/browser' },
      { text: 'Benchmarks', link: '/guide/benchmarks' },
    ],
  },
  {
    text: 'Live demos',
    items: [
      { text: 'The timer in your browser', link: '/demo' },
      { text: 'A thread pool rendering tiles', link: '/pool-demo' },
    ],
  },
  {
    text: 'API reference',
    items: [
      { text: '@sigslot/core', link: '/api/core/' },
      { text: '@sigslot/thread', link: '/api/thread/' },
      { text: '@sigslot/sd-shim', link: '/api/sd-shim/' },
      { text: '@sigslot/sd-shim/jest', link: '/api/sd-shim/jest/' },
      { text: '@sigslot/concurrent', link: '/api/concurrent/' },
      { text: '@sigslot/concurrent/web-worker', link: '/api/concurrent/web-worker/' },
    ],
  },
];

export default defineConfig({
  title: 'sigslot',
  description:
    "Qt's signals, slots, thread affinity and QThread for TypeScript, on Node worker_threads and browser Web Workers.",
  lang: 'en',
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/logo.svg' }]],
  // Fragments included by pages, the snippets and the tests are not pages.
  srcExclude: ['**/_*.md', 'snippets/**', 'test/**', 'scripts/**', 'README.md'],
  themeConfig: {
    logo: '/logo.svg',
    nav: [
      { text: 'Guide', link: '/guide/getting-started', activeMatch: '/guide/' },
      {
        text: 'Live demos',
        items: [
          { text: 'The timer in your browser', link: '/demo' },
          { text: 'A thread pool rendering tiles', link: '/pool-demo' },
        ],
      },
      { text: 'API', link: '/api/', activeMatch: '/api/' },
    ],
    sidebar: { '/guide/': guide, '/demo': guide, '/pool-demo': guide, '/api/': apiSidebar() },
    outline: { level: [2, 3] },
    search: { provider: 'local' },
    footer: { message: 'MIT licensed. The API reference is generated from the TSDoc of the sources at each build.' },
  },
  vite: {
    // Vite's `server.headers` reach the files it serves but not the pages VitePress renders in dev, so a middleware
    // that runs first sets them on every response (docs/test/dev-server.test.ts).
    plugins: [
      {
        name: 'sigslot-cross-origin-isolation',
        configureServer(server) {
          server.middlewares.use((_request, response, next) => {
            for (const [name, value] of Object.entries(ISOLATION_HEADERS)) response.setHeader(name, value);
            next();
          });
        },
      },
    ],
    server: { headers: ISOLATION_HEADERS },
    preview: { headers: ISOLATION_HEADERS },
  },
});
