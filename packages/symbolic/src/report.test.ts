import { describe, expect, it } from 'vitest';

import { REPORT_SCHEMA, buildReport, formatReport, type EntryResult } from './report.js';

function result(id: string, category: EntryResult['category'], verdict: EntryResult['verdict']): EntryResult {
  return { id, section: 'III-B', equation: '(25)', category, title: id, statement: 'x', hypotheses: [], verdict, method: 'm', routes: {}, seconds: 0.1 };
}

describe('the report by category', () => {
  const results = [result('a', 'identity', 'holds'), result('b', 'identity', 'fails'), result('c', 'justification', 'holds'), result('d', 'text', 'fails')];

  it('counts every category, the empty ones as 0', () => {
    const report = buildReport(results, 1, 2, '1.5.0');
    expect(report.schema).toBe(REPORT_SCHEMA);
    expect(report.summary.categories).toEqual({ identity: 2, inequality: 0, justification: 1, reading: 0, text: 1 });
  });

  it('prints the category column and a per-category summary line', () => {
    const text = formatReport(buildReport(results, 1, 2, '1.5.0'));
    expect(text).toMatch(/id\s+equation\s+category\s+verdict/);
    expect(text).toMatch(/\bc\s+\(25\)\s+justification\s+holds/);
    expect(text.split('\n').at(-1)).toBe('by category: 2 identity, 0 inequality, 1 justification, 0 reading, 1 text');
  });

  it('refuses a result without a category, naming the field', () => {
    const uncategorized = { ...results[0], category: undefined } as unknown as EntryResult;
    expect(() => buildReport([uncategorized], 1, 2, '1.5.0')).toThrow(/results\[0\]\.category/);
  });
});
