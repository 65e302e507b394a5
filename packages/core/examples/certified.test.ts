import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('./certified.ts', import.meta.url), 'utf8');

describe('README: the certified-windows example', () => {
  it('is the code of examples/certified.ts, verbatim (up to its final export line)', () => {
    expect(readme).toContain(source.slice(0, source.lastIndexOf('\nexport {')).trim());
  });

  it('runs, and what its comments say is true', async () => {
    const { check, certified, coverage, measured } = await import('./certified.js');
    expect(measured.map((w) => [w.start.toFixed(5), w.end.toFixed(5)])).toEqual([['1.18142', '4.52371']]);
    expect(certified.length).toBe(1);
    expect(certified[0].start).toBeGreaterThanOrEqual(measured[0].start);
    expect(certified[0].end).toBeLessThanOrEqual(measured[0].end);
    expect(coverage).toBeGreaterThan(0.9999);
    expect(check.certified).toBe(true);
    expect(check.bound).toBeLessThanOrEqual(0.5);
  });
});
