/**
 * The site hosted under a path, as GitHub Pages serves a project site: built with
 * DOCS_BASE_URL=/factorflow/ into build-base/ (reusing the generated data of the main build), then
 * every page of its sitemap and every URL its HTML names must be served from under /factorflow/,
 * and the pages other than the API reference, every web worker and the search index must load in
 * Chromium with no console error or failed request.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { DOCUSAURUS_BIN, SITE } from './server.js';
import { searchAndOpen } from './search.js';
import { moveSlider, screenshotName, seriesChange, useSite, type PageProblems } from './site.js';

const BASE = '/factorflow/';
const OUT_DIR = 'build-base';

// Registered before useSite() so that the build exists when its server starts.
beforeAll(() => {
  const started = Date.now();
  const result = spawnSync(process.execPath, [DOCUSAURUS_BIN, 'build', '--out-dir', OUT_DIR], {
    cwd: SITE,
    env: { ...process.env, DOCS_BASE_URL: BASE },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`docusaurus build under ${BASE} failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`hosting: built the site under ${BASE} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}, 1_200_000);

const site = useSite({ dir: OUT_DIR, baseUrl: BASE });

/** The paths (below the origin) of every page the sitemap lists. */
function sitemapPaths(): string[] {
  const xml = readFileSync(`${SITE}${OUT_DIR}/sitemap.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
}

/** Same-origin URLs in the page's links, images, stylesheets and scripts that escape the base path. */
async function urlsOutsideBase(page: Page, origin: string): Promise<string[]> {
  const urls = await page.$$eval('a[href], img[src], link[href], script[src]', (elements) =>
    elements.map((element) => (element as HTMLAnchorElement).href || (element as HTMLImageElement).src),
  );
  return urls.filter((url) => url.startsWith(origin) && !new URL(url).pathname.startsWith(BASE));
}

describe(`the site under ${BASE}`, () => {
  it('the sitemap lists every page under the base path; each is served with every asset it names', async () => {
    const paths = sitemapPaths();
    // The theory pages, the API reference and this new pages are all there.
    expect(paths.length).toBeGreaterThan(200);
    for (const path of ['theorem-4', 'figure-1', 'cite', 'api/core/functions/scalarTrajectory']) expect(paths).toContain(`${BASE}${path}`);
    expect(paths.filter((path) => !path.startsWith(BASE))).toEqual([]);

    // Every page over HTTP: a browser visit of 200+ pages takes a quarter of an hour on 2 cores,
    // and the pages' static HTML names every stylesheet, script, image and link they load.
    const failures: string[] = [];
    const assets = new Map<string, string>();
    for (const path of paths) {
      const response = await fetch(`${site.origin}${path}`);
      const html = await response.text();
      if (!response.ok) failures.push(`${path}: HTTP ${response.status}`);
      // Docusaurus's 404 page is served with status 200 under `docusaurus serve`; its title gives it away.
      if (/<title[^>]*>\s*Page Not Found/i.test(html)) failures.push(`${path}: a 404 page`);
      // The build minifies HTML, so attribute values may be unquoted.
      for (const match of html.matchAll(/<(?:link|script|img|a)\b[^>]*?\s(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
        const value = match[1] ?? match[2] ?? match[3];
        if (value.startsWith('#') || /^(?:mailto|data|javascript):/.test(value)) continue;
        const url = new URL(value, `${site.origin}${path}`);
        if (url.origin !== site.origin) continue;
        if (!url.pathname.startsWith(BASE)) failures.push(`${path}: ${url.pathname} is outside the base path`);
        else if (!assets.has(url.pathname)) assets.set(url.pathname, path);
      }
    }
    for (const [asset, from] of assets) {
      const response = await fetch(`${site.origin}${asset}`, { method: 'HEAD' });
      if (!response.ok) failures.push(`${from}: ${asset}: HTTP ${response.status}`);
    }
    expect(failures).toEqual([]);
    // The crawl did see the pages' stylesheets and scripts (a parsing slip would find none).
    expect([...assets.keys()].filter((asset) => asset.endsWith('.css')).length).toBeGreaterThan(0);
    expect([...assets.keys()].filter((asset) => asset.endsWith('.js')).length).toBeGreaterThan(0);
    console.log(`hosting: ${paths.length} pages and ${assets.size} linked URLs served under ${BASE}`);
  }, 600_000);

  it('every page other than the API reference loads in the browser with no console error or failed request', async () => {
    const paths = sitemapPaths().filter((path) => !path.startsWith(`${BASE}api/`) || path === `${BASE}api/core/functions/riccatiClosedForm`);
    const failures: string[] = [];
    for (const path of paths) {
      const { page, problems } = await site.open(path);
      const escaped = await urlsOutsideBase(page, site.origin);
      const titles = await page.locator('h1').allInnerTexts();
      await page.close();
      const report = (kind: string, list: readonly string[]) => list.forEach((entry) => failures.push(`${path}: ${kind}: ${entry}`));
      report('console', problems.console);
      report('request', problems.failed);
      report('outside the base path', escaped);
      if (titles.some((text) => /page not found/i.test(text))) failures.push(`${path}: a 404 page`);
    }
    expect(failures).toEqual([]);
    console.log(`hosting: ${paths.length} pages loaded in Chromium under ${BASE}`);
  }, 600_000);

  it('every live example starts its web workers from under the base path and plots', async () => {
    for (const path of ['proposition-1', 'corollary-2', 'figure-1', 'theorem-3', 'theorem-4', 'udv-model']) {
      const { page, problems } = await openWithWorkers(`${BASE}${path}`);
      const examples = page.locator('[data-testid="live-example"]');
      expect(await examples.count(), path).toBeGreaterThan(0);
      for (let index = 0; index < (await examples.count()); index++)
        await examples.nth(index).locator('[data-testid="plot"] svg').first().waitFor({ timeout: 60_000 });
      expect(problems.workers.length, `${path}: workers started`).toBeGreaterThan(0);
      expect(problems.workers.filter((url) => !url.startsWith(`${site.origin}${BASE}`)), path).toEqual([]);
      expect(problems.console, path).toEqual([]);
      expect(problems.failed, path).toEqual([]);
      await page.close();
    }
  });

  it('moving an explorer slider recomputes in the workers under the base path', async () => {
    const { page, problems } = await site.open(`${BASE}theorem-4`);
    const scope = '[data-testid="live-example"]:has([data-testid="alpha-slider"])';
    await page.waitForSelector(`${scope} [data-testid="plot"][data-series]`, { timeout: 60_000 });
    const before = await page.getAttribute(`${scope} [data-testid="plot"]`, 'data-series');
    const slider = `${scope} [data-testid="alpha-slider"]`;
    const min = Number(await page.getAttribute(slider, 'min'));
    const current = Number(await page.inputValue(slider));
    await moveSlider(page, scope, String(current - 1 >= min ? current - 1 : current + 1));
    expect(await seriesChange(page, scope, before)).not.toBe(before);
    await page.screenshot({ path: screenshotName('/factorflow/theorem-4', '-slider'), fullPage: false });
    expect(problems.console).toEqual([]);
    expect(problems.failed).toEqual([]);
    await page.close();
  });

  it('search loads its index from under the base path and finds the Theorem 4 page for "Delta sign"', async () => {
    const { page, problems } = await site.open(`${BASE}`);
    const indexRequests: string[] = [];
    page.on('request', (request) => {
      if (/search-index.*\.json/.test(request.url())) indexRequests.push(request.url());
    });
    await searchAndOpen(page, 'Delta sign', 'Theorem 4', 'theorem-4');
    expect(new URL(page.url()).pathname).toBe(`${BASE}theorem-4`);
    expect(await page.locator('article h1').innerText()).toContain('Theorem 4');
    expect(indexRequests.length).toBeGreaterThan(0);
    expect(indexRequests.filter((url) => !url.startsWith(`${site.origin}${BASE}`))).toEqual([]);
    expect(problems.console).toEqual([]);
    expect(problems.failed).toEqual([]);
    await page.close();
  });

  /** site.open, also recording the script URL of every worker the page starts. */
  async function openWithWorkers(path: string): Promise<{ page: Page; problems: PageProblems & { workers: string[] } }> {
    const { page, problems } = await site.open(path);
    const workers = page.workers().map((worker) => worker.url());
    page.on('worker', (worker) => workers.push(worker.url()));
    return { page, problems: { ...problems, workers } };
  }
});
