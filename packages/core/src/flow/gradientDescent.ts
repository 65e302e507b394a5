/**
 * Discrete gradient descent on L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025, eq. (1)): the
 * algorithm practitioners actually run, whose small-step limit is the gradient flow (2).
 */
import type { Matrix } from 'ml-matrix';

import { FactorflowInputError, FactorflowNumericalError } from '../errors.js';
import { factorizationField, factorizationLoss, problemExponent, validateFactorization } from './gradientFlow.js';
import { type MatrixInput, requireInteger, requirePositive } from '../validate.js';
import { fromRowMajor, outerProduct, timesPowerOfTwo } from '../linalg/dense.js';
import { type PreparedTarget, factorSpectrum, spectralNorm } from '../linalg/spectral.js';
import { symmetricEigenvalues } from '../linalg/tridiagonal.js';

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
 *   `out-of-range` / `not-finite` on bad eta, steps or record; `out-of-range` on U0 when W0 = U0 U0^T
 *   overflows, and on Y when the loss does (a problem of scale beyond 1e154; descent itself runs at
 *   any scale, on the exactly rescaled problem of `problemExponent`).
 * @throws FactorflowNumericalError `diverged` (argument `eta`) as soon as divergence is certain
 *   (||W_k||_2 > ||Y||_2 + 2 / eta, see {@link descentRunner}) or an iterate leaves the finite numbers,
 *   with the step, the bound the gradient flow keeps and the stable step sizes in the message.
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

  const factor = Float64Array.from(initial);
  const records: GradientDescentRecord[] = [snapshot(0)];
  descentRunner(target, n, r, eta, initial)(factor, 0, steps, (k) => {
    if (k % record === 0 || k === steps) records.push(snapshot(k));
  });
  return { U: fromRowMajor(factor, n, r), W: outerProduct(factor, n, r), records };

  function snapshot(step: number): GradientDescentRecord {
    const loss = factorizationLoss(target, factor, n, r);
    // Rescaling makes descent itself work at any scale, but a loss of order ||Y||_F^2 > 1.8e308 is no double.
    if (!Number.isFinite(loss)) {
      throw new FactorflowInputError(
        'out-of-range',
        'Y',
        `the loss 1/4 ||Y - U U^T||_F^2 at step ${step} exceeds the largest double; rescale Y by s and U0 by s^(1/2) ` +
          '(the same flow, with time divided by s) so that ||Y||_F and ||U U^T||_F stay below about 1e154.',
      );
    }
    return { step, time: step * eta, loss, eigenvaluesW: factorSpectrum(factor, n, r) };
  }
}

/**
 * Gradient descent on L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025, eq. (1)) as a runner that
 * advances a row-major factor in place from step `from` to step `to`, calling `visit(k)` after
 * each step: `gradientDescent` and the `gd` route of `compareRoutes` share it, so a run split at
 * the requested times is the same run, and its divergence is reported against the original start.
 *
 * Divergence is declared as soon as it is certain, not only once the iterate is non-finite:
 * with s = ||U_k||_2, w = s^2 = ||W_k||_2 and v the top right singular vector of U_k,
 *
 *   ||U_{k+1} v|| = s ||(1 - eta w) u + eta Y u|| >= s (eta w - 1 - eta ||Y||_2)   (u = U_k v / s),
 *
 * so ||W_{k+1}||_2 >= w (eta w - 1 - eta ||Y||_2)^2. Once w > ||Y||_2 + 2 / eta the factor exceeds 1
 * and grows with w: ||W_k|| increases at least geometrically from there on, without bound. The
 * test uses ||W_k||_2 >= ||U_k||_F^2 / min(n, r) and ||Y||_2 <= ||Y||_F, so it never fires on a run
 * that would not diverge, and costs O(n r) per step. For contrast, the gradient flow keeps
 * ||W(t)||_2 <= max(||W0||_2, lambda_max(Y)) (the top eigenvalue w of W obeys
 * w' = 2 w v^T Y v - 2 w^2 <= 2 w (lambda_max - w)), which the error message quotes.
 *
 * @param target - Y, row-major n x n, symmetric. @param initial - U0, row-major n x r (for the message).
 * @returns run(factor, from, to, visit?).
 * @throws FactorflowNumericalError `diverged` (argument `eta`), from run, at the first step k where
 *   divergence is certain or the iterate is not finite.
 * @example
 * ```ts
 * const run = descentRunner(Float64Array.of(2), 1, 1, 0.1, Float64Array.of(0.1));
 * const factor = Float64Array.of(0.1);
 * run(factor, 0, 100); // factor[0] ~ sqrt(2)
 * ```
 */
export function descentRunner(
  target: Float64Array,
  n: number,
  r: number,
  eta: number,
  initial: Float64Array,
): (factor: Float64Array, from: number, to: number, visit?: (k: number) => void) => void {
  // The same iteration on the rescaled problem U = 2^e U', Y = 4^e Y', eta = 4^-e eta' (problemExponent),
  // whose gradient neither underflows nor overflows; the caller's factor is kept in its own units.
  const exponent = problemExponent(target, initial);
  const scaledTarget = exponent === 0 ? target : target.map((value) => timesPowerOfTwo(value, -2 * exponent));
  const scaledEta = timesPowerOfTwo(eta, 2 * exponent);
  const field = factorizationField(scaledTarget, n, r);
  const direction = new Float64Array(n * r);
  let frobeniusY = 0;
  for (const entry of scaledTarget) frobeniusY += entry * entry;
  const escape = Math.min(n, r) * (Math.sqrt(frobeniusY) + 2 / scaledEta);
  return (factor, from, to, visit) => {
    const work = exponent === 0 ? factor : factor.map((value) => timesPowerOfTwo(value, -exponent));
    for (let k = from + 1; k <= to; k++) {
      field(work, direction);
      let size = 0;
      for (let i = 0; i < work.length; i++) {
        const value = work[i] + scaledEta * direction[i];
        work[i] = value;
        size += value * value;
      }
      // `!(<=)` also catches NaN and Infinity.
      if (!(size <= escape)) throw divergence(target, n, r, eta, initial, k, timesPowerOfTwo(size, 2 * exponent) / Math.min(n, r));
      if (exponent !== 0) for (let i = 0; i < work.length; i++) factor[i] = timesPowerOfTwo(work[i], exponent);
      visit?.(k);
    }
  };
}

/**
 * The `diverged` error with its advice, computed only on this path. Two step sizes matter for this
 * loss. Descent can converge only for eta < 1 / lambda_max(Y): at a minimizer U the Hessian of L has
 * the eigenvalue 2 lambda_max along U itself (the top mode u <- u + eta (y - u^2) u has derivative
 * 1 - 2 eta y at u = sqrt(y)). And the loss decreases at every step for eta < 2 / (||Y||_2 + 3 B),
 * B = max(||W0||_2, lambda_max(Y)): the Hessian of L at U is bounded by ||W - Y||_2 + 2 ||W||_2
 * <= ||Y||_2 + 3 B while ||W||_2 <= B, the bound the flow keeps (classical descent lemma).
 */
function divergence(target: Float64Array, n: number, r: number, eta: number, initial: Float64Array, k: number, lowerNorm: number): FactorflowNumericalError {
  const Y = fromRowMajor(target, n, n);
  const normY = spectralNorm(Y);
  const lambdaMax = symmetricEigenvalues(target, n)[0];
  const flowBound = Math.max(spectralNorm(fromRowMajor(initial, n, r)) ** 2, lambdaMax);
  const what = Number.isFinite(lowerNorm)
    ? `||W_k||_2 >= ${lowerNorm.toExponential(3)} exceeds ||Y||_2 + 2 / eta = ${(normY + 2 / eta).toExponential(3)}, beyond which every step multiplies it by more than 1`
    : 'the iterate left the finite numbers';
  const converges = lambdaMax > 0 ? `descent can converge only for eta < 1 / lambda_max(Y) = ${(1 / lambdaMax).toPrecision(3)}, and ` : '';
  return new FactorflowNumericalError(
    'diverged',
    'eta',
    `gradient descent diverges with eta = ${eta}: at step ${k} (t = k eta = ${k * eta}) ${what}, while the gradient flow keeps ` +
      `||W(t)||_2 <= max(||W0||_2, lambda_max(Y)) = ${flowBound.toPrecision(4)}. For this loss ${converges}` +
      `descent decreases the loss at every step for eta below about ${(2 / (normY + 3 * flowBound)).toPrecision(3)} ` +
      '= 2 / (||Y||_2 + 3 max(||W0||_2, lambda_max(Y))), a bound on the Hessian of L along the path: reduce eta.',
  );
}
