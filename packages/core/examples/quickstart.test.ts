import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('./quickstart.ts', import.meta.url), 'utf8');

describe('README quickstart', () => {
  it('is the code of examples/quickstart.ts, verbatim (up to its final export line)', () => {
    const shown = source.slice(0, source.lastIndexOf('\nexport {')).trim();
    expect(readme).toContain(shown);
  });

  it('runs, and what it prints is true', async () => {
    const { plan, measured, distance, epsilon } = await import('./quickstart.js');
    expect(plan.hypothesesHold || plan.alphaMaxAttained === false).toBe(true);
    expect(distance).toBeLessThanOrEqual(epsilon);
    const guaranteed = plan.intervals[1];
    const windows = measured.perRank[1].windows;
    // Theorem 4's guaranteed interval I_2 lies inside a measured window.
    expect(windows.some((w) => w.start <= guaranteed.start && guaranteed.end <= w.end)).toBe(true);
  });
});
