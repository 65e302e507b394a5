import { Matrix } from 'ml-matrix';

import { singularValuesOf } from './bidiagonal.js';
import { FactorflowInputError } from '../errors.js';
import { type MatrixInput, requireInteger, roundingTolerance, toMatrix, toSymmetricMatrix } from '../validate.js';
import { fromRowMajor, toRowMajor } from './dense.js';
import { symmetricEigenpairs } from './eigenpairs.js';
import { symmetricEigenvalues } from './tridiagonal.js';

/** Eigendecomposition Y = Phi diag(values) Phi^T of a symmetric matrix. */
export interface SymmetricEigen {
  /** Eigenvalues in decreasing order. */
  readonly values: Float64Array;
  /** Orthonormal eigenvectors as columns, in the order of `values` (Phi in the paper). */
  readonly vectors: Matrix;
}

/** The same decomposition with Phi as a row-major array, for the hot loops. */
export interface SymmetricEigenData {
  readonly n: number;
  readonly values: Float64Array;
  /** phi[i * n + j] = component i of eigenvector j. */
  readonly phi: Float64Array;
  /**
   * Phi was built from the structure of the matrix, not computed: every entry is exactly 0, +-1 or
   * fl(+-1/sqrt 2), and the exact eigenvectors differ from it only by the rounding of 1/sqrt 2
   * (see `pairedEigen`). Absent (false) for a computed decomposition.
   */
  readonly exactVectors?: boolean;
}

/**
 * Decomposes an already validated, exactly symmetric matrix (Min & Vidal 2025, Proposition 1's
 * Y = Phi diag(lambda) Phi^T); `argument` names it in the error thrown when an eigenvalue exceeds
 * the largest double.
 */
export function eigenOfSymmetric(matrix: Matrix, argument = 'Y'): SymmetricEigenData {
  return eigenOfEntries(toRowMajor(matrix), matrix.rows, argument);
}

/** {@link eigenOfSymmetric} on the row-major entries, which are only read (`prepareTarget` copies them into its handle too). */
function eigenOfEntries(entries: Float64Array, n: number, argument: string): SymmetricEigenData {
  // Y = diag(sigma_Y), the paper's own setting, is decomposed exactly and without an O(n^3) solve:
  // the explorer rebuilds the closed form for every slider position. So is the lift
  // [[0, Y], [Y^T, 0]] of a diagonal rectangular Y (asymmetric flow), whose rows have one entry each.
  const partners = singleEntryPartners(entries, n);
  if (partners !== null) return pairedEigen(entries, n, partners);
  const { values, phi } = symmetricEigenpairs(entries, n);
  // Entries near the largest double can have eigenvalues beyond it (|lambda| <= n max |a_ij|).
  if (!values.every(Number.isFinite)) {
    const scale = entries.reduce((largest, entry) => Math.max(largest, Math.abs(entry)), 0);
    throw new FactorflowInputError(
      'out-of-range',
      argument,
      `has an eigenvalue beyond the largest double (entries up to ${scale.toExponential(3)}); rescale it, e.g. divide by its largest entry.`,
    );
  }
  return { n, values, phi };
}

/**
 * For a symmetric matrix with at most one non-zero entry per row, the column of that entry in each
 * row (the row itself for a diagonal or empty row), or null when some row has two.
 */
function singleEntryPartners(entries: Float64Array, n: number): Int32Array | null {
  const partners = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    partners[i] = i;
    let found = false;
    for (let j = 0; j < n; j++) {
      if (entries[i * n + j] === 0) continue;
      if (found) return null;
      found = true;
      partners[i] = j;
    }
  }
  return partners;
}

/**
 * The eigendecomposition of a symmetric matrix with at most one non-zero entry per row, by its
 * structure: it is a direct sum of 1 x 1 blocks (a_ii), with eigenvector e_i, and 2 x 2 blocks
 * [[0, b], [b, 0]], with eigenvalues +-|b| and eigenvectors (e_i +- sign(b) e_j) / sqrt 2. A diagonal
 * matrix gives a permutation (exact); a pair gives entries fl(1/sqrt 2), each within a relative unit
 * roundoff of the exact eigenvector's, a bound `basisChange` uses in place of a computed Phi's
 * n eps. Eigenvalues are sorted decreasing (ties keep their order).
 */
function pairedEigen(entries: Float64Array, n: number, partners: Int32Array): SymmetricEigenData {
  const columns: { value: number; entries: [number, number][] }[] = [];
  for (let i = 0; i < n; i++) {
    const j = partners[i];
    const entry = entries[i * n + j];
    if (!Number.isFinite(entry)) throw new Error(`eigenOfSymmetric: a ${n} x ${n} matrix with a non-finite entry (an internal error; please report it)`);
    if (j === i) columns.push({ value: entry, entries: [[i, 1]] });
    else if (j > i) {
      const sign = Math.sign(entry);
      columns.push({ value: Math.abs(entry), entries: [[i, Math.SQRT1_2], [j, sign * Math.SQRT1_2]] });
      columns.push({ value: -Math.abs(entry), entries: [[i, Math.SQRT1_2], [j, -sign * Math.SQRT1_2]] });
    }
  }
  const order = Array.from(columns.keys()).sort((a, b) => columns[b].value - columns[a].value);
  const values = Float64Array.from(order, (index) => columns[index].value);
  const phi = new Float64Array(n * n);
  order.forEach((source, j) => {
    for (const [row, weight] of columns[source].entries) phi[row * n + j] = weight;
  });
  return { n, values, phi, exactVectors: true };
}

/**
 * A symmetric target Y validated and decomposed once, Y = Phi diag(values) Phi^T (Min & Vidal
 * 2025, Proposition 1), so that the closed form, the windows, the planners and spectral
 * initializations of one Y share a single eigendecomposition. Build it with {@link prepareTarget}.
 *
 * The fields are copies for reading: the entry points use the decomposition kept when the target
 * was prepared, so changing a field changes nothing downstream, and an object that was not made
 * by `prepareTarget` (a hand-built one, or a copy sent to a worker) is refused.
 */
export interface PreparedTarget extends SymmetricEigenData {
  /** Tag telling a prepared target apart from a matrix at the public boundary. */
  readonly prepared: 'symmetric-target';
  /** Y, symmetrized exactly: (Y + Y^T) / 2 of the input. */
  readonly matrix: Matrix;
}

/** A validated symmetric matrix with its decomposition: what the entry points compute with. */
export interface SymmetricTarget extends SymmetricEigenData {
  readonly matrix: Matrix;
}

/** The decomposition behind each target `prepareTarget` made, keyed by the handle it returned. */
const prepared = new WeakMap<object, SymmetricTarget>();

function decompose(matrix: Matrix, entries = toRowMajor(matrix)): SymmetricTarget {
  return { matrix, ...eigenOfEntries(entries, matrix.rows, 'Y') };
}

/**
 * Validates a symmetric target and decomposes it once; every entry point that takes `Y` also
 * takes the result, and then skips both steps.
 *
 * @param Y - symmetric n x n matrix (symmetric up to rounding; it is symmetrized).
 * @returns the {@link PreparedTarget}: Y, its eigenvalues in decreasing order and Phi row-major.
 * @throws FactorflowInputError `not-symmetric`, `shape`, `not-finite`, `not-a-matrix`.
 * @example
 * ```ts
 * const Y = prepareTarget([[10, 0], [0, 8]]);
 * const plan = theorem4Plan({ Y, U0bar: gaussianInit(2, 2, 1, 1), epsilon: 0.5 });
 * const windows = measuredWindows(Y, { U0: gaussianInit(2, 2, 1e-8, 1) }, 0.5); // no second decomposition
 * ```
 */
export function prepareTarget(Y: MatrixInput): PreparedTarget {
  const matrix = toSymmetricMatrix(Y, 'Y');
  const entries = toRowMajor(matrix);
  const target = decompose(matrix, entries);
  const handle: PreparedTarget = Object.freeze({
    prepared: 'symmetric-target',
    n: target.n,
    values: target.values.slice(),
    phi: target.phi.slice(),
    // Not Matrix#clone, which copies entry by entry: a tenth of the whole decomposition at n = 200.
    matrix: fromRowMajor(entries, target.n, target.n),
  });
  prepared.set(handle, target);
  return handle;
}

/** The decomposition kept for a prepared target, `null` for a matrix; throws for a forged target. */
function preparedOf(Y: MatrixInput | PreparedTarget): SymmetricTarget | null {
  if (typeof Y !== 'object' || Y === null || Array.isArray(Y) || Matrix.isMatrix(Y)) return null;
  const target = prepared.get(Y);
  if (target !== undefined) return target;
  if ('prepared' in Y) {
    throw new FactorflowInputError(
      'not-a-matrix',
      'Y',
      'looks like a prepared target but was not made by prepareTarget in this thread (a hand-built object, or a copy ' +
        'sent to a worker); pass Y itself, or prepareTarget(Y).',
    );
  }
  return null;
}

/** `Y` as a prepared target, preparing it only when the caller has not: for entry points that pass Y on to others. */
export function asPrepared(Y: MatrixInput | PreparedTarget): PreparedTarget {
  return preparedOf(Y) === null ? prepareTarget(Y as MatrixInput) : (Y as PreparedTarget);
}

/** Y validated and decomposed: the prepared decomposition when there is one, a fresh one otherwise. */
export function targetOf(Y: MatrixInput | PreparedTarget): SymmetricTarget {
  return preparedOf(Y) ?? decompose(toSymmetricMatrix(Y as MatrixInput, 'Y'));
}

/** Y validated and symmetrized, without decomposing it when it is not prepared (for the ODE and GD routes). */
export function symmetricMatrixOf(Y: MatrixInput | PreparedTarget): Matrix {
  return preparedOf(Y)?.matrix ?? toSymmetricMatrix(Y as MatrixInput, 'Y');
}

/**
 * Eigenvalues (decreasing) and orthonormal eigenvectors of a symmetric matrix,
 * Y = Phi diag(lambda) Phi^T: the "full SVD of Y" of Min & Vidal (2025), Proposition 1,
 * for Y that may also be indefinite.
 *
 * Inputs symmetric up to rounding are symmetrized, (Y + Y^T)/2; others are rejected.
 *
 * @param Y - symmetric n x n matrix.
 * @returns `values` in decreasing order and `vectors` with eigenvector j in column j.
 * @throws FactorflowInputError `not-symmetric`, `shape`, `not-finite`, `not-a-matrix`.
 * @example
 * ```ts
 * const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
 * // values = [3, 1], vectors[:, 0] = (1, 1)/sqrt(2) up to sign
 * ```
 */
export function symmetricEigen(Y: MatrixInput | PreparedTarget): SymmetricEigen {
  const { n, values, phi } = targetOf(Y);
  const vectors = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vectors.set(i, j, phi[i * n + j]);
  // A copy: the values of a prepared target are shared by every later call on it.
  return { values: values.slice(), vectors };
}

/**
 * Spectral norm ||A||_2 = sigma_max(A), the norm of Theorems 3 and 4 (Min & Vidal 2025, notation).
 *
 * @param A - any real matrix.
 * @throws FactorflowInputError on malformed or non-finite input, and `out-of-range` when ||A||_2 overflows double precision.
 * @example
 * ```ts
 * spectralNorm([[3, 0], [0, -4]]); // 4
 * ```
 */
export function spectralNorm(A: MatrixInput): number {
  const matrix = toMatrix(A, 'A');
  let norm: number;
  // For symmetric A, ||A||_2 = max |lambda_i|: eigenvalues alone are several times cheaper than an SVD.
  if (matrix.isSymmetric()) {
    const values = symmetricEigenvalues(toRowMajor(matrix), matrix.rows);
    norm = Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
  } else {
    norm = singularValues(matrix)[0];
  }
  if (!Number.isFinite(norm)) {
    throw new FactorflowInputError('out-of-range', 'A', `||A||_2 exceeds double precision (entries up to ${Math.max(matrix.max(), -matrix.min()).toExponential(3)}); rescale A.`);
  }
  return norm;
}

/** Singular values of an already validated matrix, decreasing (min(rows, columns) of them). */
export function singularValues(matrix: Matrix): Float64Array {
  return singularValuesOf(toRowMajor(matrix), matrix.rows, matrix.columns);
}

/**
 * Best rank-k approximation Y_hat_k = argmin_{rank(Z) <= k} ||Y - Z||_F of a symmetric Y
 * (Min & Vidal 2025, eq. (17)). By Eckart-Young it keeps the k eigenpairs of largest |lambda|;
 * for Y PSD these are the k largest eigenvalues, the paper's Phi diag(sigma_1..sigma_k, 0..0) Phi^T.
 *
 * When |lambda_k| = |lambda_{k+1}| the minimizer is not unique; this returns the one spanned by
 * the eigenvectors the decomposition orders first.
 *
 * @param Y - symmetric n x n matrix, or its {@link PreparedTarget}.
 * @param k - rank, an integer in [0, n].
 * @throws FactorflowInputError on a non-symmetric Y or k out of range.
 * @example
 * ```ts
 * bestRankK([[3, 0], [0, 1]], 1); // [[3, 0], [0, 0]]
 * ```
 */
export function bestRankK(Y: MatrixInput | PreparedTarget, k: number): Matrix {
  const { n, values, phi } = targetOf(Y);
  requireInteger(k, 'k', 0, n);
  const kept = largestMagnitudeIndices(values, k);
  const result = new Matrix(n, n);
  // One triangle, mirrored: Y_hat_k is exactly symmetric, so symmetric-only fast paths apply to it.
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let sum = 0;
      for (const j of kept) sum += values[j] * phi[a * n + j] * phi[b * n + j];
      result.set(a, b, sum);
      result.set(b, a, sum);
    }
  }
  return result;
}

/** Indices of the k entries of largest magnitude (ties broken by position). */
function largestMagnitudeIndices(values: Float64Array, k: number): number[] {
  return Array.from(values.keys())
    .sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]) || a - b)
    .slice(0, k);
}

/**
 * Checks that decreasing eigenvalues are >= 0 up to rounding, relative to the largest
 * magnitude, and returns the tolerance used.
 */
export function requirePsdSpectrum(values: Float64Array, argument: string, why: string): number {
  const n = values.length;
  const scale = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
  const tolerance = roundingTolerance(n) * scale;
  const smallest = values[n - 1];
  if (smallest < -tolerance) {
    throw new FactorflowInputError(
      'not-psd',
      argument,
      `must be positive semi-definite (${why}), but has eigenvalue ${smallest.toPrecision(6)} ` +
        `(tolerance ${tolerance.toExponential(2)}); pass a PSD matrix, e.g. U U^T.`,
    );
  }
  return tolerance;
}

/**
 * Eigenvalues of W = U U^T (Min & Vidal 2025, eq. (3)), decreasing, length n: the squared singular
 * values of U padded with zeros. Squaring singular values keeps the small eigenvalues (of size
 * alpha under small initialization) accurate to about eps sigma_1 sigma_i instead of the
 * eps sigma_1^2 an eigendecomposition of W would leave. Internal helper, no validation.
 *
 * @param factor - U, row-major n x r.
 * @param n - rows of U.
 * @param r - columns of U (0 allowed: W = 0).
 * @example
 * ```ts
 * factorSpectrum(Float64Array.of(3, 0, 0, 4), 2, 2); // [16, 9]
 * ```
 */
export function factorSpectrum(factor: Float64Array, n: number, r: number): Float64Array {
  const values = new Float64Array(n);
  if (r === 0) return values;
  const singular = singularValuesOf(factor, n, r);
  for (let i = 0; i < singular.length; i++) values[i] = singular[i] * singular[i];
  return values;
}
