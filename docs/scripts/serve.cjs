// A static server for the built site (docs/.vitepress/dist) that sends the cross-origin isolation headers the
// live demo needs. `npm run docs:preview` runs it; docs/test/site.test.ts uses it. (`vitepress preview` does not
// apply vite's preview.headers, so it cannot serve the demo.)
//
//   node docs/scripts/serve.cjs [--port 4173] [--host 127.0.0.1] [--dir docs/.vitepress/dist]
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

/** The headers that make a page cross-origin isolated (SharedArrayBuffer exists only then). */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request path names: `/` and folders -> index.html, `/guide/x` -> guide/x.html (clean URLs). */
function resolveFile(dir, pathname) {
  const safe = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(dir, safe);
  if (!base.startsWith(dir)) return null;
  for (const candidate of [base, path.join(base, 'index.html'), `${base}.html`]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Serves `dir` with the isolation headers. Resolves with the listening server; `server.address().port` is
 * the port (0 picks a free one).
 */
function serveSite(dir, { port = 4173, host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveFile(root, pathname);
    const status = file ? 200 : 404;
    const body = file
      ? fs.readFileSync(file)
      : fs.existsSync(path.join(root, '404.html'))
        ? fs.readFileSync(path.join(root, '404.html'))
        : 'Not found';
    response.writeHead(status, {
      'Content-Type': TYPES[path.extname(file ?? '.html')] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...ISOLATION_HEADERS,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { serveSite, ISOLATION_HEADERS };

if (require.main === module) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? process.argv[at + 1] : fallback;
  };
  const dir = path.resolve(arg('dir', path.join(__dirname, '../.vitepress/dist')));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built site in ${dir}: run npm run docs:build first.`);
    process.exit(1);
  }
  serveSite(dir, { port: Number(arg('port', 4173)), host: arg('host', '127.0.0.1') }).then((server) => {
    const { address, port } = server.address();
    console.log(`The built site, cross-origin isolated: http://${address}:${port}/`);
  });
}
