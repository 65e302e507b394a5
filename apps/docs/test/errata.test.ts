/**
 * The /errata page in a real browser: one section per category of the symbolic report, each with
 * the count of its entries in the generated report (counted here from the results), and the
 * residual, scope and notes of every finding rendered as math, with no ASCII math left in the text
 * around the formulas.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { PHONE, screenshotName, useSite } from './site.js';

interface Report {
  readonly report: { readonly results: readonly { readonly id: string; readonly category: string; readonly verdict: string; readonly notes?: string; readonly residualTeX?: string }[] };
}

const generated = JSON.parse(readFileSync(new URL('../src/data/generated/symbolic-report.json', import.meta.url), 'utf8')) as Report;
const CATEGORIES = ['identity', 'inequality', 'justification', 'reading', 'text'];
/** ASCII math the catalog's terminal output uses: a power `sigma1^2`, a product `*`, a subscript `_{`. */
const ASCII_MATH = /[A-Za-z0-9)]\^[({0-9]|\*|_\{/;

const site = useSite();

describe('/errata', () => {
  it('has a section for each of the five categories, with the count of its entries', async () => {
    const { page, problems } = await site.open('/errata');
    try {
      const sections = page.locator('[data-testid="category"]');
      expect(await sections.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-category')))).toEqual(CATEGORIES);
      for (const category of CATEGORIES) {
        const count = generated.report.results.filter((entry) => entry.category === category).length;
        const heading = await page.locator(`[data-category="${category}"] h2`).innerText();
        expect(heading, category).toMatch(new RegExp(`\\(${count}\\)$`));
        // Every entry of the category is listed in its table.
        expect(await page.locator(`[data-category="${category}"] details tbody tr`).count(), category).toBe(count);
      }
      // Each statement that fails or holds only as an inequality is shown in full, under its category.
      for (const entry of generated.report.results.filter((result) => result.verdict === 'fails' || result.verdict === 'holds-as-inequality'))
        expect(await page.locator(`[data-category="${entry.category}"] [data-testid="finding"]#${entry.id.replace(/\./g, '-')}`).count(), entry.id).toBe(1);
      expect(problems.console).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('renders residuals, scopes and notes as KaTeX math, with no ASCII math left around it', async () => {
    const { page, problems } = await site.open('/errata');
    try {
      const fields = page.locator('[data-testid="finding"] :is([data-testid="residual"], [data-testid="scope"], [data-testid="notes"])');
      expect(await fields.count()).toBeGreaterThan(0);
      // The text of each field outside its formulas (KaTeX keeps the TeX source in an annotation, so those are removed first).
      const texts = await fields.evaluateAll((nodes) =>
        nodes.map((node) => {
          const copy = node.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.katex').forEach((math) => math.remove());
          return { kind: node.getAttribute('data-testid'), text: copy.textContent ?? '', math: node.querySelectorAll('.katex').length };
        }),
      );
      for (const { kind, text } of texts) expect(text, `${kind}: ${text}`).not.toMatch(ASCII_MATH);
      const residuals = texts.filter((field) => field.kind === 'residual');
      expect(residuals.length).toBe(generated.report.results.filter((entry) => entry.residualTeX && (entry.verdict === 'fails' || entry.verdict === 'holds-as-inequality')).length);
      for (const residual of residuals) expect(residual.math).toBe(1);
      expect(texts.filter((field) => field.kind === 'notes' && field.math > 0).length).toBeGreaterThan(0);
      expect(await page.locator('.katex-error').count()).toBe(0);
      expect(await page.locator('[data-testid="residual"] .katex .mfrac').count(), 'residuals are fractions').toBeGreaterThan(0);
      expect(problems.console).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fits a phone: the category sections render and nothing widens the page', async () => {
    const { page } = await site.open('/errata', PHONE);
    try {
      expect(await page.locator('[data-testid="category"]').count()).toBe(CATEGORIES.length);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotName('/errata', '-categories-phone'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
