/**
 * Discrete gradient descent on L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025, eq. (1)): the
 * algorithm practitioners actually run, whose small-step limit is the gradient flow (2).
 */
import type { Matrix } from 'ml-matrix';

import { FactorflowNumericalError } from '../errors.js';
import { factorizationField, factorizationLoss, validateFactorization } from './gradientFlow.js';
import { type MatrixInput, requireInteger, requirePositive } from '../validate.js';
import { fromRowMajor, outerProduct } from '../linalg/dense.js';
import { type PreparedTarget, factorSpectrum, spectralNorm, symmetricMatrixOf } from '../linalg/spectral.js';

/** Options of {@link gradientDescent}. */
export interface GradientDescentOptions {
  /** Step size eta > 0; k steps approximate the gradient flow at time t = k eta. */
  readonly eta: number;
  /** Number of steps, an integer >= 0. */
  readonly steps: number;
  /** Record every `record` steps (integer >= 1); default ceil(steps / 100), about 100 records. */
  readonly record?: number;
}

/** A snapshot of the descent, taken at step 0, every `record` steps, and at the last step. */
export interface GradientDescentRecord {
  /** Iteration count k. */
  readonly step: number;
  /** k eta: the gradient-flow time this iterate approximates. */
  readonly time: number;
  /** L(U_k) = 1/4 ||Y - U_k U_k^T||_F^2. */
  readonly loss: number;
  /** Eigenvalues of W_k = U_k U_k^T, decreasing, length n. */
  readonly eigenvaluesW: Float64Array;
}

/** What {@link gradientDescent} returns. */
export interface GradientDescentResult {
  /** The last iterate U_steps, n x r. */
  readonly U: Matrix;
  /** W = U U^T of the last iterate, n x n. */
  readonly W: Matrix;
  /** Snapshots in increasing step order, first at step 0, last at `steps`. */
  readonly records: GradientDescentRecord[];
}

/**
 * Gradient descent on L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025, eq. (1)), the forward-Euler
 * discretization of the gradient flow (2):
 *
 *   U_{k+1} = U_k + eta (Y - U_k U_k^T) U_k,   U_0 = U0.
 *
 * After k steps the iterate is within O(eta) of the flow at t = k eta (for a fixed t).
 *
 * @param Y - symmetric n x n target (symmetric up to rounding is symmetrized), or its {@link PreparedTarget}.
 * @param U0 - n x r initial factor.
 * @param options - `eta` (step size > 0), `steps` (integer >= 0), `record` (snapshot period,
 *   integer >= 1, default ceil(steps / 100)).
 * @returns the last iterate U and W = U U^T, and snapshots (step, time = step eta, loss, eigenvalues of W).
 * @throws FactorflowInputError `not-symmetric`, `shape`, `not-finite`, `not-a-matrix` on bad Y or U0;
 *   `out-of-range` / `not-finite` on bad eta, steps or record.
 * @throws FactorflowNumericalError `diverged` (argument `eta`) when an iterate leaves the finite
 *   numbers, with the step and a stable step size in the message.
 * @example
 * ```ts
 * const { records } = gradientDescent([[2, 0], [0, 1]], [[1e-3, 0], [0, 1e-3]], { eta: 0.01, steps: 2000 });
 * records.at(-1)?.eigenvaluesW; // ~[2, 1]
 * ```
 */
export function gradientDescent(
  Y: MatrixInput | PreparedTarget,
  U0: MatrixInput,
  options: GradientDescentOptions,
): GradientDescentResult {
  const { n, r, target, initial } = validateFactorization(Y, U0, options, '{ eta, steps, record? }');
  const eta = requirePositive(options.eta, 'eta', 'eta is the gradient-descent step size.');
  const steps = requireInteger(options.steps, 'steps', 0, Number.MAX_SAFE_INTEGER);
  const record =
    options.record === undefined
      ? Math.max(1, Math.ceil(steps / 100))
      : requireInteger(options.record, 'record', 1, Number.MAX_SAFE_INTEGER);

  const field = factorizationField(target, n, r);
  const factor = Float64Array.from(initial);
  const direction = new Float64Array(n * r);
  const records: GradientDescentRecord[] = [snapshot(0)];

  for (let k = 1; k <= steps; k++) {
    field(factor, direction);
    let finite = true;
    for (let i = 0; i < factor.length; i++) {
      const value = factor[i] + eta * direction[i];
      factor[i] = value;
      if (!Number.isFinite(value)) finite = false;
    }
    if (!finite) {
      throw new FactorflowNumericalError(
        'diverged',
        'eta',
        `the iterate became non-finite at step ${k} (t = k eta = ${k * eta}) with eta = ${eta}. ` +
          `Descent on this loss is reliably stable for eta below about ${stableStepHint(symmetricMatrixOf(Y), U0).toPrecision(3)} ` +
          '= 2 / (||Y||_2 + 3 max(||Y||_2, ||U0||_2^2)), a bound on the Hessian of L along the path ' +
          '(at the minimizer it is 2 ||Y||_2, so eta >= 1 / ||Y||_2 cannot converge): reduce eta.',
      );
    }
    if (k % record === 0 || k === steps) records.push(snapshot(k));
  }

  return { U: fromRowMajor(factor, n, r), W: outerProduct(factor, n, r), records };

  function snapshot(step: number): GradientDescentRecord {
    return {
      step,
      time: step * eta,
      loss: factorizationLoss(target, factor, n, r),
      eigenvaluesW: factorSpectrum(factor, n, r),
    };
  }
}

/**
 * 2 / (||Y||_2 + 3 M), M = max(||Y||_2, ||U0||_2^2). The Hessian of L at U is bounded by
 * ||U U^T - Y||_2 + 2 ||U||_2^2 <= ||Y||_2 + 3 ||U||_2^2, and along the flow the largest eigenvalue
 * of W = U U^T never exceeds M (eq. (3): w_max' <= 2 w_max (lambda_max(Y) - w_max)); eta below
 * 2 / (that bound) is the classical descent condition. Only computed on the error path.
 */
function stableStepHint(Y: MatrixInput, U0: MatrixInput): number {
  const normY = spectralNorm(Y);
  const largest = Math.max(normY, spectralNorm(U0) ** 2);
  return 2 / (normY + 3 * largest);
}
