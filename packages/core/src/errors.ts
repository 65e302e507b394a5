/**
 * What was wrong with an input, as a stable machine-readable tag.
 *
 * - `not-a-matrix`: not a rectangular array of rows (or an ml-matrix `Matrix`).
 * - `not-finite`: a NaN or an infinity where a finite number is needed.
 * - `shape`: the dimensions do not fit (non-square, mismatched sizes, empty).
 * - `not-symmetric`: asymmetric beyond rounding.
 * - `not-psd`: a negative eigenvalue beyond rounding where PSD is required.
 * - `out-of-range`: a scalar outside the range the mathematics allows.
 * - `diverged`: an iteration left the finite numbers (for example a step size too large).
 */
export type FactorflowErrorCode =
  | 'not-a-matrix'
  | 'not-finite'
  | 'shape'
  | 'not-symmetric'
  | 'not-psd'
  | 'out-of-range'
  | 'diverged';

/**
 * The one error type thrown at the public boundary of factorflow.
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
export class FactorflowInputError extends Error {
  override readonly name = 'FactorflowInputError';

  constructor(
    readonly code: FactorflowErrorCode,
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}
