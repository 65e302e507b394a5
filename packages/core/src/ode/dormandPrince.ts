/**
 * A compact Dormand-Prince 5(4) integrator (DOPRI5) for y' = f(t, y) on Float64Array state.
 *
 * It is the reference route for the gradient flow (Min & Vidal 2025, eq. (2)) against which the
 * closed form is checked, so it follows Hairer's DOPRI5 (Hairer, Norsett & Wanner, "Solving
 * Ordinary Differential Equations I", II.4-II.6, and the Fortran code dopri5.f) closely rather
 * than inventing its own heuristics: the Dormand-Prince tableau with FSAL, the embedded 4th-order
 * error estimate, the RMS error norm, the PI step-size controller, the initial-step heuristic and
 * the 4th-order continuous extension (Shampine 1986) for dense output.
 */
import { FactorflowInputError, FactorflowNumericalError } from '../errors.js';
import { acceptedStep, createStepController, rejectedStep } from './controller.js';
import { type OdeRightHandSide, attemptStep, createStages, hairerInitialStep, interpolate, prepareDenseOutput } from './step.js';

export type { OdeRightHandSide } from './step.js';
import { describe, requireFlag, requireFunction, requireInteger, requireOptions, requirePositive, requireTimes } from '../validate.js';


/** Accuracy and output options of {@link dormandPrince}. */
export interface DormandPrinceOptions {
  /** Relative tolerance, in [10 eps, 1): each accepted step's local error is below atol + rtol |y_i| (in RMS). */
  readonly rtol: number;
  /** Absolute tolerance > 0, the error allowed on components near zero; in the units of y. */
  readonly atol: number;
  /** Most step attempts (accepted + rejected) before giving up; default 1e6. */
  readonly maxSteps?: number;
  /** First step to try; default: Hairer's heuristic from f(0, y0) and one Euler step. */
  readonly initialStep?: number;
  /**
   * true (default): step freely and interpolate the requested times with the 4th-order continuous
   * extension, so many output times cost no extra steps. false: shorten steps to land exactly
   * on every requested time (the states are then those of the 5th-order steps themselves).
   */
  readonly dense?: boolean;
}

/** What {@link dormandPrince} returns. */
export interface DormandPrinceResult {
  /** y(times[i]) for each requested time, in the order given (fresh arrays). */
  readonly states: Float64Array[];
  /** Accepted steps. */
  readonly steps: number;
  /** Rejected step attempts (error estimate above tolerance, or non-finite values). */
  readonly rejected: number;
  /** Calls of the right-hand side. */
  readonly evaluations: number;
}

const DEFAULT_MAX_STEPS = 1e6;

/**
 * Integrates y' = f(t, y), y(0) = y0, with the Dormand-Prince 5(4) pair and adaptive steps,
 * returning y at each requested time. The ODE it is built for is the gradient flow
 * U' = (Y - U U^T) U (Min & Vidal 2025, eq. (2)); see `integrateGradientFlow`.
 *
 * A step h from (t, y) is accepted when the RMS norm
 * sqrt(mean_i (err_i / (atol + rtol max(|y_i|, |ynew_i|)))^2) of the 5th-minus-4th-order
 * difference err is <= 1, and the next h comes from a PI controller (safety 0.9, ratio in [0.2, 10]).
 *
 * @param rhs - f, writing f(t, y) into its third argument; called with buffers it must not keep.
 * @param y0 - initial state at t = 0 (not modified); every entry finite, length >= 1.
 * @param times - output times, non-decreasing, each in [0, LARGEST_TIME] (about 4.5e307); times[0] may be 0.
 * @param options - rtol, atol (both > 0), maxSteps, initialStep, dense; see {@link DormandPrinceOptions}.
 * @returns one state per requested time, and step and evaluation counts.
 * @throws FactorflowInputError `out-of-range` / `not-finite` / `shape` on bad options, times or y0,
 *   and `not-finite` (argument `rhs`) when f is not finite at the initial state.
 * @throws FactorflowNumericalError `diverged` when f or the state becomes non-finite however small
 *   the step, or the step size underflows (a blow-up, or tolerances too tight for double precision);
 *   `not-converged` when maxSteps attempts are used up.
 * @example
 * ```ts
 * // y' = -y: y(1) = e^{-1}
 * const { states } = dormandPrince((t, y, dydt) => { dydt[0] = -y[0]; }, Float64Array.of(1), [1],
 *   { rtol: 1e-10, atol: 1e-12 });
 * states[0][0]; // 0.36787944117...
 * ```
 */
export function dormandPrince(
  rhs: OdeRightHandSide,
  y0: Float64Array,
  times: ArrayLike<number>,
  options: DormandPrinceOptions,
): DormandPrinceResult {
  requireFunction(rhs, 'rhs', '(t, y, dydt) => void');
  if (!(y0 instanceof Float64Array) || y0.length === 0) {
    throw new FactorflowInputError('shape', 'y0', `expected a non-empty Float64Array initial state, got ${describe(y0)}.`);
  }
  for (let i = 0; i < y0.length; i++) {
    if (!Number.isFinite(y0[i])) {
      throw new FactorflowInputError('not-finite', 'y0', `entry ${i} is ${y0[i]}; the initial state must be finite.`);
    }
  }
  const outputTimes = requireOutputTimes(times);
  requireOptions(options, 'options', '{ rtol, atol, maxSteps?, initialStep?, dense? }');
  const rtol = requirePositive(options.rtol, 'rtol');
  // Below ~10 eps no step can meet the tolerance: rounding alone exceeds it (Hairer's check).
  if (rtol < 10 * Number.EPSILON || rtol >= 1) {
    throw new FactorflowInputError(
      'out-of-range',
      'rtol',
      `must be in [${(10 * Number.EPSILON).toExponential(2)}, 1), got ${rtol}; ` +
        (rtol < 1
          ? 'double precision cannot resolve smaller relative errors.'
          : 'a relative error of 100% or more controls nothing; typical values are 1e-6 to 1e-12.'),
    );
  }
  const atol = requirePositive(options.atol, 'atol', 'atol is the absolute error allowed on components near zero.');
  const maxSteps =
    options.maxSteps === undefined
      ? DEFAULT_MAX_STEPS
      : requireInteger(options.maxSteps, 'maxSteps', 1, Number.MAX_SAFE_INTEGER);
  const dense = requireFlag(options.dense, true, 'dense');
  const initialStep =
    options.initialStep === undefined ? undefined : requirePositive(options.initialStep, 'initialStep');

  const n = y0.length;
  const count = outputTimes.length;
  const states: Float64Array[] = new Array<Float64Array>(count);
  const tEnd = outputTimes[count - 1];

  let next = 0;
  while (next < count && outputTimes[next] === 0) states[next++] = Float64Array.from(y0);
  if (next === count) return { states, steps: 0, rejected: 0, evaluations: 0 };

  let y = Float64Array.from(y0);
  let yNew = new Float64Array(n);
  const stages = createStages(n);

  let t = 0;
  let evaluations = 0;
  rhs(t, y, stages.k1);
  evaluations++;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(stages.k1[i])) {
      // Before any step: f itself is undefined at the initial state, which is bad input, not a failure of the method.
      throw new FactorflowInputError(
        'not-finite',
        'rhs',
        `the right-hand side is non-finite (component ${i} = ${stages.k1[i]}) at t = 0; check f and y0.`,
      );
    }
  }

  let h: number;
  if (initialStep !== undefined) {
    h = Math.min(initialStep, tEnd);
  } else {
    h = hairerInitialStep(rhs, y, stages.k1, tEnd, rtol, atol, stages.stage, stages.k2);
    evaluations++;
  }

  let steps = 0;
  let rejected = 0;
  let attempts = 0;
  const controller = createStepController();
  let lastWasNonFinite = false;

  while (next < count) {
    const target = dense ? tEnd : outputTimes[next];
    // Land exactly on the target; stretching by up to 1% avoids a sliver of a step after it.
    let landing = false;
    if (t + 1.01 * h >= target) {
      h = target - t;
      landing = true;
    }
    // At t = 0 every h > 0 advances: 0.1 h would underflow to 0 for a subnormal initial step.
    if (!landing && (!(h > 0) || (t !== 0 && 0.1 * h <= Math.abs(t) * Number.EPSILON))) {
      let largest = 0;
      for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(y[i]));
      throw new FactorflowNumericalError(
        'diverged',
        lastWasNonFinite ? 'rhs' : 'rtol',
        lastWasNonFinite
          ? `the state became non-finite near t = ${t} however small the step: the solution blows up there ` +
            '(check the right-hand side and the initial state, or stop before that time).'
          : `the step size fell to ${h.toExponential(3)} at t = ${t} (max |y_i| = ${largest.toExponential(3)}), ` +
            'below what double precision can resolve: either the solution blows up near this time (stop ' +
            'before it), or the problem is too stiff for an explicit method, or rtol/atol are too tight (loosen them).',
      );
    }
    if (attempts >= maxSteps) {
      throw new FactorflowNumericalError(
        'not-converged',
        'maxSteps',
        `${maxSteps} step attempts reached at t = ${t} before t = ${target}; raise maxSteps, loosen rtol/atol, ` +
          'or integrate to an earlier time.',
      );
    }
    attempts++;

    const tNew = landing ? target : t + h;
    const { error, finite } = attemptStep(rhs, t, h, tNew, y, yNew, stages, rtol, atol);
    evaluations += 6;

    if (!finite || !(error <= 1)) {
      // A non-finite trial state usually means the step overshot into a region where f explodes:
      // shrink hard and retry; a genuine blow-up ends in the step-size underflow error above.
      lastWasNonFinite = !finite || Number.isNaN(error);
      h = rejectedStep(controller, h, error, lastWasNonFinite);
      rejected++;
      continue;
    }

    const hNew = acceptedStep(controller, h, error);
    lastWasNonFinite = false;
    steps++;

    if (dense) {
      let prepared = false;
      while (next < count && outputTimes[next] <= tNew) {
        const s = outputTimes[next];
        if (s === tNew) {
          states[next++] = Float64Array.from(yNew);
          continue;
        }
        if (!prepared) {
          prepareDenseOutput(stages, h);
          prepared = true;
        }
        states[next++] = interpolate(stages, y, yNew, h, (s - t) / h);
      }
    } else if (landing) {
      while (next < count && outputTimes[next] === tNew) states[next++] = Float64Array.from(yNew);
    }

    t = tNew;
    [y, yNew] = [yNew, y];
    [stages.k1, stages.k7] = [stages.k7, stages.k1];
    h = hNew;
  }

  return { states, steps, rejected, evaluations };
}

/**
 * Checks the output times of an integration (each as `requireTimes`, and non-decreasing: the
 * integrator runs forward) and returns them as a Float64Array. Internal helper, shared with the
 * flow route, which checks the caller's times before rescaling them.
 */
export function requireOutputTimes(times: ArrayLike<number>): Float64Array {
  const outputTimes = requireTimes(times, 'times');
  for (let i = 1; i < outputTimes.length; i++) {
    if (outputTimes[i] < outputTimes[i - 1]) {
      throw new FactorflowInputError(
        'out-of-range',
        'times',
        `times[${i}] = ${outputTimes[i]} is before times[${i - 1}] = ${outputTimes[i - 1]}; ` +
          'give the output times in non-decreasing order.',
      );
    }
  }
  return outputTimes;
}
