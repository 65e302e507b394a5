/**
 * The verdict labels on /errata in a real browser: "proved" only where a symbolic route proved the
 * statement; a cross-reference compared with the catalog's data says it is a reading, a search
 * says it is evidence, and so does every checked correction. The expectation is taken from each
 * result's method in the generated report, never from the entry's id.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { useSite } from './site.js';

interface Result {
  readonly id: string;
  readonly verdict: string;
  readonly method: string;
  readonly correction?: { readonly verdict: string; readonly method: string };
}

const generated = JSON.parse(readFileSync(new URL('../src/data/generated/symbolic-report.json', import.meta.url), 'utf8')) as { report: { results: readonly Result[] } };
const results = generated.report.results;
/** A proof is a `holds` reached by a symbolic route (check.ts names each `symbolic ...` or `noncommutative ...`). */
const isProof = (verdict: string, method: string) => verdict === 'holds' && /^(symbolic|noncommutative)/.test(method);
const anchor = (id: string) => `#${id.replace(/\./g, '-')}`;

const site = useSite();

describe('/errata verdict labels', () => {
  it('says "proved" only for symbolic proofs, "reading" for cross-references, "evidence" for searches', async () => {
    const { page, problems } = await site.open('/errata');
    try {
      // The category tables list every entry once; their badges carry the entry's id and method in the tooltip.
      const badges = await page.locator('[data-testid="category"] details tbody [data-verdict]').evaluateAll((nodes) =>
        nodes.map((node) => ({ id: (node.getAttribute('title') ?? '').split(':')[0], text: node.textContent ?? '' })),
      );
      expect(badges.length).toBe(results.length);
      const readings = results.filter((result) => result.method.startsWith('reading'));
      const searches = results.filter((result) => /numeric search/.test(result.method));
      expect(readings.length, 'the catalog has reference checks').toBeGreaterThan(0);
      expect(searches.length, 'the catalog has numeric searches').toBeGreaterThan(0);
      for (const { id, text } of badges) {
        const result = results.find((entry) => entry.id === id);
        expect(result, id).toBeDefined();
        if (!result) continue;
        expect(text.includes('proved'), `${id} (${result.verdict}, ${result.method}): ${text}`).toBe(isProof(result.verdict, result.method));
        if (result.method.startsWith('reading') && result.verdict !== 'fails') expect(text, id).toContain('reading');
        if (/numeric search/.test(result.method) && result.verdict !== 'fails') expect(text, id).toContain('numeric evidence');
      }
      expect(problems.console).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('labels each correction by the method that checked it', async () => {
    const { page } = await site.open('/errata');
    try {
      const corrected = results.filter((result) => result.correction);
      expect(corrected.some((result) => result.correction?.method.startsWith('reading')), 'some correction is a reading').toBe(true);
      for (const result of corrected) {
        const finding = page.locator(`[data-testid="finding"]${anchor(result.id)}`);
        // Identities and inequalities that hold are not shown in full; their corrections cannot be either.
        if ((await finding.count()) === 0) continue;
        const line = await finding.locator('p', { hasText: 'Corrected: ' }).innerText();
        const { verdict, method } = result.correction ?? { verdict: '', method: '' };
        expect(line.includes('proved'), `${result.id}: ${line}`).toBe(isProof(verdict, method));
        if (method.startsWith('reading')) expect(line, result.id).toContain('(reading)');
      }
    } finally {
      await page.close();
    }
  });
});
