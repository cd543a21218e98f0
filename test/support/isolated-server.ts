// A static file server for the browser tests: serves a folder on 127.0.0.1 with the two headers that make a page
// cross-origin isolated (SharedArrayBuffer, hence QThread and the pool, need them), and never caches.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** The response headers that make a page cross-origin isolated. */
export const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Serves `dir` ("/" is index.html); `isolated(pathname)` says whether a response gets the isolation headers (all do
 * by default: a test page that shows what happens without them opts out). Resolves once listening.
 */
export async function serveIsolated(
  dir: string,
  isolated: (pathname: string) => boolean = () => true,
): Promise<{ server: http.Server; url: string }> {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`${pathname} not found`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...(isolated(pathname) ? ISOLATION : {}),
    });
    response.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
