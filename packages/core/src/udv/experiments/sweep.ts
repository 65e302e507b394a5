/**
 * The step-size x initialization-scale sweep: the claim of Hou, Sra & Yurtsever (2025) (our reading
 * of the abstract) that U D V^T finds truly low-rank solutions regardless of initialization and step
 * size, tested on their completion setup and on those of Arora et al. (2019), with the baselines
 * (Burer-Monteiro, depth 3, nuclear norm) beside it.
 */
import { ARORA_COMPLETION_2000, ARORA_COMPLETION_5000, PAPER_COMPLETION, completionProblem } from '../problems.js';
import { optional, requireChoice, requireFields, requireFunction, requireList } from '../../validate.js';
import { MODEL_NAMES, type ModelName, type ModelSpec, type RunSummary, count, formatNumber, modelLabel, requireRunSummary, runModel, summaryOf } from './runs.js';

/** The step sizes of the sweep over the claim "regardless of step size" (Hou, Sra & Yurtsever 2025). */
export const SWEEP_ETAS: readonly number[] = [1e-3, 1e-2, 1e-1];

/** The initialization scales of the sweep over the claim "regardless of initialization" (Hou, Sra & Yurtsever 2025). */
export const SWEEP_XIS: readonly number[] = [1e-2, 1e-4, 1e-6];

/**
 * The completion setups of the sweeps: (a) that of Hou, Sra & Yurtsever (2025), read as symmetric,
 * and the two of Arora et al. (2019).
 */
export const SWEEP_SETUPS = {
  a: { description: 'Hou et al. completion: 100 x 100 symmetric PSD, rank 3, 900 observed pairs (symmetric models)', options: PAPER_COMPLETION },
  b2000: { description: 'Arora et al. completion: 100 x 100, rank 5, 2000 observed entries', options: ARORA_COMPLETION_2000 },
  b5000: { description: 'Arora et al. completion: 100 x 100, rank 5, 5000 observed entries', options: ARORA_COMPLETION_5000 },
} as const;

/** The name of a setup of {@link SWEEP_SETUPS}. */
export type SetupName = keyof typeof SWEEP_SETUPS;

/** Checks a setup name is one of {@link SWEEP_SETUPS}. */
export function requireSetup(setup: unknown): SetupName {
  return requireChoice(setup, Object.keys(SWEEP_SETUPS) as SetupName[], 'setup');
}

/** One cell of the sweep: a model at one (eta, xi); the nuclear norm has a single cell. */
export interface SweepCell {
  readonly spec: ModelSpec;
  readonly eta?: number;
  readonly xi?: number;
}

/**
 * The cells of the sweep: udv (Hou, Sra & Yurtsever 2025) at radius 1 and at the data-matched
 * radius, Burer-Monteiro and depth 3 (Arora et al. 2019) at every (eta, xi) of {@link SWEEP_ETAS}
 * x {@link SWEEP_XIS}, and the nuclear norm once (step 1/||A||^2, no initialization).
 *
 * @param models - the models to include (default all).
 * @returns the cells, model by model, eta outer and xi inner.
 * @throws FactorflowInputError when `models` is not a list of MODEL_NAMES.
 * @example
 * ```ts
 * sweepCells(['bm']).length; // 9
 * ```
 */
export function sweepCells(models: readonly ModelName[] = MODEL_NAMES): SweepCell[] {
  requireList(models, 'models', (value, argument) => requireChoice(value, MODEL_NAMES, argument));
  const cells: SweepCell[] = [];
  const grid = (spec: ModelSpec): void => {
    for (const eta of SWEEP_ETAS) for (const xi of SWEEP_XIS) cells.push({ spec, eta, xi });
  };
  if (models.includes('udv')) {
    grid({ model: 'udv', radius: 1 });
    grid({ model: 'udv', radius: 'data' });
  }
  if (models.includes('bm')) grid({ model: 'bm' });
  if (models.includes('deep')) grid({ model: 'deep' });
  if (models.includes('nuclear')) cells.push({ spec: { model: 'nuclear' } });
  return cells;
}

/** Which cell of a sweep a finished row is: its 0-based position among the `count` cells, in the order of the report's rows. */
export interface CellPosition {
  readonly index: number;
  readonly count: number;
}

/** The sweep's result (Hou, Sra & Yurtsever 2025, against the baselines): what ran, how, and the rows. */
export interface SweepReport {
  readonly setup: SetupName;
  readonly description: string;
  readonly seed: number;
  readonly maxIterations: number;
  readonly rows: readonly RunSummary[];
}

/**
 * Runs every cell of the sweep on one setup: the claim of Hou, Sra & Yurtsever (2025) that U D V^T
 * is truly low rank whatever eta and xi, against the baselines. The problem seed and the
 * initialization seed are both `seed`.
 *
 * @param setup - a key of {@link SWEEP_SETUPS}.
 * @param options - seed, step cap, models (default all), and a callback per finished row, told
 *   which cell it is (so that a caller can record each row as it finishes).
 * @returns the {@link SweepReport}.
 * @throws FactorflowInputError on a bad seed or step cap.
 * @example
 * ```ts
 * formatSweepTable(runSweep('a', { seed: 1, maxIterations: 20_000 }).rows);
 * ```
 */
export function runSweep(
  setup: SetupName,
  options: { readonly seed: number; readonly maxIterations: number; readonly models?: readonly ModelName[]; readonly onRow?: (row: RunSummary, cell: CellPosition) => void },
): SweepReport {
  requireSetup(setup);
  requireFields(options, 'options', '{ seed, maxIterations, models?, onRow? }', {
    maxIterations: count(0),
    models: optional((value, argument) => requireList(value, argument, (model, at) => requireChoice(model, MODEL_NAMES, at))),
    onRow: optional((value, argument) => requireFunction(value, argument, '(row: RunSummary) => void')),
  });
  const problem = completionProblem({ ...SWEEP_SETUPS[setup].options, seed: options.seed });
  const cells = sweepCells(options.models);
  const rows = cells.map((cell, index) => {
    const row = summaryOf(runModel(problem, cell.spec, { eta: cell.eta, xi: cell.xi, seed: options.seed, maxIterations: options.maxIterations }));
    options.onRow?.(row, { index, count: cells.length });
    return row;
  });
  return { setup, description: SWEEP_SETUPS[setup].description, seed: options.seed, maxIterations: options.maxIterations, rows };
}

/**
 * Sweep rows as a markdown table, one row per run: model, eta, xi, stop, loss, test error, rank at
 * 1e-3 / 1e-6 / 1e-10, exact zeros in d and dead columns (udv, Hou, Sra & Yurtsever 2025), time.
 *
 * @param rows - run summaries.
 * @returns the table, header and separator included.
 * @throws FactorflowInputError when a row is not a RunSummary.
 * @example
 * ```ts
 * console.log(formatSweepTable(report.rows));
 * ```
 */
export function formatSweepTable(rows: readonly RunSummary[]): string {
  requireList(rows, 'rows', requireRunSummary);
  const lines = [
    '| model | eta | xi | stop | iterations | f / f(0) | test error | rank 1e-3 / 1e-6 / 1e-10 | zeros in d | dead columns | time (s) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${modelLabel(row)} | ${formatNumber(row.eta)} | ${formatNumber(row.xi)} | ${row.stop} | ${row.iterations} | ${formatNumber(row.relativeLoss)} | ${formatNumber(row.testError)} | ${row.rank.approximate} / ${row.rank.numerical} / ${row.rank.exact} | ${row.exactZerosInD ?? '-'} | ${row.deadColumns ?? '-'} | ${row.seconds.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}
