/**
 * The shared fixture of the browser tests: the built site served on a free port, one Chromium,
 * and helpers that open a page recording its console errors and failed requests, name
 * screenshots, and move sliders the way a user does. Each test file calls {@link useSite} once.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { chromiumExecutable } from './browser.js';
import { serveSite, type ServeOptions, type SiteServer } from './server.js';

/** Where screenshots and measured figures go (kept as CI artifacts). */
export const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));

export interface PageProblems {
  readonly console: string[];
  readonly failed: string[];
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export const DESKTOP: Viewport = { width: 1280, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

export interface Site {
  /** Opens a page and records every console error or warning and every failed request. */
  open(path: string, viewport?: Viewport): Promise<{ page: Page; problems: PageProblems }>;
  /** The site's origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
}

/** Starts the server and the browser before the file's tests and stops them after. */
export function useSite(serve: ServeOptions = {}): Site {
  let server: SiteServer | undefined;
  let browser: Browser | undefined;
  // An install of the browser, when there is none, takes minutes.
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const executablePath = chromiumExecutable();
    server = await serveSite(serve);
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  return {
    get origin() {
      if (!server) throw new Error('the site is not served yet: call open() inside a test');
      return server.origin;
    },
    async open(path, viewport = DESKTOP) {
      if (!browser || !server) throw new Error('the site is not served yet: call open() inside a test');
      const page = await browser.newPage({ viewport });
      const problems: PageProblems = { console: [], failed: [] };
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.console.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.console.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? 'failed';
        // The browser cancelled it (a route prefetch overtaken by a re-render or by the page closing):
        // not a failure of the site. A missing or broken asset answers with an HTTP status, recorded below.
        if (reason === 'net::ERR_ABORTED') return;
        problems.failed.push(`${request.url()}: ${reason}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.failed.push(`${response.url()}: HTTP ${response.status()}`);
      });
      await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
      // Hydration re-keys every code block; a resize (a full-page screenshot) between React detaching
      // the old block's ref and running its effect cleanup makes Docusaurus's useCodeWordWrap read a
      // null ref. Docusaurus marks the end of hydration on <html>, after those cleanups.
      await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached', timeout: 30_000 });
      return { page, problems };
    },
  };
}

/** The artifact path of a page's screenshot. */
export function screenshotName(path: string, suffix = ''): string {
  const name = path === '/' ? 'index' : path.slice(1).replace(/\//g, '_');
  return `${ARTIFACTS}${name}${suffix}.png`;
}

/** Waits until the plot's data checksum differs from `before`; returns the new one. */
export async function seriesChange(page: Page, scope: string, before: string | null): Promise<string | null> {
  await page.waitForFunction(
    ({ selector, previous }) => document.querySelector(selector)?.getAttribute('data-series') !== previous,
    { selector: `${scope} [data-testid="plot"]`, previous: before },
    { timeout: 30_000 },
  );
  return page.getAttribute(`${scope} [data-testid="plot"]`, 'data-series');
}

/** Moves a range input the way a user does: set the value, fire `input` and `change`. */
export async function moveSlider(page: Page, scope: string, value: string): Promise<void> {
  await page.$eval(
    `${scope} [data-testid="alpha-slider"]`,
    (element, next) => {
      const input = element as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, next);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}
