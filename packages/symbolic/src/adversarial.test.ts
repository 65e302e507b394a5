import { describe, expect, it } from 'vitest';

import { runCheck } from './check.js';

describe('adversarial searches', () => {
  it('find a violation that random starts alone almost never hit: a narrow well of depth 1e-6 at x = 3', () => {
    // gap < 0 only within 1e-3 of x = 3: Nelder-Mead descends into it from a random start.
    const check = { kind: 'adversarial' as const, restarts: 2, evaluations: 300, tolerance: 1e-9, cases: [{ label: 'n = 1', dimension: 1, gap: ([x]: readonly number[]) => (x - 3) ** 2 - 1e-6 }] };
    const result = runCheck(check, 5);
    expect(result.verdict).toBe('fails');
    expect(result.search?.worstGap).toBeLessThan(-1e-7);
  });

  it('report cases, evaluations and the smallest gap of a true claim (||x||^2 + 1 >= 1), never holds', () => {
    const cases = [1, 2, 3].map((n) => ({ label: `n = ${n}`, dimension: n, gap: (x: readonly number[]) => x.reduce((sum, value) => sum + value * value, 0) }));
    const result = runCheck({ kind: 'adversarial', restarts: 2, evaluations: 200, tolerance: 1e-9, cases }, 6);
    expect(result.verdict).toBe('unproved');
    expect(result.search?.cases).toEqual(['n = 1', 'n = 2', 'n = 3']);
    expect(result.search?.evaluations).toBeGreaterThanOrEqual(3 * 2 * 200);
    // The minimum 0 is at x = 0: the search gets close to it.
    expect(result.search?.worstGap).toBeGreaterThanOrEqual(0);
    expect(result.search?.worstGap).toBeLessThan(1e-3);
    expect(result.routes.adversarial).toMatch(/evidence, not proof/);
  });

  it('refuse a gap that is never a finite number', () => {
    expect(() => runCheck({ kind: 'adversarial', restarts: 1, evaluations: 10, tolerance: 0, cases: [{ label: 'n = 1', dimension: 1, gap: () => Number.NaN }] }, 1)).toThrow(/finite/);
  });
});
