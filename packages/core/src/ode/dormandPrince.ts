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
import { FactorflowInputError } from '../errors.js';
import { requireInteger, requirePositive, requireTimes } from '../validate.js';

/** Right-hand side f of y' = f(t, y): writes f(t, y) into `dydt` (never allocate here; it runs 6 times a step). */
export type OdeRightHandSide = (t: number, y: Float64Array, dydt: Float64Array) => void;

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

// Dormand & Prince (1980) tableau: nodes c, stage coefficients a, 5th-order weights (= row a7).
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// Error weights: 5th-order minus embedded 4th-order weights.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Hairer's dense-output coefficients (4th-order continuous extension).
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

// Step-size control, as in dopri5.f: safety 0.9, h_new / h in [0.2, 10], PI controller with
// beta = 0.04 (Gustafsson), whose integral exponent is 1/5 - 0.75 beta.
const SAFETY = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;
const BETA = 0.04;
const EXPONENT = 0.2 - 0.75 * BETA;
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
 * @param times - output times, non-decreasing, each in [0, 1e300]; times[0] may be 0.
 * @param options - rtol, atol (both > 0), maxSteps, initialStep, dense; see {@link DormandPrinceOptions}.
 * @returns one state per requested time, and step and evaluation counts.
 * @throws FactorflowInputError `out-of-range` / `not-finite` / `shape` on bad options, times or y0;
 *   `diverged` when the state or f becomes non-finite, the step size underflows, or maxSteps is exceeded.
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
  if (typeof rhs !== 'function') {
    throw new FactorflowInputError('out-of-range', 'rhs', 'expected a function (t, y, dydt) => void.');
  }
  if (!(y0 instanceof Float64Array) || y0.length === 0) {
    throw new FactorflowInputError('shape', 'y0', 'expected a non-empty Float64Array initial state.');
  }
  for (let i = 0; i < y0.length; i++) {
    if (!Number.isFinite(y0[i])) {
      throw new FactorflowInputError('not-finite', 'y0', `entry ${i} is ${y0[i]}; the initial state must be finite.`);
    }
  }
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
  if (options === null || typeof options !== 'object') {
    throw new FactorflowInputError('out-of-range', 'options', 'expected an object { rtol, atol, ... }.');
  }
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
  const dense = options.dense ?? true;
  if (typeof dense !== 'boolean') {
    throw new FactorflowInputError('out-of-range', 'dense', `must be true or false, got ${String(dense)}.`);
  }
  const initialStep =
    options.initialStep === undefined ? undefined : requirePositive(options.initialStep, 'initialStep');

  const n = y0.length;
  const count = outputTimes.length;
  const states: Float64Array[] = new Array<Float64Array>(count);
  const tEnd = outputTimes[count - 1];

  let next = 0;
  while (next < count && outputTimes[next] === 0) states[next++] = Float64Array.from(y0);
  if (next === count) return { states, steps: 0, rejected: 0, evaluations: 0 };

  // Stage buffers, allocated once; k1 and k7 swap roles after every accepted step (FSAL).
  let y = Float64Array.from(y0);
  let yNew = new Float64Array(n);
  let k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const k5 = new Float64Array(n);
  const k6 = new Float64Array(n);
  let k7 = new Float64Array(n);
  const stage = new Float64Array(n);
  const dense5 = new Float64Array(n);

  let t = 0;
  let evaluations = 0;
  rhs(t, y, k1);
  evaluations++;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(k1[i])) {
      throw new FactorflowInputError(
        'diverged',
        'rhs',
        `the right-hand side is non-finite (component ${i} = ${k1[i]}) at t = 0; check f and y0.`,
      );
    }
  }

  let h: number;
  if (initialStep !== undefined) {
    h = Math.min(initialStep, tEnd);
  } else {
    h = hairerInitialStep(rhs, y, k1, tEnd, rtol, atol, stage, k2);
    evaluations++;
  }

  let steps = 0;
  let rejected = 0;
  let attempts = 0;
  let errorOld = 1e-4;
  let lastRejected = false;
  let lastWasNonFinite = false;

  while (next < count) {
    const target = dense ? tEnd : outputTimes[next];
    // Land exactly on the target; stretching by up to 1% avoids a sliver of a step after it.
    let landing = false;
    if (t + 1.01 * h >= target) {
      h = target - t;
      landing = true;
    }
    if (!landing && (!(h > 0) || 0.1 * h <= Math.abs(t) * Number.EPSILON)) {
      let largest = 0;
      for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(y[i]));
      throw new FactorflowInputError(
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
      throw new FactorflowInputError(
        'diverged',
        'maxSteps',
        `${maxSteps} step attempts reached at t = ${t} before t = ${target}; raise maxSteps, loosen rtol/atol, ` +
          'or integrate to an earlier time.',
      );
    }
    attempts++;

    const tNew = landing ? target : t + h;
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * A21 * k1[i];
    rhs(t + C2 * h, stage, k2);
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    rhs(t + C3 * h, stage, k3);
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    rhs(t + C4 * h, stage, k4);
    for (let i = 0; i < n; i++) {
      stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    }
    rhs(t + C5 * h, stage, k5);
    for (let i = 0; i < n; i++) {
      stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    }
    rhs(tNew, stage, k6);
    for (let i = 0; i < n; i++) {
      yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    }
    rhs(tNew, yNew, k7);
    evaluations += 6;

    let sum = 0;
    let finite = true;
    for (let i = 0; i < n; i++) {
      const estimate = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      const scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
      const ratio = estimate / scale;
      sum += ratio * ratio;
      if (!Number.isFinite(yNew[i]) || !Number.isFinite(k7[i])) finite = false;
    }
    const error = Math.sqrt(sum / n);

    if (!finite || !(error <= 1)) {
      // A non-finite trial state usually means the step overshot into a region where f explodes:
      // shrink hard and retry; a genuine blow-up ends in the step-size underflow error above.
      lastWasNonFinite = !finite || Number.isNaN(error);
      h *= lastWasNonFinite ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * Math.pow(error, -EXPONENT));
      rejected++;
      lastRejected = true;
      continue;
    }

    const proposed = SAFETY * Math.pow(error, -EXPONENT) * Math.pow(errorOld, BETA);
    let hNew = h * Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, proposed));
    // Right after a rejection, do not grow the step again (dopri5.f).
    if (lastRejected) hNew = Math.min(hNew, h);
    errorOld = Math.max(error, 1e-4);
    lastRejected = false;
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
          for (let i = 0; i < n; i++) {
            dense5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
          }
          prepared = true;
        }
        const theta = (s - t) / h;
        const theta1 = 1 - theta;
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const difference = yNew[i] - y[i];
          const bspl = h * k1[i] - difference;
          const cubic = difference - h * k7[i] - bspl;
          out[i] = y[i] + theta * (difference + theta1 * (bspl + theta * (cubic + theta1 * dense5[i])));
        }
        states[next++] = out;
      }
    } else if (landing) {
      while (next < count && outputTimes[next] === tNew) states[next++] = Float64Array.from(yNew);
    }

    t = tNew;
    let swap = y;
    y = yNew;
    yNew = swap;
    swap = k1;
    k1 = k7;
    k7 = swap;
    h = hNew;
  }

  return { states, steps, rejected, evaluations };
}

/**
 * Hairer's starting step (dopri5.f, HINIT): h0 = 0.01 ||y0|| / ||f0||, then one explicit Euler
 * step estimates ||y''|| so that h^5 max(||f0||, ||y''||) ~ 0.01, and h = min(100 h0, that, span).
 * Norms are the same RMS norm weighted by atol + rtol |y0_i| as the error test. Uses one f call.
 */
function hairerInitialStep(
  rhs: OdeRightHandSide,
  y0: Float64Array,
  f0: Float64Array,
  span: number,
  rtol: number,
  atol: number,
  yEuler: Float64Array,
  f1: Float64Array,
): number {
  const n = y0.length;
  let normF = 0;
  let normY = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol + rtol * Math.abs(y0[i]);
    normF += (f0[i] / scale) ** 2;
    normY += (y0[i] / scale) ** 2;
  }
  normF = Math.sqrt(normF / n);
  normY = Math.sqrt(normY / n);
  let h = normF <= 1e-5 || normY <= 1e-5 ? 1e-6 : 0.01 * (normY / normF);
  h = Math.min(h, span);
  for (let i = 0; i < n; i++) yEuler[i] = y0[i] + h * f0[i];
  rhs(h, yEuler, f1);
  let secondDerivative = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol + rtol * Math.abs(y0[i]);
    secondDerivative += ((f1[i] - f0[i]) / scale) ** 2;
  }
  secondDerivative = Math.sqrt(secondDerivative / n) / h;
  const largest = Math.max(Math.abs(secondDerivative), normF);
  const h1 = Number.isFinite(largest)
    ? largest <= 1e-15
      ? Math.max(1e-6, h * 1e-3)
      : Math.pow(0.01 / largest, 1 / 5)
    : h * 1e-3;
  const chosen = Math.min(100 * h, h1, span);
  return chosen > 0 ? chosen : span;
}
