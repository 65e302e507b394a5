/**
 * The three routes to W(t) of Min & Vidal (2025) side by side: the closed form of Proposition 1,
 * the integrated gradient flow (2) and gradient descent on (1), from the same U0 and compared at
 * the same times.
 */
import type { Matrix } from 'ml-matrix';

import { FactorflowInputError, FactorflowNumericalError } from '../errors.js';
import { type MatrixInput, describe, given, renamingArgument, requireOptions, requirePositive, requireTimes, toMatrix } from '../validate.js';
import { outerProduct } from '../linalg/dense.js';
import { type PreparedTarget, factorSpectrum, spectralNorm, asPrepared } from '../linalg/spectral.js';
import { descentRunner } from './gradientDescent.js';
import { DEFAULT_FLOW_RTOL, type GradientFlowOptions, integrateGradientFlow, validateFactorization } from './gradientFlow.js';
import { closedFormTrajectory } from './riccati.js';
import { type InitialConditioning, timeScaleOf } from './riccatiModel.js';

/** A route to W(t) that is checked against the closed form. */
export type NumericalRoute = 'ode' | 'gd';

/** Options of {@link compareRoutes}. */
export interface RouteComparisonOptions {
  /** The numerical routes to run beside the closed form, any order (default both; `[]` for the closed form alone). */
  readonly routes?: readonly NumericalRoute[];
  /** Gradient-descent step size eta > 0: required when `routes` includes `gd`, refused otherwise. */
  readonly eta?: number;
  /**
   * The integrator's accuracy for the `ode` route (refused without it): `rtol` (default 1e-10),
   * `atol` and `maxSteps` as in `integrateGradientFlow`.
   */
  readonly ode?: Pick<GradientFlowOptions, 'rtol' | 'atol' | 'maxSteps'>;
}

/** W(t) along one route, one entry per requested time, in the order of the times. */
export interface RoutePoints {
  /** W(t), n x n. */
  readonly W: Matrix[];
  /** Eigenvalues of W(t), decreasing, length n. */
  readonly eigenvaluesW: Float64Array[];
}

/** A numerical route with its distance to the closed form. */
export interface CheckedRoutePoints extends RoutePoints {
  /** ||W_route(t) - W_closed(t)||_2 per time (for gd at the time k eta the iterate approximates). */
  readonly deviation: Float64Array;
  /** `deviation / ||Y||_2` (equal to `deviation` when Y = 0). */
  readonly relativeDeviation: Float64Array;
}

/** The gradient flow (2) integrated by Dormand-Prince 5(4). */
export interface OdeRoute extends CheckedRoutePoints {
  /** The integrator's relative tolerance (`options.ode.rtol`, else `DEFAULT_FLOW_RTOL` = 1e-10). */
  readonly rtol: number;
  /** Accepted integrator steps. */
  readonly steps: number;
  /** Rejected integrator steps. */
  readonly rejected: number;
  /** Evaluations of the right-hand side. */
  readonly evaluations: number;
}

/** Gradient descent U_{k+1} = U_k + eta (Y - U_k U_k^T) U_k, reported at the step nearest each time. */
export interface DescentRoute extends CheckedRoutePoints {
  readonly eta: number;
  /** k = round(t / eta) for each requested time t. */
  readonly iterationAt: number[];
  /** k eta for each requested time: the flow time the iterate approximates. */
  readonly times: Float64Array;
  /** Iterations run, the largest k. */
  readonly iterations: number;
}

/** Result of {@link compareRoutes}. */
export interface RouteComparison {
  /** Y is n x n. */
  readonly n: number;
  /** U0 is n x r. */
  readonly r: number;
  /** ||Y||_2, the scale of W (W(t) -> Y from a full-rank start). */
  readonly normY: number;
  /** The requested times, in the order given. */
  readonly times: Float64Array;
  /** The closed form of Proposition 1 at the requested times. */
  readonly closed: RoutePoints;
  /** `null` when not requested. */
  readonly ode: OdeRoute | null;
  /** `null` when not requested. */
  readonly gd: DescentRoute | null;
  /**
   * Whether W(t) depends on components of W0 = U0 U0^T that rounding hid in the closed form's
   * change of basis, and from when (see `riccatiModel`); its `warning` is null when it does not.
   */
  readonly conditioning: InitialConditioning;
}

/**
 * Most gradient-descent steps the comparison takes: it checks the closed form on instances small
 * enough to compare, where a run of more steps means a step size far below what the times need.
 */
const MAX_DESCENT_STEPS = 1e7;

/**
 * W(t) = U(t) U(t)^T along the gradient flow U' = (Y - U U^T) U, U(0) = U0 (Min & Vidal 2025,
 * eqs. (2)-(3)), by up to three independent routes from the same U0:
 *
 * - the closed form of Proposition 1, eq. (5) (`closedFormTrajectory`, stable for every t), always;
 * - `ode`: the flow (2) integrated by Dormand-Prince 5(4), rtol 1e-10 unless `options.ode` says
 *   otherwise (`integrateGradientFlow`);
 * - `gd`: gradient descent on the loss (1), U_{k+1} = U_k + eta (Y - U_k U_k^T) U_k
 *   (`gradientDescent`), whose iterate k is within O(eta) of the flow at t = k eta. Each time is
 *   rounded to the nearest step, k = round(t / eta); descent runs once, through the steps in
 *   increasing order.
 *
 * Each numerical route carries its distance to the closed form at every time (gd: at k eta), about
 * 1e-10 ||Y|| for ode and O(eta) for gd, so one call checks the three routes against each other.
 *
 * @param Y - symmetric n x n target (PSD in the paper; any symmetric Y works), or its {@link PreparedTarget}.
 * @param U0 - the initial factor U(0), n x r (the actual initialization, scale included).
 * @param times - times in [0, 1e300 / ||Y||_2] (see `MAX_TIME`), any order, duplicates allowed.
 * @param options - `routes` (default `['ode', 'gd']`), with gd the step size `eta`, with ode the
 *   integrator's `rtol`, `atol`, `maxSteps`.
 * @returns W and its spectrum per route and time, with the deviations and the integrator's counts.
 * @throws FactorflowInputError on malformed Y or U0, an empty `times` or a time < 0 or not finite,
 *   an unknown route, `eta` missing or <= 0 with gd, `eta` without gd, `ode` settings without ode
 *   or out of range.
 * @throws FactorflowNumericalError `diverged` (argument `eta`) when eta >= 2 / h with
 *   h = max(2 lambda_max(Y), -lambda_min(Y)), where descent cannot follow the flow (see below), or
 *   when descent provably diverges on the way (`descentRunner`); `not-converged` when the
 *   integrator runs out of steps.
 *
 * Refused step sizes: the flow converges to a W_inf whose factor U_inf is a fixed point of
 * descent, and the Hessian of L at U_inf has the eigenvalue 2 lambda_max(Y) along U_inf's top
 * mode (when lambda_max > 0) and -lambda_min(Y) along a mode of a negative eigenvalue (where
 * U_inf vanishes, L is -1/2 lambda_min ||Delta||^2 to second order). Descent multiplies a
 * deviation along an eigenvector of the Hessian with eigenvalue h by 1 - eta h, so for
 * eta >= 2 / max(2 lambda_max, -lambda_min) it moves away from where the flow goes instead of
 * following it, and no step of the O(eta) comparison means anything.
 * @example
 * ```ts
 * const { closed, ode, gd } = compareRoutes([[2, 0], [0, 1]], [[1e-3, 0], [0, 1e-3]], [0, 2, 12], { eta: 1e-3 });
 * closed.eigenvaluesW[2];   // ~[2, 1]: both eigenvalues learned
 * ode?.relativeDeviation;   // ~1e-10
 * gd?.relativeDeviation;    // O(eta)
 * ```
 */
export function compareRoutes(
  Y: MatrixInput | PreparedTarget,
  U0: MatrixInput,
  times: ArrayLike<number>,
  options: RouteComparisonOptions = {},
): RouteComparison {
  requireOptions(options, 'options', '{ routes?, eta?, ode? }');
  const target = asPrepared(Y);
  const { n, values } = target;
  const requested = requireTimes(times, 'times', timeScaleOf(values));
  const factor = toMatrix(U0, 'U0');
  if (factor.rows !== n) {
    throw new FactorflowInputError('shape', 'U0', `has ${factor.rows} rows but Y is ${n} x ${n}; U0 must be n x r.`);
  }
  const routes = given(options.routes, ['ode', 'gd'] as const);
  if (!Array.isArray(routes)) throw new FactorflowInputError('out-of-range', 'options.routes', `expected an array of routes, e.g. ['ode', 'gd'], got ${describe(routes)}.`);
  for (const route of routes as readonly unknown[]) {
    if (route !== 'ode' && route !== 'gd') {
      throw new FactorflowInputError('out-of-range', 'options.routes', `unknown route ${describe(route)}; use 'ode' and/or 'gd'.`);
    }
  }
  const descent = routes.includes('gd');
  if (descent && options.eta === undefined) {
    throw new FactorflowInputError('out-of-range', 'eta', 'gradient descent needs a step size eta > 0, e.g. 1e-3 / ||Y||_2.');
  }
  if (!descent && options.eta !== undefined) {
    throw new FactorflowInputError('out-of-range', 'eta', "the step size applies to the 'gd' route only; leave it out or add 'gd' to routes.");
  }
  const eta = descent ? requirePositive(options.eta as number, 'eta', 'eta is the gradient-descent step size.') : 0;
  const latest = requested.reduce((largest, t) => Math.max(largest, t), 0);
  if (descent) {
    const steps = Math.round(latest / eta);
    if (steps > MAX_DESCENT_STEPS) {
      throw new FactorflowInputError(
        'out-of-range',
        'eta',
        `reaching t = ${latest} takes ${steps.toExponential(3)} descent steps of eta = ${eta}, more than ${MAX_DESCENT_STEPS}; ` +
          'raise eta or compare at earlier times (gradientDescent itself runs any number of steps).',
      );
    }
  }
  if (options.ode !== undefined && !routes.includes('ode')) {
    throw new FactorflowInputError('out-of-range', 'options.ode', "the integrator's settings apply to the 'ode' route only; leave them out or add 'ode' to routes.");
  }
  if (options.ode !== undefined) requireOptions(options.ode, 'options.ode', '{ rtol?, atol?, maxSteps? }');
  const closedForm = renamingArgument(() => closedFormTrajectory(target, { U0 }, requested), 'init.U0', 'U0');
  const closed: RoutePoints = { W: closedForm.W, eigenvaluesW: closedForm.eigenvaluesW };
  if (descent) requireFollowingStep(eta, values[0], values[n - 1]);
  // ||Y||_2 of the symmetrized Y, by the library's one spectral norm.
  const normY = spectralNorm(target.matrix);
  const order = Array.from(requested.keys()).sort((a, b) => requested[a] - requested[b]);
  return {
    n,
    r: factor.columns,
    normY,
    times: requested,
    closed,
    ode: routes.includes('ode') ? odeRoute(target.matrix, U0, requested, order, closed, normY, options.ode ?? {}) : null,
    gd: descent ? descentRoute(target, U0, requested, closed, normY, eta) : null,
    conditioning: closedForm.conditioning,
  };
}

/** Refuses an eta at which descent moves away from the flow's limit (see {@link compareRoutes}). */
function requireFollowingStep(eta: number, lambdaMax: number, lambdaMin: number): void {
  // The largest Hessian eigenvalue of L at the flow's limit: 2 lambda_max, or -lambda_min on a negative mode.
  const curvature = Math.max(2 * lambdaMax, -lambdaMin);
  if (eta * curvature < 2) return;
  const bound = 2 / curvature;
  throw new FactorflowNumericalError(
    'diverged',
    'eta',
    `gradient descent with eta = ${eta} cannot follow the gradient flow: at the flow's limit the Hessian of L has the ` +
      `eigenvalue h = ${curvature.toPrecision(4)} (max(2 lambda_max(Y), -lambda_min(Y))), and descent multiplies a deviation ` +
      `along it by 1 - eta h, at least 1 in magnitude for eta >= 2 / h = ${bound.toPrecision(3)}: its iterates move away from ` +
      `the flow instead of approximating it. Use eta well below ${bound.toPrecision(3)}, e.g. 1e-3 / ||Y||_2, whose gap to the flow is O(eta).`,
  );
}

function odeRoute(
  Y: Matrix,
  U0: MatrixInput,
  times: Float64Array,
  order: number[],
  closed: RoutePoints,
  normY: number,
  accuracy: Pick<GradientFlowOptions, 'rtol' | 'atol' | 'maxSteps'>,
): OdeRoute {
  const flow = integrateGradientFlow(Y, U0, { ...accuracy, times: order.map((i) => times[i]) });
  const W = new Array<Matrix>(times.length);
  const eigenvaluesW = new Array<Float64Array>(times.length);
  order.forEach((i, position) => {
    W[i] = flow.W[position];
    eigenvaluesW[i] = flow.eigenvaluesW[position];
  });
  return {
    W,
    eigenvaluesW,
    ...deviations(W, closed.W, normY),
    rtol: accuracy.rtol ?? DEFAULT_FLOW_RTOL,
    steps: flow.steps,
    rejected: flow.rejected,
    evaluations: flow.evaluations,
  };
}

function descentRoute(target: PreparedTarget, U0: MatrixInput, times: Float64Array, closed: RoutePoints, normY: number, eta: number): DescentRoute {
  const { n, r, target: rowMajor, initial } = validateFactorization(target, U0, {}, '{}');
  const iterationAt = Array.from(times, (t) => Math.round(t / eta));
  const stepTimes = Float64Array.from(iterationAt, (k) => k * eta);
  const reference = stepTimes.every((t, i) => t === times[i])
    ? closed.W
    : closedFormTrajectory(target, { U0 }, stepTimes, { spectrum: false }).W;
  const W = new Array<Matrix>(times.length);
  const eigenvaluesW = new Array<Float64Array>(times.length);
  const run = descentRunner(rowMajor, n, r, eta, initial);
  const factor = Float64Array.from(initial);
  let done = 0;
  // One run, through the requested steps in increasing order.
  for (const i of Array.from(iterationAt.keys()).sort((a, b) => iterationAt[a] - iterationAt[b])) {
    run(factor, done, iterationAt[i]);
    done = iterationAt[i];
    W[i] = outerProduct(factor, n, r);
    eigenvaluesW[i] = factorSpectrum(factor, n, r);
  }
  return {
    W,
    eigenvaluesW,
    ...deviations(W, reference, normY),
    eta,
    iterationAt,
    times: stepTimes,
    iterations: Math.max(...iterationAt),
  };
}

function deviations(W: readonly Matrix[], reference: readonly Matrix[], normY: number): { deviation: Float64Array; relativeDeviation: Float64Array } {
  const deviation = Float64Array.from(W, (matrix, i) => spectralNorm(matrix.clone().sub(reference[i])));
  const relativeDeviation = normY > 0 ? deviation.map((value) => value / normY) : Float64Array.from(deviation);
  return { deviation, relativeDeviation };
}
