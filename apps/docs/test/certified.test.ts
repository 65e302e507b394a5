/**
 * The page "Certified windows" (issue 20) and the certified shading of both explorers, in
 * Chromium: the page renders at 1280 and 390 px without sideways scrolling or console errors; its
 * figures quote the certified suite of results/verify.json; the explorers draw certified bars
 * under measured windows of the same rank only, no more than their legends count, and redraw them
 * when alpha moves.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DESKTOP, PHONE, type Viewport, moveSlider, screenshotName, useSite } from './site.js';

const EXPLORER = '[data-example="incremental-explorer"]';
const RANK = '[data-example="rank-k-distance"]';
const VERIFY = fileURLToPath(new URL('../../../results/verify.json', import.meta.url));
const VIEWPORTS: [string, Viewport][] = [
  ['1280', DESKTOP],
  ['390', PHONE],
];

interface Outcome {
  readonly metrics: Record<string, number | null>;
  readonly skipped?: boolean;
}

/** The median of one metric of the certified suite, from the checked-in results file. */
function medianOf(metric: string): number {
  const { report } = JSON.parse(readFileSync(VERIFY, 'utf8')) as { report: { suites: { suite: string; outcomes: Outcome[] }[] } };
  const suite = report.suites.find((candidate) => candidate.suite === 'certified');
  if (suite === undefined) throw new Error('results/verify.json has no certified suite: run npm run results');
  const values = suite.outcomes.flatMap((outcome) => {
    const value = outcome.metrics[metric];
    return !outcome.skipped && typeof value === 'number' ? [value] : [];
  });
  values.sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

interface Bar {
  readonly label: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The marks whose aria-label starts with `kind` inside `scope`'s plot, with their screen boxes. */
async function bars(page: Page, scope: string, kind: 'measured window' | 'certified window'): Promise<Bar[]> {
  return page.$$eval(`${scope} [data-testid="plot"] [aria-label^="${kind},"]`, (marks) =>
    marks.map((mark) => {
      const box = mark.getBoundingClientRect();
      return { label: mark.getAttribute('aria-label') ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }),
  );
}

/**
 * Waits for the certification pass of `scope`, then checks that every certified bar lies under a
 * measured window of its rank (within 12 px below it, inside it horizontally) and that there are
 * no more bars than the legend counts (windows past the plotted horizon are not drawn). Returns
 * the number of bars.
 */
async function checkShading(page: Page, scope: string): Promise<number> {
  const legend = `${scope} [data-testid="certified-legend"]`;
  await page.waitForFunction((selector) => (document.querySelector(selector)?.getAttribute('data-count') ?? '') !== '', legend, { timeout: 90_000 });
  const counted = Number(await page.getAttribute(legend, 'data-count'));
  const certified = await bars(page, scope, 'certified window');
  const measured = await bars(page, scope, 'measured window');
  expect(certified.length).toBeLessThanOrEqual(counted);
  for (const bar of certified) {
    const rank = bar.label.replace('certified window, ', '');
    const host = measured.filter((window) => window.label === `measured window, ${rank}`);
    expect(
      host.some((window) => window.left <= bar.left + 1 && bar.right <= window.right + 1 && bar.top >= window.top - 1 && bar.top - window.bottom < 12),
      `${bar.label} at [${bar.left}, ${bar.right}] lies under a measured window of ${rank}`,
    ).toBe(true);
  }
  return certified.length;
}

const site = useSite();

describe('the certified windows page', () => {
  for (const [label, viewport] of VIEWPORTS) {
    it(`renders at ${label} px: math, both figures, the explorer with certified lanes, no sideways scroll, no console error`, async () => {
      const { page, problems } = await site.open('/certified', viewport);
      expect(await page.textContent('h1')).toContain('Certified windows');
      expect(await page.locator('.katex').count()).toBeGreaterThan(0);
      expect(await page.locator('.katex-error').count()).toBe(0);
      for (const figure of ['strip-coverage', 'strip-certified-alpha']) await page.locator(`[data-testid="${figure}"] svg`).first().waitFor({ timeout: 30_000 });
      // Y = diag(10, 3, 1), the paper's setting: every window is certified, above Theorem 4's alpha_max too.
      expect(await checkShading(page, EXPLORER)).toBe(3);
      expect(await page.textContent(`${EXPLORER} [data-testid="alpha-max-readout"]`)).toMatch(/not guaranteed/);
      expect(await page.textContent(`${EXPLORER} [data-testid="windows-status"]`)).toMatch(/certified: 3 of 3 ranks/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await page.screenshot({ path: screenshotName('/certified', `-${label}`), fullPage: true });
      await page.locator(EXPLORER).screenshot({ path: screenshotName('/certified', `-${label}-explorer`) });
      for (const figure of ['strip-coverage', 'strip-certified-alpha']) await page.locator(`[data-testid="${figure}"]`).screenshot({ path: screenshotName('/certified', `-${label}-${figure}`) });
      expect(problems.console).toEqual([]);
      expect(problems.failed).toEqual([]);
      await page.close();
    });
  }

  it('quotes the certified suite of results/verify.json', async () => {
    const { page } = await site.open('/certified');
    expect(Number(await page.getAttribute('[data-testid="metric-certified-coverage"]', 'data-value'))).toBeCloseTo(medianOf('coverage'), 12);
    expect(Number(await page.getAttribute('[data-testid="coverage-median"]', 'data-value'))).toBeCloseTo(medianOf('coverage'), 12);
    // The split by basis: a rotated Y is certified through its verified eigenbasis.
    for (const basis of ['diagonal', 'rotated']) {
      const metric = `${basis}Coverage`;
      expect(Number(await page.getAttribute(`[data-testid="metric-certified-${metric}"]`, 'data-value'))).toBeCloseTo(medianOf(metric), 12);
      expect(Number(await page.getAttribute(`[data-testid="${basis}-coverage-median"]`, 'data-value'))).toBeCloseTo(medianOf(metric), 12);
    }
    expect(Number(await page.getAttribute('[data-testid="metric-certified-alphaVsMeasured"]', 'data-value'))).toBeCloseTo(medianOf('alphaVsMeasured'), 12);
    const theorem4 = Number(await page.getAttribute('[data-testid="alpha-vs-theorem4-median"]', 'data-value'));
    expect(theorem4 / medianOf('alphaVsTheorem4')).toBeCloseTo(1, 12);
    expect(Number(await page.getAttribute('[data-testid="metric-certified-worstRatio"]', 'data-value'))).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('redraws the certified lanes when alpha moves', async () => {
    const { page, problems } = await site.open('/certified');
    await checkShading(page, EXPLORER);
    const before = (await bars(page, EXPLORER, 'certified window')).map((bar) => bar.left).join();
    await moveSlider(page, EXPLORER, '-10');
    await page.waitForFunction(
      ({ selector, previous }) => {
        const now = Array.from(document.querySelectorAll(selector)).map((mark) => mark.getBoundingClientRect().left);
        return now.length > 0 && now.join() !== previous;
      },
      { selector: `${EXPLORER} [data-testid="plot"] [aria-label^="certified window,"]`, previous: before },
      { timeout: 90_000 },
    );
    expect(await checkShading(page, EXPLORER)).toBe(3);
    expect(problems.console).toEqual([]);
    await page.close();
  });
});

describe('the other explorers', () => {
  for (const [label, viewport] of VIEWPORTS) {
    it(`/theorem-4 at ${label} px: certified lanes under the measured windows`, async () => {
      const { page, problems } = await site.open('/theorem-4', viewport);
      expect(await checkShading(page, EXPLORER)).toBeGreaterThan(0);
      await page.locator(EXPLORER).screenshot({ path: screenshotName('/theorem-4', `-certified-${label}`) });
      expect(problems.console).toEqual([]);
      await page.close();
    });
  }

  it('/theorem-3: the legend says what was certified, and every certified bar sits under a measured one', async () => {
    const { page, problems } = await site.open('/theorem-3');
    await page.locator(`${RANK} [data-testid="plot"] svg`).first().waitFor({ timeout: 60_000 });
    const drawn = await checkShading(page, RANK);
    const legend = (await page.textContent(`${RANK} [data-testid="certified-legend"]`)) ?? '';
    // Either windows are drawn and counted, or none are and the legend says why.
    if (drawn > 0) expect(legend).toMatch(/\d+ of \d+ ranks certified, median [\d.]+% of the measured length/);
    else expect(legend).toMatch(/none here: \S+/);
    await page.locator(RANK).screenshot({ path: screenshotName('/theorem-3', '-certified') });
    expect(problems.console).toEqual([]);
    await page.close();
  });
});
