// Vite (build and dev server) and webpack 5, the standard way: each bundler recognises `new Worker(new URL(...,
// import.meta.url), { type: 'module' })`, builds ticker-worker.js as the worker's script and puts its URL here. No
// entry is listed by hand and no URL is made from the page's address.
import { Ticker } from './ticker.js';
import { runApp } from './app.js';

Ticker.worker = () => new Worker(new URL('./ticker-worker.js', import.meta.url), { type: 'module' });
void runApp();
