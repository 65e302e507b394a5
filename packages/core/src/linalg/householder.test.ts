import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { gaussianSymmetric } from '../testing/arbitraries.js';
import { tridiagonalEigenvectors } from './divideConquer.js';
import { applyReflectors, tridiagonalize } from './householder.js';
import { randomOrthogonal, symmetricWithSpectrum } from './orthogonal.js';
import { eigenResidual, orthogonalityDefect } from '../testing/eigenChecks.js';

const EPS = Number.EPSILON;

function maxAbs(entries: Float64Array): number {
  return entries.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
}

/** The eigenpairs through tridiagonalize (panels while the trailing order is at least `blockedFrom`), as eigenpairs.ts forms them. */
function decompose(a: Float64Array, n: number, blockedFrom: number): { values: Float64Array; phi: Float64Array; sorted: number[] } {
  const scale = maxAbs(a);
  const tridiagonal = tridiagonalize(a.map((x) => x / scale), n, true, blockedFrom);
  const phi = tridiagonalEigenvectors(tridiagonal.diagonal, tridiagonal.offDiagonal);
  applyReflectors(tridiagonal, n, phi);
  const values = tridiagonal.diagonal.map((x) => x * scale);
  return { values, phi, sorted: Array.from(values).sort((x, y) => y - x) };
}

/** Blocked against unblocked (blockedFrom = Infinity) on the same matrix: both backward stable, eigenvalues to 4 n eps ||A||. */
function expectAgreement(a: Float64Array, n: number, blockedFrom: number, label: string): number[] {
  const blocked = decompose(a, n, blockedFrom);
  const unblocked = decompose(a, n, Infinity);
  const norm = Math.max(Math.abs(unblocked.sorted[0]), Math.abs(unblocked.sorted[n - 1]));
  blocked.sorted.forEach((value, i) => expect(Math.abs(value - unblocked.sorted[i]), label).toBeLessThan(4 * n * EPS * norm));
  expect(eigenResidual(a, n, blocked.values, blocked.phi) / norm, label).toBeLessThan(4 * n * EPS);
  expect(orthogonalityDefect(blocked.phi, n), label).toBeLessThan(4 * n * EPS);
  return blocked.sorted;
}

describe('tridiagonalize in panels (dsytrd/dlatrd) against the unblocked reduction', () => {
  it.each([
    { n: 70, blockedFrom: 20, seed: 7001 },
    { n: 97, blockedFrom: 18, seed: 9701 },
    { n: 200, blockedFrom: 128, seed: 20001 },
  ])('agrees on Gaussian matrices across several panels (n = $n, panels from trailing order $blockedFrom, seed $seed)', ({ n, blockedFrom, seed }) => {
    expectAgreement(gaussianSymmetric(n, seed), n, blockedFrom, `n ${n}, seed ${seed}`);
  });

  it('recovers a prescribed spectrum Q diag(lambda) Q^T to 4 n eps ||A|| (n = 150, seed 1501)', () => {
    const n = 150;
    const lambda = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1) * (1 + i / n));
    const a = Float64Array.from(symmetricWithSpectrum(randomOrthogonal(n, 1501), lambda).to1DArray());
    const sorted = expectAgreement(a, n, 20, 'n 150, seed 1501');
    const exact = [...lambda].sort((x, y) => y - x);
    sorted.forEach((value, i) => expect(Math.abs(value - exact[i])).toBeLessThan(4 * n * EPS * 2));
  });

  it('skips a column that needs no reflection inside a panel (a direct sum of 10 x 10 and 50 x 50 blocks)', () => {
    const n = 60;
    const a = new Float64Array(n * n);
    const random = createRandom(6001);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) if (i < 10 === j < 10) a[i * n + j] = a[j * n + i] = random.normal();
    }
    const scale = maxAbs(a);
    const { taus } = tridiagonalize(a.map((x) => x / scale), n, false, 20);
    expect(taus[9]).toBe(0);
    expectAgreement(a, n, 20, 'direct sum, seed 6001');
  });

  it('stays backward stable with rows scaled by 1e-140 .. 1e-190 between rows of order 1 (n = 61, seed 6101)', () => {
    // Every other row and column is tiny, so each panel mixes columns whose tails are cut or scaled
    // by 1e-140 and more with ordinary ones, while the O(1) part keeps the check sensitive.
    const n = 61;
    const random = createRandom(6101);
    const grade = Array.from({ length: n }, (_, i) => (i % 2 === 1 ? 1 : 10 ** (-140 - (50 * i) / (n - 1))));
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = random.normal() * grade[i] * grade[j];
    }
    expectAgreement(a, n, 20, 'graded, seed 6101');
  });

  it('gives the same T with and without keeping the reflectors (the eigenvalues-only path)', () => {
    const n = 90;
    const a = gaussianSymmetric(n, 9001);
    const scale = maxAbs(a);
    const kept = tridiagonalize(a.map((x) => x / scale), n, true, 20);
    const dropped = tridiagonalize(a.map((x) => x / scale), n, false, 20);
    expect(dropped.reflectors).toBeNull();
    expect(Array.from(dropped.diagonal)).toEqual(Array.from(kept.diagonal));
    expect(Array.from(dropped.offDiagonal)).toEqual(Array.from(kept.offDiagonal));
  });
});
