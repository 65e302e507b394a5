/**
 * The least-squares problem (LS) f(X) = 1/2 ||A(X) - b||_2^2 of Hou, Sra & Yurtsever (2025) (our
 * reading of the abstract) and Arora et al. (2019): an operator, its observations, and the ground
 * truth when known; the loss and the relative test error every experiment reports.
 */
import { FactorflowInputError } from '../../errors.js';
import { describe, requireBoolean, requireFiniteArray, requireInteger, requireNonNegative, requireString } from '../../validate.js';
import { type EntrySet, requireEntrySet } from './entries.js';
import { type MeasurementOperator, measureInto, measurementCountOf, requireMatrix, validateOperator } from './operator.js';

/** The least-squares problem (LS) of Hou, Sra & Yurtsever (2025), with its ground truth when it is known. */
export interface LeastSquaresProblem {
  /** A. */
  readonly operator: MeasurementOperator;
  /** b, length m = measurementCount(operator). */
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
 * Checks a least-squares problem (LS) (Hou, Sra & Yurtsever 2025) at the public boundary:
 * operator, b, X*, its rank, the noise level, the held-out set.
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
  requireString(argument, 'argument');
  if (problem === null || typeof problem !== 'object' || Array.isArray(problem)) {
    throw new FactorflowInputError('not-a-matrix', argument, `expected { operator, observations, truth, truthRank, noise, symmetric }, got ${describe(problem)}; make one with completionProblem, sensingProblem or regressionProblem.`);
  }
  const operator = validateOperator(problem.operator, `${argument}.operator`);
  const { rows, columns } = operator;
  requireFiniteArray(problem.observations, measurementCountOf(operator), `${argument}.observations`, 'one observation per measurement');
  if (problem.truth !== null) requireFiniteArray(problem.truth, rows * columns, `${argument}.truth`, 'a rows x columns X*');
  if (problem.truthRank !== null) requireInteger(problem.truthRank, `${argument}.truthRank`, 0, Math.min(rows, columns));
  requireNonNegative(problem.noise, `${argument}.noise`, 'a standard deviation');
  requireBoolean(problem.symmetric, `${argument}.symmetric`);
  if (problem.symmetric && rows !== columns) {
    throw new FactorflowInputError('shape', `${argument}.symmetric`, `a symmetric problem needs a square X, got ${rows} x ${columns}.`);
  }
  if (problem.heldOut !== undefined) requireEntrySet(problem.heldOut, rows, columns, `${argument}.heldOut`);
  return problem;
}

/**
 * Turns `measured` = A(X) into the residual A(X) - b in place and returns f(X) = 1/2 ||A(X) - b||^2:
 * the loss and the residual every gradient needs, in one pass. Internal, no validation.
 */
export function residualLoss(measured: Float64Array, observations: Float64Array): number {
  let sum = 0;
  for (let l = 0; l < measured.length; l++) {
    const gap = measured[l] - observations[l];
    measured[l] = gap;
    sum += gap * gap;
  }
  return 0.5 * sum;
}

/**
 * f(X) = 1/2 ||A(X) - b||_2^2, the objective (LS) of Hou, Sra & Yurtsever (2025).
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
  const residual = new Float64Array(measurementCountOf(problem.operator));
  measureInto(problem.operator, X, residual);
  return residualLoss(residual, problem.observations);
}

/**
 * The relative test error of X against X*, the recovery measure of the completion experiments of
 * Hou, Sra & Yurtsever (2025) and Arora et al. (2019):
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
 * testError(problem, result.X); // small after exact recovery, 1 at X = 0
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
