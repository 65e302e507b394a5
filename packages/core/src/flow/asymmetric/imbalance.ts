/**
 * How far an imbalanced start takes the asymmetric flow from the balanced closed form: the study
 * behind "any small initialization is close to a balanced one" (Min & Vidal 2025, Section IV),
 * measured, not derived.
 */
import { type AsymmetricStart, imbalance, relativeImbalance } from './start.js';
import { balancedModel, offDiagonalEvaluator } from './closedForm.js';
import { integrateAsymmetricFlow } from './routes.js';
import { type MatrixInput, given, renamingArgument, requireOptions, requireTimes } from '../../validate.js';
import { toRowMajor } from '../../linalg/dense.js';
import { singularValuesOf } from '../../linalg/bidiagonal.js';

/** What {@link imbalanceDeviation} returns. */
export interface ImbalanceDeviation {
  readonly times: Float64Array;
  /** ||X_ode(t) - X_nominal(t)||_2 at each time. */
  readonly deviation: Float64Array;
  /** ||U0^T U0 - V0^T V0||_F, the conserved imbalance. */
  readonly imbalance: number;
  /** The same divided by ||U0||_F^2 + ||V0||_F^2 (what BALANCE_TOLERANCE bounds). */
  readonly relativeImbalance: number;
}

/**
 * The deviation ||X_ode(t) - X_nominal(t)||_2 of the true flow from the nominal closed form, for a
 * start (U0, V0) that need not be balanced.
 *
 * "Nominal" means: the closed form of balancedClosedForm evaluated from W0 = Z0 Z0^T / 2,
 * Z0 = [U0; V0], as if the start were balanced, i.e. the flow Z' = (Ysym - 1/2 Z Z^T) Z with the
 * imbalance term 1/2 [U; -V] (U^T U - V^T V) dropped (our derivation, extending Min & Vidal 2025,
 * Section IV). X_ode is integrateAsymmetricFlow, the true flow with that term. For a balanced start
 * the two agree to the integrator's accuracy; the deviation measures what the conserved imbalance
 * does.
 *
 * @param Y - target, m x n.
 * @param start - `{ U0, V0 }`, any (balanced or not).
 * @param times - non-decreasing times in [0, 1e300 / sigma_1(Y)].
 * @param options - `rtol` of the integrator (default 1e-12, so that the deviation is not the integrator's error)
 *   and its `maxSteps` (default 1e6).
 * @returns times, deviation per time, the imbalance and the relative imbalance.
 * @throws FactorflowInputError on malformed Y, start, times or options; FactorflowNumericalError from the integrator.
 * @example
 * ```ts
 * const { U0, V0 } = balancedInit(2, 3, 2, 1e-6, 1);
 * const tilted = { U0: U0.clone().mul(1.01), V0 };
 * imbalanceDeviation([[3, 0, 0], [0, 1, 0]], tilted, [0, 5, 40]).deviation; // ~0 at t = 0, largest while X is learned, ~0 again once both flows have converged
 * ```
 */
export function imbalanceDeviation(
  Y: MatrixInput,
  start: AsymmetricStart,
  times: ArrayLike<number>,
  options: { readonly rtol?: number; readonly maxSteps?: number } = {},
): ImbalanceDeviation {
  requireOptions(options, 'options', '{ rtol?, maxSteps? }');
  requireTimes(times, 'times');
  const nominal = balancedModel(Y, start, false);
  const { problem, scale } = nominal;
  const { m, n } = problem;
  const checked = requireTimes(times, 'times', scale);
  const ode = integrateAsymmetricFlow(problem.Y, problem.U0, problem.V0, { times: checked, rtol: given(options.rtol, 1e-12), maxSteps: options.maxSteps });
  const evaluate = offDiagonalEvaluator(nominal);
  const deviation = checked.map((t, i) => {
    const closed = evaluate(t);
    const reached = toRowMajor(ode.X[i]);
    return singularValuesOf(closed.map((value, j) => reached[j] - value), m, n)[0];
  });
  const D = renamingArgument(() => imbalance(problem.U0, problem.V0), 'U0', 'start');
  return { times: checked, deviation, imbalance: D.norm(), relativeImbalance: relativeImbalance(problem) };
}
