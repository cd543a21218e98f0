// esbuild: ticker.js is an entry point of its own, written next to this one (esbuild leaves
// `new URL(..., import.meta.url)` as it is).
import { Ticker } from './ticker.js';
import { runApp } from './app.js';

Ticker.module = new URL('./ticker.js', import.meta.url).href;
void runApp();
