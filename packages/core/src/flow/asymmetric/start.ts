/**
 * The data of the asymmetric problem L(U, V) = 1/2 ||Y - U V^T||_F^2 (the extension Min & Vidal
 * 2025 sketch in Section IV): validation of Y (m x n) and of a start (U0, V0), the conserved
 * imbalance U^T U - V^T V, and the symmetric lift Ysym = [[0, Y], [Y^T, 0]] on which a balanced
 * start runs the symmetric flow of Proposition 1.
 *
 * Our derivation (Section IV only sketches it). With Z = [U; V] and D = U^T U - V^T V:
 *   1. d/dt (U^T U) = U^T R V + V^T R^T U = d/dt (V^T V), R = Y - U V^T: D is conserved.
 *   2. For any start, Z' = (Ysym - 1/2 Z Z^T) Z + 1/2 [U; -V] D.
 *   3. When D = 0, U~ = Z / sqrt(2) solves U~' = (Ysym - U~ U~^T) U~, the symmetric flow of
 *      L(U~) = 1/4 ||Ysym - U~ U~^T||_F^2 (eq. (2)), so W = U~ U~^T = Z Z^T / 2 solves the Riccati
 *      equation W' = W Ysym + Ysym W - 2 W^2 (eq. (4)) with the indefinite target Ysym
 *      (eigenvalues +-sigma_i(Y) and m + n - 2 rank(Y) zeros).
 *   4. X = U V^T is the off-diagonal block of Z Z^T: X = 2 W_12.
 * The symbolic catalog checks each step (packages/symbolic, catalog/asymmetric.ts).
 */
import { Matrix } from 'ml-matrix';

import { FactorflowInputError } from '../../errors.js';
import { type MatrixInput, requireEntries, requireOptions, toMatrix } from '../../validate.js';
import { scaledNorm, toRowMajor } from '../../linalg/dense.js';
import { type PreparedTarget, prepareTarget } from '../../linalg/spectral.js';

/** U(0), V(0): U0 is m x r, V0 is n x r, for Y m x n. */
export interface AsymmetricStart {
  readonly U0: MatrixInput;
  readonly V0: MatrixInput;
}

/**
 * Relative tolerance of "balanced": a start is balanced when
 * ||U0^T U0 - V0^T V0||_F <= BALANCE_TOLERANCE (||U0||_F^2 + ||V0||_F^2).
 *
 * Why 1e-12: forming a Gram entry u_i^T u_j in doubles errs by at most gamma_m ||u_i|| ||u_j||
 * (gamma_m = m eps / (1 - m eps)), so the computed imbalance of an exactly balanced pair is below
 * (max(m, n) + 2) eps (||U0||_F^2 + ||V0||_F^2) (the two Gram matrices plus their difference),
 * under 1e-12 for every size up to max(m, n) ~ 4500 (and in practice, with errors adding like a random walk,
 * far beyond); balancedInit's starts, built with orthonormal factors accurate to a few eps, are at
 * 1e-15..1e-14. Above it, an imbalance is no longer rounding: it is conserved by the flow and moves
 * X(t) by an amount the closed form does not see (see imbalanceDeviation), so such starts go to
 * integrateAsymmetricFlow.
 */
export const BALANCE_TOLERANCE = 1e-12;

/** Y, U0 and V0 checked against each other: the shapes m x n, m x r, n x r. */
export interface AsymmetricProblem {
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly Y: Matrix;
  readonly U0: Matrix;
  readonly V0: Matrix;
}

/**
 * Checks Y (m x n), U0 (m x r) and V0 (n x r), finite, with the same r; `names` are the arguments
 * to blame (e.g. `start.U0` when the factors came in a start object).
 */
export function asymmetricProblem(Y: MatrixInput, U0: MatrixInput, V0: MatrixInput, names: { U0: string; V0: string }): AsymmetricProblem {
  const target = toMatrix(Y, 'Y');
  const left = toMatrix(U0, names.U0);
  const right = toMatrix(V0, names.V0);
  const { rows: m, columns: n } = target;
  if (left.rows !== m) {
    throw new FactorflowInputError('shape', names.U0, `has ${left.rows} rows but Y is ${m} x ${n}; U0 must be m x r with m = ${m}.`);
  }
  if (right.rows !== n) {
    throw new FactorflowInputError('shape', names.V0, `has ${right.rows} rows but Y is ${m} x ${n}; V0 must be n x r with n = ${n}.`);
  }
  if (right.columns !== left.columns) {
    throw new FactorflowInputError('shape', names.V0, `has ${right.columns} columns but U0 has ${left.columns}; U0 and V0 must have the same width r.`);
  }
  return { m, n, r: left.columns, Y: target, U0: left, V0: right };
}

/** A start object { U0, V0 } checked as {@link asymmetricProblem}, blaming `start.U0` / `start.V0`. */
export function problemOfStart(Y: MatrixInput, start: AsymmetricStart): AsymmetricProblem {
  requireOptions(start, 'start', '{ U0, V0 }');
  return asymmetricProblem(Y, start.U0, start.V0, { U0: 'start.U0', V0: 'start.V0' });
}

/** A^T A - B^T B for row-major A (p x r) and B (q x r), entries as given (callers scale first). */
function gramDifference(a: Float64Array, p: number, b: Float64Array, q: number, r: number): Float64Array {
  const out = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      let sum = 0;
      for (let k = 0; k < p; k++) sum += a[k * r + i] * a[k * r + j];
      for (let k = 0; k < q; k++) sum -= b[k * r + i] * b[k * r + j];
      out[i * r + j] = sum;
    }
  }
  return out;
}

/** max |entry| of two arrays, or 1 when both vanish: the unit the balance test divides by. */
function entryScale(a: Float64Array, b: Float64Array): number {
  let largest = 0;
  for (const value of a) largest = Math.max(largest, Math.abs(value));
  for (const value of b) largest = Math.max(largest, Math.abs(value));
  return largest > 0 ? largest : 1;
}

/**
 * The imbalance D = U0^T U0 - V0^T V0 (r x r), conserved by the gradient flow of
 * L(U, V) = 1/2 ||Y - U V^T||_F^2 (our derivation, step 1 at the top of this module; the
 * balancedness behind Min & Vidal 2025, Section IV).
 *
 * @param U0 - m x r factor.
 * @param V0 - n x r factor (same r).
 * @returns D, r x r, symmetric.
 * @throws FactorflowInputError on malformed or non-finite factors, different widths, or a D beyond
 *   the largest double (`out-of-range`: rescale the factors).
 * @example
 * ```ts
 * imbalance([[1, 0], [0, 1]], [[0, 1], [1, 0], [0, 0]]); // [[0, 0], [0, 0]]: balanced
 * ```
 */
export function imbalance(U0: MatrixInput, V0: MatrixInput): Matrix {
  const left = toMatrix(U0, 'U0');
  const right = toMatrix(V0, 'V0');
  if (right.columns !== left.columns) {
    throw new FactorflowInputError('shape', 'V0', `has ${right.columns} columns but U0 has ${left.columns}; U0 and V0 must have the same width r.`);
  }
  const r = left.columns;
  const D = gramDifference(toRowMajor(left), left.rows, toRowMajor(right), right.rows, r);
  if (!D.every(Number.isFinite)) {
    throw new FactorflowInputError('out-of-range', 'U0', 'U0^T U0 - V0^T V0 overflows double precision; rescale U0 and V0 (and Y by the square of the factor).');
  }
  return Matrix.from1DArray(r, r, D);
}

/** ||U0^T U0 - V0^T V0||_F / (||U0||_F^2 + ||V0||_F^2), computed on factors scaled to max |entry| = 1 (0 for a zero start). */
export function relativeImbalance(problem: AsymmetricProblem): number {
  const { m, n, r } = problem;
  const left = toRowMajor(problem.U0);
  const right = toRowMajor(problem.V0);
  const scale = entryScale(left, right);
  const a = left.map((value) => value / scale);
  const b = right.map((value) => value / scale);
  const size = scaledNorm(a, 0, a.length) ** 2 + scaledNorm(b, 0, b.length) ** 2;
  if (size === 0) return 0;
  const D = gramDifference(a, m, b, n, r);
  return scaledNorm(D, 0, D.length) / size;
}

/** Throws unless the start is balanced to {@link BALANCE_TOLERANCE}, naming the imbalance and the ODE route. */
export function requireBalanced(problem: AsymmetricProblem): void {
  const relative = relativeImbalance(problem);
  if (relative > BALANCE_TOLERANCE) {
    throw new FactorflowInputError(
      'out-of-range',
      'start',
      `is not balanced: ||U0^T U0 - V0^T V0||_F = ${relative.toExponential(3)} (||U0||_F^2 + ||V0||_F^2), above the tolerance ` +
        `BALANCE_TOLERANCE = ${BALANCE_TOLERANCE}. The closed form holds only for balanced starts (the imbalance is conserved); ` +
        'integrate an imbalanced start with integrateAsymmetricFlow, or build a balanced one with balancedInit or spectralBalancedInit.',
    );
  }
}

/** Ysym = [[0, Y], [Y^T, 0]], (m + n) x (m + n), validated and decomposed once (prepareTarget). */
export function symmetricLift(problem: AsymmetricProblem): PreparedTarget {
  const { m, n, Y } = problem;
  requireEntries((m + n) * (m + n), 'Y', `the symmetric lift of an ${m} x ${n} matrix, (m + n) x (m + n)`);
  const lifted = new Matrix(m + n, m + n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      lifted.set(i, m + j, Y.get(i, j));
      lifted.set(m + j, i, Y.get(i, j));
    }
  }
  return prepareTarget(lifted);
}

/**
 * U~0 = [U0; V0] / sqrt(2), (m + n) x r: the symmetric flow's start (step 3 at the top of this
 * module). The division rounds each entry by half an ulp, a relative change of the start far below
 * the closed form's own error; it keeps the model's times and rates those of the asymmetric flow,
 * so its conditioning record reads in the caller's units.
 */
export function liftedStart(problem: AsymmetricProblem): Matrix {
  const { m, n, r, U0, V0 } = problem;
  const stacked = new Matrix(m + n, r);
  for (let j = 0; j < r; j++) {
    for (let i = 0; i < m; i++) stacked.set(i, j, U0.get(i, j) * Math.SQRT1_2);
    for (let i = 0; i < n; i++) stacked.set(m + i, j, V0.get(i, j) * Math.SQRT1_2);
  }
  return stacked;
}
