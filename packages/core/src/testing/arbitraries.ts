/**
 * fast-check generators shared by the tests: symmetric matrices with a chosen kind of
 * spectrum, built as Q diag(lambda) Q^T from a random orthogonal Q.
 */
import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';

/** Fixed seed of every property test; fast-check prints it (and the shrink path) on failure. */
export const PROPERTY_SEED = 20251124;

export type SpectrumKind = 'psd' | 'psd-with-zeros' | 'indefinite';

export interface SymmetricCase {
  readonly Y: number[][];
  readonly lambda: number[];
  readonly Q: Matrix;
}

/** A random orthogonal n x n matrix (Q of a QR of a matrix with entries in [-1, 1]). */
export function orthogonal(n: number): fc.Arbitrary<Matrix> {
  return fc
    .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n })
    .filter((entries) => entries.some((x) => Math.abs(x) > 1e-3))
    .map((entries) => {
      const A = new Matrix(n, n);
      entries.forEach((x, index) => A.set(Math.floor(index / n), index % n, x + (index % (n + 1) === 0 ? 2 : 0)));
      return new QrDecomposition(A).orthogonalMatrix;
    });
}

/** Eigenvalues of the requested kind, with magnitudes in [0.1, 10]. */
export function spectrum(n: number, kind: SpectrumKind): fc.Arbitrary<number[]> {
  const magnitude = fc.double({ min: 0.1, max: 10, noNaN: true });
  const signed = fc.tuple(magnitude, fc.boolean()).map(([value, negative]) => (negative ? -value : value));
  const entry = kind === 'psd' ? magnitude : kind === 'indefinite' ? signed : fc.oneof(magnitude, fc.constant(0));
  return fc.array(entry, { minLength: n, maxLength: n });
}

/** Y = Q diag(lambda) Q^T, symmetrized exactly. */
export function symmetricMatrix(n: number, kind: SpectrumKind): fc.Arbitrary<SymmetricCase> {
  return fc.tuple(orthogonal(n), spectrum(n, kind)).map(([Q, lambda]) => {
    const product = Q.mmul(Matrix.diag(lambda)).mmul(Q.transpose());
    const Y = product.to2DArray();
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) Y[i][j] = Y[j][i];
    return { Y, lambda, Q };
  });
}

/**
 * An n x r matrix with entries 0 or in [-1, -1e-3] U [1e-3, 1], scaled by `scale`. (Underflow
 * and subnormal inputs are exercised by dedicated tests, not mixed into every property.)
 */
export function factor(n: number, r: number, scale = 1): fc.Arbitrary<number[][]> {
  const entry = fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 9, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }).filter((x) => Math.abs(x) >= 1e-3) },
  );
  return fc
    .array(entry, { minLength: n * r, maxLength: n * r })
    .map((entries) => Array.from({ length: n }, (_, i) => entries.slice(i * r, (i + 1) * r).map((x) => x * scale)));
}

/** Largest |entry| of A - B. */
export function maxAbsDifference(A: Matrix | number[][], B: Matrix | number[][]): number {
  const a = Matrix.isMatrix(A) ? (A as Matrix) : new Matrix(A as number[][]);
  const b = Matrix.isMatrix(B) ? (B as Matrix) : new Matrix(B as number[][]);
  return a.clone().sub(b).abs().max();
}

/**
 * K distinct singular values, decreasing from a top value in [1, 10], with
 * 0.2 <= sigma_{k+1}/sigma_k <= maxRatio, padded with n - K zeros (K = n when `withZeros` is false).
 */
export function separatedSpectrum(n: number, maxRatio = 0.9, withZeros = true): fc.Arbitrary<number[]> {
  return fc
    .tuple(
      withZeros ? fc.integer({ min: 1, max: n }) : fc.constant(n),
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.array(fc.double({ min: 0.2, max: maxRatio, noNaN: true }), { minLength: n, maxLength: n }),
    )
    .map(([K, top, ratios]) => {
      const values = [top];
      for (let k = 1; k < K; k++) values.push(values[k - 1] * ratios[k]);
      return [...values, ...Array<number>(n - K).fill(0)];
    });
}

/** Times to probe an interval [start, end]: both ends and three interior points (or a geometric tail when end is infinite). */
export function probeTimes(start: number, end: number): number[] {
  if (!Number.isFinite(end)) return [start, start * 1.5, start * 4, start * 100, start * 1e4];
  return [start, start + 0.25 * (end - start), 0.5 * (start + end), start + 0.75 * (end - start), end];
}
