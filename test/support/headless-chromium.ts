// Debian's Chromium, headless, driven by playwright-core: how the browser tests (packages/thread, docs) open
// pages. The flags keep it from reaching for the network, which this machine closes (../shared/reference/tooling.md).
import * as fs from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Chromium is: Debian's package, or SIGSLOT_CHROMIUM. */
export const CHROMIUM = process.env.SIGSLOT_CHROMIUM ?? '/usr/bin/chromium';

/** A browser context, and what went wrong on any of its pages so far. */
export interface HeadlessChromium {
  readonly context: BrowserContext;
  /** Console errors and warnings, page errors, failed requests and HTTP errors, each naming its page. */
  readonly problems: string[];
}

/**
 * Starts Chromium with a new profile in `profileDir` and records every problem its pages report. Throws a
 * message that says how to install Chromium when it is missing.
 */
export async function launchChromium(
  profileDir: string,
  who: string,
  viewport?: { width: number; height: number },
): Promise<HeadlessChromium> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${who} needs Chromium at ${CHROMIUM}, and it is not there. Install Debian's package ` +
        `(apt-get install -y chromium; .ci/run does), or point SIGSLOT_CHROMIUM at a Chromium binary.`,
    );
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
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
