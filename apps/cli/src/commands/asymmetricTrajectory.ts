/**
 * `factorflow trajectory --V0`: X(t) = U(t) V(t)^T of gradient flow on the asymmetric loss
 * L(U, V) = 1/2 ||Y - U V^T||_F^2 for a rectangular Y (issue 19; our extension of Min & Vidal
 * 2025, Section IV), by the balanced closed form, the ODE or gradient descent of
 * `@factorflow/core`, as JSON-safe data.
 */
import type { Matrix } from 'ml-matrix';

import {
  BALANCE_TOLERANCE,
  type BalancedTrajectory,
  FactorflowInputError,
  asymmetricGradientDescent,
  balancedTrajectory,
  imbalance,
  integrateAsymmetricFlow,
  singularSpectrum,
  spectralNorm,
} from '@factorflow/core';

import { num } from './numbers.js';

/** How X(t) is computed. */
export type AsymmetricMethod = 'closed' | 'ode' | 'gd';

/** X at one time. */
export interface AsymmetricPoint {
  /** The time asked for. */
  readonly requested: number;
  /** The time X is reported at: `requested` for closed and ode; step * eta for gd. */
  readonly t: number;
  /** gd only: the iteration k with t = k eta. */
  readonly step?: number;
  /** Singular values of X(t), decreasing, length min(m, n). */
  readonly singularValues: number[];
  /** X(t), m x n, as rows. */
  readonly X: number[][];
  /** ode and gd from a balanced start only: ||X(t) - X_closed(t)||_2. */
  readonly deviation?: number;
}

/** Result of {@link asymmetricTrajectoryCommand}; plain JSON (no NaN, no Infinity, no typed arrays). */
export interface AsymmetricTrajectoryReport {
  /** Tells this report from the symmetric one of `trajectory` without --V0. */
  readonly flow: 'asymmetric';
  readonly method: AsymmetricMethod;
  /** Y is m x n, U0 m x r, V0 n x r. */
  readonly m: number;
  readonly n: number;
  readonly r: number;
  /** ||Y||_2 = sigma_1(Y), the scale of X. */
  readonly normY: number;
  /** The imbalance U0^T U0 - V0^T V0 (conserved by the flow) in Frobenius norm, over ||U0||_F^2 + ||V0||_F^2. */
  readonly relativeImbalance: number;
  /** Whether relativeImbalance <= core's BALANCE_TOLERANCE, the closed form's condition. */
  readonly balanced: boolean;
  /** gd only: the step size and where it came from (`default` = 1e-3 / ||Y||_2, 1e-3 when Y = 0). */
  readonly eta?: number;
  readonly etaSource?: 'given' | 'default';
  /** ode only: the integrator's relative tolerance (1e-10 unless --rtol gave another). */
  readonly rtol?: number;
  /** ode: accepted Dormand-Prince steps; gd: iterations run. */
  readonly steps?: number;
  /** ode only: rejected steps and right-hand-side evaluations. */
  readonly rejected?: number;
  readonly evaluations?: number;
  /** One entry per requested time, in the order given. */
  readonly points: AsymmetricPoint[];
  /** ode and gd from a balanced start only: max over the times of the deviation, absolute and / ||Y||_2. */
  readonly maxDeviation?: number;
  readonly maxRelativeDeviation?: number;
  /** The closed form's conditioning warning (core's InitialConditioning.warning), when it has one. */
  readonly warning?: string;
}

/** Options of {@link asymmetricTrajectoryCommand}. */
export interface AsymmetricTrajectoryOptions {
  /** m x n target, any rank. */
  readonly Y: number[][];
  /** U(0), m x r, and V(0), n x r (the actual start, scale included). */
  readonly U0: number[][];
  readonly V0: number[][];
  /** Times t >= 0, any order. */
  readonly times: number[];
  readonly method: AsymmetricMethod;
  /** gd only: the step size (default 1e-3 / ||Y||_2). */
  readonly eta?: number;
  /** ode only: the integrator's rtol (default 1e-10), atol and step budget. */
  readonly ode?: { readonly rtol?: number; readonly atol?: number; readonly maxSteps?: number };
}

/** Most gradient-descent work accepted, in multiply-adds (an iteration costs about 6 m n r): about 30 s. */
const MAX_GD_WORK = 6e10;
/** The integrator's relative tolerance when --rtol is not given, as for the symmetric trajectory. */
const DEFAULT_RTOL = 1e-10;

/**
 * X(t) = U(t) V(t)^T along U' = (Y - U V^T) V, V' = (Y - U V^T)^T U, U(0) = U0, V(0) = V0, at each
 * requested time. This flow is beyond Min & Vidal (2025), who name it as future work in Section IV:
 * from a balanced start (U0^T U0 = V0^T V0) the stacked factor follows the symmetric flow (2) of
 * Ysym = [[0, Y], [Y^T, 0]], so X is twice the off-diagonal block of the closed form (5) of
 * Proposition 1 (our derivation, checked in the symbolic catalog).
 *
 * - `closed`: that closed form (core's balancedTrajectory); refused for an imbalanced start.
 * - `ode`: the flow integrated by Dormand-Prince 5(4) (integrateAsymmetricFlow), any start.
 * - `gd`: gradient descent U += eta (Y - U V^T) V, V += eta (Y - U V^T)^T U
 *   (asymmetricGradientDescent), any start, reported at the nearest step k = round(t / eta).
 *
 * For ode and gd from a balanced start each point also has ||X(t) - X_closed(t)||_2.
 *
 * @param options - `Y` (m x n), `U0` (m x r), `V0` (n x r), `times` (>= 0), `method`, for gd an
 *   optional `eta` > 0, for ode optional integrator settings.
 * @returns a JSON-safe {@link AsymmetricTrajectoryReport}, points in the order of `times`.
 * @throws FactorflowInputError on malformed or mismatched matrices or times, an unknown method,
 *   `eta` with a method other than gd, integrator settings with a method other than ode, `closed`
 *   from an imbalanced start (`out-of-range` on `V0`: use --method ode or gd), or a gd run beyond
 *   about 6e10 multiply-adds (`out-of-range` on `times`).
 * @throws FactorflowNumericalError when descent diverges or the integrator runs out of steps.
 * @example
 * ```ts
 * const report = asymmetricTrajectoryCommand({ Y, U0, V0, times: [0, 1, 2], method: 'closed' });
 * report.points[2].singularValues; // the singular values of X(2), decreasing
 * ```
 */
export function asymmetricTrajectoryCommand(options: AsymmetricTrajectoryOptions): AsymmetricTrajectoryReport {
  const { Y, U0, V0, times, method, eta, ode: accuracy } = options;
  if (method !== 'closed' && method !== 'ode' && method !== 'gd') {
    throw new FactorflowInputError('out-of-range', 'method', `must be closed, ode or gd, got ${String(method)}.`);
  }
  if (eta !== undefined && method !== 'gd') {
    throw new FactorflowInputError('out-of-range', 'eta', `the step size applies to --method gd only, not ${method}.`);
  }
  if (accuracy !== undefined && method !== 'ode') {
    throw new FactorflowInputError('out-of-range', 'rtol', `--rtol, --atol and --max-steps apply to --method ode only, not ${method}.`);
  }
  const relativeImbalance = relativeImbalanceOf(U0, V0);
  const balanced = relativeImbalance <= BALANCE_TOLERANCE;
  if (method === 'closed' && !balanced) {
    throw new FactorflowInputError(
      'out-of-range',
      'V0',
      `the closed form needs a balanced start, U0^T U0 = V0^T V0, but ||U0^T U0 - V0^T V0||_F is ${relativeImbalance.toExponential(3)} of ` +
        `||U0||_F^2 + ||V0||_F^2 (tolerance ${BALANCE_TOLERANCE}); use --method ode (or gd), which take any start.`,
    );
  }
  const shape = { flow: 'asymmetric' as const, method, m: Y.length, n: Y[0].length, r: U0[0].length, normY: spectralNorm(Y), relativeImbalance, balanced };
  // The closed form at the times X is reported at; for ode and gd the reference they are checked against.
  const closedAt = (at: readonly number[]): BalancedTrajectory | undefined => (balanced ? balancedTrajectory(Y, { U0, V0 }, at) : undefined);
  if (method === 'ode') {
    const rtol = accuracy?.rtol ?? DEFAULT_RTOL;
    // The integrator takes its output times in increasing order; the report keeps the order given.
    const { sorted, indexOf } = sortedTimes(times);
    const route = integrateAsymmetricFlow(Y, U0, V0, { times: sorted, rtol, atol: accuracy?.atol, maxSteps: accuracy?.maxSteps });
    const X = indexOf.map((index) => route.X[index]);
    const closed = closedAt(times);
    const points = times.map((t, i) => pointOf(X[i], { requested: t, t }));
    const head = { ...shape, rtol, steps: route.steps, rejected: route.rejected, evaluations: route.evaluations, ...warningOf(closed) };
    return withDeviations(head, points, X, closed?.X);
  }
  if (method === 'gd') {
    const stepSize = eta ?? defaultStep(shape.normY);
    const descent = descentAt(Y, U0, V0, times, stepSize);
    const points = times.map((requested, i) => pointOf(descent.X[i], { requested, t: descent.stepOf[i] * stepSize, step: descent.stepOf[i] }));
    const closed = closedAt(points.map((point) => point.t));
    const etaSource = eta === undefined ? ('default' as const) : ('given' as const);
    const head = { ...shape, eta: stepSize, etaSource, steps: descent.iterations, ...warningOf(closed) };
    return withDeviations(head, points, descent.X, closed?.X);
  }
  const closed = balancedTrajectory(Y, { U0, V0 }, times);
  return { ...shape, points: times.map((t, i) => pointOf(closed.X[i], { requested: t, t })), ...warningOf(closed) };
}

/** ||U0^T U0 - V0^T V0||_F / (||U0||_F^2 + ||V0||_F^2), the relative imbalance core compares with BALANCE_TOLERANCE. */
function relativeImbalanceOf(U0: number[][], V0: number[][]): number {
  const squares = (A: number[][]): number => A.reduce((sum, row) => sum + row.reduce((inner, value) => inner + value * value, 0), 0);
  const scale = squares(U0) + squares(V0);
  return scale === 0 ? 0 : imbalance(U0, V0).norm('frobenius') / scale;
}

/**
 * The distinct times in increasing order, and for each given time its index among them. Times that
 * are not finite numbers are kept, so that core's validation names them.
 */
function sortedTimes(times: readonly number[]): { sorted: number[]; indexOf: number[] } {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  return { sorted, indexOf: times.map((t) => sorted.indexOf(t)) };
}

/** 1e-3 / ||Y||_2, a thousandth of the inverse curvature at the minimizer (1e-3 when Y = 0). */
function defaultStep(normY: number): number {
  return normY > 0 ? 1e-3 / normY : 1e-3;
}

/**
 * Gradient descent to each requested time: the steps k = round(t / eta) in increasing order, each
 * segment run from the factors the previous one reached, so one run serves every time.
 */
function descentAt(Y: number[][], U0: number[][], V0: number[][], times: readonly number[], eta: number): { X: Matrix[]; stepOf: number[]; iterations: number } {
  const stepOf = times.map((t) => Math.round(t / eta));
  const iterations = Math.max(...stepOf);
  const [m, n, r] = [Y.length, Y[0].length, U0[0].length];
  // Checked before running anything: the refusal should cost nothing.
  if (iterations * 6 * m * n * r > MAX_GD_WORK) {
    throw new FactorflowInputError(
      'out-of-range',
      'times',
      `gradient descent to t = ${Math.max(...times)} with eta = ${eta} needs ${iterations} iterations of ${m} x ${r} and ${n} x ${r} factors, ` +
        'more than this command runs (about 6e10 multiply-adds); pass a larger --eta or smaller --times.',
    );
  }
  const reached = new Map<number, Matrix>();
  let U: number[][] | Matrix = U0;
  let V: number[][] | Matrix = V0;
  let done = 0;
  for (const step of [...new Set(stepOf)].sort((a, b) => a - b)) {
    const run = asymmetricGradientDescent(Y, U, V, { eta, steps: step - done, record: Math.max(1, step - done) });
    reached.set(step, run.X);
    ({ U, V } = run);
    done = step;
  }
  return { X: stepOf.map((step) => reached.get(step) as Matrix), stepOf, iterations };
}

/** The report's `warning` field: present only when the closed form ran and its conditioning has one. */
function warningOf(closed: BalancedTrajectory | undefined): Pick<AsymmetricTrajectoryReport, 'warning'> {
  const warning = closed?.conditioning.warning ?? null;
  return warning === null ? {} : { warning };
}

/** X and its singular values at one time. */
function pointOf(X: Matrix, time: Pick<AsymmetricPoint, 'requested' | 't' | 'step'>): AsymmetricPoint {
  return { ...time, singularValues: Array.from(singularSpectrum(Float64Array.from(X.to1DArray()), X.rows, X.columns)), X: X.to2DArray() };
}

/** The points with their distance to the closed form, when there is one (balanced start). */
function withDeviations(
  head: Omit<AsymmetricTrajectoryReport, 'points'>,
  points: AsymmetricPoint[],
  X: readonly Matrix[],
  reference: readonly Matrix[] | undefined,
): AsymmetricTrajectoryReport {
  if (reference === undefined) return { ...head, points };
  const checked = points.map((point, i) => ({ ...point, deviation: spectralNorm(X[i].clone().sub(reference[i])) }));
  const maxDeviation = Math.max(...checked.map((point) => point.deviation));
  return { ...head, points: checked, maxDeviation, maxRelativeDeviation: head.normY > 0 ? maxDeviation / head.normY : maxDeviation };
}

/**
 * Renders an {@link AsymmetricTrajectoryReport} as plain text: the shapes, the imbalance of the
 * start, the method, then for each time the singular values of X(t) (decreasing: learned one at
 * a time, largest first, from a small balanced start; our extension of Figure 1 of Min & Vidal
 * 2025 to U V^T) and X(t), with the distance to the closed form for ode and gd.
 *
 * @param report - the result of {@link asymmetricTrajectoryCommand}.
 * @returns the text, lines separated by `\n`, no trailing newline.
 * @throws nothing.
 * @example
 * ```ts
 * console.log(formatAsymmetricTrajectory(asymmetricTrajectoryCommand({ Y, U0, V0, times: [0, 1], method: 'closed' })));
 * ```
 */
export function formatAsymmetricTrajectory(report: AsymmetricTrajectoryReport): string {
  const route = {
    closed: 'balanced closed form (Proposition 1, eq. (5), on Ysym = [[0, Y], [Y^T, 0]]; beyond the paper)',
    ode: `gradient flow integrated by Dormand-Prince 5(4), rtol ${report.rtol} (${report.steps} steps, ${report.rejected} rejected, ${report.evaluations} evaluations)`,
    gd:
      `gradient descent, eta = ${report.eta === undefined ? '?' : num(report.eta)}` +
      (report.etaSource === 'default' ? ' (default 1e-3 / ||Y||_2)' : ' (given)') +
      `, ${report.steps} iterations; X at the step k nearest each time, t = k eta`,
  }[report.method];
  const balance = report.balanced
    ? 'balanced'
    : 'not balanced: the closed form does not apply and nothing is compared with it';
  const lines = [
    `X(t) = U(t) V(t)^T, Y: ${report.m} x ${report.n}, U0: ${report.m} x ${report.r}, V0: ${report.n} x ${report.r}, ||Y||_2 = ${num(report.normY)}`,
    `start: ||U0^T U0 - V0^T V0||_F / (||U0||_F^2 + ||V0||_F^2) = ${report.relativeImbalance.toExponential(3)}, ${balance}`,
    `method: ${route}`,
  ];
  for (const point of report.points) {
    const when = point.step !== undefined ? `t = ${num(point.t)} (requested ${point.requested}, step ${point.step})` : `t = ${point.requested}`;
    const deviation = point.deviation === undefined ? '' : `   ||X - X_closed||_2 = ${point.deviation.toExponential(3)}`;
    const cells = point.X.map((row) => row.map((value) => num(value)));
    const width = Math.max(...cells.flat().map((cell) => cell.length));
    lines.push('', `${when}${deviation}`, `  singular values: ${point.singularValues.map((value) => num(value)).join(', ')}`, '  X =');
    for (const row of cells) lines.push(`    [ ${row.map((cell) => cell.padStart(width)).join('  ')} ]`);
  }
  if (report.maxDeviation !== undefined && report.maxRelativeDeviation !== undefined) {
    lines.push(
      '',
      `max ||X - X_closed||_2 over the times = ${report.maxDeviation.toExponential(3)} (${report.maxRelativeDeviation.toExponential(3)} ||Y||_2)` +
        (report.method === 'gd' ? ': gradient descent is O(eta) from the flow' : ''),
    );
  }
  if (report.warning !== undefined) lines.push('', `warning: ${report.warning}`);
  return lines.join('\n');
}
