// Vite dev server: `?worker&url` makes Vite serve ticker.js as a worker script and gives its URL.
import { Ticker } from './ticker.js';
import tickerUrl from './ticker.js?worker&url';
import { runApp } from './app.js';

Ticker.module = tickerUrl;
void runApp();
