import { describe, expect, it } from 'vitest';

import { createRandom, type RandomSource } from '../random.js';
import { singularValuesOf } from './bidiagonal.js';
import { tridiagonalEigenvectors } from './divideConquer.js';
import { symmetricEigenpairs } from './eigenpairs.js';
import { secularRoot } from './secular.js';

// The divide-and-conquer and dqds kernels on adversarial inputs. The reference spectra
// come from bisection on Sturm counts (sturmEigenvalues), an algorithm that shares no code with
// the solvers under test, or from exact constructions.

const EPS = Number.EPSILON;

/** Number of eigenvalues of the tridiagonal (d, e) below x: the negative pivots of LDL^T of T - x I. */
function countBelow(d: Float64Array, e: Float64Array, x: number, pivotFloor: number): number {
  let count = 0;
  let pivot = 1;
  for (let i = 0; i < d.length; i++) {
    pivot = d[i] - x - (i > 0 ? (e[i - 1] * e[i - 1]) / pivot : 0);
    // A zero pivot is moved to -floor, as LAPACK dlaebz does, so the count stays monotone in x.
    if (Math.abs(pivot) < pivotFloor) pivot = -pivotFloor;
    if (pivot < 0) count++;
  }
  return count;
}

/** The eigenvalues of the tridiagonal (d, e), increasing, each bisected to adjacent doubles. */
function sturmEigenvalues(d: Float64Array, e: Float64Array): number[] {
  const bound = gershgorin(d, e) * (1 + 4 * EPS) + Number.MIN_VALUE;
  let largestCoupling = 0;
  for (let i = 0; i < d.length - 1; i++) largestCoupling = Math.max(largestCoupling, e[i] * e[i]);
  const pivotFloor = 2 ** -1022 * Math.max(1, largestCoupling);
  return Array.from(d, (_, j) => {
    let lo = -bound;
    let hi = bound;
    for (;;) {
      const mid = lo + (hi - lo) / 2;
      if (mid === lo || mid === hi) return mid;
      if (countBelow(d, e, mid, pivotFloor) > j) hi = mid;
      else lo = mid;
    }
  });
}

/** max_i |d_i| + |e_{i-1}| + |e_i| >= ||T||_2. */
function gershgorin(d: Float64Array, e: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < d.length; i++) largest = Math.max(largest, Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < d.length - 1 ? Math.abs(e[i]) : 0));
  return largest;
}

/** Errors of the eigendecomposition of (d, e) by divide and conquer, in units of eps ||T|| (values, residual) and eps (orthogonality). */
function divideConquerErrors(d: Float64Array, e: Float64Array, leaf: number): { values: number; residual: number; orthogonality: number } {
  const n = d.length;
  const values = d.slice();
  const scratch = new Float64Array(n);
  scratch.set(e.subarray(0, n - 1));
  const z = tridiagonalEigenvectors(values, scratch, leaf);
  const scale = EPS * (gershgorin(d, e) || 1);
  const sorted = Array.from(values).sort((a, b) => a - b);
  const reference = sturmEigenvalues(d, e);
  let valueError = 0;
  let residual = 0;
  let orthogonality = 0;
  for (let j = 0; j < n; j++) {
    valueError = Math.max(valueError, Math.abs(sorted[j] - reference[j]));
    for (let i = 0; i < n; i++) {
      let sum = (d[i] - values[j]) * z[i * n + j];
      if (i > 0) sum += e[i - 1] * z[(i - 1) * n + j];
      if (i < n - 1) sum += e[i] * z[(i + 1) * n + j];
      residual = Math.max(residual, Math.abs(sum));
    }
    for (let b = j; b < n; b++) {
      let dot = j === b ? -1 : 0;
      for (let i = 0; i < n; i++) dot += z[i * n + j] * z[i * n + b];
      orthogonality = Math.max(orthogonality, Math.abs(dot));
    }
  }
  // NaN compares false with every bound, so it is mapped to Infinity to fail them.
  const clean = (x: number): number => (Number.isNaN(x) ? Infinity : x);
  return { values: clean(valueError / scale), residual: clean(residual / scale), orthogonality: clean(orthogonality / EPS) };
}

/** A random sign. */
function sign(random: RandomSource): number {
  return random.uniform() < 0.5 ? -1 : 1;
}

/** Seeded tridiagonals of the structures that stress deflation and the secular equation. */
function adversarialTridiagonal(seed: number): { d: Float64Array; e: Float64Array; kind: string } {
  const random = createRandom(seed);
  const n = 1 + Math.floor(random.uniform() * 70);
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const kinds = ['equal diagonal, couplings 0 or +-1', 'Kac (zero diagonal)', 'few distinct diagonal values', 'diagonal over 20 decades', 'Wilkinson W+', 'couplings over 16 decades', 'couplings 1e-14 beside O(1)', 'glued blocks (2^-40)'] as const;
  const kind = kinds[seed % kinds.length];
  for (let i = 0; i < n; i++) {
    if (kind === 'equal diagonal, couplings 0 or +-1') d[i] = 1;
    else if (kind === 'Kac (zero diagonal)') d[i] = 0;
    else if (kind === 'few distinct diagonal values') d[i] = Math.floor(random.uniform() * 4);
    else if (kind === 'diagonal over 20 decades') d[i] = random.normal() * 10 ** (-20 * random.uniform());
    else if (kind === 'Wilkinson W+') d[i] = Math.abs(Math.floor(n / 2) - i);
    else d[i] = random.normal();
  }
  for (let i = 0; i < n - 1; i++) {
    if (kind === 'equal diagonal, couplings 0 or +-1') e[i] = random.uniform() < 0.3 ? 0 : sign(random);
    else if (kind === 'Kac (zero diagonal)') e[i] = sign(random) * Math.sqrt((i + 1) * (n - i - 1));
    else if (kind === 'Wilkinson W+') e[i] = 1;
    else if (kind === 'couplings over 16 decades') e[i] = sign(random) * 10 ** (-16 * random.uniform());
    else if (kind === 'couplings 1e-14 beside O(1)') e[i] = sign(random) * (random.uniform() < 0.5 ? 1e-14 : random.uniform());
    else if (kind === 'glued blocks (2^-40)') e[i] = sign(random) * (i % 7 === 6 ? 2 ** -40 : random.uniform());
    else e[i] = sign(random) * random.uniform();
  }
  return { d, e, kind };
}

describe('secularRoot with one pole', () => {
  it('returns d + rho z^2 exactly and delta = -rho z^2 (bisection stopped up to 16 eps rho short of it)', () => {
    for (const [pole, rho] of [[0.5, 1], [0, 2], [-1, 0.375], [3, 2 ** -30]]) {
      const delta = new Float64Array(1);
      expect(secularRoot(Float64Array.of(pole), Float64Array.of(1), 1, rho, 0, delta), `pole ${pole}, rho ${rho}`).toBe(pole + rho);
      expect(delta[0]).toBe(-rho);
    }
  });

  it('gives the spectrum a +- |e| of [[a, e], [e, a]] through a merge (leaf 1) to 2 eps ||T||, for dyadic a and e', () => {
    for (const [a, e] of [[1, 1], [0.75, -0.5], [0, 1], [-2, 0.125]]) {
      const values = Float64Array.of(a, a);
      tridiagonalEigenvectors(values, Float64Array.of(e, 0), 1);
      const sorted = Array.from(values).sort((x, y) => x - y);
      const bound = 2 * EPS * (Math.abs(a) + Math.abs(e));
      expect(Math.abs(sorted[0] - (a - Math.abs(e))), `a ${a}, e ${e}: ${sorted}`).toBeLessThanOrEqual(bound);
      expect(Math.abs(sorted[1] - (a + Math.abs(e))), `a ${a}, e ${e}: ${sorted}`).toBeLessThanOrEqual(bound);
    }
  });
});

describe('tridiagonalEigenvectors on adversarial structures', () => {
  it('matches Sturm bisection to n eps ||T||, with residual and orthogonality at n eps, for leaves of 1, 2, 3 and 25 rows', () => {
    for (let seed = 1; seed <= 240; seed++) {
      const { d, e, kind } = adversarialTridiagonal(seed);
      const bound = 8 * Math.max(d.length, 4);
      for (const leaf of [1, 2, 3, 25]) {
        const errors = divideConquerErrors(d, e, leaf);
        const label = `seed ${seed} (${kind}, n = ${d.length}, leaf ${leaf}): ${JSON.stringify(errors)}`;
        expect(errors.values, label).toBeLessThan(bound);
        expect(errors.residual, label).toBeLessThan(bound);
        expect(errors.orthogonality, label).toBeLessThan(bound);
      }
    }
  });

  it('finds the integer spectrum -(n-1), -(n-3), ..., n-1 of the Kac matrix at n = 151 (default leaf, many merges)', () => {
    const n = 151;
    const d = new Float64Array(n);
    const e = Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? Math.sqrt((i + 1) * (n - i - 1)) : 0));
    const norm = gershgorin(d, e.subarray(0, n - 1));
    tridiagonalEigenvectors(d, e);
    const sorted = Array.from(d).sort((a, b) => a - b);
    sorted.forEach((value, j) => expect(Math.abs(value - (2 * j - (n - 1))), `eigenvalue ${j}`).toBeLessThan(8 * n * EPS * norm));
  });
});

describe('symmetricEigenpairs at the edges', () => {
  it('decomposes the rank-one all-ones matrix (n J, exact) at n = 64 and 200, scaled by 2^1020 and by 2^-1070', () => {
    for (const n of [64, 200]) {
      for (const scale of [1, 2 ** 1020 / n, 2 ** -1070]) {
        const { values, phi } = symmetricEigenpairs(new Float64Array(n * n).fill(scale), n);
        const label = `n ${n}, scale ${scale}`;
        expect(values.every(Number.isFinite) && phi.every(Number.isFinite), label).toBe(true);
        // A subnormal scale keeps only a few bits of the entries' products: the eigenvalues are judged against the double nearest n scale.
        expect(Math.abs(values[0] - n * scale), label).toBeLessThanOrEqual(8 * n * EPS * n * scale + Number.MIN_VALUE * n);
        for (let j = 1; j < n; j++) expect(Math.abs(values[j]), label).toBeLessThanOrEqual(8 * n * EPS * n * scale + Number.MIN_VALUE * n);
        // The top eigenvector is the constant vector 1 / sqrt(n), up to sign.
        for (let i = 0; i < n; i++) expect(Math.abs(Math.abs(phi[i * n]) - 1 / Math.sqrt(n)), label).toBeLessThan(8 * n * EPS);
      }
    }
  });

  it('returns the identity for the zero matrix and the entry itself at n = 1', () => {
    const zero = symmetricEigenpairs(new Float64Array(9), 3);
    expect(Array.from(zero.values)).toEqual([0, 0, 0]);
    expect(Array.from(zero.phi)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    for (const x of [-3, 5e-324, 1.7e308]) expect(symmetricEigenpairs(Float64Array.of(x), 1).values[0]).toBe(x);
  });
});

describe('singularValuesOf on bidiagonals with exact zero diagonal entries (dqds splits at the zero couplings they cause)', () => {
  it('matches Sturm bisection on the Golub-Kahan tridiagonal to n eps sigma_1 on seeded bidiagonals', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = createRandom(seed);
      const n = 2 + Math.floor(random.uniform() * 40);
      const dense = new Float64Array(n * n);
      const couplings = new Float64Array(2 * n - 1);
      for (let i = 0; i < n; i++) {
        dense[i * n + i] = random.uniform() < 0.2 ? 0 : random.normal();
        couplings[2 * i] = dense[i * n + i];
        if (i < n - 1) couplings[2 * i + 1] = dense[i * n + i + 1] = random.normal() * 10 ** (-8 * random.uniform());
      }
      const reference = sturmEigenvalues(new Float64Array(2 * n), couplings).reverse().slice(0, n);
      const values = singularValuesOf(dense, n, n);
      const bound = 8 * n * EPS * reference[0];
      values.forEach((value, i) => expect(Math.abs(value - Math.max(reference[i], 0)), `seed ${seed}, n ${n}, sigma_${i + 1}`).toBeLessThan(bound));
    }
  });
});

/** The exact orthogonal I - (2 / n) 1 1^T (n a power of two, so every entry is dyadic). */
function householderOnes(n: number): Float64Array {
  return Float64Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) === k % n ? 1 : 0) - 2 / n);
}

describe('singularValuesOf on exact constructions U diag(sigma) V^T', () => {
  it('recovers integer sigma (with repeats and zeros) of tall and wide matrices, at scales 1, 2^1000 and 2^-1000', () => {
    for (const [rows, columns] of [[16, 8], [8, 16], [32, 32], [64, 4], [4, 2]]) {
      const u = householderOnes(rows);
      const v = householderOnes(columns);
      const short = Math.min(rows, columns);
      for (const pattern of ['distinct', 'repeated', 'rank one', 'half zero'] as const) {
        const sigma = Array.from({ length: short }, (_, i) =>
          pattern === 'distinct' ? short - i : pattern === 'repeated' ? 3 : pattern === 'rank one' ? (i === 0 ? 5 : 0) : i < short / 2 ? short - i : 0,
        );
        for (const scale of [1, 2 ** 1000, 2 ** -1000]) {
          // A = U[:, :short] diag(sigma) V[:, :short]^T: dyadic entries of a few bits, so A is exact.
          const a = new Float64Array(rows * columns);
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < columns; j++) {
              let sum = 0;
              for (let l = 0; l < short; l++) sum += u[i * rows + l] * sigma[l] * v[j * columns + l];
              a[i * columns + j] = sum * scale;
            }
          }
          const values = singularValuesOf(a, rows, columns);
          const label = `${rows} x ${columns}, ${pattern}, scale ${scale}: ${Array.from(values, (x) => x / scale)}`;
          const bound = 8 * short * EPS * sigma[0] * scale;
          sigma.forEach((s, i) => expect(Math.abs(values[i] - s * scale), label).toBeLessThanOrEqual(bound));
        }
      }
    }
  });
});
