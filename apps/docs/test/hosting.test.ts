/**
 * The site hosted under a path, as GitHub Pages serves a project site: built with
 * DOCS_BASE_URL=/factorflow/ into build-base/ (reusing the generated data of the main build), then
 * every page of its sitemap, every asset those pages request, every web worker and the search
 * index must load from under /factorflow/ with no console error or failed request.
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
/** Pages open at once while crawling the sitemap: overlaps network waits without starving 2 cores. */
const CRAWL_CONCURRENCY = 3;

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
  it('the sitemap lists every page under the base path, and each loads with its assets', async () => {
    const paths = sitemapPaths();
    // The theory pages, the API reference and this new pages are all there.
    expect(paths.length).toBeGreaterThan(200);
    for (const path of ['theorem-4', 'figure-1', 'cite', 'api/core/functions/scalarTrajectory']) expect(paths).toContain(`${BASE}${path}`);
    expect(paths.filter((path) => !path.startsWith(BASE))).toEqual([]);

    const failures: string[] = [];
    const queue = [...paths];
    const crawl = async (): Promise<void> => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const { page, problems } = await site.open(path);
        const escaped = await urlsOutsideBase(page, site.origin);
        // Docusaurus's 404 page is served with status 200 under `docusaurus serve`; its title gives it away.
        const titles = await page.locator('h1').allInnerTexts();
        await page.close();
        const report = (kind: string, list: readonly string[]) => list.forEach((entry) => failures.push(`${path}: ${kind}: ${entry}`));
        report('console', problems.console);
        report('request', problems.failed);
        report('outside the base path', escaped);
        if (titles.length === 0 || titles.some((text) => /page not found/i.test(text))) failures.push(`${path}: no title, or a 404 page`);
      }
    };
    await Promise.all(Array.from({ length: CRAWL_CONCURRENCY }, crawl));
    expect(failures).toEqual([]);
    console.log(`hosting: ${paths.length} pages loaded under ${BASE}`);
  }, 1_200_000);

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
