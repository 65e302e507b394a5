import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { ENTRIES_SPANNING_140_DECADES } from '../testing/fixtures.js';
import { PROPERTY_SEED, gaussianSymmetric, symmetricMatrix } from '../testing/arbitraries.js';
import { symmetricEigenvalues } from './tridiagonal.js';

function rowMajor(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.flat());
}

function trace(entries: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += entries[i * n + i];
  return sum;
}

function frobeniusSquared(entries: Float64Array): number {
  return entries.reduce((sum, value) => sum + value * value, 0);
}

describe('symmetricEigenvalues', () => {
  it('returns the spectrum of Q diag(lambda) Q^T, decreasing, to 1e-13 of the largest |lambda|', () => {
    const anySymmetric = fc
      .integer({ min: 1, max: 12 })
      .chain((n) => fc.constantFrom('psd', 'psd-with-zeros', 'indefinite' as const).chain((kind) => symmetricMatrix(n, kind)));
    fc.assert(
      fc.property(anySymmetric, ({ Y, lambda }) => {
        const values = symmetricEigenvalues(rowMajor(Y), Y.length);
        const expected = [...lambda].sort((a, b) => b - a);
        const scale = Math.max(...lambda.map(Math.abs), 1e-300);
        expected.forEach((value, i) => expect(Math.abs(values[i] - value)).toBeLessThan(1e-13 * scale));
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('preserves the trace and the Frobenius norm of Gaussian matrices up to n = 80', () => {
    for (const n of [2, 3, 7, 20, 50, 80]) {
      for (let seed = 1; seed <= 5; seed++) {
        const entries = gaussianSymmetric(n, 1000 * n + seed);
        const values = symmetricEigenvalues(entries, n);
        const norm = Math.sqrt(frobeniusSquared(entries));
        const sum = values.reduce((total, value) => total + value, 0);
        expect(Math.abs(sum - trace(entries, n)), `n ${n}, seed ${1000 * n + seed}`).toBeLessThan(1e-13 * n * norm);
        expect(Math.abs(frobeniusSquared(values) - norm * norm), `n ${n}, seed ${1000 * n + seed}`).toBeLessThan(1e-13 * n * norm * norm);
      }
    }
  });

  it('agrees with an independent Jacobi eigenvalue iteration on Gaussian matrices', () => {
    for (const n of [4, 9, 16, 30]) {
      const seed = 77 + n;
      const entries = gaussianSymmetric(n, seed);
      const expected = jacobiEigenvalues(entries, n);
      const values = symmetricEigenvalues(entries, n);
      const scale = Math.max(...expected.map(Math.abs));
      expected.forEach((value, i) => expect(Math.abs(values[i] - value), `n ${n}, seed ${seed}`).toBeLessThan(1e-13 * n * scale));
    }
  });

  it('handles repeated eigenvalues, the zero matrix, 1 x 1, diagonal and already tridiagonal input', () => {
    expect([...symmetricEigenvalues(rowMajor([[0, 0], [0, 0]]), 2)]).toEqual([0, 0]);
    expect([...symmetricEigenvalues(Float64Array.of(-3), 1)]).toEqual([-3]);
    expect([...symmetricEigenvalues(rowMajor([[1, 0, 0], [0, 4, 0], [0, 0, -2]]), 3)]).toEqual([4, 1, -2]);
    const identity = Matrix.eye(6).mul(2.5);
    symmetricEigenvalues(Float64Array.from(identity.to1DArray()), 6).forEach((value) => expect(value).toBeCloseTo(2.5, 14));
    // The path graph P_5: eigenvalues 2 cos(pi j / 6).
    const path = new Matrix(5, 5);
    for (let i = 0; i < 4; i++) path.set(i, i + 1, 1).set(i + 1, i, 1);
    const values = symmetricEigenvalues(Float64Array.from(path.to1DArray()), 5);
    [1, 2, 3, 4, 5].forEach((j, i) => expect(values[i]).toBeCloseTo(2 * Math.cos((Math.PI * j) / 6), 14));
  });

  it('works at every scale, subnormal entries included', () => {
    for (const scale of [1e-300, 1e-160, 1e-10, 1, 1e150, 1e300]) {
      const entries = rowMajor([
        [2 * scale, scale, 5e-324],
        [scale, 3 * scale, 0],
        [5e-324, 0, -scale],
      ]);
      const values = symmetricEigenvalues(entries, 3);
      expect(values.every(Number.isFinite), `scale ${scale}`).toBe(true);
      expect(values[2] / scale).toBeCloseTo(-1, 12);
      expect((values[0] + values[1]) / scale).toBeCloseTo(5, 12);
    }
  });

  it('decomposes entries spanning 140 decades (the matrix that crashed ml-matrix tql2)', () => {
    const entries = rowMajor(ENTRIES_SPANNING_140_DECADES);
    const values = symmetricEigenvalues(entries, 6);
    expect(values[5]).toBeCloseTo(-1, 15);
    expect(values[0]).toBeCloseTo(5.1919620378354585e-15, 28);
  });

  it('throws an internal error on non-finite input instead of returning NaN', () => {
    expect(() => symmetricEigenvalues(rowMajor([[1, Number.NaN], [Number.NaN, 1]]), 2)).toThrow(/non-finite/);
    expect(() => symmetricEigenvalues(rowMajor([[Number.POSITIVE_INFINITY, 0], [0, 1]]), 2)).toThrow(/non-finite/);
  });
});

/**
 * Cyclic Jacobi rotations until the off-diagonal mass is below 1e-30 of the total: slow and simple,
 * and sharing no step with Householder + QL, which makes it a fair reference.
 */
function jacobiEigenvalues(entries: Float64Array, n: number): number[] {
  const a = Float64Array.from(entries);
  const total = frobeniusSquared(a);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) if (p !== q) off += a[p * n + q] ** 2;
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]).sort((x, y) => y - x);
}

describe('symmetricEigenvalues on graded matrices', () => {
  it('converges when the entries fall from 1 to 1e-190 along the diagonal (QL chased from the small end never did)', () => {
    const n = 20;
    const random = createRandom(21);
    const entries = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) entries[i * n + j] = entries[j * n + i] = random.normal() * 10 ** (-(i + j) * 5);
    }
    // The same matrix reversed (graded the other way) has the same spectrum.
    const reversed = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) reversed[i * n + j] = entries[(n - 1 - i) * n + n - 1 - j];
    const values = symmetricEigenvalues(entries, n);
    const other = symmetricEigenvalues(reversed, n);
    const norm = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
    expect(Math.abs(values.reduce((sum, value) => sum + value, 0) - trace(entries, n))).toBeLessThan(n * Number.EPSILON * norm);
    values.forEach((value, i) => expect(Math.abs(value - other[i])).toBeLessThan(4 * n * Number.EPSILON * norm));
  });
});

describe('symmetricEigenvalues on blocks whose shifted rotations underflow', () => {
  /** Symmetric n x n from its upper-triangle entries (i, j, value). */
  function fromUpper(n: number, entries: readonly (readonly [number, number, number])[]): Float64Array {
    const matrix = new Float64Array(n * n);
    for (const [i, j, value] of entries) {
      matrix[i * n + j] = value;
      matrix[j * n + i] = value;
    }
    return matrix;
  }

  // W(t) - Y_hat_k in a rotated basis from the certified suite's deep run (seed 7, instances 500
  // and 528): zero (or tiny) diagonals with couplings graded over 150 decades, on which QL with
  // Wilkinson shifts stalled and threw. References: mpmath.eigsy at 400 digits.
  const cases = [
    {
      n: 4,
      entries: [[0, 1, 5.0978941156238473e-57], [0, 2, -7.71174356832923e-180], [0, 3, -2.232651669045855e-203], [1, 2, 3.801515126943781e-170], [1, 3, 2.2227587494850775e-162]],
      reference: [5.0978941156238473e-57, 3.3624366051303365e-285, -3.3624364901169242e-285, -5.0978941156238473e-57],
    },
    {
      n: 10,
      entries: [
        [0, 0, -1.7763568394002505e-15], [1, 1, 2.220446049250313e-16], [3, 3, -5.551115123125783e-17], [4, 5, 3.929981956117463e-102],
        [4, 6, -1.7509790714421004e-115], [4, 7, -3.19574905346588e-123], [4, 8, -6.481780126537687e-124], [4, 9, 3.5293710105678413e-127],
        [5, 5, 7.805130291925213e-178], [5, 6, -1.651179750749809e-191], [5, 7, -5.602259152277373e-199], [5, 8, 3.031024318108837e-201],
        [5, 9, -1.74317099229719e-203], [6, 6, 1.080524401708185e-204], [6, 7, 3.095589863013001e-212], [6, 8, -7.143173882390151e-214],
        [6, 9, 3.764686900918187e-216], [7, 7, 6.828282429221025e-218], [7, 8, -3.9334786863333684e-220], [7, 9, -2.403530251349463e-222],
        [8, 8, 5.511337371611018e-222], [8, 9, 1.6794547381878105e-224], [9, 9, 1.2240619173744605e-226],
      ],
      reference: [2.220446049250313e-16, 3.929981956117463e-102, 1.158569355612603e-204, 6.751535535866789e-218, 1.9990603068666905e-221, 2.8545892134993694e-227, 0, -3.929981956117463e-102, -5.551115123125783e-17, -1.7763568394002505e-15],
    },
  ] as const;

  it.each(cases)('converges at n = $n to within the backward-stability bound', ({ n, entries, reference }) => {
    const values = symmetricEigenvalues(fromUpper(n, entries), n);
    const norm = Math.max(...reference.map(Math.abs));
    values.forEach((value, i) => expect(Math.abs(value - reference[i]), `eigenvalue ${i}`).toBeLessThanOrEqual(4 * n * Number.EPSILON * norm));
  });
});
