/**
 * The sweep of Sections II-IV (coverage.ts) against the catalog, in both directions: every id the
 * sweep names is an entry, every entry is named by the sweep, and every numbered equation and
 * marked step of the paper has an item. A new entry or a renamed id that is not swept fails here.
 */
import { describe, expect, it } from 'vitest';

import { catalog } from './index.js';
import { sweep } from './coverage.js';

const ids = new Set(catalog.map((entry) => entry.id));
const swept = new Set(sweep.flatMap((item) => item.ids));
const SECTIONS = ['II', 'II-A', 'II-B', 'III', 'III-A', 'III-B', 'III-C1', 'III-C2', 'IV'];

describe('the sweep of Sections II-IV', () => {
  it('names only entries that exist', () => {
    const missing = sweep.flatMap((item) => item.ids.filter((id) => !ids.has(id)).map((id) => `${id} (${item.quote.slice(0, 50)})`));
    expect(missing).toEqual([]);
  });

  it('names every entry of the catalog', () => {
    expect(catalog.filter((entry) => !swept.has(entry.id)).map((entry) => entry.id)).toEqual([]);
  });

  it('gives every item that claims something at least one entry, and every no-claim a reason instead', () => {
    for (const item of sweep) {
      expect(SECTIONS, item.quote).toContain(item.section);
      expect(item.quote.length, item.quote).toBeGreaterThan(10);
      if (item.kind === 'no-claim') {
        expect(item.ids, item.quote).toEqual([]);
        expect(item.reason?.length ?? 0, item.quote).toBeGreaterThan(10);
      } else {
        expect(item.ids.length, item.quote).toBeGreaterThan(0);
        expect(item.reason, item.quote).toBeUndefined();
      }
    }
  });

  it('has an item for each numbered equation (1)-(30) of Sections II-III', () => {
    const labels = sweep.map((item) => item.label ?? '');
    const absent = Array.from({ length: 30 }, (_, i) => `(${i + 1})`).filter((label) => !labels.some((candidate) => candidate === label || candidate.startsWith(`${label},`)));
    expect(absent).toEqual([]);
  });

  it('has an item for each marked step of (19)-(20) and for (a), (b), (c)', () => {
    const labels = new Set(sweep.map((item) => item.label));
    const marks = ['first (*)', 'second (*)', '(star)'];
    const expected = [
      ...['(19)', '(20)'].flatMap((equation) => marks.map((mark) => `${equation}, ${mark}`)),
      '(19), =(15)',
      '(19), second =',
      '(19), last >=',
      '(20), =(14)',
      '(20), last <=',
      '(a)',
      '(b)',
      '(c)',
      '(24), first =',
      'H11 bound, [25]',
    ];
    expect(expected.filter((label) => !labels.has(label))).toEqual([]);
  });

  it('lists each of (a), (b), (c) both where it is used and where it is explained', () => {
    for (const mark of ['(a)', '(b)', '(c)']) {
      const kinds = sweep.filter((item) => item.label === mark).map((item) => item.kind);
      expect(kinds, mark).toContain('step');
      expect(kinds.some((kind) => kind === 'claim' || kind === 'citation'), mark).toBe(true);
    }
  });
});
