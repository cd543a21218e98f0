// Headless Chromium driven by playwright-core: how the browser tests (packages/thread, docs, bundlers) open pages.
// The browser comes from npm (@sparticuz/chromium, see npm-chromium.ts), so every run uses the same one and the
// machine needs none; SIGSLOT_CHROMIUM names another binary instead. The flags keep it from reaching for the
// network, which CI machines may close.
import * as fs from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { npmChromium, type NpmChromium } from './npm-chromium';

/** The Chromium binary SIGSLOT_CHROMIUM names, or the one in the @sparticuz/chromium package. */
export async function whichChromium(who: string): Promise<NpmChromium> {
  const named = process.env.SIGSLOT_CHROMIUM;
  if (!named) return npmChromium();
  if (!fs.existsSync(named)) {
    throw new Error(
      `${who}: SIGSLOT_CHROMIUM is ${named}, and there is no file there. Unset it to use the Chromium of the ` +
        `@sparticuz/chromium package (npm install brings it), or point it at a Chromium binary.`,
    );
  }
  return { executablePath: named, env: {} };
}

/** A browser context, and what went wrong on any of its pages so far. */
export interface HeadlessChromium {
  readonly context: BrowserContext;
  /** Console errors and warnings, page errors, failed requests and HTTP errors, each naming its page. */
  readonly problems: string[];
}

/**
 * Starts Chromium with a new profile in `profileDir` and records every problem its pages report. The flags are
 * ours, not @sparticuz/chromium's default list (made for AWS Lambda, it turns off what cross-origin isolation
 * and module workers need).
 */
export async function launchChromium(
  profileDir: string,
  who: string,
  viewport?: { width: number; height: number },
): Promise<HeadlessChromium> {
  const browser = await whichChromium(who);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    ...(viewport ? { viewport } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const problems: string[] = [];
  context.on('page', (opened) => {
    opened.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console.${message.type()} on ${opened.url()}: ${message.text()}`);
    });
    opened.on('pageerror', (error) => problems.push(`page error on ${opened.url()}: ${error.stack ?? error.message}`));
    opened.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
    );
    opened.on('response', (response) => {
      // A browser asks for /favicon.ico by itself; a page that has none is not at fault.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  });
  context.on('weberror', (error) => problems.push(`web error: ${error.error().message}`));
  return { context, problems };
}
