/**
 * The radius sweep of the U D V^T model of Hou, Sra & Yurtsever (2025) (our reading of the
 * abstract): the abstract fixes no radius for the balls ||U||_F, ||V||_F <= a, so this sweeps a
 * around the data-matched radius ||X*||_F^{1/3} at several initialization scales, asking where, if
 * anywhere, projected gradient descent returns an X of exactly the true rank.
 */
import { FactorflowInputError } from '../../errors.js';
import { type FieldCheck, optional, requireFields, requireFunction, requireList, requirePositive } from '../../validate.js';
import { completionProblem } from '../problems.js';
import { type RunSummary, count, dataRadius, formatNumber, requireRunSummary, runModel, summaryOf } from './runs.js';
import { type CellPosition, SWEEP_SETUPS, type SetupName, requireSetup } from './sweep.js';

/** Radii of the radius sweep as multiples of {@link dataRadius}: from half to twice the matched radius, denser below it. */
export const RADIUS_FACTORS: readonly number[] = [0.5, 0.625, 0.75, 0.875, 1, 1.25, 1.5, 2];

/** Initialization scales of the radius sweep: the three of `SWEEP_XIS`, and xi = 1 (no small initialization). */
export const RADIUS_XIS: readonly number[] = [1, 1e-2, 1e-4, 1e-6];

/** The step of the radius sweep, the smallest of `SWEEP_ETAS`, so that the radius alone varies among stable runs. */
export const RADIUS_ETA = 1e-3;

/** The radius sweep's result (Hou, Sra & Yurtsever 2025). Rows run over factors (outer) and xi (inner). */
export interface RadiusSweepReport {
  readonly setup: SetupName;
  readonly description: string;
  readonly seed: number;
  readonly maxIterations: number;
  readonly eta: number;
  /** ||X*||_F^{1/3} estimated from the observations ({@link dataRadius}); radius = factor x this. */
  readonly dataRadius: number;
  readonly factors: readonly number[];
  readonly xis: readonly number[];
  readonly rows: readonly RunSummary[];
}

/** A finished cell of the radius sweep: its position, its radius factor, and the data radius the factor multiplies. */
export interface RadiusCell extends CellPosition {
  readonly factor: number;
  readonly dataRadius: number;
}

/**
 * udv (Hou, Sra & Yurtsever 2025) at radius factor x {@link dataRadius} for every factor in
 * {@link RADIUS_FACTORS} and xi in {@link RADIUS_XIS}, at one step size: where, if anywhere,
 * projected GD on the balls returns an X of exactly the true rank, and whether that depends on the
 * initialization scale.
 *
 * @param setup - a key of `SWEEP_SETUPS`.
 * @param options - seed (problem and initialization), step cap, eta (default {@link RADIUS_ETA}),
 *   and a callback per finished row, told which cell it is, its radius factor and the
 *   {@link dataRadius} it multiplies (known before the first row finishes, unlike the report).
 * @returns the {@link RadiusSweepReport}.
 * @throws FactorflowInputError on a bad seed, step cap or eta.
 * @example
 * ```ts
 * formatRadiusTable(runRadiusSweep('a', { seed: 1, maxIterations: 20_000 }));
 * ```
 */
export function runRadiusSweep(
  setup: SetupName,
  options: { readonly seed: number; readonly maxIterations: number; readonly eta?: number; readonly onRow?: (row: RunSummary, cell: RadiusCell) => void },
): RadiusSweepReport {
  requireSetup(setup);
  requireFields(options, 'options', '{ seed, maxIterations, eta?, onRow? }', {
    maxIterations: count(0),
    eta: optional((value, argument) => requirePositive(value as number, argument)),
    onRow: optional((value, argument) => requireFunction(value, argument, '(row: RunSummary) => void')),
  });
  const problem = completionProblem({ ...SWEEP_SETUPS[setup].options, seed: options.seed });
  const matched = dataRadius(problem);
  const eta = options.eta ?? RADIUS_ETA;
  const rows: RunSummary[] = [];
  const cells = RADIUS_FACTORS.length * RADIUS_XIS.length;
  for (const factor of RADIUS_FACTORS) {
    for (const xi of RADIUS_XIS) {
      const row = summaryOf(runModel(problem, { model: 'udv', radius: factor * matched }, { eta, xi, seed: options.seed, maxIterations: options.maxIterations }));
      options.onRow?.(row, { index: rows.length, count: cells, factor, dataRadius: matched });
      rows.push(row);
    }
  }
  return {
    setup,
    description: SWEEP_SETUPS[setup].description,
    seed: options.seed,
    maxIterations: options.maxIterations,
    eta,
    dataRadius: matched,
    factors: RADIUS_FACTORS,
    xis: RADIUS_XIS,
    rows,
  };
}

/**
 * The radius sweep of udv (Hou, Sra & Yurtsever 2025) as a markdown grid: one row per radius
 * factor, one column per xi, each cell "test error, rank at 1e-3 / 1e-10, zeros in d".
 *
 * @param report - from {@link runRadiusSweep}.
 * @returns the grid, header and separator included.
 * @throws FactorflowInputError when `report` is not a radius-sweep report (its factors, xis and rows).
 * @example
 * ```ts
 * console.log(formatRadiusTable(report));
 * ```
 */
export function formatRadiusTable(report: RadiusSweepReport): string {
  const positive: FieldCheck = (value, argument) => requirePositive(value as number, argument);
  requireFields(report, 'report', '{ factors, xis, dataRadius, rows } from runRadiusSweep', {
    factors: (value, argument) => requireList(value, argument, positive),
    xis: (value, argument) => requireList(value, argument, positive),
    dataRadius: positive,
    rows: (value, argument) => requireList(value, argument, requireRunSummary),
  }, true);
  if (report.rows.length !== report.factors.length * report.xis.length) {
    throw new FactorflowInputError(
      'shape',
      'report.rows',
      `has ${report.rows.length} rows but ${report.factors.length} factors x ${report.xis.length} xis need ${report.factors.length * report.xis.length}; pass the report runRadiusSweep returned.`,
    );
  }
  const lines = [
    `| a / a_data (a) | ${report.xis.map((xi) => `xi = ${xi >= 0.01 ? String(xi) : xi.toExponential(0)}`).join(' | ')} |`,
    `|---|${report.xis.map(() => '---').join('|')}|`,
  ];
  report.factors.forEach((factor, i) => {
    const cells = report.xis.map((_, j) => {
      const row = report.rows[i * report.xis.length + j];
      return `${row.stop === 'converged' ? '' : `${row.stop}, `}test ${formatNumber(row.testError)}, rank ${row.rank.approximate} / ${row.rank.exact}, zeros ${row.exactZerosInD ?? '-'}`;
    });
    lines.push(`| ${factor} (${formatNumber(factor * report.dataRadius, 3)}) | ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}
