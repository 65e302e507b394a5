import { describe, expect, it } from 'vitest';

import { runCheck } from './check.js';
import { div, mul, num, sub, sym } from './expr.js';
import type { WitnessCheck } from './witness.js';

const [x, y] = ['x', 'y'].map(sym);

function witness(point: Record<string, string>, claim: WitnessCheck['claim']): WitnessCheck {
  return {
    kind: 'witness',
    point,
    hypotheses: [
      { lhs: x, comparison: '>', rhs: num(0), text: 'x > 0' },
      { lhs: y, comparison: '>=', rhs: x, text: 'y >= x' },
    ],
    claim,
  };
}

// The claim y^2 <= 2 x y - x^2, i.e. (y - x)^2 <= 0: false whenever y > x.
const claim = { lhs: mul(y, y), comparison: '<=' as const, rhs: sub(mul(2, x, y), mul(x, x)), text: '(y - x)^2 <= 0' };

describe('witness checks', () => {
  it('fail a claim at a point inside every hypothesis, reporting the point exactly', () => {
    const result = runCheck(witness({ x: '1/3', y: '1/2' }, claim), 1);
    expect(result.verdict).toBe('fails');
    expect(result.counterexample).toEqual({ x: '1/3', y: '1/2' });
    expect(result.routes.exact).toContain('1/4 <= 2/9');
    expect(result.checkerBug).toBeUndefined();
  });

  it('refuse to call a point that satisfies the claim a proof', () => {
    const result = runCheck(witness({ x: '2', y: '2' }, claim), 1);
    expect(result.verdict).toBe('unproved');
    expect(result.checkerBug).toBeUndefined();
  });

  it('flag a witness outside the hypotheses as a checker bug, naming the hypothesis', () => {
    const result = runCheck(witness({ x: '2', y: '1' }, claim), 1);
    expect(result.verdict).toBe('unproved');
    expect(result.checkerBug).toContain('y >= x');
  });

  it('flag a point where a denominator vanishes', () => {
    const result = runCheck(witness({ x: '1', y: '1' }, { lhs: div(1, sub(y, x)), comparison: '>', rhs: num(0), text: '1/(y - x) > 0' }), 1);
    expect(result.checkerBug).toContain('denominator');
  });

  it('decide = and != exactly', () => {
    const equal = { lhs: mul(num(1, 3), 3), comparison: '!=' as const, rhs: num(1), text: '3/3 != 1' };
    expect(runCheck({ kind: 'witness', point: {}, hypotheses: [], claim: equal }, 1).verdict).toBe('fails');
    expect(runCheck({ kind: 'witness', point: {}, hypotheses: [], claim: { ...equal, comparison: '=' } }, 1).verdict).toBe('unproved');
  });

  it('reject points that are not exact rationals, and unknown comparisons', () => {
    expect(() => runCheck(witness({ x: '0.5', y: '1' }, claim), 1)).toThrow(/check.point.x/);
    expect(() => runCheck(witness({ x: '1', y: '1' }, { ...claim, comparison: '~' as never }), 1)).toThrow(/check.claim.comparison/);
    expect(() => runCheck({ kind: 'witness', point: { x: '1' }, hypotheses: 'x > 0', claim } as never, 1)).toThrow(/check.hypotheses/);
  });
});
