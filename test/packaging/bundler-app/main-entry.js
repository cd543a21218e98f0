// Vite build and webpack: ticker.js is a second entry point that keeps its exports (an ES module library for
// webpack), written as ticker.js next to index.html (see the configs in bundlers.test.ts), and the worker runs it
// as its script. The URL is made from the page's address: written as `new URL('./ticker.js', import.meta.url)`,
// both bundlers would copy the unbundled source as an asset instead.
import { Ticker } from './ticker.js';
import { runApp } from './app.js';

Ticker.module = new URL('./ticker.js', document.baseURI).href;
void runApp();
