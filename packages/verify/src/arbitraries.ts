/**
 * fast-check generators of verification instances: symmetric targets Y = Q diag(lambda) Q^T
 * with a chosen kind of spectrum and initialization shapes, all built from seeds so that a
 * shrunk counterexample is short and replayable.
 */
import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';

import { gaussianInit } from '@factorflow/core';

/** A random orthogonal n x n matrix from a seed (Q of a Gaussian matrix). */
export function orthogonalFromSeed(n: number, seed: number): Matrix {
  return new QrDecomposition(gaussianInit(n, n, 1, seed)).orthogonalMatrix;
}

/** Q diag(lambda) Q^T, symmetrized exactly. */
export function symmetricFrom(Q: Matrix, lambda: readonly number[]): Matrix {
  const Y = Q.mmul(Matrix.diag([...lambda])).mmul(Q.transpose());
  return Y.add(Y.transpose()).div(2);
}

export type SpectrumKind = 'psd' | 'psd-with-zeros' | 'indefinite';

/** n eigenvalues of the given kind, decreasing, magnitudes in [0.5, 10] (zeros exact). */
export function spectrum(n: number, kind: SpectrumKind): fc.Arbitrary<number[]> {
  const magnitude = fc.double({ min: 0.5, max: 10, noNaN: true });
  const entry =
    kind === 'psd'
      ? magnitude
      : kind === 'indefinite'
        ? fc.tuple(magnitude, fc.boolean()).map(([value, negative]) => (negative ? -value : value))
        : fc.oneof(magnitude, fc.constant(0));
  return fc
    .array(entry, { minLength: n, maxLength: n })
    .filter((values) => values.some((value) => value !== 0))
    .map((values) => [...values].sort((a, b) => b - a));
}

/**
 * Singular values for the theorems: K distinct values decreasing from [1, 10] with consecutive
 * ratios in [0.2, maxRatio], then n - K zeros. At most one zero when `singleZero` (so no
 * eigenvalue is repeated and eigenvectors are well defined).
 */
export function separatedSpectrum(n: number, options: { maxRatio?: number; singleZero?: boolean } = {}): fc.Arbitrary<number[]> {
  const maxRatio = options.maxRatio ?? 0.85;
  return fc
    .tuple(
      fc.integer({ min: options.singleZero ? Math.max(n - 1, 1) : 1, max: n }),
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.array(fc.double({ min: 0.2, max: maxRatio, noNaN: true }), { minLength: n, maxLength: n }),
    )
    .map(([K, top, ratios]) => {
      const values = [top];
      for (let k = 1; k < K; k++) values.push(values[k - 1] * ratios[k]);
      return [...values, ...Array<number>(n - K).fill(0)];
    });
}

/** A 32-bit seed. */
export const seed32 = fc.integer({ min: 0, max: 0xffffffff });

/** Times to probe an interval: both ends and three interior points, or a geometric tail. */
export function probeTimes(start: number, end: number): number[] {
  if (!Number.isFinite(end)) return [start, 1.5 * start, 4 * start, 100 * start];
  return [start, start + 0.25 * (end - start), 0.5 * (start + end), start + 0.75 * (end - start), end];
}

/** Largest |entry| of A - B. */
export function maxAbsDifference(A: Matrix, B: Matrix): number {
  return A.clone().sub(B).abs().max();
}
