/**
 * Linear measurement operators A: R^{n1 x n2} -> R^m, the data side of the least-squares problem
 *
 *   f(X) = 1/2 ||A(X) - b||_2^2,                                           (LS)
 *
 * the data-fit term of Hou, Sra & Yurtsever (2025), "Implicit Bias in Matrix Factorization and its
 * Explicit Realization in a New Architecture" (arXiv 2501.16322; our reading of the abstract), and
 * of Arora et al. (2019). Every matrix is a row-major Float64Array: X[i * n2 + j] is entry (i, j).
 *
 * Each kind keeps its kernels in its own file, at the cost its structure allows: `entries.ts`
 * (completion), `gaussian.ts` (sensing), `regression.ts` (linear networks). This file checks an
 * operator at the public boundary and dispatches to its kind. The gradient of (LS) is
 * A^*(A(X) - b), so a model needs A (forward) and A^* (adjoint) only.
 */
import { FactorflowInputError } from '../../errors.js';
import { createRandom } from '../../random.js';
import { describe, requireEntries, requireFiniteArray, requireInteger } from '../../validate.js';
import { type EntryMeasurements, entryKernels, entryNormSquared } from './entries.js';
import { type GaussianMeasurements, gaussianKernels } from './gaussian.js';
import { type RegressionMeasurements, regressionKernels } from './regression.js';

/**
 * A linear operator A: R^{rows x columns} -> R^m, the measurements of (LS) (Hou, Sra & Yurtsever
 * 2025; Arora et al. 2019): sampled entries, Gaussian sensing matrices, or regression inputs.
 */
export type MeasurementOperator = EntryMeasurements | GaussianMeasurements | RegressionMeasurements;

/**
 * What each kind of operator implements. Internal kernels behind the public functions: no
 * validation, and every `out` is overwritten.
 */
export interface MeasurementKernels<Operator> {
  /** Checks the kind's own fields; rows and columns are already checked. */
  validate(operator: Operator, argument: string): void;
  /** A(X), length m. */
  measure(operator: Operator, X: Float64Array, out: Float64Array): void;
  /** A(L R^T) for L rows x k and R columns x k, without forming L R^T where the kind allows. */
  measureFactored(operator: Operator, L: Float64Array, R: Float64Array, k: number, out: Float64Array): void;
  /** A^*(r), rows x columns. */
  adjoint(operator: Operator, residual: Float64Array, out: Float64Array): void;
  /** A^*(r) R, rows x k. */
  adjointTimes(operator: Operator, residual: Float64Array, R: Float64Array, k: number, out: Float64Array): void;
  /** A^*(r)^T L, columns x k. */
  adjointTransposeTimes(operator: Operator, residual: Float64Array, L: Float64Array, k: number, out: Float64Array): void;
}

/** The kernels of the operator's kind (undefined at run time for an unvalidated, unknown kind). */
function kernelsOf(operator: MeasurementOperator): MeasurementKernels<MeasurementOperator> {
  switch (operator.kind) {
    case 'entries':
      return entryKernels;
    case 'gaussian':
      return gaussianKernels;
    case 'regression':
      return regressionKernels;
  }
}

/**
 * m, the length of A(X) in (LS) (Hou, Sra & Yurtsever 2025).
 *
 * @param operator - a measurement operator.
 * @returns the number of measurements (entries, matrices, or outputs x samples).
 * @throws nothing (an unvalidated operator gives whatever its fields say).
 * @example
 * ```ts
 * measurementCount({ kind: 'entries', rows: 2, columns: 2, rowIndex: Int32Array.of(0, 1), columnIndex: Int32Array.of(1, 0) }); // 2
 * ```
 */
export function measurementCount(operator: MeasurementOperator): number {
  return measurementCountOf(validateOperator(operator));
}

/** m of an operator already validated. Internal, no validation. */
export function measurementCountOf(operator: MeasurementOperator): number {
  switch (operator.kind) {
    case 'entries':
      return operator.rowIndex.length;
    case 'gaussian':
      return operator.count;
    case 'regression':
      return operator.rows * operator.samples;
  }
}

/**
 * Checks a measurement operator of (LS) (Hou, Sra & Yurtsever 2025) at the public boundary: a
 * known kind, positive integer sizes, arrays of the right type and length, indices in range, finite
 * data.
 *
 * @param operator - the operator to check.
 * @param argument - the name to report in errors.
 * @returns the same operator.
 * @throws FactorflowInputError `out-of-range`, `shape`, `not-a-matrix` or `not-finite`.
 * @example
 * ```ts
 * validateOperator(problem.operator, 'problem.operator');
 * ```
 */
export function validateOperator(operator: MeasurementOperator, argument = 'operator'): MeasurementOperator {
  if (operator === null || typeof operator !== 'object' || Array.isArray(operator)) {
    throw new FactorflowInputError('not-a-matrix', argument, `expected a measurement operator object with a \`kind\`, got ${describe(operator)}.`);
  }
  requireInteger(operator.rows, `${argument}.rows`, 1, Number.MAX_SAFE_INTEGER);
  requireInteger(operator.columns, `${argument}.columns`, 1, Number.MAX_SAFE_INTEGER);
  // Every operation allocates X, rows x columns, or a factor of as many rows.
  requireEntries(operator.rows * operator.columns, `${argument}.rows`, `a ${operator.rows} x ${operator.columns} X`);
  const kernels = kernelsOf(operator) as MeasurementKernels<MeasurementOperator> | undefined;
  if (kernels === undefined) {
    throw new FactorflowInputError(
      'out-of-range',
      `${argument}.kind`,
      `unknown kind ${describe((operator as { kind: unknown }).kind)}; use 'entries', 'gaussian' or 'regression'.`,
    );
  }
  kernels.validate(operator, argument);
  return operator;
}

/** Checks X is a finite row-major rows x columns matrix for this operator. */
export function requireMatrix(X: Float64Array, operator: MeasurementOperator, argument: string): void {
  requireFiniteArray(X, operator.rows * operator.columns, argument, `a row-major ${operator.rows} x ${operator.columns} matrix`);
}

function requireFactor(factor: Float64Array, rows: number, k: number, argument: string): void {
  requireFiniteArray(factor, rows * k, argument, `a row-major ${rows} x ${k} factor`);
}

function requireResidual(residual: Float64Array, operator: MeasurementOperator): void {
  requireFiniteArray(residual, measurementCountOf(operator), 'residual', 'one value per measurement');
}

/**
 * A(X), the forward operator of (LS) (Hou, Sra & Yurtsever 2025): X[i_l, j_l] (entries),
 * <A_l, X> (gaussian) or W Xin / sqrt(s) flattened (regression).
 *
 * @param operator - A.
 * @param X - row-major rows x columns.
 * @returns A(X), length m.
 * @throws FactorflowInputError on a malformed operator or X.
 * @example
 * ```ts
 * const op = { kind: 'entries', rows: 2, columns: 2, rowIndex: Int32Array.of(0), columnIndex: Int32Array.of(1) } as const;
 * measure(op, Float64Array.of(1, 2, 3, 4)); // [2]
 * ```
 */
export function measure(operator: MeasurementOperator, X: Float64Array): Float64Array {
  validateOperator(operator);
  requireMatrix(X, operator, 'X');
  const out = new Float64Array(measurementCountOf(operator));
  measureInto(operator, X, out);
  return out;
}

/**
 * A(L R^T) of (LS) (Hou, Sra & Yurtsever 2025) without forming L R^T when the kind allows it:
 * for `entries`, A(L R^T)_l = sum_c L[i_l, c] R[j_l, c] in O(m k); for `regression`,
 * L (R^T Xin) / sqrt(s) in O(k (n1 + n2) s). `gaussian` forms L R^T (O(n1 n2 k)) and measures it.
 *
 * @param operator - A.
 * @param L - row-major rows x k.
 * @param R - row-major columns x k.
 * @param k - the inner dimension, an integer >= 1.
 * @returns A(L R^T), length m.
 * @throws FactorflowInputError on a malformed operator, factor or k.
 * @example
 * ```ts
 * measureFactored(op, U, V, 3); // equals measure(op, U V^T)
 * ```
 */
export function measureFactored(operator: MeasurementOperator, L: Float64Array, R: Float64Array, k: number): Float64Array {
  validateOperator(operator);
  requireInteger(k, 'k', 1, Number.MAX_SAFE_INTEGER);
  requireFactor(L, operator.rows, k, 'L');
  requireFactor(R, operator.columns, k, 'R');
  const out = new Float64Array(measurementCountOf(operator));
  measureFactoredInto(operator, L, R, k, out);
  return out;
}

/**
 * The adjoint A^*(r), dense rows x columns: the matrix with <A(X), r> = <X, A^*(r)> for every X.
 * Entries: r_l added at (i_l, j_l) (repeated entries add up); gaussian: sum_l r_l A_l;
 * regression: R Xin^T / sqrt(s) with R = r reshaped rows x samples. With r = A(X) - b it is the
 * gradient of (LS) (Hou, Sra & Yurtsever 2025).
 *
 * @param operator - A.
 * @param residual - r, length m.
 * @returns A^*(r), row-major rows x columns.
 * @throws FactorflowInputError on a malformed operator or residual.
 * @example
 * ```ts
 * adjoint(op, Float64Array.of(5)); // 5 at the measured entry, 0 elsewhere
 * ```
 */
export function adjoint(operator: MeasurementOperator, residual: Float64Array): Float64Array {
  validateOperator(operator);
  requireResidual(residual, operator);
  const out = new Float64Array(operator.rows * operator.columns);
  adjointInto(operator, residual, out);
  return out;
}

/**
 * A^*(r) R, rows x k, without forming A^*(r) for `entries` (row i_l of the result gains
 * r_l R[j_l, :], O(m k)) and `regression` (R_r (Xin^T R) / sqrt(s)). The factor-model gradients
 * G V and G W1^T (G = A^*(A(X) - b); Hou, Sra & Yurtsever 2025, Arora et al. 2019) are of this form.
 *
 * @param operator - A.
 * @param residual - r, length m.
 * @param R - row-major columns x k.
 * @param k - an integer >= 1.
 * @returns A^*(r) R, row-major rows x k.
 * @throws FactorflowInputError on malformed input.
 * @example
 * ```ts
 * adjointTimes(op, r, V, 3); // equals adjoint(op, r) times V
 * ```
 */
export function adjointTimes(operator: MeasurementOperator, residual: Float64Array, R: Float64Array, k: number): Float64Array {
  return adjointProduct(operator, residual, R, k, false);
}

/**
 * A^*(r)^T L, columns x k, the transposed counterpart of {@link adjointTimes} (G^T U in the
 * factor-model gradients of Hou, Sra & Yurtsever 2025); O(m k) for `entries`.
 *
 * @param operator - A.
 * @param residual - r, length m.
 * @param L - row-major rows x k.
 * @param k - an integer >= 1.
 * @returns A^*(r)^T L, row-major columns x k.
 * @throws FactorflowInputError on malformed input.
 * @example
 * ```ts
 * adjointTransposeTimes(op, r, U, 3); // equals adjoint(op, r)^T times U
 * ```
 */
export function adjointTransposeTimes(operator: MeasurementOperator, residual: Float64Array, L: Float64Array, k: number): Float64Array {
  return adjointProduct(operator, residual, L, k, true);
}

/** The checks and allocation both adjoint products share; `transpose` picks A^*(r)^T L over A^*(r) R. */
function adjointProduct(operator: MeasurementOperator, residual: Float64Array, factor: Float64Array, k: number, transpose: boolean): Float64Array {
  validateOperator(operator);
  requireResidual(residual, operator);
  requireInteger(k, 'k', 1, Number.MAX_SAFE_INTEGER);
  const { rows, columns } = operator;
  requireFactor(factor, transpose ? rows : columns, k, transpose ? 'L' : 'R');
  const out = new Float64Array((transpose ? columns : rows) * k);
  if (transpose) adjointTransposeTimesInto(operator, residual, factor, k, out);
  else adjointTimesInto(operator, residual, factor, k, out);
  return out;
}

/** A(X) into `out` (length m). Internal kernel for the models' hot loops, no validation. */
export function measureInto(operator: MeasurementOperator, X: Float64Array, out: Float64Array): void {
  kernelsOf(operator).measure(operator, X, out);
}

/** A(L R^T) into `out` (length m). Internal kernel, no validation; allocates only for the dense kinds. */
export function measureFactoredInto(operator: MeasurementOperator, L: Float64Array, R: Float64Array, k: number, out: Float64Array): void {
  kernelsOf(operator).measureFactored(operator, L, R, k, out);
}

/** A^*(r) into `out` (rows x columns, overwritten). Internal kernel, no validation. */
export function adjointInto(operator: MeasurementOperator, residual: Float64Array, out: Float64Array): void {
  kernelsOf(operator).adjoint(operator, residual, out);
}

/** A^*(r) R into `out` (rows x k, overwritten). Internal kernel, no validation. */
export function adjointTimesInto(operator: MeasurementOperator, residual: Float64Array, R: Float64Array, k: number, out: Float64Array): void {
  kernelsOf(operator).adjointTimes(operator, residual, R, k, out);
}

/** A^*(r)^T L into `out` (columns x k, overwritten). Internal kernel, no validation. */
export function adjointTransposeTimesInto(operator: MeasurementOperator, residual: Float64Array, L: Float64Array, k: number, out: Float64Array): void {
  kernelsOf(operator).adjointTransposeTimes(operator, residual, L, k, out);
}

/**
 * ||A||^2 = lambda_max(A^* A), the Lipschitz constant of grad f in (LS), which sets the proximal
 * step of the nuclear-norm baseline. Exact for completion (the largest multiplicity of a measured
 * entry); power iteration on A^* A otherwise, from a fixed seeded start, until the Rayleigh quotient
 * changes by less than 1e-12 relative. Internal: the operator is validated.
 */
export function operatorNormSquared(operator: MeasurementOperator): number {
  if (operator.kind === 'entries') return entryNormSquared(operator);
  const size = operator.rows * operator.columns;
  const random = createRandom(0x5eed);
  let vector = Float64Array.from({ length: size }, () => random.normal());
  const measured = new Float64Array(measurementCountOf(operator));
  const image = new Float64Array(size);
  let estimate = 0;
  for (let iteration = 0; iteration < 1000; iteration++) {
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    for (let index = 0; index < size; index++) vector[index] /= norm;
    measureInto(operator, vector, measured);
    adjointInto(operator, measured, image);
    let quotient = 0;
    for (let index = 0; index < size; index++) quotient += vector[index] * image[index];
    const previous = estimate;
    estimate = quotient;
    vector = image.slice();
    if (iteration > 0 && Math.abs(estimate - previous) <= 1e-12 * estimate) break;
  }
  return estimate;
}
