/**
 * The measured figures as a reader sees them: the theorem pages' numbers, the /verification
 * distributions and the /initialization table show what the checked-in results/verify.json says.
 * Expected values are recomputed here from the file's per-instance outcomes, not read from the
 * components or from the file's own summary.
 */
import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DESKTOP, PHONE, screenshotName, useSite } from './site.js';

interface Outcome {
  readonly skipped: boolean;
  readonly metrics: Record<string, number | null>;
}
interface ResultsFile {
  readonly command: string;
  readonly report: {
    readonly seed: number;
    readonly suites: { readonly suite: string; readonly passed: number; readonly checked: number; readonly outcomes: Outcome[] }[];
  };
}

const results = JSON.parse(readFileSync(new URL('../../../results/verify.json', import.meta.url), 'utf8')) as ResultsFile;

function outcomes(suite: string): Outcome[] {
  const found = results.report.suites.find((entry) => entry.suite === suite);
  if (!found) throw new Error(`no suite ${suite} in results/verify.json`);
  return found.outcomes.filter((outcome) => !outcome.skipped);
}

function values(suite: string, metric: string): number[] {
  return outcomes(suite).flatMap((outcome) => {
    const value = outcome.metrics[metric];
    return typeof value === 'number' ? [value] : [];
  });
}

function median(list: readonly number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The first number of a text as the site writes it (`1.28`, `3.53e11`). */
function firstNumber(text: string): number {
  const match = /-?\d+(?:\.\d+)?(?:e-?\d+)?/.exec(text);
  if (!match) throw new Error(`no number in '${text}'`);
  return Number(match[0]);
}

/** Asserts `shown` is `value` to the three significant digits the site prints. */
function expectShown(shown: number, value: number, what: string): void {
  const halfUnit = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  expect(Math.abs(shown - value), `${what}: shown ${shown}, file ${value}`).toBeLessThanOrEqual(halfUnit * (1 + 1e-12));
}

/** Fails when anything inside `selector` is wider than the article column or reaches past it. */
async function expectInsideColumn(page: Page, selector: string): Promise<void> {
  const overflow = await page.evaluate((scope) => {
    const column = document.querySelector('article')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll(`${scope}, ${scope} svg`)).map((element) => {
      const box = element.getBoundingClientRect();
      return Math.max(box.right - column.right, column.left - box.left);
    });
  }, selector);
  expect(overflow.length).toBeGreaterThan(0);
  for (const pixels of overflow) expect(pixels, `${selector} overflows the column`).toBeLessThanOrEqual(1);
}

const site = useSite();
const METRICS = ['slack', 'windowRatio', 'alphaRatio'] as const;

describe('measured figures come from results/verify.json', () => {
  for (const suite of ['theorem-3', 'theorem-4']) {
    it(`/${suite} quotes the file's medians, saying over what`, async () => {
      const { page, problems } = await site.open(`/${suite}`);
      try {
        for (const metric of METRICS) {
          const figure = page.locator(`[data-testid="measured-${suite}-${metric}"]`);
          await expect.poll(() => figure.count(), { message: `${suite} ${metric} quoted once` }).toBe(1);
          const text = await figure.innerText();
          expectShown(firstNumber(text), median(values(suite, metric)), `${suite} ${metric}`);
          expect(text).toContain(`median over ${values(suite, metric).length} instances`);
          expect(text).toContain(`seed ${results.report.seed}`);
        }
        expect(problems.console).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const viewport of [DESKTOP, PHONE]) {
    it(`/verification draws one dot per instance and the medians, inside the column at ${viewport.width} px`, async () => {
      const { page, problems } = await site.open('/verification', viewport);
      try {
        for (const metric of METRICS) {
          const strip = page.locator(`[data-testid="strip-${metric}"]`);
          await strip.locator('svg circle').first().waitFor({ timeout: 30_000 });
          const expected = values('theorem-3', metric).length + values('theorem-4', metric).length;
          expect(await strip.locator('svg circle').count(), `${metric} dots`).toBe(expected);
          for (const suite of ['theorem-3', 'theorem-4']) {
            const caption = await strip.locator(`[data-testid="median-${suite}-${metric}"]`).innerText();
            expectShown(firstNumber(caption), median(values(suite, metric)), `${suite} ${metric} caption`);
          }
          // The dots sit where their values are: the leftmost dot is the smallest value's.
          const xs = await strip.locator('svg circle').evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute('cx'))));
          expect(new Set(xs.map((x) => Math.round(x))).size, `${metric} dots spread along the axis`).toBeGreaterThan(3);
          await expectInsideColumn(page, `[data-testid="strip-${metric}"]`);
          await strip.screenshot({ path: screenshotName('/verification', `-${metric}-${viewport.width}`) });
        }
        const rows = page.locator('[data-testid="verification"] tbody tr');
        expect(await rows.count()).toBe(results.report.suites.length);
        for (const [index, suite] of results.report.suites.entries()) {
          const cells = await rows.nth(index).locator('td').allInnerTexts();
          expect(cells[0]).toBe(suite.suite);
          expect(cells[2]).toMatch(new RegExp(`^${suite.passed}/${suite.checked}`));
          // The claims are typeset, not the command's ASCII.
          expect(await rows.nth(index).locator('td').nth(1).locator('.katex').count(), `${suite.suite} claim in KaTeX`).toBeGreaterThan(0);
        }
        expect(await page.locator('.katex-error').count()).toBe(0);
        await page.screenshot({ path: screenshotName('/verification', `-results-${viewport.width}`), fullPage: true });
        expect(problems.console).toEqual([]);
        expect(problems.failed).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('/initialization tables the rank-deficient suite by shape, and plots the needed alpha', async () => {
    const { page, problems } = await site.open('/initialization');
    try {
      const shapes = new Map<string, Outcome[]>();
      for (const outcome of outcomes('rank-deficient')) {
        const key = `${outcome.metrics.n},${outcome.metrics.r}`;
        shapes.set(key, [...(shapes.get(key) ?? []), outcome]);
      }
      const rows = page.locator('[data-testid="rank-deficient-table"] tbody tr');
      expect(await rows.count()).toBe(shapes.size);
      for (let index = 0; index < shapes.size; index++) {
        const cells = await rows.nth(index).locator('td').allInnerTexts();
        const own = shapes.get(`${cells[0]},${cells[1]}`);
        expect(own, `shape n = ${cells[0]}, r = ${cells[1]} is in the file`).toBeDefined();
        const count = (name: string) => own!.filter((outcome) => outcome.metrics[name] === 1).length;
        expect(cells.slice(2, 6)).toEqual([
          String(own!.length),
          `${count('allUpToR')}/${own!.length}`,
          `${count('aboveR')}/${own!.length}`,
          `${count('unconstrained')}/${own!.length}`,
        ]);
      }
      const constrained = outcomes('rank-deficient').filter((outcome) => outcome.metrics.unconstrained === 0 && typeof outcome.metrics.log10AlphaNeeded === 'number');
      const figure = page.locator('[data-testid="needed-alpha"]');
      await figure.locator('svg circle').first().waitFor({ timeout: 30_000 });
      expect(await figure.locator('svg circle').count()).toBe(constrained.length);
      await expectInsideColumn(page, '[data-testid="rank-deficient-table"]');
      await figure.screenshot({ path: screenshotName('/initialization', '-needed-alpha') });
      expect(await page.locator('.katex-error').count()).toBe(0);
      await page.screenshot({ path: screenshotName('/initialization', '-results'), fullPage: true });
      expect(problems.console).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
