/**
 * The built site in a real browser (Debian's chromium driven by playwright-core): every page loads
 * without console errors or failed requests, math is rendered by KaTeX, every live example draws a
 * plot that follows its alpha slider, the U D V^T spectra grow chunk by chunk, and the live code
 * block runs. Screenshots go to apps/docs/test-results/ as artifacts; the slider latency at n = 50
 * and the U D V^T chunk timings are written there too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { ARTIFACTS, moveSlider, screenshotName, seriesChange, useSite } from './site.js';

/** Every page of the site. */
const PATHS = [
  '/',
  '/python',
  '/gradient-flow',
  '/proposition-1',
  '/corollary-2',
  '/figure-1',
  '/theorem-3',
  '/theorem-4',
  '/certified',
  '/initialization',
  '/asymmetric',
  '/udv-model',
  '/verification',
  '/errata',
  '/cite',
  '/playground',
  '/api',
  '/api/core/functions/riccatiClosedForm',
];
/** The pages without KaTeX math; every other page must have some. */
const WITHOUT_MATH = new Set(['/cite', '/playground', '/api', '/api/core/functions/riccatiClosedForm']);
/** How many live examples a page plots; pages not listed have none. */
const EXAMPLES: Readonly<Record<string, number>> = { '/proposition-1': 1, '/corollary-2': 1, '/figure-1': 1, '/theorem-3': 1, '/theorem-4': 1, '/certified': 1, '/asymmetric': 1, '/udv-model': 1 };
const PAGES = PATHS.map((path) => ({ path, math: !WITHOUT_MATH.has(path), examples: EXAMPLES[path] ?? 0 }));

const THEORY = ['/gradient-flow', '/proposition-1', '/corollary-2', '/theorem-3', '/theorem-4', '/initialization'];

const site = useSite();

describe('every page', () => {
  for (const spec of PAGES) {
    it(`${spec.path} loads cleanly${spec.math ? ', with KaTeX math' : ''}${spec.examples ? `, with ${spec.examples} live example(s) plotted` : ''}`, async () => {
      const { page, problems } = await site.open(spec.path);
      try {
        expect(await page.locator('main h1, article h1').count(), 'a title').toBeGreaterThan(0);
        if (spec.math) expect(await page.locator('.katex').count(), '.katex elements').toBeGreaterThan(0);
        expect(await page.locator('.katex-error').count(), '.katex-error elements').toBe(0);
        if (spec.examples > 0) {
          const examples = page.locator('[data-testid="live-example"]');
          await expect.poll(() => examples.count()).toBe(spec.examples);
          await page.waitForSelector('[data-testid="plot"] svg', { timeout: 30_000 });
          for (let index = 0; index < spec.examples; index++)
            await examples.nth(index).locator('[data-testid="plot"] svg').first().waitFor({ timeout: 30_000 });
        }
        await page.screenshot({ path: screenshotName(spec.path), fullPage: true });
        expect(problems.console, 'console errors and warnings').toEqual([]);
        expect(problems.failed, 'failed requests').toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('theory pages link their equations to the API reference', async () => {
    for (const path of THEORY) {
      const { page } = await site.open(path);
      const links = await page.locator('article a[href*="/api/"]').count();
      await page.close();
      expect(links, path).toBeGreaterThan(0);
    }
  });

  it('the errata page lists the failing statements with checked corrections', async () => {
    const { page } = await site.open('/errata');
    // The errata of the equations and bounds; findings of the other categories need not have a correction.
    const errata = page.locator('[data-testid="errata"] :is([data-category="identity"], [data-category="inequality"]) [data-testid="finding"]');
    expect(await errata.count()).toBeGreaterThanOrEqual(1);
    expect(await errata.filter({ hasText: 'Corrected: proved' }).count()).toBe(await errata.count());
    await page.close();
  });
});

describe('live examples', () => {
  for (const path of ['/corollary-2', '/theorem-3', '/theorem-4']) {
    it(`${path}: moving the alpha slider changes the plotted data`, async () => {
      const { page, problems } = await site.open(path);
      const scope = '[data-testid="live-example"]:has([data-testid="alpha-slider"])';
      await page.waitForSelector(`${scope} [data-testid="plot"][data-series]`, { timeout: 30_000 });
      const before = await page.getAttribute(`${scope} [data-testid="plot"]`, 'data-series');
      const min = Number(await page.getAttribute(`${scope} [data-testid="alpha-slider"]`, 'min'));
      const current = Number(await page.inputValue(`${scope} [data-testid="alpha-slider"]`));
      await moveSlider(page, scope, String(current - 1 >= min ? current - 1 : current + 1));
      const after = await seriesChange(page, scope, before);
      expect(after).not.toBe(before);
      await page.screenshot({ path: screenshotName(path, '-slider'), fullPage: true });
      expect(problems.console).toEqual([]);
      await page.close();
    });
  }

  it('measures the slider-to-plot latency at n = 50 for both initialization shapes', async () => {
    const { page, problems } = await site.open('/corollary-2');
    const scope = '[data-example="incremental-explorer"]';
    type Moves = { latencyMs: number[]; computeMs: number[]; source: string[] };
    const measurements: Record<string, Moves> = {};
    let series: string | null = null;
    /** Waits until the plot shows n = 50 at this alpha on the full 200-point grid, and returns its fingerprint. */
    const settled = async (log10Alpha: string | null): Promise<string | null> => {
      await page.waitForFunction(
        ({ selector, alpha }) => {
          const data = document.querySelector<HTMLElement>(selector)?.dataset;
          return data?.n === '50' && data.points === '200' && (alpha === null || data.log10Alpha === alpha);
        },
        { selector: scope, alpha: log10Alpha },
        { timeout: 30_000 },
      );
      return page.getAttribute(`${scope} [data-testid="plot"]`, 'data-series');
    };
    const measureMoves = async (values: readonly string[]): Promise<Moves> => {
      const moves: Moves = { latencyMs: [], computeMs: [], source: [] };
      for (const value of values) {
        await moveSlider(page, scope, value);
        // The first plot for this value (the coarse one, for the Gaussian shape) carries its timings.
        await page.waitForFunction(({ selector, alpha }) => document.querySelector<HTMLElement>(selector)?.dataset.log10Alpha === alpha, { selector: scope, alpha: value }, { timeout: 30_000 });
        moves.latencyMs.push(Number(await page.getAttribute(scope, 'data-latency-ms')));
        moves.computeMs.push(Number(await page.getAttribute(scope, 'data-compute-ms')));
        moves.source.push((await page.getAttribute(scope, 'data-source')) ?? 'missing');
        const next = await settled(value);
        expect(next).not.toBe(series);
        series = next;
      }
      expect(moves.latencyMs.every((value) => Number.isFinite(value) && value > 0)).toBe(true);
      return moves;
    };
    for (const shape of ['spectral', 'gaussian']) {
      await page.selectOption(`${scope} select[data-testid="init-shape"]`, shape);
      await page.click(`${scope} button[data-testid="preset-n50"]`);
      series = await settled(null);
      // Right after the preset: the worker computes, the atlas of coarse passes is still filling.
      measurements[shape] = await measureMoves(['-9', '-8.5', '-8', '-7.5', '-7', '-6.5', '-6', '-5.5']);
    }
    // Gaussian: once every slider position has its coarse pass, moves are drawn from the atlas.
    await page.waitForFunction(
      (selector) => {
        const progress = document.querySelector<HTMLElement>(selector)?.dataset.atlas?.split('/');
        return progress !== undefined && progress.length === 2 && progress[0] === progress[1];
      },
      scope,
      { timeout: 60_000 },
    );
    const warm = await measureMoves(['-10', '-9.55', '-9.1', '-4.25', '-3', '-11.95', '-2.05', '-7.3']);
    expect(warm.source).toEqual(Array(8).fill('atlas'));
    expect(warm.computeMs).toEqual(Array(8).fill(0));
    measurements['gaussian, coarse atlas complete'] = warm;
    const atlasMs = Number(await page.getAttribute(scope, 'data-atlas-ms'));
    expect(atlasMs).toBeGreaterThan(0);
    writeFileSync(`${ARTIFACTS}slider-latency.json`, `${JSON.stringify({ ...measurements, atlasMs }, null, 2)}\n`);
    await page.screenshot({ path: screenshotName('/corollary-2', '-n50'), fullPage: true });
    expect(problems.console).toEqual([]);
    await page.close();
  });

  it('/udv-model: the sweep and radius tables show every row of their checked-in files', async () => {
    const { page, problems } = await site.open('/udv-model');
    // The checked-in streams of the sweep commands: one JSON line per run.
    const rowsOf = (file: string): { truthRank: number | null; rank: { exact: number } }[] =>
      readFileSync(fileURLToPath(new URL(`../src/data/${file}`, import.meta.url)), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { summary: { truthRank: number | null; rank: { exact: number } } }).summary);
    for (const setup of ['a', 'b2000', 'b5000']) {
      const rows = rowsOf(`udv-sweep-${setup}.jsonl`);
      const shown = await page.$$eval(`[data-testid="sweep-${setup}"] tbody tr`, (trs) => trs.map((tr) => tr.getAttribute('data-truly-low-rank')));
      expect(shown, setup).toEqual(rows.map((row) => String(row.truthRank !== null && row.rank.exact === row.truthRank)));
    }
    for (const setup of ['a', 'b2000']) {
      const rows = rowsOf(`udv-radius-${setup}.jsonl`);
      const cells = await page.$$eval(`[data-testid="radius-sweep-${setup}"] tbody td[data-truly-low-rank]`, (tds) => tds.length);
      expect(cells, setup).toBe(rows.length);
    }
    expect(problems.console).toEqual([]);
    await page.close();
  });

  it('/udv-model: the spectra plot grows chunk by chunk and follows the seed', async () => {
    const { page, problems } = await site.open('/udv-model');
    const scope = '[data-example="udv-spectra"]';
    const plot = `${scope} [data-testid="plot"]`;
    await page.waitForSelector(`${scope}[data-done="true"]`, { timeout: 30_000 });
    const before = await page.getAttribute(plot, 'data-series');
    const firstRunMs = await page.getAttribute(scope, 'data-chunk-ms');
    // Every fingerprint the plot shows while the next run trains.
    await page.$eval(plot, (element) => {
      const seen: string[] = [];
      (window as unknown as { udvSeries: string[] }).udvSeries = seen;
      new MutationObserver(() => seen.push(element.getAttribute('data-series') ?? '')).observe(element, { attributes: true, attributeFilter: ['data-series'] });
    });
    await page.fill(`${scope} input[data-testid="seed"]`, '4');
    await page.waitForFunction(
      (selector) => {
        const root = document.querySelector(selector);
        return root?.getAttribute('data-done') === 'true' && (root.getAttribute('data-key') ?? '').startsWith('[20,2,120,4,');
      },
      scope,
      { timeout: 30_000 },
    );
    const after = await page.getAttribute(plot, 'data-series');
    const seen = await page.evaluate(() => (window as unknown as { udvSeries: string[] }).udvSeries);
    expect(after).not.toBe(before);
    expect(await page.getAttribute(scope, 'data-chunk')).toBe('40');
    // The plot changed after (nearly) every chunk, not just once at the end.
    expect(new Set(seen).size).toBeGreaterThanOrEqual(10);
    expect(await page.locator(`${scope} [data-testid="udv-readout"] tbody tr`).count()).toBe(2);
    const chunkMs = (await page.getAttribute(scope, 'data-chunk-ms'))?.split(',').map(Number) ?? [];
    writeFileSync(
      `${ARTIFACTS}udv-chunks.json`,
      `${JSON.stringify({ n: 20, chunkIterations: 250, firstRunMs: firstRunMs?.split(',').map(Number), seed4Ms: chunkMs }, null, 2)}\n`,
    );
    await page.screenshot({ path: screenshotName('/udv-model', '-seed4'), fullPage: true });
    expect(problems.console).toEqual([]);
    await page.close();
  });

  it('the live code block runs the real library', async () => {
    const { page, problems } = await site.open('/playground');
    const output = page.locator('[data-testid="live-output"]');
    await output.waitFor({ timeout: 30_000 });
    await expect.poll(() => output.textContent()).toMatch(/alpha_max/);
    await page.screenshot({ path: screenshotName('/playground', '-live'), fullPage: true });
    expect(problems.console).toEqual([]);
    await page.close();
  });
});
