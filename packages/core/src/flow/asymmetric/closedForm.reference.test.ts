/**
 * The balanced closed form against an independent reference (scripts/asymmetric_reference.py): the
 * flow on (U, V) itself by a fixed-point Taylor method at ~60 digits up to sigma_1 t ~ 32, and, for
 * long times (sigma_1 t up to 1e4), the literal closed form of the lift at up to ~22,000 digits, which
 * the script checks against the Taylor route where both run. Inputs are the doubles stored in
 * fixtures/asymmetric-reference.json.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { balancedTrajectory } from './closedForm.js';
import { imbalance } from './start.js';

interface ReferenceCase {
  readonly name: string;
  readonly Y: number[][];
  readonly U0: number[][];
  readonly V0: number[][];
  readonly alpha: number;
  readonly singularValuesY: number[];
  readonly times: number[];
  readonly routes: ('taylor' | 'lift')[];
  readonly X: number[][][];
  readonly singularValuesX: number[][];
  readonly taylorTruncation: number;
  readonly routeAgreement: number;
}

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/asymmetric-reference.json', import.meta.url), 'utf8')) as { cases: ReferenceCase[] };

describe('balancedClosedForm vs the high-precision reference', () => {
  it('covers m != n, r below min(m, n) and above max(m, n), rank-deficient Y, alpha down to 1e-12 and sigma_1 t up to 1e4', () => {
    const cases = fixture.cases;
    const shape = ({ U0, V0 }: ReferenceCase) => ({ m: U0.length, n: V0.length, r: U0[0].length });
    expect(cases.every((c) => shape(c).m !== shape(c).n)).toBe(true);
    expect(cases.some((c) => shape(c).r < Math.min(shape(c).m, shape(c).n))).toBe(true);
    expect(cases.some((c) => shape(c).r > Math.max(shape(c).m, shape(c).n))).toBe(true);
    const rank = (c: ReferenceCase) => c.singularValuesY.filter((value) => value > 1e-12 * c.singularValuesY[0]).length;
    expect(cases.some((c) => rank(c) < Math.min(shape(c).m, shape(c).n))).toBe(true);
    expect(cases.some((c) => rank(c) === Math.min(shape(c).m, shape(c).n))).toBe(true);
    expect(Math.min(...cases.map((c) => c.alpha))).toBeLessThanOrEqual(1e-12);
    expect(Math.max(...cases.flatMap((c) => c.times.map((t) => t * c.singularValuesY[0])))).toBeGreaterThanOrEqual(0.99e4);
  });

  it("records the script's self-checks: Taylor orders 24 and 32 agree, and the lift agrees with the Taylor route, to 1e-30 ||Y||", () => {
    for (const c of fixture.cases) {
      expect(c.taylorTruncation, c.name).toBeLessThanOrEqual(1e-30);
      expect(c.routeAgreement, c.name).toBeLessThanOrEqual(1e-30);
      expect(c.routes).toContain('taylor');
      expect(c.routes).toContain('lift');
    }
  });

  for (const reference of fixture.cases) {
    // The issue asks for 1e-10 sigma_1(Y); measured, the worst entry is 1.2e-15 sigma_1(Y), so 1e-12 still leaves room for rounding.
    it(`${reference.name}: X(t) and its singular values within 1e-12 sigma_1(Y)`, () => {
      const { Y, U0, V0, times } = reference;
      // The script builds exactly balanced starts; the closed form assumes balance.
      expect(imbalance(U0, V0).abs().max()).toBe(0);
      const scale = reference.singularValuesY[0];
      const { X, singularValuesX } = balancedTrajectory(Y, { U0, V0 }, times);
      times.forEach((t, i) => {
        const label = `t = ${t} (sigma_1 t = ${(t * scale).toPrecision(3)}, ${reference.routes[i]})`;
        let worst = 0;
        reference.X[i].forEach((row, a) => row.forEach((value, b) => (worst = Math.max(worst, Math.abs(X[i].get(a, b) - value)))));
        expect(worst / scale, label).toBeLessThanOrEqual(1e-12);
        reference.singularValuesX[i].forEach((value, k) => expect(Math.abs(singularValuesX[i][k] - value) / scale, `${label}, sigma_${k + 1}`).toBeLessThanOrEqual(1e-12));
      });
    });
  }
});
