/**
 * What was wrong with an input, as a stable machine-readable tag.
 *
 * - `not-a-matrix`: not a rectangular array of rows (or an ml-matrix `Matrix`).
 * - `not-finite`: a NaN or an infinity where a finite number is needed.
 * - `shape`: the dimensions do not fit (non-square, mismatched sizes, empty).
 * - `not-symmetric`: asymmetric beyond rounding.
 * - `not-psd`: a negative eigenvalue beyond rounding where PSD is required.
 * - `out-of-range`: a scalar outside the range the mathematics allows.
 *
 * Numerical failure on valid input is not an input error: it is a {@link FactorflowNumericalError}.
 */
export type FactorflowErrorCode =
  | 'not-a-matrix'
  | 'not-finite'
  | 'shape'
  | 'not-symmetric'
  | 'not-psd'
  | 'out-of-range';

/**
 * Every error factorflow throws on purpose: `code` is a stable tag, `argument` names the input or
 * setting to change, and the message (prefixed by the argument) says how. Catch the subclasses
 * to tell bad input ({@link FactorflowInputError}) from numerical failure
 * ({@link FactorflowNumericalError}).
 */
export abstract class FactorflowError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/**
 * The error type for bad input, thrown at the public boundary of factorflow.
 *
 * The message says what was wrong and how to fix it; `code` and `argument` let
 * callers branch without parsing the message.
 *
 * @example
 * ```ts
 * try { riccatiClosedForm([[1, 2], [0, 1]], { U0: [[1], [0]] }, 1); }
 * catch (error) {
 *   if (error instanceof FactorflowInputError && error.code === 'not-symmetric') { ... }
 * }
 * ```
 */
export class FactorflowInputError extends FactorflowError<FactorflowErrorCode> {
  override readonly name = 'FactorflowInputError';
}

/**
 * How a computation on valid input failed, as a stable machine-readable tag.
 *
 * - `diverged`: an iteration left the finite numbers (a step size too large for gradient descent,
 *   a solution that blows up before the requested time for the ODE).
 * - `not-converged`: an iteration ran out of its budget (step attempts, sweeps) before meeting its
 *   tolerance.
 */
export type FactorflowNumericalCode = 'diverged' | 'not-converged';

/**
 * The error type for numerical failure: the input was valid, but the method could not produce an
 * answer to the requested accuracy. `argument` names the setting that would change the outcome
 * (a step size, a tolerance, a step budget), and the message says how.
 *
 * A training run of the U D V^T layer reports divergence as its `stopReason` instead, because a
 * sweep records a diverged run as a result, not as a failure to compute one.
 *
 * @example
 * ```ts
 * try { gradientDescent(Y, U0, { eta: 10, steps: 100 }); }
 * catch (error) {
 *   if (error instanceof FactorflowNumericalError && error.code === 'diverged') { ... }
 * }
 * ```
 */
export class FactorflowNumericalError extends FactorflowError<FactorflowNumericalCode> {
  override readonly name = 'FactorflowNumericalError';
}
