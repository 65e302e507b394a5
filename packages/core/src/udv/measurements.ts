/**
 * Linear measurement operators A: R^{n1 x n2} -> R^m and the least-squares problem
 *
 *   f(X) = 1/2 ||A(X) - b||_2^2,                                           (LS)
 *
 * the data-fit term of Hou, Sra & Yurtsever (2025), "Implicit Bias in Matrix Factorization and its
 * Explicit Realization in a New Architecture" (arXiv 2501.16322), and of Arora et al. (2019). Every
 * matrix is a row-major Float64Array: X[i * n2 + j] is entry (i, j).
 *
 * Three kinds, each with kernels whose cost fits its structure:
 * - `entries` (matrix completion): A(X)_l = X[i_l, j_l]. Everything factored costs O(m k), so a
 *   factorization model never forms the n1 x n2 matrix on its hot path.
 * - `gaussian` (matrix sensing): A(X)_l = <A_l, X>. Dense, O(m n1 n2) per application.
 * - `regression` (linear networks): A(W) = W Xin / sqrt(s) with Xin the inputs (n2 x s), flattened
 *   row-major as n1 x s; factored products go through the k-dimensional factor, O(k (n1 + n2) s).
 *
 * The gradient of (LS) is A^*(A(X) - b), so a model needs A (forward) and A^* (adjoint) only.
 */
import { FactorflowInputError } from '../errors.js';
import { requireInteger } from '../validate.js';

/** Matrix completion: A(X)_l = X[rowIndex[l], columnIndex[l]]. */
export interface EntryMeasurements {
  readonly kind: 'entries';
  /** n1, the rows of X. */
  readonly rows: number;
  /** n2, the columns of X. */
  readonly columns: number;
  /** i_l for each measurement l, in [0, rows). */
  readonly rowIndex: Int32Array;
  /** j_l for each measurement l, in [0, columns), same length as `rowIndex`. */
  readonly columnIndex: Int32Array;
}

/** Matrix sensing: A(X)_l = <A_l, X> = sum_ij A_l[i, j] X[i, j]. */
export interface GaussianMeasurements {
  readonly kind: 'gaussian';
  readonly rows: number;
  readonly columns: number;
  /** m, the number of measurements. */
  readonly count: number;
  /** A_0, ..., A_{m-1}, each row-major rows x columns, one after another (count * rows * columns). */
  readonly matrices: Float64Array;
}

/** Linear regression through a weight matrix: A(W) = W Xin / sqrt(samples), flattened rows x samples. */
export interface RegressionMeasurements {
  readonly kind: 'regression';
  /** Outputs: the rows of W. */
  readonly rows: number;
  /** Inputs: the columns of W and the rows of Xin. */
  readonly columns: number;
  /** s, the number of samples (columns of Xin). */
  readonly samples: number;
  /** Xin, row-major columns x samples: sample t is column t. */
  readonly inputs: Float64Array;
}

/** A linear operator A: R^{rows x columns} -> R^m; see the module comment. */
export type MeasurementOperator = EntryMeasurements | GaussianMeasurements | RegressionMeasurements;

/** An explicit list of entries, the test set of {@link testError} when given. */
export interface EntrySet {
  readonly rowIndex: Int32Array;
  readonly columnIndex: Int32Array;
}

/** The least-squares problem (LS), with its ground truth when it is known. */
export interface LeastSquaresProblem {
  /** A. */
  readonly operator: MeasurementOperator;
  /** b, length m = {@link measurementCount}(operator). */
  readonly observations: Float64Array;
  /** X*, row-major rows x columns, or null when unknown. */
  readonly truth: Float64Array | null;
  /** rank(X*), or null when unknown. */
  readonly truthRank: number | null;
  /** Standard deviation of the additive Gaussian noise on b (0 when noiseless or unknown). */
  readonly noise: number;
  /**
   * True when X* is symmetric PSD and the measurements treat X and X^T alike (completion: Omega
   * closed under transposition with b_ij = b_ji). The factor models default to their symmetric
   * form (U diag(d) U^T, U U^T) when it is set.
   */
  readonly symmetric: boolean;
  /**
   * Entries on which {@link testError} compares X with X*. Default: the unobserved entries for
   * completion, every entry for sensing and regression.
   */
  readonly heldOut?: EntrySet;
}

/**
 * m, the length of A(X).
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
  switch (operator.kind) {
    case 'entries':
      return operator.rowIndex.length;
    case 'gaussian':
      return operator.count;
    case 'regression':
      return operator.rows * operator.samples;
  }
}

/** Throws unless `values` is a Float64Array of the given length with finite entries. */
export function requireFiniteArray(values: unknown, length: number, argument: string, what: string): Float64Array {
  if (!(values instanceof Float64Array)) {
    throw new FactorflowInputError('not-a-matrix', argument, `expected a Float64Array (${what}), got ${describe(values)}.`);
  }
  if (values.length !== length) {
    throw new FactorflowInputError(
      'shape',
      argument,
      `has ${values.length} entries but ${what} needs ${length}; check the dimensions you passed.`,
    );
  }
  for (let index = 0; index < length; index++) {
    if (!Number.isFinite(values[index])) {
      throw new FactorflowInputError(
        'not-finite',
        argument,
        `entry ${index} is ${String(values[index])}; every entry must be a finite number.`,
      );
    }
  }
  return values;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'an object';
}

/** Throws unless both index arrays are Int32Arrays of one length with entries in range. */
function requireEntrySet(set: EntrySet, rows: number, columns: number, argument: string): void {
  if (!(set.rowIndex instanceof Int32Array) || !(set.columnIndex instanceof Int32Array)) {
    throw new FactorflowInputError(
      'not-a-matrix',
      argument,
      'rowIndex and columnIndex must be Int32Arrays (use Int32Array.from(indices)).',
    );
  }
  if (set.rowIndex.length !== set.columnIndex.length) {
    throw new FactorflowInputError(
      'shape',
      argument,
      `rowIndex has ${set.rowIndex.length} entries but columnIndex has ${set.columnIndex.length}; each measured entry needs both.`,
    );
  }
  for (let l = 0; l < set.rowIndex.length; l++) {
    const i = set.rowIndex[l];
    const j = set.columnIndex[l];
    if (i < 0 || i >= rows || j < 0 || j >= columns) {
      throw new FactorflowInputError(
        'out-of-range',
        argument,
        `entry ${l} is (${i}, ${j}), outside a ${rows} x ${columns} matrix; indices are 0-based.`,
      );
    }
  }
}

/**
 * Checks a measurement operator at the public boundary: a known kind, positive integer sizes,
 * arrays of the right type and length, indices in range, finite data.
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
  if (operator === null || typeof operator !== 'object') {
    throw new FactorflowInputError('not-a-matrix', argument, 'expected a measurement operator object with a `kind`.');
  }
  requireInteger(operator.rows, `${argument}.rows`, 1, Number.MAX_SAFE_INTEGER);
  requireInteger(operator.columns, `${argument}.columns`, 1, Number.MAX_SAFE_INTEGER);
  const size = operator.rows * operator.columns;
  switch (operator.kind) {
    case 'entries':
      requireEntrySet(operator, operator.rows, operator.columns, argument);
      return operator;
    case 'gaussian':
      requireInteger(operator.count, `${argument}.count`, 0, Number.MAX_SAFE_INTEGER);
      requireFiniteArray(operator.matrices, operator.count * size, `${argument}.matrices`, 'count * rows * columns sensing matrices');
      return operator;
    case 'regression':
      requireInteger(operator.samples, `${argument}.samples`, 1, Number.MAX_SAFE_INTEGER);
      requireFiniteArray(operator.inputs, operator.columns * operator.samples, `${argument}.inputs`, 'the columns x samples inputs');
      return operator;
    default:
      throw new FactorflowInputError(
        'out-of-range',
        `${argument}.kind`,
        `unknown kind ${JSON.stringify((operator as { kind: unknown }).kind)}; use 'entries', 'gaussian' or 'regression'.`,
      );
  }
}

/**
 * Checks a least-squares problem at the public boundary (operator, b, X*, its rank, the held-out set).
 *
 * @param problem - the problem to check.
 * @param argument - the name to report in errors.
 * @returns the same problem.
 * @throws FactorflowInputError on any malformed field.
 * @example
 * ```ts
 * validateProblem(completionProblem({ ...PAPER_COMPLETION, seed: 1 }));
 * ```
 */
export function validateProblem(problem: LeastSquaresProblem, argument = 'problem'): LeastSquaresProblem {
  if (problem === null || typeof problem !== 'object') {
    throw new FactorflowInputError('not-a-matrix', argument, 'expected { operator, observations, truth, truthRank, noise, symmetric }.');
  }
  const operator = validateOperator(problem.operator, `${argument}.operator`);
  const { rows, columns } = operator;
  requireFiniteArray(problem.observations, measurementCount(operator), `${argument}.observations`, 'one observation per measurement');
  if (problem.truth !== null) requireFiniteArray(problem.truth, rows * columns, `${argument}.truth`, 'a rows x columns X*');
  if (problem.truthRank !== null) requireInteger(problem.truthRank, `${argument}.truthRank`, 0, Math.min(rows, columns));
  if (typeof problem.noise !== 'number' || !Number.isFinite(problem.noise) || problem.noise < 0) {
    throw new FactorflowInputError('out-of-range', `${argument}.noise`, `must be a finite number >= 0 (a standard deviation), got ${String(problem.noise)}.`);
  }
  if (problem.symmetric && rows !== columns) {
    throw new FactorflowInputError('shape', `${argument}.symmetric`, `a symmetric problem needs a square X, got ${rows} x ${columns}.`);
  }
  if (problem.heldOut !== undefined) requireEntrySet(problem.heldOut, rows, columns, `${argument}.heldOut`);
  return problem;
}

function requireMatrix(X: Float64Array, operator: MeasurementOperator, argument: string): void {
  requireFiniteArray(X, operator.rows * operator.columns, argument, `a row-major ${operator.rows} x ${operator.columns} matrix`);
}

function requireFactor(factor: Float64Array, rows: number, k: number, argument: string): void {
  requireFiniteArray(factor, rows * k, argument, `a row-major ${rows} x ${k} factor`);
}

function requireResidual(residual: Float64Array, operator: MeasurementOperator): void {
  requireFiniteArray(residual, measurementCount(operator), 'residual', 'one value per measurement');
}

/**
 * A(X), the forward operator of (LS): X[i_l, j_l] (entries), <A_l, X> (gaussian) or
 * W Xin / sqrt(s) flattened (regression).
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
  const out = new Float64Array(measurementCount(operator));
  measureInto(operator, X, out);
  return out;
}

/** A(X) into `out` (length m). Internal kernel, no validation. */
export function measureInto(operator: MeasurementOperator, X: Float64Array, out: Float64Array): void {
  const { rows, columns } = operator;
  switch (operator.kind) {
    case 'entries': {
      const { rowIndex, columnIndex } = operator;
      for (let l = 0; l < rowIndex.length; l++) out[l] = X[rowIndex[l] * columns + columnIndex[l]];
      return;
    }
    case 'gaussian': {
      const size = rows * columns;
      const { matrices } = operator;
      for (let l = 0; l < operator.count; l++) {
        let sum = 0;
        const offset = l * size;
        for (let index = 0; index < size; index++) sum += matrices[offset + index] * X[index];
        out[l] = sum;
      }
      return;
    }
    case 'regression': {
      const { samples, inputs } = operator;
      const scale = 1 / Math.sqrt(samples);
      out.fill(0, 0, rows * samples);
      for (let i = 0; i < rows; i++) {
        for (let c = 0; c < columns; c++) {
          const weight = X[i * columns + c] * scale;
          if (weight === 0) continue;
          const input = c * samples;
          const output = i * samples;
          for (let t = 0; t < samples; t++) out[output + t] += weight * inputs[input + t];
        }
      }
      return;
    }
  }
}

/**
 * A(L R^T) without forming L R^T when the kind allows it: for `entries`,
 * A(L R^T)_l = sum_c L[i_l, c] R[j_l, c] in O(m k); for `regression`, L (R^T Xin) / sqrt(s) in
 * O(k (n1 + n2) s). `gaussian` forms L R^T (O(n1 n2 k)) and measures it.
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
  const out = new Float64Array(measurementCount(operator));
  measureFactoredInto(operator, L, R, k, out);
  return out;
}

/** A(L R^T) into `out`. Internal kernel, no validation; allocates only for the dense kinds. */
export function measureFactoredInto(
  operator: MeasurementOperator,
  L: Float64Array,
  R: Float64Array,
  k: number,
  out: Float64Array,
): void {
  const { rows, columns } = operator;
  switch (operator.kind) {
    case 'entries': {
      const { rowIndex, columnIndex } = operator;
      for (let l = 0; l < rowIndex.length; l++) out[l] = rowDot(L, rowIndex[l] * k, R, columnIndex[l] * k, k);
      return;
    }
    case 'gaussian': {
      measureInto(operator, multiplyTransposed(L, R, rows, columns, k), out);
      return;
    }
    case 'regression': {
      const { samples, inputs } = operator;
      // H = R^T Xin / sqrt(s), k x s; then A(L R^T) = L H.
      const H = new Float64Array(k * samples);
      const scale = 1 / Math.sqrt(samples);
      for (let j = 0; j < columns; j++) {
        for (let c = 0; c < k; c++) {
          const weight = R[j * k + c] * scale;
          if (weight === 0) continue;
          for (let t = 0; t < samples; t++) H[c * samples + t] += weight * inputs[j * samples + t];
        }
      }
      out.fill(0, 0, rows * samples);
      for (let i = 0; i < rows; i++) {
        for (let c = 0; c < k; c++) {
          const weight = L[i * k + c];
          if (weight === 0) continue;
          for (let t = 0; t < samples; t++) out[i * samples + t] += weight * H[c * samples + t];
        }
      }
      return;
    }
  }
}

/**
 * sum_c A[a + c] B[b + c] for c < k: the dot product of two factor rows. Four accumulators, so the
 * additions do not wait on each other (measured 10-15% faster than one accumulator at k = 100).
 */
function rowDot(A: Float64Array, a: number, B: Float64Array, b: number, k: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c = 0;
  for (; c + 3 < k; c += 4) {
    s0 += A[a + c] * B[b + c];
    s1 += A[a + c + 1] * B[b + c + 1];
    s2 += A[a + c + 2] * B[b + c + 2];
    s3 += A[a + c + 3] * B[b + c + 3];
  }
  for (; c < k; c++) s0 += A[a + c] * B[b + c];
  return s0 + s1 + (s2 + s3);
}

/** target[t + c] += weight * source[s + c] for c < k (one factor row into another). */
function rowAxpy(target: Float64Array, t: number, weight: number, source: Float64Array, s: number, k: number): void {
  let c = 0;
  for (; c + 3 < k; c += 4) {
    target[t + c] += weight * source[s + c];
    target[t + c + 1] += weight * source[s + c + 1];
    target[t + c + 2] += weight * source[s + c + 2];
    target[t + c + 3] += weight * source[s + c + 3];
  }
  for (; c < k; c++) target[t + c] += weight * source[s + c];
}

/**
 * A completion operator that is closed under transposition with symmetric observations, stored
 * once per unordered pair {i, j} (i <= j): what the symmetric models need, at half the work of the
 * entry list.
 */
export interface SymmetricPairs {
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** b_ij (= b_ji). */
  readonly values: Float64Array;
  /** 2 for an off-diagonal pair (both (i, j) and (j, i) are measured), 1 on the diagonal. */
  readonly weights: Float64Array;
}

/**
 * The pair form of a completion problem whose entries are closed under transposition, each
 * measured once, with b_ij === b_ji (as completionProblem builds symmetric problems); null
 * otherwise, and for the other kinds.
 */
export function symmetricPairs(operator: MeasurementOperator, observations: Float64Array): SymmetricPairs | null {
  if (operator.kind !== 'entries' || operator.rows !== operator.columns) return null;
  const n = operator.rows;
  const seen = new Map<number, number>();
  for (let l = 0; l < operator.rowIndex.length; l++) {
    const key = operator.rowIndex[l] * n + operator.columnIndex[l];
    if (seen.has(key)) return null;
    seen.set(key, observations[l]);
  }
  const first: number[] = [];
  const second: number[] = [];
  const values: number[] = [];
  for (const [key, value] of seen) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (i > j) continue;
    if (seen.get(j * n + i) !== value) return null;
    first.push(i);
    second.push(j);
    values.push(value);
  }
  if (2 * first.length - first.filter((i, p) => i === second[p]).length !== operator.rowIndex.length) return null;
  return {
    first: Int32Array.from(first),
    second: Int32Array.from(second),
    values: Float64Array.from(values),
    weights: Float64Array.from(first, (i, p) => (i === second[p] ? 1 : 2)),
  };
}

/**
 * For symmetric completion and X = L U^T with L = U D (D diagonal, so X is symmetric): writes the
 * residual r_p = X_ij - b_ij per pair and H = (G + G^T) U with G = A^*(r), i.e. row i gains
 * 2 r_p U_j and row j gains 2 r_p U_i (once on the diagonal); returns f = 1/2 sum_p w_p r_p^2.
 * O(pairs k), half the entry-list kernels. Internal kernel, no validation.
 */
export function symmetricResidualAndProduct(
  pairs: SymmetricPairs,
  L: Float64Array,
  U: Float64Array,
  k: number,
  residual: Float64Array,
  H: Float64Array,
): number {
  const { first, second, values, weights } = pairs;
  H.fill(0);
  let sum = 0;
  for (let p = 0; p < first.length; p++) {
    const i = first[p] * k;
    const j = second[p] * k;
    const gap = rowDot(L, i, U, j, k) - values[p];
    residual[p] = gap;
    sum += weights[p] * gap * gap;
    rowAxpy(H, i, 2 * gap, U, j, k);
    if (i !== j) rowAxpy(H, j, 2 * gap, U, i, k);
  }
  return 0.5 * sum;
}

/** L R^T, row-major rows x columns, for L rows x k and R columns x k. Internal helper. */
export function multiplyTransposed(L: Float64Array, R: Float64Array, rows: number, columns: number, k: number): Float64Array {
  const X = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += L[i * k + c] * R[j * k + c];
      X[i * columns + j] = sum;
    }
  }
  return X;
}

/**
 * The adjoint A^*(r), dense rows x columns: the matrix with <A(X), r> = <X, A^*(r)> for every X.
 * Entries: r_l added at (i_l, j_l) (repeated entries add up); gaussian: sum_l r_l A_l;
 * regression: R Xin^T / sqrt(s) with R = r reshaped rows x samples. With r = A(X) - b it is the
 * gradient of (LS).
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

/** A^*(r) into `out` (rows x columns, overwritten). Internal kernel, no validation. */
export function adjointInto(operator: MeasurementOperator, residual: Float64Array, out: Float64Array): void {
  const { rows, columns } = operator;
  out.fill(0, 0, rows * columns);
  switch (operator.kind) {
    case 'entries': {
      const { rowIndex, columnIndex } = operator;
      for (let l = 0; l < rowIndex.length; l++) out[rowIndex[l] * columns + columnIndex[l]] += residual[l];
      return;
    }
    case 'gaussian': {
      const size = rows * columns;
      const { matrices } = operator;
      for (let l = 0; l < operator.count; l++) {
        const weight = residual[l];
        if (weight === 0) continue;
        const offset = l * size;
        for (let index = 0; index < size; index++) out[index] += weight * matrices[offset + index];
      }
      return;
    }
    case 'regression': {
      const { samples, inputs } = operator;
      const scale = 1 / Math.sqrt(samples);
      for (let i = 0; i < rows; i++) {
        for (let c = 0; c < columns; c++) {
          let sum = 0;
          for (let t = 0; t < samples; t++) sum += residual[i * samples + t] * inputs[c * samples + t];
          out[i * columns + c] = sum * scale;
        }
      }
      return;
    }
  }
}

/**
 * A^*(r) R, rows x k, without forming A^*(r) for `entries` (row i_l of the result gains
 * r_l R[j_l, :], O(m k)) and `regression` (R_r (Xin^T R) / sqrt(s)). The factor-model gradients
 * G V and G W1^T (G = A^*(A(X) - b)) are of this form.
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
  validateOperator(operator);
  requireResidual(residual, operator);
  requireInteger(k, 'k', 1, Number.MAX_SAFE_INTEGER);
  requireFactor(R, operator.columns, k, 'R');
  const out = new Float64Array(operator.rows * k);
  adjointTimesInto(operator, residual, R, k, out);
  return out;
}

/** A^*(r) R into `out` (rows x k, overwritten). Internal kernel, no validation. */
export function adjointTimesInto(
  operator: MeasurementOperator,
  residual: Float64Array,
  R: Float64Array,
  k: number,
  out: Float64Array,
): void {
  const { rows, columns } = operator;
  out.fill(0, 0, rows * k);
  switch (operator.kind) {
    case 'entries': {
      const { rowIndex, columnIndex } = operator;
      for (let l = 0; l < rowIndex.length; l++) rowAxpy(out, rowIndex[l] * k, residual[l], R, columnIndex[l] * k, k);
      return;
    }
    case 'gaussian': {
      const G = new Float64Array(rows * columns);
      adjointInto(operator, residual, G);
      multiplyInto(G, R, rows, columns, k, out);
      return;
    }
    case 'regression': {
      const { samples, inputs } = operator;
      // Z = Xin^T R / sqrt(s), s x k; then A^*(r) R = r_mat Z.
      const Z = new Float64Array(samples * k);
      const scale = 1 / Math.sqrt(samples);
      for (let j = 0; j < columns; j++) {
        for (let t = 0; t < samples; t++) {
          const weight = inputs[j * samples + t] * scale;
          if (weight === 0) continue;
          for (let c = 0; c < k; c++) Z[t * k + c] += weight * R[j * k + c];
        }
      }
      multiplyInto(residual, Z, rows, samples, k, out);
      return;
    }
  }
}

/**
 * A^*(r)^T L, columns x k, the transposed counterpart of {@link adjointTimes} (G^T U in the
 * factor-model gradients); O(m k) for `entries`.
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
export function adjointTransposeTimes(
  operator: MeasurementOperator,
  residual: Float64Array,
  L: Float64Array,
  k: number,
): Float64Array {
  validateOperator(operator);
  requireResidual(residual, operator);
  requireInteger(k, 'k', 1, Number.MAX_SAFE_INTEGER);
  requireFactor(L, operator.rows, k, 'L');
  const out = new Float64Array(operator.columns * k);
  adjointTransposeTimesInto(operator, residual, L, k, out);
  return out;
}

/** A^*(r)^T L into `out` (columns x k, overwritten). Internal kernel, no validation. */
export function adjointTransposeTimesInto(
  operator: MeasurementOperator,
  residual: Float64Array,
  L: Float64Array,
  k: number,
  out: Float64Array,
): void {
  const { rows, columns } = operator;
  out.fill(0, 0, columns * k);
  switch (operator.kind) {
    case 'entries': {
      const { rowIndex, columnIndex } = operator;
      for (let l = 0; l < rowIndex.length; l++) rowAxpy(out, columnIndex[l] * k, residual[l], L, rowIndex[l] * k, k);
      return;
    }
    case 'gaussian': {
      const G = new Float64Array(rows * columns);
      adjointInto(operator, residual, G);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < columns; j++) {
          const weight = G[i * columns + j];
          if (weight === 0) continue;
          for (let c = 0; c < k; c++) out[j * k + c] += weight * L[i * k + c];
        }
      }
      return;
    }
    case 'regression': {
      const { samples, inputs } = operator;
      // Y = r_mat^T L, s x k; then A^*(r)^T L = Xin Y / sqrt(s).
      const Y = new Float64Array(samples * k);
      for (let i = 0; i < rows; i++) {
        for (let t = 0; t < samples; t++) {
          const weight = residual[i * samples + t];
          if (weight === 0) continue;
          for (let c = 0; c < k; c++) Y[t * k + c] += weight * L[i * k + c];
        }
      }
      const scale = 1 / Math.sqrt(samples);
      for (let j = 0; j < columns; j++) {
        for (let t = 0; t < samples; t++) {
          const weight = inputs[j * samples + t] * scale;
          if (weight === 0) continue;
          for (let c = 0; c < k; c++) out[j * k + c] += weight * Y[t * k + c];
        }
      }
      return;
    }
  }
}

/** out = A B for row-major A (rows x inner) and B (inner x k). Internal helper. */
export function multiplyInto(A: Float64Array, B: Float64Array, rows: number, inner: number, k: number, out: Float64Array): void {
  out.fill(0, 0, rows * k);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < inner; j++) {
      const weight = A[i * inner + j];
      if (weight === 0) continue;
      for (let c = 0; c < k; c++) out[i * k + c] += weight * B[j * k + c];
    }
  }
}

/**
 * f(X) = 1/2 ||A(X) - b||_2^2, the objective (LS).
 *
 * @param problem - A and b.
 * @param X - row-major rows x columns.
 * @returns the loss.
 * @throws FactorflowInputError on a malformed problem or X.
 * @example
 * ```ts
 * leastSquaresLoss(problem, problem.truth!); // 0 for a noiseless problem
 * ```
 */
export function leastSquaresLoss(problem: LeastSquaresProblem, X: Float64Array): number {
  validateProblem(problem);
  requireMatrix(X, problem.operator, 'X');
  const residual = new Float64Array(measurementCount(problem.operator));
  measureInto(problem.operator, X, residual);
  let sum = 0;
  for (let l = 0; l < residual.length; l++) {
    const gap = residual[l] - problem.observations[l];
    sum += gap * gap;
  }
  return 0.5 * sum;
}

/**
 * The relative test error of X against X*:
 * - completion: ||P_{Omega^c}(X - X*)||_F / ||P_{Omega^c}(X*)||_F over the unobserved entries;
 * - sensing and regression: ||X - X*||_F / ||X*||_F;
 * - any kind with `problem.heldOut`: the same ratio over the held-out entries.
 *
 * @param problem - a problem with a known truth.
 * @param X - row-major rows x columns.
 * @returns the relative error (0 for X = X*).
 * @throws FactorflowInputError `out-of-range` when the problem has no truth or the test entries
 *   carry no signal (X* = 0 there, e.g. every entry observed); otherwise on malformed input.
 * @example
 * ```ts
 * testError(problem, result.X); // e.g. 1e-5 after exact recovery
 * ```
 */
export function testError(problem: LeastSquaresProblem, X: Float64Array): number {
  validateProblem(problem);
  requireMatrix(X, problem.operator, 'X');
  const evaluate = testErrorEvaluator(problem);
  if (evaluate === null) {
    throw new FactorflowInputError(
      'out-of-range',
      'problem',
      problem.truth === null
        ? 'has no truth X*, so there is nothing to compare with; build it with a generator or set `truth`.'
        : 'X* is zero on every test entry (for completion: every entry is observed), so a relative error is undefined; pass `heldOut` entries.',
    );
  }
  return evaluate(X);
}

/**
 * The test-error function of a validated problem, or null when it is undefined (no truth, or no
 * signal on the test entries). The test entries and the norm of X* on them are computed once, so
 * the training loop pays only O(test entries) per record.
 */
export function testErrorEvaluator(problem: LeastSquaresProblem): ((X: Float64Array) => number) | null {
  const { truth, operator } = problem;
  if (truth === null) return null;
  const size = operator.rows * operator.columns;
  let positions: Int32Array | null = null;
  if (problem.heldOut !== undefined) {
    const { rowIndex, columnIndex } = problem.heldOut;
    positions = Int32Array.from(rowIndex, (i, l) => i * operator.columns + columnIndex[l]);
  } else if (operator.kind === 'entries') {
    const observed = new Uint8Array(size);
    for (let l = 0; l < operator.rowIndex.length; l++) observed[operator.rowIndex[l] * operator.columns + operator.columnIndex[l]] = 1;
    const unobserved: number[] = [];
    for (let index = 0; index < size; index++) if (observed[index] === 0) unobserved.push(index);
    positions = Int32Array.from(unobserved);
  }
  let truthSquared = 0;
  if (positions === null) {
    for (let index = 0; index < size; index++) truthSquared += truth[index] * truth[index];
  } else {
    for (const index of positions) truthSquared += truth[index] * truth[index];
  }
  if (!(truthSquared > 0)) return null;
  const truthNorm = Math.sqrt(truthSquared);
  const chosen = positions;
  return (X) => {
    let sum = 0;
    if (chosen === null) {
      for (let index = 0; index < size; index++) sum += (X[index] - truth[index]) ** 2;
    } else {
      for (const index of chosen) sum += (X[index] - truth[index]) ** 2;
    }
    return Math.sqrt(sum) / truthNorm;
  };
}
