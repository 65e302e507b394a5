/**
 * The closed form against an independent reference: the literal formula (5) of Proposition 1
 * evaluated by mpmath at 400 to ~19,400 significant digits (scripts/closed_form_reference.py),
 * on the double inputs stored in fixtures/closed-form-reference.json.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { closedFormTrajectory } from './riccati.js';
import { scalarTrajectory } from './scalar.js';
import { spectralNorm } from '../linalg/spectral.js';
import { maxAbsDifference } from '../testing/arbitraries.js';

interface ReferenceCase {
  readonly name: string;
  readonly description: string;
  readonly Y: number[][];
  readonly init: { U0: number[][] } | { W0: number[][] };
  readonly alpha: number | null;
  readonly times: number[];
  readonly W: number[][][];
  readonly eigenvaluesW: number[][];
}

interface ScalarReference {
  readonly sigmaY: number;
  readonly sigma0: number;
  readonly alpha: number;
  readonly t: number;
  readonly sigmaW: number;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/closed-form-reference.json', import.meta.url), 'utf8')) as {
  cases: ReferenceCase[];
  scalar: ScalarReference[];
};

describe('closed form vs the high-precision reference', () => {
  it('covers the required regimes', () => {
    const sigmaTimes = new Set(
      fixture.cases.flatMap(({ Y, times }) => times.map((t) => Number((t * spectralNorm(Y)).toPrecision(6)))),
    );
    for (const sigmaT of [0, 1, 10, 100, 1e4]) expect(sigmaTimes.has(sigmaT)).toBe(true);
    const alphas = new Set(fixture.cases.map(({ alpha }) => alpha));
    for (const alpha of [1, 1e-12]) expect(alphas.has(alpha)).toBe(true);
    expect(fixture.cases.some(({ init }) => 'U0' in init && init.U0[0].length < init.U0.length)).toBe(true);
    expect(fixture.cases.some(({ init }) => 'W0' in init)).toBe(true);
  });

  for (const reference of fixture.cases) {
    it(`${reference.name}: W(t) within 1e-10 ||Y||, eigenvalues within 1e-10 ||Y||`, () => {
      const scale = spectralNorm(reference.Y);
      const { W, eigenvaluesW } = closedFormTrajectory(reference.Y, reference.init, reference.times);
      W.forEach((matrix, index) => {
        expect(matrix.to1DArray().every(Number.isFinite)).toBe(true);
        expect(maxAbsDifference(matrix, reference.W[index]) / scale, `t = ${reference.times[index]}`).toBeLessThanOrEqual(1e-10);
        reference.eigenvaluesW[index].forEach((value, i) =>
          expect(Math.abs(eigenvaluesW[index][i] - value) / scale, `eigenvalue ${i} at t = ${reference.times[index]}`).toBeLessThanOrEqual(1e-10),
        );
      });
    });
  }

  it('Corollary 2 in stable form matches the reference to 1e-12 relative (or 1e-300 absolute)', () => {
    for (const { sigmaY, sigma0, alpha, t, sigmaW } of fixture.scalar) {
      const value = scalarTrajectory({ sigmaY, sigma0, alpha }, t);
      expect(Math.abs(value - sigmaW), JSON.stringify({ sigmaY, sigma0, alpha, t })).toBeLessThanOrEqual(1e-12 * Math.abs(sigmaW) + 1e-300);
    }
  });
});
