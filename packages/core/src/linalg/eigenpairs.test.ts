import { readFileSync } from 'node:fs';

import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { gaussianSymmetric } from '../testing/arbitraries.js';
import { ENTRIES_SPANNING_140_DECADES } from '../testing/fixtures.js';
import { symmetricEigenpairs } from './eigenpairs.js';
import { eigenResidual, orthogonalityDefect } from '../testing/eigenChecks.js';

/** Tridiagonal matrices and their spectra from mpmath (scripts/tridiagonal_reference.py). */
const tridiagonalFixture = JSON.parse(readFileSync(new URL('../../fixtures/tridiagonal-reference.json', import.meta.url), 'utf8')) as {
  cases: { name: string; diagonal: number[]; offDiagonal: number[]; eigenvalues: number[] }[];
};

const EPS = Number.EPSILON;

function maxAbs(entries: Float64Array): number {
  return entries.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
}

/** max |(P - P')_ij| for the orthogonal projectors on columns [from, to) of two n x n bases. */
function projectorDistance(first: Float64Array, second: Float64Array, n: number, from: number, to: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let c = from; c < to; c++) sum += first[i * n + c] * first[j * n + c] - second[i * n + c] * second[j * n + c];
      worst = Math.max(worst, Math.abs(sum));
    }
  }
  return worst;
}

/**
 * H = I - (2 / n) 1 1^T for n a power of two: orthogonal and symmetric, with every entry
 * (1 - 2/n or -2/n) a dyadic rational, so H diag(lambda) H with small integer lambda is exact in
 * floating point and has eigenvalues lambda and eigenvectors the columns of H, exactly.
 */
function dyadicReflector(n: number): Float64Array {
  const h = new Float64Array(n * n).fill(-2 / n);
  for (let i = 0; i < n; i++) h[i * n + i] += 1;
  return h;
}

/** H B H for the dyadic reflector, exact when B's entries are small integers (checked by the caller's sizes). */
function conjugated(b: Float64Array, n: number): Float64Array {
  const h = dyadicReflector(n);
  const hb = new Float64Array(n * n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) hb[i * n + j] += h[i * n + k] * b[k * n + j];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j] += hb[i * n + k] * h[k * n + j];
  return out;
}

function diagonalMatrix(values: readonly number[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(n * n);
  values.forEach((value, i) => (out[i * n + i] = value));
  return out;
}

describe('symmetricEigenpairs against ml-matrix (tred2/tql2) on seeded Gaussian matrices', () => {
  it('agrees on the eigenvalues to n eps ||A||, with residual and orthogonality at n eps', () => {
    for (const n of [1, 2, 3, 5, 10, 31, 64, 120]) {
      for (let seed = 1; seed <= 3; seed++) {
        const label = `n ${n}, seed ${1000 * n + seed}`;
        const a = gaussianSymmetric(n, 1000 * n + seed);
        const { values, phi } = symmetricEigenpairs(a, n);
        const reference = new EigenvalueDecomposition(Matrix.from1DArray(n, n, a), { assumeSymmetric: true }).realEigenvalues.sort((x, y) => y - x);
        // ||A||_2 is max |lambda|; ml-matrix's values are accurate to a few eps ||A|| themselves.
        const norm = Math.max(Math.abs(reference[0]), Math.abs(reference[n - 1]));
        values.forEach((value, i) => expect(Math.abs(value - reference[i]), label).toBeLessThan(4 * n * EPS * norm));
        values.forEach((value, i) => i > 0 && expect(value, label).toBeLessThanOrEqual(values[i - 1]));
        expect(eigenResidual(a, n, values, phi) / norm, label).toBeLessThan(4 * n * EPS);
        expect(orthogonalityDefect(phi, n), label).toBeLessThan(4 * n * EPS);
      }
    }
  });

  it('spans the same invariant subspace for a cluster 1e-9 wide (angles bounded by eps ||A|| / gap)', () => {
    const n = 40;
    const lambda = Array.from({ length: n }, (_, i) => (i < 3 ? 1 + i * 1e-9 : -1 - i / n));
    const random = createRandom(7);
    // A random orthogonal basis by Gram-Schmidt on Gaussian columns, twice for orthogonality to eps.
    const q = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) q[i] = random.normal();
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < n; j++) {
        for (let p = 0; p < j; p++) {
          let dot = 0;
          for (let i = 0; i < n; i++) dot += q[i * n + j] * q[i * n + p];
          for (let i = 0; i < n; i++) q[i * n + j] -= dot * q[i * n + p];
        }
        let norm = 0;
        for (let i = 0; i < n; i++) norm += q[i * n + j] ** 2;
        for (let i = 0; i < n; i++) q[i * n + j] /= Math.sqrt(norm);
      }
    }
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += q[i * n + k] * lambda[k] * q[j * n + k];
        a[i * n + j] = sum;
        a[j * n + i] = sum;
      }
    }
    const { values, phi } = symmetricEigenpairs(a, n);
    const evd = new EigenvalueDecomposition(Matrix.from1DArray(n, n, a), { assumeSymmetric: true });
    const order = Array.from(evd.realEigenvalues.keys()).sort((x, y) => evd.realEigenvalues[y] - evd.realEigenvalues[x]);
    const reference = new Float64Array(n * n);
    for (let i = 0; i < n; i++) order.forEach((source, j) => (reference[i * n + j] = evd.eigenvectorMatrix.get(i, source)));
    // The cluster {1, 1 + 1e-9, 1 + 2e-9} is 2 + 3/n away from the rest: its subspace is determined to
    // about n eps / 2, while single vectors inside it are only determined to n eps / 1e-9.
    expect(projectorDistance(phi, reference, n, 0, 3)).toBeLessThan(n * EPS);
    expect(projectorDistance(phi, q, n, 0, 3)).toBeLessThan(n * EPS);
    expect(eigenResidual(a, n, values, phi)).toBeLessThan(4 * n * EPS);
  });
});

describe('symmetricEigenpairs on exact constructions', () => {
  it('recovers integer spectra of H diag(lambda) H (dyadic H, so A is exact), eigenvectors the columns of H', () => {
    for (const n of [4, 16, 64]) {
      const lambda = Array.from({ length: n }, (_, i) => n - 2 * i);
      const a = conjugated(diagonalMatrix(lambda), n);
      const { values, phi } = symmetricEigenpairs(a, n);
      values.forEach((value, i) => expect(Math.abs(value - lambda[i]), `n ${n}`).toBeLessThan(2 * n * EPS * n));
      const h = dyadicReflector(n);
      // Distinct eigenvalues 2 apart: each eigenvector is H's column up to sign, to n eps ||A|| / 2.
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += phi[i * n + j] * h[i * n + j];
        expect(1 - Math.abs(dot), `n ${n}, column ${j}`).toBeLessThan(n * n * EPS);
      }
    }
  });

  it('finds 2 - 2 cos(j pi / (n + 1)) for the Toeplitz (-1, 2, -1) matrix, given as is and conjugated by H', () => {
    const n = 64;
    const t = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      t[i * n + i] = 2;
      if (i + 1 < n) t[i * n + i + 1] = t[(i + 1) * n + i] = -1;
    }
    const exact = Array.from({ length: n }, (_, j) => 2 - 2 * Math.cos(((j + 1) * Math.PI) / (n + 1))).sort((x, y) => y - x);
    for (const [label, a] of [['tridiagonal', t], ['conjugated', conjugated(t, n)]] as const) {
      const { values, phi } = symmetricEigenpairs(a, n);
      values.forEach((value, i) => expect(Math.abs(value - exact[i]), label).toBeLessThan(4 * n * EPS * 4));
      expect(eigenResidual(a, n, values, phi), label).toBeLessThan(4 * n * EPS * 4);
      expect(orthogonalityDefect(phi, n), label).toBeLessThan(4 * n * EPS);
    }
    // The tridiagonal one's eigenvectors are sqrt(2 / (n + 1)) sin(i j pi / (n + 1)) up to sign.
    const { values, phi } = symmetricEigenpairs(t, n);
    for (let j = 0; j < n; j++) {
      const k = Math.round((Math.acos((2 - values[j]) / 2) * (n + 1)) / Math.PI);
      let dot = 0;
      for (let i = 0; i < n; i++) dot += phi[i * n + j] * Math.sqrt(2 / (n + 1)) * Math.sin(((i + 1) * k * Math.PI) / (n + 1));
      expect(1 - Math.abs(dot), `column ${j}`).toBeLessThan(n * n * EPS);
    }
  });

  // n = 16 is solved by QL alone; n = 64 and 128 by divide and conquer (blocks above 25 rows), where
  // the repeated eigenvalues are deflated rather than iterated. The last is the shape of the
  // benchmark's Y (eigenvalues 10, 8, 6, 4, 2, 0, ...): T is a 6 x 6 block coupled to rounding noise.
  it.each([
    { n: 16, distinct: [3, 1, 0, -2], multiplicities: [5, 3, 4, 4] },
    { n: 64, distinct: [3, 1, 0, -2], multiplicities: [20, 12, 20, 12] },
    { n: 128, distinct: [10, 8, 6, 4, 2, 0], multiplicities: [1, 1, 1, 1, 1, 123] },
  ])('gives an orthonormal basis of each repeated eigenvalue`s eigenspace (n = $n)', ({ n, distinct, multiplicities }) => {
    const lambda = multiplicities.flatMap((count, i) => Array.from({ length: count }, () => distinct[i]));
    const a = conjugated(diagonalMatrix(lambda), n);
    const { values, phi } = symmetricEigenpairs(a, n);
    values.forEach((value, i) => expect(Math.abs(value - lambda[i])).toBeLessThan(8 * n * EPS));
    expect(orthogonalityDefect(phi, n)).toBeLessThan(4 * n * EPS);
    const h = dyadicReflector(n);
    let from = 0;
    for (const count of multiplicities) {
      expect(projectorDistance(phi, h, n, from, from + count), `columns ${from}..${from + count - 1}`).toBeLessThan(8 * n * EPS);
      from += count;
    }
  });

  it('finds the spectrum of H T H for the glued Wilkinson matrix of the mpmath fixture (clusters as wide as the glue 2^-34)', () => {
    const glued = tridiagonalFixture.cases.find(({ name }) => name === 'glued-wilkinson-64');
    if (glued === undefined) throw new Error('glued-wilkinson-64 missing from the fixture');
    const n = glued.diagonal.length;
    const t = new Float64Array(n * n);
    glued.diagonal.forEach((value, i) => (t[i * n + i] = value));
    glued.offDiagonal.forEach((value, i) => (t[i * n + i + 1] = t[(i + 1) * n + i] = value));
    // Entries are multiples of 2^-34 below 16 and H's of 2^-5, so every partial sum of H T H is a
    // multiple of 2^-44 below 2^5: A is exact and has T's spectrum.
    const a = conjugated(t, n);
    const { values, phi } = symmetricEigenpairs(a, n);
    const norm = Math.max(...glued.eigenvalues.map(Math.abs));
    const increasing = values.slice().reverse();
    increasing.forEach((value, i) => expect(Math.abs(value - glued.eigenvalues[i]), `eigenvalue ${i}`).toBeLessThan(4 * n * EPS * norm));
    expect(eigenResidual(a, n, values, phi) / norm).toBeLessThan(4 * n * EPS);
    expect(orthogonalityDefect(phi, n)).toBeLessThan(4 * n * EPS);
  });

  it.each([
    { first: 5, second: 7 },
    { first: 30, second: 34 },
  ])('keeps exact zero blocks: eigenvectors of a block-diagonal matrix ($first + $second) vanish exactly off their block', ({ first, second }) => {
    const n = first + second;
    const a = new Float64Array(n * n);
    const top = gaussianSymmetric(first, 11);
    const bottom = gaussianSymmetric(second, 12);
    for (let i = 0; i < first; i++) for (let j = 0; j < first; j++) a[i * n + j] = top[i * first + j];
    for (let i = 0; i < second; i++) for (let j = 0; j < second; j++) a[(first + i) * n + first + j] = bottom[i * second + j];
    const { values, phi } = symmetricEigenpairs(a, n);
    for (let j = 0; j < n; j++) {
      let inFirst = false;
      let inSecond = false;
      for (let i = 0; i < n; i++) if (phi[i * n + j] !== 0) (i < first ? () => (inFirst = true) : () => (inSecond = true))();
      expect(inFirst !== inSecond, `column ${j}`).toBe(true);
    }
    expect(eigenResidual(a, n, values, phi) / maxAbs(a)).toBeLessThan(4 * n * EPS * n);
    const zero = symmetricEigenpairs(new Float64Array(9), 3);
    expect(Array.from(zero.values)).toEqual([0, 0, 0]);
    expect(Array.from(zero.phi)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe('symmetricEigenpairs at the edges of the double range (no 1e-60 cut)', () => {
  it('decomposes entries of 1e-143, 1e-126 and 1e-71 beside 1 (the matrix that crashed tql2)', () => {
    const a = Float64Array.from(ENTRIES_SPANNING_140_DECADES.flat());
    const { values, phi } = symmetricEigenpairs(a, 6);
    expect(eigenResidual(a, 6, values, phi)).toBeLessThan(1e-15);
    expect(orthogonalityDefect(phi, 6)).toBeLessThan(1e-15);
    expect(values[5]).toBeCloseTo(-1, 15);
  });

  it('handles subnormal entries beside normal ones, and scales 2^-1000 .. 2^1000 exactly alike', () => {
    const base = Float64Array.from([2, 1, 5e-324, 3e-320, 1, 3, 0, 1e-310, 5e-324, 0, -1, 2e-300, 3e-320, 1e-310, 2e-300, 0.5]);
    const reference = symmetricEigenpairs(base, 4);
    expect(eigenResidual(base, 4, reference.values, reference.phi)).toBeLessThan(16 * EPS * 4);
    expect(orthogonalityDefect(reference.phi, 4)).toBeLessThan(16 * EPS);
    for (const exponent of [-1000, -500, 500, 1000]) {
      const factor = 2 ** exponent;
      // Subnormal entries lose bits when scaled down, so scale a matrix of normal entries only.
      const scaled = Float64Array.from([2, 1, 0.25, 0, 1, 3, 0, 0.125, 0.25, 0, -1, 0.5, 0, 0.125, 0.5, 0.5], (x) => x * factor);
      const unit = symmetricEigenpairs(scaled.map((x) => x / factor), 4);
      const { values, phi } = symmetricEigenpairs(scaled, 4);
      // The kernel scales by the largest entry, 3 * 2^e, so both runs see the same numbers up to that division's rounding.
      values.forEach((value, i) => expect(Math.abs(value / factor - unit.values[i]), `2^${exponent}`).toBeLessThan(16 * EPS));
      expect(projectorDistance(phi, unit.phi, 4, 0, 1)).toBeLessThan(16 * EPS);
      expect(values.every(Number.isFinite)).toBe(true);
    }
  });

  it('keeps the small eigenvalues of a graded matrix to their absolute accuracy eps ||A||', () => {
    const n = 20;
    const random = createRandom(21);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = random.normal() * 10 ** (-(i + j) * 5);
    }
    const { values, phi } = symmetricEigenpairs(a, n);
    const norm = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
    expect(eigenResidual(a, n, values, phi) / norm).toBeLessThan(4 * n * EPS);
    expect(orthogonalityDefect(phi, n)).toBeLessThan(4 * n * EPS);
    const reference = new EigenvalueDecomposition(Matrix.from1DArray(n, n, a), { assumeSymmetric: true }).realEigenvalues.sort((x, y) => y - x);
    values.forEach((value, i) => expect(Math.abs(value - reference[i])).toBeLessThan(4 * n * EPS * norm));
  });
});
