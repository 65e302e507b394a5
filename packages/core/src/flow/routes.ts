/**
 * The three routes to W(t) of Min & Vidal (2025) side by side: the closed form of Proposition 1,
 * the integrated gradient flow (2) and gradient descent on (1), from the same U0 and compared at
 * the same times.
 */
import type { Matrix } from 'ml-matrix';

import { FactorflowInputError } from '../errors.js';
import { type MatrixInput, describe, given, renamingArgument, requireOptions, requirePositive, requireTimes, toMatrix } from '../validate.js';
import { type PreparedTarget, spectralNorm, asPrepared } from '../linalg/spectral.js';
import { gradientDescent } from './gradientDescent.js';
import { DEFAULT_FLOW_RTOL, type GradientFlowOptions, integrateGradientFlow } from './gradientFlow.js';
import { closedFormTrajectory } from './riccati.js';

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
 * @param times - times t >= 0, any order, duplicates allowed.
 * @param options - `routes` (default `['ode', 'gd']`), with gd the step size `eta`, with ode the
 *   integrator's `rtol`, `atol`, `maxSteps`.
 * @returns W and its spectrum per route and time, with the deviations and the integrator's counts.
 * @throws FactorflowInputError on malformed Y or U0, an empty `times` or a time < 0 or not finite,
 *   an unknown route, `eta` missing or <= 0 with gd, `eta` without gd, `ode` settings without ode
 *   or out of range.
 * @throws FactorflowNumericalError `diverged` when descent leaves the finite numbers (eta too
 *   large), `not-converged` when the integrator runs out of steps.
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
  const requested = requireTimes(times, 'times');
  const target = asPrepared(Y);
  const factor = toMatrix(U0, 'U0');
  if (factor.rows !== target.n) {
    throw new FactorflowInputError('shape', 'U0', `has ${factor.rows} rows but Y is ${target.n} x ${target.n}; U0 must be n x r.`);
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
  // ||Y||_2 of the symmetrized Y, by the library's one spectral norm.
  const normY = spectralNorm(target.matrix);
  const n = target.n;
  const order = Array.from(requested.keys()).sort((a, b) => requested[a] - requested[b]);
  return {
    n,
    r: factor.columns,
    normY,
    times: requested,
    closed,
    ode: routes.includes('ode') ? odeRoute(target.matrix, U0, requested, order, closed, normY, options.ode ?? {}) : null,
    gd: descent ? descentRoute(target, U0, requested, order, closed, normY, eta) : null,
  };
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

function descentRoute(
  target: PreparedTarget,
  U0: MatrixInput,
  times: Float64Array,
  order: number[],
  closed: RoutePoints,
  normY: number,
  eta: number,
): DescentRoute {
  const iterationAt = Array.from(times, (t) => Math.round(t / eta));
  const stepTimes = Float64Array.from(iterationAt, (k) => k * eta);
  const reference = stepTimes.every((t, i) => t === times[i])
    ? closed.W
    : closedFormTrajectory(target, { U0 }, stepTimes, { spectrum: false }).W;
  const W = new Array<Matrix>(times.length);
  const eigenvaluesW = new Array<Float64Array>(times.length);
  let factor: MatrixInput = U0;
  let done = 0;
  for (const i of [...order].sort((a, b) => iterationAt[a] - iterationAt[b])) {
    // Descent is a Markov chain in U: k1 steps, then k2 - k1 more from there, is the run of k2 steps.
    const segment = gradientDescent(target.matrix, factor, { eta, steps: iterationAt[i] - done, record: Math.max(1, iterationAt[i] - done) });
    factor = segment.U;
    done = iterationAt[i];
    W[i] = segment.W;
    eigenvaluesW[i] = segment.records[segment.records.length - 1].eigenvaluesW;
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
