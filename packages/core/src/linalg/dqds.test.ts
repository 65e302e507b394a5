import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dqdsSquaredSingularValues } from './dqds.js';
import { symmetricEigenvalues } from './tridiagonal.js';
import { createRandom } from '../random.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';

const EPS = Number.EPSILON;

/** Singular values, decreasing, of the bidiagonal (d, b) by dqds; fails the test if dqds gives up. */
function dqds(d: readonly number[], b: readonly number[]): number[] {
  const out = new Float64Array(d.length);
  expect(dqdsSquaredSingularValues(Float64Array.from(d), Float64Array.from(b), 0, d.length, out, 0)).toBe(true);
  return Array.from(out, Math.sqrt).sort((x, y) => y - x);
}

function relativeErrors(values: readonly number[], reference: readonly number[]): number[] {
  return reference.map((value, i) => Math.abs(values[i] - value) / value);
}

/** The eigenvalues of B^T B (decreasing) for the upper bidiagonal B = (diagonal, coupling), by the symmetric eigensolver. */
function gramEigenvalues(diagonal: readonly number[], coupling: readonly number[]): Float64Array {
  const n = diagonal.length;
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    gram[i * n + i] = diagonal[i] ** 2 + (i > 0 ? coupling[i - 1] ** 2 : 0);
    if (i < n - 1) gram[i * n + i + 1] = gram[(i + 1) * n + i] = diagonal[i] * coupling[i];
  }
  return symmetricEigenvalues(gram, n);
}

describe('dqdsSquaredSingularValues', () => {
  // d_i = 10^(-14 i) (1 + i / 10), b_i = 0.7 10^(-14 i) (2 - i / 10): singular values over 140 decades,
  // none of them close to a diagonal entry. Reference: mpmath.svd_r at 400 digits on these doubles.
  const d = [1.0, 1.1e-14, 1.2e-28, 1.3e-42, 1.4e-56, 1.5e-70, 1.6e-84, 1.7e-98, 1.8e-112, 1.9e-126, 2e-140];
  const b = [1.4, 1.33e-14, 1.26e-28, 1.19e-42, 1.12e-56, 1.05e-70, 9.8e-85, 9.1e-99, 8.4e-113, 7.7e-127];
  const reference = [
    1.7204650534085253, 1.4756977277829575e-14, 1.3630515454542197e-28, 1.2891780931600422e-42, 1.2427270146963287e-56, 1.2348923778727546e-70,
    1.2921286185071364e-84, 1.4337672823963139e-98, 1.6249368729273244e-112, 1.7994996170111356e-126, 1.807655265021612e-140,
  ];

  it('finds every singular value of a bidiagonal graded over 140 decades to a few eps relative (mpmath reference)', () => {
    // Fernando & Parlett: each sigma_i to a relative error of a small multiple of n eps, however small.
    for (const error of relativeErrors(dqds(d, b), reference)) expect(error).toBeLessThanOrEqual(4 * d.length * EPS);
  });

  it('gives the same singular values for the reversed bidiagonal (J B^T J), graded the other way', () => {
    for (const error of relativeErrors(dqds([...d].reverse(), [...b].reverse()), reference)) expect(error).toBeLessThanOrEqual(4 * d.length * EPS);
  });

  it('finds 2 cos(j pi / (2n + 1)) for d = b = 1, to a few eps relative, at n = 4 and 60', () => {
    for (const n of [4, 60]) {
      // 2 cos(j pi / (2n + 1)) as a sine of an argument away from pi / 2, so the reference is accurate too.
      const exact = Array.from({ length: n }, (_, i) => 2 * Math.sin(((2 * n - 1 - 2 * i) * Math.PI) / (2 * (2 * n + 1))));
      for (const error of relativeErrors(dqds(Array(n).fill(1), Array(n - 1).fill(1)), exact)) expect(error, `n = ${n}`).toBeLessThanOrEqual(4 * n * EPS);
    }
  });

  it('finds the exact zero of a singular bidiagonal (a zero diagonal entry) and the rest to rounding', () => {
    // d = (0, 1, 1), b = (1, 1): B^T B = [[0, 0, 0], [0, 2, 1], [0, 1, 2]], eigenvalues 0, 1, 3.
    const values = dqds([0, 1, 1], [1, 1]);
    expect(values[2]).toBe(0);
    expect(values[1]).toBeCloseTo(1, 15);
    expect(values[0]).toBeCloseTo(Math.sqrt(3), 15);
  });

  it('agrees with the eigenvalues of B^T B to c eps sigma_1^2 on random bidiagonals with entries over 30 decades', () => {
    const bidiagonals = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: -30, max: 0, noNaN: true }).map((power) => 10 ** power), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: -30, max: 0, noNaN: true }).map((power) => 10 ** power), { minLength: n - 1, maxLength: n - 1 }),
      ),
    );
    fc.assert(
      fc.property(bidiagonals, ([diagonal, coupling]) => {
        const n = diagonal.length;
        const eigenvalues = gramEigenvalues(diagonal, coupling);
        const squared = dqds(diagonal, coupling).map((value) => value * value);
        squared.forEach((value, i) => expect(Math.abs(value - eigenvalues[i])).toBeLessThanOrEqual(16 * n * EPS * eigenvalues[0]));
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('splits where a zero q writes a zero coupling inside the array, instead of giving up (d = (2, 2, 0, 3, 2, 2))', () => {
    // The reviewer's smallest case: dqds without the split ran out of transforms on it.
    const diagonal = [2, 2, 0, 3, 2, 2];
    const coupling = [1, 3, 3, 1, 3];
    const out = new Float64Array(6);
    expect(dqdsSquaredSingularValues(Float64Array.from(diagonal), Float64Array.from(coupling), 0, 6, out, 0)).toBe(true);
    const eigenvalues = gramEigenvalues(diagonal, coupling);
    const squared = Array.from(out).sort((x, y) => y - x);
    squared.forEach((value, i) => expect(Math.abs(value - eigenvalues[i]), `value ${i}`).toBeLessThanOrEqual(16 * 6 * EPS * eigenvalues[0]));
    expect(Math.min(...out)).toBe(0);
  });

  it('converges (no fallback) on seeded bidiagonals with a fifth of their diagonal exactly zero, to c eps sigma_1^2', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = createRandom(seed);
      const n = 2 + Math.floor(random.uniform() * 30);
      const diagonal = Array.from({ length: n }, () => (random.uniform() < 0.2 ? 0 : 1 + random.uniform()));
      const coupling = Array.from({ length: n - 1 }, () => 0.1 + random.uniform());
      const out = new Float64Array(n);
      expect(dqdsSquaredSingularValues(Float64Array.from(diagonal), Float64Array.from(coupling), 0, n, out, 0), `seed ${seed}`).toBe(true);
      const eigenvalues = gramEigenvalues(diagonal, coupling);
      const squared = Array.from(out).sort((x, y) => y - x);
      squared.forEach((value, i) => expect(Math.abs(value - eigenvalues[i]), `seed ${seed}, value ${i}`).toBeLessThanOrEqual(16 * n * EPS * eigenvalues[0]));
    }
  });
});
