// A Node server of your own: set the two headers on every response, before anything is written.
import * as http from 'node:http';

const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export function isolated(handler: http.RequestListener): http.RequestListener {
  return (request, response) => {
    for (const [name, value] of Object.entries(crossOriginIsolation)) response.setHeader(name, value);
    handler(request, response);
  };
}

http.createServer(isolated((_request, response) => response.end('<!doctype html><p>isolated</p>'))).listen(8080);
