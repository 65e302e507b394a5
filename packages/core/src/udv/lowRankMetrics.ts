/**
 * How low-rank a learned matrix is: its singular spectrum, the numerical rank at a relative
 * threshold, the effective rank of Roy & Vetterli (2007), and the exact zeros of the diagonal
 * factor d of the U diag(d) V^T model (Hou, Sra & Yurtsever 2025, arXiv 2501.16322), which is
 * "truly" rather than approximately low-rank exactly when d has zeros.
 */
import { FactorflowInputError } from '../errors.js';
import { singularValuesOf } from '../linalg/bidiagonal.js';
import { given, requireFiniteArray, requireFloat64Array, requireInteger, requireOptions } from '../validate.js';

/**
 * Default relative threshold of {@link numericalRank}: sigma_i counts when sigma_i > 1e-10 sigma_1.
 *
 * Why 1e-10: a backward-stable SVD of a matrix that is exactly of rank r in exact arithmetic but
 * assembled in doubles returns tail singular values of a few n eps sigma_1 (lowRankMetrics.test.ts
 * holds them below 1e-14 sigma_1 at n = 100), so any threshold well above 1e-13 counts
 * only genuine directions; 1e-10 leaves a thousandfold margin for sizes up to about 10^4. Anything
 * above it is a direction the matrix really has, however small: the Burer-Monteiro residue of a
 * small initialization (tail of order xi^2) counts, which is the distinction between "truly" and
 * "approximately" low rank the experiments draw. Pass a looser tolerance (e.g. 1e-6 or 1e-3) to
 * ask for the approximate rank.
 */
export const DEFAULT_RANK_TOLERANCE = 1e-10;

/** Thresholds at which {@link spectrumReport} counts the rank. */
export const REPORTED_RANK_TOLERANCES: readonly number[] = Object.freeze([1e-3, 1e-6, 1e-10]);

/** What {@link spectrumReport} returns. */
export interface SpectrumReport {
  /** Singular values of X, decreasing, min(rows, columns) of them. */
  readonly singularValues: Float64Array;
  /** numericalRank at the given (or default) tolerance. */
  readonly numericalRank: number;
  /** The tolerance used for `numericalRank`. */
  readonly tolerance: number;
  /** numericalRank at each of {@link REPORTED_RANK_TOLERANCES}. */
  readonly ranks: readonly { readonly tolerance: number; readonly rank: number }[];
  /** Roy & Vetterli's effective rank. */
  readonly effectiveRank: number;
  /** sigma_{r+1} / sigma_1 with r = truthRank (how far X is from rank r), or null without truthRank. */
  readonly tailRatio: number | null;
  /** Exact zeros of d, or null when no d was given. */
  readonly exactZeros: number | null;
}

/** Options of {@link spectrumReport}. */
export interface SpectrumReportOptions {
  /** Relative tolerance of the numerical rank (default {@link DEFAULT_RANK_TOLERANCE}). */
  readonly tolerance?: number;
  /** rank(X*), for `tailRatio`. */
  readonly truthRank?: number;
  /** The diagonal factor of a U diag(d) V^T model, for `exactZeros`. */
  readonly d?: Float64Array;
}

function requireTolerance(tolerance: number): number {
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) {
    throw new FactorflowInputError(
      'out-of-range',
      'tolerance',
      `must be a relative threshold in [0, 1), got ${String(tolerance)}; e.g. 1e-10 (numerically zero) or 1e-3 (approximately).`,
    );
  }
  return tolerance;
}

function requireSpectrum(singularValues: Float64Array): Float64Array {
  requireFloat64Array(singularValues, 'singularValues', 'singular values');
  requireFiniteArray(singularValues, singularValues.length, 'singularValues', 'singular values');
  for (let i = 0; i < singularValues.length; i++) {
    if (singularValues[i] < 0) {
      throw new FactorflowInputError('out-of-range', 'singularValues', `entry ${i} is ${singularValues[i]}; singular values are >= 0.`);
    }
  }
  return singularValues;
}

/**
 * The singular values sigma_1 >= ... >= sigma_min(rows, columns) >= 0 of X: Householder
 * bidiagonalization and QL on the Golub-Kahan tridiagonal (bidiagonal.ts), each within a small
 * multiple of min(rows, columns) eps sigma_1, at any scale of X.
 *
 * @param X - row-major rows x columns, finite.
 * @param rows - an integer >= 1.
 * @param columns - an integer >= 1.
 * @returns the singular values, decreasing.
 * @throws FactorflowInputError `out-of-range` on bad sizes or when sigma_1 overflows double
 *   precision; `shape` / `not-finite` on a bad X.
 * @example
 * ```ts
 * singularSpectrum(Float64Array.of(3, 0, 0, -4), 2, 2); // [4, 3]
 * ```
 */
export function singularSpectrum(X: Float64Array, rows: number, columns: number): Float64Array {
  requireInteger(rows, 'rows', 1, Number.MAX_SAFE_INTEGER);
  requireInteger(columns, 'columns', 1, Number.MAX_SAFE_INTEGER);
  requireFiniteArray(X, rows * columns, 'X', `a row-major ${rows} x ${columns} matrix`);
  const values = singularValuesOf(X, rows, columns);
  if (values.length > 0 && !Number.isFinite(values[0])) {
    const largest = X.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    throw new FactorflowInputError('out-of-range', 'X', `its largest singular value exceeds double precision (entries up to ${largest.toExponential(3)}); rescale X.`);
  }
  return values;
}

/**
 * The numerical rank #{i : sigma_i > tolerance sigma_1} (0 for the zero matrix).
 *
 * @param singularValues - sigma_i >= 0 (any order).
 * @param tolerance - relative threshold in [0, 1) (default {@link DEFAULT_RANK_TOLERANCE} = 1e-10,
 *   justified there).
 * @returns the count.
 * @throws FactorflowInputError on negative or non-finite values or a tolerance outside [0, 1).
 * @example
 * ```ts
 * numericalRank(Float64Array.of(10, 1, 1e-12)); // 2
 * numericalRank(Float64Array.of(10, 1, 1e-12), 0.5); // 1
 * ```
 */
export function numericalRank(singularValues: Float64Array, tolerance: number = DEFAULT_RANK_TOLERANCE): number {
  requireSpectrum(singularValues);
  requireTolerance(tolerance);
  return rankOf(singularValues, tolerance);
}

function rankOf(singularValues: Float64Array, tolerance: number): number {
  let largest = 0;
  for (const value of singularValues) largest = Math.max(largest, value);
  if (largest === 0) return 0;
  let count = 0;
  for (const value of singularValues) if (value > tolerance * largest) count++;
  return count;
}

/**
 * The effective rank of Roy & Vetterli (2007): exp(H(p)) with p_i = sigma_i / sum_j
 * sigma_j and H(p) = -sum_i p_i ln p_i (0 ln 0 = 0). It equals k for k equal nonzero singular
 * values and is 1 for rank one; it is 0 for the zero matrix by convention.
 *
 * @param singularValues - sigma_i >= 0.
 * @returns the effective rank, in [1, count] for a nonzero spectrum.
 * @throws FactorflowInputError on negative or non-finite values.
 * @example
 * ```ts
 * effectiveRank(Float64Array.of(2, 2, 2)); // 3
 * ```
 */
export function effectiveRank(singularValues: Float64Array): number {
  requireSpectrum(singularValues);
  return effectiveRankOf(singularValues);
}

function effectiveRankOf(singularValues: Float64Array): number {
  let total = 0;
  for (const value of singularValues) total += value;
  if (total === 0) return 0;
  // Near the largest double the sum overflows; the shares sigma_i / sum are the same after dividing by max sigma_i.
  let scale = 1;
  if (!Number.isFinite(total)) {
    scale = singularValues.reduce((largest, value) => Math.max(largest, value), 0);
    total = singularValues.reduce((sum, value) => sum + value / scale, 0);
  }
  let entropy = 0;
  for (const value of singularValues) {
    if (value === 0) continue;
    const share = value / scale / total;
    entropy -= share * Math.log(share);
  }
  return Math.exp(entropy);
}

/**
 * The number of exact zeros d_j === 0 of the diagonal factor of U diag(d) V^T: the directions the
 * projection max(d, 0) has switched off, so rank(X) <= k - exactZeros(d).
 *
 * @param d - the diagonal entries.
 * @returns the count (-0 counts as zero).
 * @throws FactorflowInputError when d is not a Float64Array.
 * @example
 * ```ts
 * exactZeros(Float64Array.of(3, 0, 1e-300, 0)); // 2
 * ```
 */
export function exactZeros(d: Float64Array): number {
  requireFloat64Array(d, 'd', 'the diagonal factor of U diag(d) V^T');
  requireFiniteArray(d, d.length, 'd', 'the diagonal factor of U diag(d) V^T');
  let count = 0;
  for (const value of d) if (value === 0) count++;
  return count;
}

/**
 * Everything at once: the spectrum of X, its numerical rank (at the given tolerance and at 1e-3,
 * 1e-6 and 1e-10), the effective rank, sigma_{r+1} / sigma_1 for r = truthRank, and the exact
 * zeros of d.
 *
 * @param X - row-major rows x columns.
 * @param rows - an integer >= 1.
 * @param columns - an integer >= 1.
 * @param options - tolerance, truthRank, d.
 * @returns a {@link SpectrumReport}.
 * @throws FactorflowInputError on malformed input.
 * @example
 * ```ts
 * const report = spectrumReport(result.X, 100, 100, { truthRank: 3, d: result.factors.d });
 * report.numericalRank; report.exactZeros;
 * ```
 */
export function spectrumReport(X: Float64Array, rows: number, columns: number, options: SpectrumReportOptions = {}): SpectrumReport {
  requireOptions(options, 'options', '{ tolerance?, truthRank?, d? }');
  const tolerance = requireTolerance(given(options.tolerance, DEFAULT_RANK_TOLERANCE));
  const singularValues = singularSpectrum(X, rows, columns);
  let tailRatio: number | null = null;
  if (options.truthRank !== undefined) {
    const r = requireInteger(options.truthRank, 'truthRank', 0, singularValues.length);
    tailRatio = r >= singularValues.length || singularValues[0] === 0 ? 0 : singularValues[r] / singularValues[0];
  }
  return {
    singularValues,
    numericalRank: rankOf(singularValues, tolerance),
    tolerance,
    ranks: REPORTED_RANK_TOLERANCES.map((threshold) => ({ tolerance: threshold, rank: rankOf(singularValues, threshold) })),
    effectiveRank: effectiveRankOf(singularValues),
    tailRatio,
    exactZeros: options.d === undefined ? null : exactZeros(options.d),
  };
}
