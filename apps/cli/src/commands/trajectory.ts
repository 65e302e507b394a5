/**
 * `factorflow trajectory`: W(t) = U(t) U(t)^T of gradient flow on L(U) = 1/4 ||Y - U U^T||_F^2
 * (Min & Vidal 2025, eqs. (1)-(3)) at chosen times, by one of the three routes of core's
 * `compareRoutes`, as JSON-safe data and as text.
 */
import {
  type CheckedRoutePoints,
  type DescentRoute,
  FactorflowInputError,
  type InitialConditioning,
  type OdeRoute,
  type RoutePoints,
  compareRoutes,
  spectralNorm,
} from '@factorflow/core';

import { SCHEMA } from '../json.js';
import { parseTimes, readMatrixFile, readYAndU0 } from '../matrixFile/index.js';
import { type CommandSpec, POSITIVE, POSITIVE_INTEGER, UsageError, choiceOption } from '../options.js';
import { type Command, reportCommand } from '../program.js';
import { TRAJECTORY_LAYOUT } from '../resultFile/layouts.js';
import { type AsymmetricTrajectoryReport, asymmetricTrajectoryCommand, formatAsymmetricTrajectory } from './asymmetricTrajectory.js';
import { num } from './numbers.js';

/** How W(t) is computed. */
type TrajectoryMethod = 'closed' | 'ode' | 'gd';

/** W at one time. */
interface TrajectoryPoint {
  /** The time asked for. */
  readonly requested: number;
  /** The time W is reported at: `requested` for closed and ode; step * eta for gd (the nearest step). */
  readonly t: number;
  /** gd only: the iteration k with t = k eta. */
  readonly step?: number;
  /** Eigenvalues of W(t), decreasing, length n. */
  readonly eigenvalues: number[];
  /** W(t), n x n, as rows. */
  readonly W: number[][];
  /** ode and gd only: ||W(t) - W_closed(t)||_2, the closed form of Proposition 1 at the same t. */
  readonly deviation?: number;
}

/** Result of {@link trajectoryCommand}; plain JSON (no NaN, no Infinity, no typed arrays). */
export interface TrajectoryReport {
  readonly method: TrajectoryMethod;
  /** Y is n x n. */
  readonly n: number;
  /** U0 is n x r. */
  readonly r: number;
  /** ||Y||_2, the scale of W (W(t) -> Y for a full-rank start). */
  readonly normY: number;
  /** gd only: the step size. */
  readonly eta?: number;
  /** gd only: `given`, or `default` = 1e-3 / ||Y||_2 (1e-3 when Y = 0). */
  readonly etaSource?: 'given' | 'default';
  /** ode only: the integrator's relative tolerance (1e-10 unless --rtol gave another). */
  readonly rtol?: number;
  /** ode: accepted Dormand-Prince steps; gd: gradient-descent iterations run (the largest step used). */
  readonly steps?: number;
  /** ode only: rejected integrator steps. */
  readonly rejected?: number;
  /** ode only: evaluations of the right-hand side. */
  readonly evaluations?: number;
  /** One entry per requested time, in the order given. */
  readonly points: TrajectoryPoint[];
  /** ode and gd only: max over the times of ||W(t) - W_closed(t)||_2. */
  readonly maxDeviation?: number;
  /** ode and gd only: `maxDeviation / ||Y||_2` (equal to `maxDeviation` when Y = 0). */
  readonly maxRelativeDeviation?: number;
  /**
   * Present when W(t) from some time on depends on components of U0 below the rounding error of the
   * closed form's change of basis (core's `InitialConditioning.warning`): what, and from when.
   */
  readonly warning?: string;
}

/** Options of {@link trajectoryCommand}. */
interface TrajectoryOptions {
  /** Symmetric n x n target. */
  readonly Y: number[][];
  /** The initial factor U(0), n x r (the actual initialization, scale included). */
  readonly U0: number[][];
  /** Times t >= 0, any order (see `parseTimes`). */
  readonly times: number[];
  readonly method: TrajectoryMethod;
  /** gd only: the step size; default 1e-3 / ||Y||_2. */
  readonly eta?: number;
  /** ode only: the integrator's rtol (default 1e-10), atol and step budget. */
  readonly ode?: { readonly rtol?: number; readonly atol?: number; readonly maxSteps?: number };
}

const TRAJECTORY: CommandSpec<'Y' | 'U0' | 'V0' | 'times' | 'method' | 'eta' | 'rtol' | 'atol' | 'max-steps'> = {
  program: 'factorflow trajectory',
  options: [
    { name: 'Y', value: 'FILE', required: true, description: 'target: .npy, CSV (pandas, np.savetxt), Matrix Market or JSON; - reads standard input. Symmetric n x n, or m x n with --V0' },
    { name: 'U0', value: 'FILE', required: true, description: 'initial factor U(0) (n x r; m x r with --V0), same formats (or -)' },
    {
      name: 'V0',
      value: 'FILE',
      description: 'initial right factor V(0) (n x r): the asymmetric flow of X = U V^T on a rectangular Y (beyond the paper); closed needs a balanced start, U0^T U0 = V0^T V0',
    },
    { name: 'times', value: 'LIST', required: true, description: 'e.g. "0,0.5,1" or "linspace(0,10,50)"' },
    choiceOption('method', 'M', 'closed', { closed: 'Proposition 1', ode: 'Dormand-Prince 5(4)', gd: 'gradient descent' }),
    { name: 'eta', value: 'E', defaultText: '1e-3 / ||Y||_2', description: 'gradient-descent step (default {default})' },
    { name: 'rtol', value: 'R', defaultText: '1e-10', description: 'ode: relative tolerance of the integrator (default {default})' },
    { name: 'atol', value: 'A', defaultText: '0.01 rtol times the scale of U', description: 'ode: absolute tolerance (default {default})' },
    { name: 'max-steps', value: 'N', defaultText: '1e6', description: 'ode: most step attempts (default {default})' },
  ],
};

/** What `trajectory` prints: W(t) of the symmetric flow, or X(t) of the asymmetric one when --V0 is given. */
export type AnyTrajectoryReport = TrajectoryReport | AsymmetricTrajectoryReport;

/** Whether a report is of the asymmetric flow (--V0). */
export function isAsymmetric(report: AnyTrajectoryReport): report is AsymmetricTrajectoryReport {
  return 'flow' in report;
}

/**
 * `factorflow trajectory`: {@link trajectoryCommand} on `--Y`, `--U0` and `--times`, or with `--V0`
 * {@link asymmetricTrajectoryCommand}, as text or JSON (each with its own schema).
 */
export const trajectory: Command = reportCommand(
  TRAJECTORY,
  18,
  (report: AnyTrajectoryReport) => (isAsymmetric(report) ? SCHEMA.asymmetricTrajectory : SCHEMA.trajectory),
  (report) => (isAsymmetric(report) ? formatAsymmetricTrajectory(report) : formatTrajectory(report)),
  (options): AnyTrajectoryReport => {
    const V0path = options.string('V0');
    // Checked before reading: standard input holds one matrix.
    if (V0path === '-' && (options.required('Y') === '-' || options.required('U0') === '-')) {
      throw new UsageError("--V0 cannot be '-' when --Y or --U0 is: standard input holds one matrix; give the others as files.");
    }
    const { Y, U0 } = readYAndU0(options);
    const common = {
      times: parseTimes(options.required('times')),
      method: options.required('method') as TrajectoryMethod,
      eta: options.number('eta', POSITIVE),
      ode: odeSettings(options.number('rtol', POSITIVE), options.number('atol', POSITIVE), options.number('max-steps', POSITIVE_INTEGER)),
    };
    if (V0path === undefined) return trajectoryCommand({ Y, U0, ...common });
    return asymmetricTrajectoryCommand({ Y, U0, V0: readMatrixFile(V0path, '--V0'), ...common });
  },
  TRAJECTORY_LAYOUT,
);

/**
 * Largest gradient-descent work this command accepts, in units of n r (n + r) multiply-adds (one
 * iteration costs about 2 of them): about 30 s of computing.
 */
const MAX_GD_WORK = 1e10;

/**
 * W(t) = U(t) U(t)^T along the gradient flow U' = (Y - U U^T) U, U(0) = U0 (Min & Vidal 2025,
 * eqs. (2)-(3)), at each requested time, by one of the three routes of core's `compareRoutes`:
 *
 * - `closed`: the closed form of Proposition 1, eq. (5), stable for all t.
 * - `ode`: the gradient flow (2) integrated by Dormand-Prince 5(4), rtol 1e-10, with the
 *   integrator's step counts.
 * - `gd`: gradient descent U_{k+1} = U_k + eta (Y - U_k U_k^T) U_k, reported at the nearest step
 *   k = round(t / eta), with the time k eta actually used. eta defaults to 1e-3 / ||Y||_2, a
 *   thousandth of the inverse curvature at the minimizer (1e-3 when Y = 0).
 *
 * For ode and gd each point also has ||W(t) - W_closed(t)||_2, the distance to the closed form at
 * the same t: about 1e-10 ||Y|| for ode, O(eta) for gd.
 *
 * @param options - `Y` (symmetric n x n), `U0` (n x r), `times` (>= 0, any order), `method`, and
 *   for gd an optional `eta` > 0.
 * @returns a JSON-safe {@link TrajectoryReport}, points in the order of `times`.
 * @throws FactorflowInputError (from `@factorflow/core`) on malformed Y or U0, a time < 0 or not
 *   finite, an empty `times`, an unknown method, `eta` with a method other than gd, eta <= 0, or a
 *   gd run that would exceed about 1e10 n r (n + r) operations (`out-of-range` on `times`: pass a
 *   larger eta or smaller times).
 * @throws FactorflowNumericalError (from `@factorflow/core`) `diverged` when descent leaves the
 *   finite numbers (eta too large), `not-converged` when the ODE route runs out of steps.
 * @example
 * ```ts
 * const report = trajectoryCommand({ Y, U0, times: parseTimes('0,1,2,4'), method: 'gd' });
 * report.eta;             // 1e-3 / ||Y||_2
 * report.points[1].t;     // the step time nearest 1
 * report.maxDeviation;    // O(eta) distance to the closed form
 * console.log(formatTrajectory(report));
 * ```
 */
export function trajectoryCommand(options: TrajectoryOptions): TrajectoryReport {
  const { Y, U0, times, method, eta, ode: accuracy } = options;
  if (method !== 'closed' && method !== 'ode' && method !== 'gd') {
    throw new FactorflowInputError('out-of-range', 'method', `must be closed, ode or gd, got ${String(method)}.`);
  }
  if (eta !== undefined && method !== 'gd') {
    throw new FactorflowInputError('out-of-range', 'eta', `the step size applies to --method gd only, not ${method}.`);
  }
  if (accuracy !== undefined && method !== 'ode') {
    throw new FactorflowInputError('out-of-range', 'rtol', `--rtol, --atol and --max-steps apply to --method ode only, not ${method}.`);
  }
  if (method === 'closed') {
    const { n, r, normY, closed, conditioning } = compareRoutes(Y, U0, times, { routes: [] });
    return { method, n, r, normY, points: times.map((t, i) => pointOf(closed, i, { requested: t, t })), ...warningOf(conditioning) };
  }
  if (method === 'ode') {
    const { n, r, normY, ode, conditioning } = compareRoutes(Y, U0, times, { routes: ['ode'], ...(accuracy === undefined ? {} : { ode: accuracy }) });
    const route = ode as OdeRoute;
    const counts = { rtol: route.rtol, steps: route.steps, rejected: route.rejected, evaluations: route.evaluations };
    return checkedReport({ method, n, r, normY, ...counts, ...warningOf(conditioning) }, route, times.map((t) => ({ requested: t, t })));
  }

  const stepSize = eta ?? defaultStep(Y);
  const n = Y.length;
  const r = U0[0].length;
  const lastStep = Math.max(...times.map((t) => Math.round(t / stepSize)));
  // Checked before running anything: the refusal should cost nothing.
  if (lastStep * n * r * (n + r) > MAX_GD_WORK) {
    throw new FactorflowInputError(
      'out-of-range',
      'times',
      `gradient descent to t = ${Math.max(...times)} with eta = ${stepSize} needs ${lastStep} iterations of an ${n} x ${r} factor, ` +
        'more than this command runs (about 1e10 n r (n + r) operations); pass a larger --eta or smaller --times.',
    );
  }
  const { normY, gd, conditioning } = compareRoutes(Y, U0, times, { routes: ['gd'], eta: stepSize });
  const route = gd as DescentRoute;
  const head: Omit<TrajectoryReport, 'points'> = {
    method,
    n,
    r,
    normY,
    eta: stepSize,
    etaSource: eta === undefined ? 'default' : 'given',
    steps: route.iterations,
    ...warningOf(conditioning),
  };
  return checkedReport(head, route, times.map((requested, i) => ({ requested, t: route.times[i], step: route.iterationAt[i] })));
}

/** The report's `warning` field: present only when core's conditioning has one (the JSON has no null). */
function warningOf(conditioning: InitialConditioning): Pick<TrajectoryReport, 'warning'> {
  return conditioning.warning === null ? {} : { warning: conditioning.warning };
}

/** 1e-3 / ||Y||_2: a thousandth of the inverse curvature 1 / ||Y||_2 of the loss at its minimizer. */
function defaultStep(Y: number[][]): number {
  const normY = spectralNorm(Y);
  return normY > 0 ? 1e-3 / normY : 1e-3;
}

/** Which time a point is for: the time asked for, the time W is at, and for gd the step. */
type PointTime = Pick<TrajectoryPoint, 'requested' | 't' | 'step'>;

/** W and its eigenvalues at the `i`-th time of a route. */
function pointOf(route: RoutePoints, i: number, time: PointTime): TrajectoryPoint {
  return { ...time, eigenvalues: Array.from(route.eigenvaluesW[i]), W: route.W[i].to2DArray() };
}

/** The report of ode or gd: each point with its distance to the closed form, and the largest distance. */
function checkedReport(head: Omit<TrajectoryReport, 'points'>, route: CheckedRoutePoints, times: readonly PointTime[]): TrajectoryReport {
  const points = times.map((time, i) => ({ ...pointOf(route, i, time), deviation: route.deviation[i] }));
  const maxDeviation = Math.max(...points.map((point) => point.deviation));
  return { ...head, points, maxDeviation, maxRelativeDeviation: head.normY > 0 ? maxDeviation / head.normY : maxDeviation };
}

/**
 * Renders a {@link TrajectoryReport} as plain text: the method (and for gd the step size and
 * where it came from, for ode the integrator's step counts), then for each time t the eigenvalues
 * of W(t) (decreasing: the learned singular values, Figure 1 of Min & Vidal 2025), W(t) itself,
 * for ode/gd the distance to the closed form of Proposition 1, and last the conditioning warning
 * when the answer depends on rounding-level components of U0.
 *
 * @param report - the result of {@link trajectoryCommand}.
 * @returns the text, lines separated by `\n`, no trailing newline.
 * @throws nothing.
 * @example
 * ```ts
 * console.log(formatTrajectory(trajectoryCommand({ Y, U0, times: [0, 1, 2, 4], method: 'closed' })));
 * ```
 */
export function formatTrajectory(report: TrajectoryReport): string {
  const lines: string[] = [];
  const route = {
    closed: 'closed form (Proposition 1, eq. (5))',
    ode: `gradient flow integrated by Dormand-Prince 5(4), rtol ${report.rtol} (${report.steps} steps, ${report.rejected} rejected, ${report.evaluations} evaluations)`,
    gd:
      `gradient descent, eta = ${report.eta === undefined ? '?' : num(report.eta)}` +
      (report.etaSource === 'default' ? ' (default 1e-3 / ||Y||_2)' : ' (given)') +
      `, ${report.steps} iterations; W at the step k nearest each time, t = k eta`,
  }[report.method];
  lines.push(`W(t) = U(t) U(t)^T, Y: ${report.n} x ${report.n}, U0: ${report.n} x ${report.r}, ||Y||_2 = ${num(report.normY)}`);
  lines.push(`method: ${route}`);
  for (const point of report.points) {
    lines.push('');
    const when =
      point.step !== undefined ? `t = ${num(point.t)} (requested ${point.requested}, step ${point.step})` : `t = ${point.requested}`;
    const deviation = point.deviation === undefined ? '' : `   ||W - W_closed||_2 = ${point.deviation.toExponential(3)}`;
    lines.push(`${when}${deviation}`);
    lines.push(`  eigenvalues: ${point.eigenvalues.map((value) => num(value)).join(', ')}`);
    const cells = point.W.map((row) => row.map((value) => num(value)));
    const width = Math.max(...cells.flat().map((cell) => cell.length));
    lines.push('  W =');
    for (const row of cells) lines.push(`    [ ${row.map((cell) => cell.padStart(width)).join('  ')} ]`);
  }
  if (report.maxDeviation !== undefined && report.maxRelativeDeviation !== undefined) {
    lines.push('');
    lines.push(
      `max ||W - W_closed||_2 over the times = ${report.maxDeviation.toExponential(3)} (${report.maxRelativeDeviation.toExponential(3)} ||Y||_2)` +
        (report.method === 'gd' ? ': gradient descent is O(eta) from the flow' : ''),
    );
  }
  if (report.warning !== undefined) lines.push('', `warning: ${report.warning}`);
  return lines.join('\n');
}

/** The integrator's settings given on the command line, `undefined` when none is. */
function odeSettings(rtol: number | undefined, atol: number | undefined, maxSteps: number | undefined): TrajectoryOptions['ode'] {
  if (rtol === undefined && atol === undefined && maxSteps === undefined) return undefined;
  return { rtol, atol, maxSteps };
}
