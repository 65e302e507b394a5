/**
 * The page "Beyond the paper: asymmetric factorization" in Chromium: it renders its math and its
 * verdicts, every display equation fits the column at 1280 px and nothing is cut off at 390 px,
 * the measured figures it quotes are those of results/verify.json, and the live explorer draws
 * the singular values of X(t) and the windows and follows its alpha slider, with no console error.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { DESKTOP, PHONE, moveSlider, screenshotName, seriesChange, useSite } from './site.js';

const PATH = '/asymmetric';
const SCOPE = '[data-example="asymmetric"]';
const VERIFY = fileURLToPath(new URL('../../../results/verify.json', import.meta.url));

interface Outcome {
  readonly metrics: Record<string, number>;
  readonly skipped?: boolean;
}

/** The values of one metric of the asymmetric suite, from the checked-in results file, sorted. */
function valuesOf(metric: string): number[] {
  const { report } = JSON.parse(readFileSync(VERIFY, 'utf8')) as { report: { suites: { suite: string; outcomes: Outcome[] }[] } };
  const suite = report.suites.find((candidate) => candidate.suite === 'asymmetric');
  if (suite === undefined) throw new Error('results/verify.json has no asymmetric suite: run npm run results');
  return suite.outcomes.flatMap((outcome) => (!outcome.skipped && metric in outcome.metrics ? [outcome.metrics[metric]] : [])).sort((a, b) => a - b);
}

/** The median of one metric of the asymmetric suite, from the checked-in results file. */
function medianOf(metric: string): number {
  const values = valuesOf(metric);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

/** Runs in the page: display equations wider than their container (at `slack` px) that cannot scroll. */
function displayProblems(mustFit: boolean): string[] {
  const problems: string[] = [];
  for (const display of Array.from(document.querySelectorAll('article .katex-display'))) {
    const overflow = display.scrollWidth - display.clientWidth;
    const overflowX = getComputedStyle(display).overflowX;
    const scrolls = overflowX === 'auto' || overflowX === 'scroll';
    const text = display.querySelector('annotation')?.textContent?.slice(0, 60) ?? '';
    if (mustFit && overflow > 1) problems.push(`"${text}" is ${overflow} px wider than the column`);
    if (overflow > 1 && !scrolls) problems.push(`"${text}" is cut off by ${overflow} px`);
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
  return problems;
}

describe('the asymmetric factorization page', () => {
  const site = useSite();

  it('renders the derivation with its verdicts, fits the column at 1280 px, and quotes results/verify.json', async () => {
    const { page, problems } = await site.open(PATH, DESKTOP);
    expect(await page.textContent('h1')).toContain('Beyond the paper: asymmetric factorization');
    expect(await page.textContent('.theme-admonition')).toMatch(/Our derivation, not the paper's claim/);
    expect(await page.locator('article .katex-display').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('article .katex-error').count()).toBe(0);
    const verdicts = await page.$$eval('[data-testid="checks"] [data-verdict]', (badges) => badges.map((badge) => badge.getAttribute('data-verdict')));
    expect(verdicts.length).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(displayProblems, true)).toEqual([]);
    for (const metric of ['alphaExponent', 'imbalanceExponent', 'odeError']) {
      const shown = Number(await page.getAttribute(`[data-testid="metric-asymmetric-${metric}"]`, 'data-value'));
      expect(shown, metric).toBe(medianOf(metric));
    }
    const every = valuesOf('everyWindow');
    expect(every.length).toBeGreaterThan(0);
    const fraction = Number(await page.getAttribute('[data-testid="metric-asymmetric-everyWindow"]', 'data-value'));
    expect(fraction).toBe(every.filter((value) => value === 1).length / every.length);
    await page.waitForSelector(`${SCOPE} [data-testid="plot"] svg`, { timeout: 60_000 });
    await page.screenshot({ path: screenshotName(PATH, '-desktop'), fullPage: true });
    expect(problems.console).toEqual([]);
    expect(problems.failed).toEqual([]);
    await page.close();
  }, 120_000);

  it('cuts nothing off at 390 px', async () => {
    const { page, problems } = await site.open(PATH, PHONE);
    await page.waitForSelector(`${SCOPE} [data-testid="plot"] svg`, { timeout: 60_000 });
    expect(await page.evaluate(displayProblems, false)).toEqual([]);
    const plot = await page.$eval(`${SCOPE} [data-testid="plot"]`, (element) => ({ width: element.scrollWidth, visible: element.clientWidth }));
    expect(plot.width).toBeLessThanOrEqual(plot.visible + 1);
    await page.screenshot({ path: screenshotName(PATH, '-phone'), fullPage: true });
    expect(problems.console).toEqual([]);
    await page.close();
  }, 120_000);

  it('draws the singular values and the windows, and redraws when alpha moves', async () => {
    const { page, problems } = await site.open(PATH, DESKTOP);
    const first = await seriesChange(page, SCOPE, null);
    // Two figures: the singular values of X(t), then the windows.
    expect(await page.locator(`${SCOPE} [data-testid="plot"] svg`).count()).toBeGreaterThanOrEqual(2);
    const readout = await page.textContent(`${SCOPE} [data-testid="asymmetric-readout"]`);
    expect(readout).toMatch(/t\s*∈/);
    expect(await page.locator(`${SCOPE} [data-testid="asymmetric-readout"] li[data-k]`).count()).toBeGreaterThanOrEqual(3);
    await page.locator(SCOPE).screenshot({ path: screenshotName(PATH, '-explorer') });
    await moveSlider(page, SCOPE, '-11');
    const second = await seriesChange(page, SCOPE, first);
    expect(second).not.toBe(first);
    // A bad singular value clears the plot and says what to type.
    await page.fill(`${SCOPE} [data-testid="sigma"]`, '3, -1');
    await page.waitForFunction((scope) => document.querySelector(`${scope} [data-testid="plot"]`)?.getAttribute('data-series') === null, SCOPE);
    expect(await page.textContent(SCOPE)).toMatch(/enter positive numbers/);
    expect(problems.console).toEqual([]);
    await page.close();
  }, 120_000);
});
