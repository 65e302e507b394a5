/**
 * The experiments of issue #7 on the U D V^T model of Hou, Sra & Yurtsever (2025): one training
 * run summarized, the step-size x initialization-scale sweep against the baselines, the radius
 * sweep of udv, and the teacher-student linear network. Shared by `factorflow udv`, the verify suites and the docs.
 */
import { performance } from 'node:perf_hooks';

import { Matrix, SingularValueDecomposition } from 'ml-matrix';

import {
  ARORA_COMPLETION_2000,
  ARORA_COMPLETION_5000,
  type FactorizationModel,
  type LeastSquaresProblem,
  PAPER_COMPLETION,
  type TrainingResult,
  burerMonteiro,
  completionProblem,
  deepFactorization,
  exactZeros,
  nuclearNorm,
  regressionProblem,
  spectrumReport,
  trainFactorization,
  udv,
} from '@factorflow/core';

/** The models of the comparison. */
export type ModelName = 'udv' | 'bm' | 'deep' | 'nuclear';
export const MODEL_NAMES: readonly ModelName[] = ['udv', 'bm', 'deep', 'nuclear'];

/** The step sizes and initialization scales of the issue's sweep. */
export const SWEEP_ETAS: readonly number[] = [1e-3, 1e-2, 1e-1];
export const SWEEP_XIS: readonly number[] = [1e-2, 1e-4, 1e-6];

/** Relative tolerances at which ranks are reported: approximately, numerically, to rounding. */
export const RANK_TOLERANCES = { approximate: 1e-3, numerical: 1e-6, exact: 1e-10 } as const;

/**
 * ||X*||_F estimated from the data alone, E ||A(X)||^2 = c ||X||_F^2: c = m / (n1 n2) for sampled
 * entries, m / n^2 for the sensing matrices N(0, 1/n^2), 1 for regression on N(0, I) inputs.
 */
export function dataScale(problem: LeastSquaresProblem): number {
  const { operator, observations } = problem;
  let squared = 0;
  for (const value of observations) squared += value * value;
  const norm = Math.sqrt(squared);
  const m = observations.length;
  if (operator.kind === 'entries') return norm * Math.sqrt((operator.rows * operator.columns) / m);
  if (operator.kind === 'gaussian') return (norm * operator.rows) / Math.sqrt(m);
  return norm;
}

/**
 * The radius of U and V matched to the data: X = U diag(d) V^T is invariant under
 * (U, V, d) -> (s U, s V, d / s^2), and scaling X* by c acts on the projected dynamics like
 * scaling the radius by c^{1/3} (with eta scaled by c^{-4/3}). Radius 1 on data with
 * ||X*||_F = 1 therefore corresponds to ||X*||_F^{1/3} here, estimated by {@link dataScale}.
 */
export function dataRadius(problem: LeastSquaresProblem): number {
  return Math.cbrt(dataScale(problem));
}

/** Which model, and for udv the radius: a number, or 'data' for {@link dataRadius}. */
export interface ModelSpec {
  readonly model: ModelName;
  readonly radius?: number | 'data';
  /** udv only: projection onto the ball (default) or rescaling onto the sphere. */
  readonly normalization?: 'ball' | 'sphere';
}

/** One training run, summarized. */
export interface RunSummary {
  readonly model: ModelName;
  /** The udv radius used, or null for the other models. */
  readonly radius: number | null;
  readonly eta: number;
  /** null for the nuclear norm, which starts at X = 0. */
  readonly xi: number | null;
  readonly iterations: number;
  readonly stop: 'converged' | 'diverged' | 'max-iterations' | 'finished';
  /** f(X) / f(0). */
  readonly relativeLoss: number;
  /** testError of the problem: unobserved entries (completion) or all of X (sensing, regression). */
  readonly testError: number | null;
  /** Numerical rank of X at the relative tolerances of {@link RANK_TOLERANCES}. */
  readonly rank: { readonly approximate: number; readonly numerical: number; readonly exact: number };
  /** sigma_{r*+1}(X) / sigma_1(X), r* the true rank. */
  readonly tailRatio: number | null;
  readonly effectiveRank: number;
  /** udv only: exact zeros of d, and columns whose U (and V) are exactly zero. */
  readonly exactZerosInD: number | null;
  readonly deadColumns: number | null;
  readonly truthRank: number | null;
  readonly seconds: number;
}

function modelOf(spec: ModelSpec, problem: LeastSquaresProblem): { model: FactorizationModel<unknown>; radius: number | null } {
  switch (spec.model) {
    case 'udv': {
      const radius = spec.radius === 'data' ? dataRadius(problem) : (spec.radius ?? 1);
      return { model: udv({ radius, normalization: spec.normalization }) as FactorizationModel<unknown>, radius };
    }
    case 'bm':
      return { model: burerMonteiro() as FactorizationModel<unknown>, radius: null };
    case 'deep':
      return { model: deepFactorization() as FactorizationModel<unknown>, radius: null };
    case 'nuclear':
      return { model: nuclearNorm() as FactorizationModel<unknown>, radius: null };
  }
}

/** Whether column c of a row-major factor with `width` columns is exactly zero. */
function zeroColumn(factor: Float64Array, width: number, c: number): boolean {
  for (let index = c; index < factor.length; index += width) if (factor[index] !== 0) return false;
  return true;
}

/** Columns c with U[:, c] = 0 (and V[:, c] = 0): exactly pruned hidden units. */
function deadColumns(U: Float64Array, V: Float64Array | null, width: number): number {
  let dead = 0;
  for (let c = 0; c < width; c++) if (zeroColumn(U, width, c) && (V === null || zeroColumn(V, width, c))) dead++;
  return dead;
}

interface UdvLikeFactors {
  readonly U: Float64Array;
  readonly d: Float64Array;
  readonly V: Float64Array | null;
  readonly width: number;
}

function isUdvFactors(factors: unknown): factors is UdvLikeFactors {
  return typeof factors === 'object' && factors !== null && 'd' in factors && 'U' in factors;
}

/** Trains `spec` on `problem` and summarizes the run (see {@link RunSummary}). */
export function runModel(
  problem: LeastSquaresProblem,
  spec: ModelSpec,
  options: { readonly eta?: number; readonly xi?: number; readonly seed: number; readonly maxIterations: number },
): RunSummary & { readonly result: TrainingResult<unknown>; readonly singularValues: Float64Array } {
  const { model, radius } = modelOf(spec, problem);
  const start = performance.now();
  const result = trainFactorization(problem, model, {
    seed: options.seed,
    eta: spec.model === 'nuclear' ? undefined : options.eta,
    xi: spec.model === 'nuclear' ? undefined : options.xi,
    maxIterations: options.maxIterations,
    record: Math.max(1, Math.ceil(options.maxIterations / 200)),
  });
  const seconds = (performance.now() - start) / 1000;
  const { rows, columns } = problem.operator;
  const lossOfZero = 0.5 * problem.observations.reduce((sum, value) => sum + value * value, 0);
  const report = spectrumReport(result.X, rows, columns, { truthRank: problem.truthRank ?? undefined });
  const rankAt = (tolerance: number): number => {
    const entry = report.ranks.find((candidate) => candidate.tolerance === tolerance);
    if (entry === undefined) throw new Error(`spectrumReport has no rank at ${tolerance} (an internal error)`);
    return entry.rank;
  };
  const factors = result.factors;
  const udvFactors = spec.model === 'udv' && isUdvFactors(factors) ? factors : null;
  const last = result.history.at(-1);
  return {
    model: spec.model,
    radius,
    eta: result.eta,
    xi: spec.model === 'nuclear' ? null : result.xi,
    iterations: result.iterations,
    stop:
      result.stopReason === 'loss-tolerance'
        ? 'converged'
        : result.stopReason === 'diverged'
          ? 'diverged'
          : result.stopReason === 'model-finished'
            ? 'finished'
            : 'max-iterations',
    relativeLoss: lossOfZero > 0 ? result.loss / lossOfZero : result.loss,
    testError: last?.testError ?? null,
    rank: { approximate: rankAt(RANK_TOLERANCES.approximate), numerical: rankAt(RANK_TOLERANCES.numerical), exact: rankAt(RANK_TOLERANCES.exact) },
    tailRatio: report.tailRatio,
    effectiveRank: report.effectiveRank,
    exactZerosInD: udvFactors ? exactZeros(udvFactors.d) : null,
    deadColumns: udvFactors ? deadColumns(udvFactors.U, udvFactors.V, udvFactors.width) : null,
    truthRank: problem.truthRank,
    seconds,
    result,
    singularValues: report.singularValues,
  };
}

/** The summary alone, without the training result and the spectrum (for reports). */
export function summaryOf(run: ReturnType<typeof runModel>): RunSummary {
  const { model, radius, eta, xi, iterations, stop, relativeLoss, testError, rank, tailRatio, effectiveRank, exactZerosInD, deadColumns, truthRank, seconds } = run;
  return { model, radius, eta, xi, iterations, stop, relativeLoss, testError, rank, tailRatio, effectiveRank, exactZerosInD, deadColumns, truthRank, seconds };
}

/** The setups of the sweep. */
export const SWEEP_SETUPS = {
  a: { description: 'Hou et al. completion: 100 x 100 symmetric PSD, rank 3, 900 observed pairs (symmetric models)', options: PAPER_COMPLETION },
  b2000: { description: 'Arora et al. completion: 100 x 100, rank 5, 2000 observed entries', options: ARORA_COMPLETION_2000 },
  b5000: { description: 'Arora et al. completion: 100 x 100, rank 5, 5000 observed entries', options: ARORA_COMPLETION_5000 },
} as const;
export type SetupName = keyof typeof SWEEP_SETUPS;

/** One cell of the sweep: a model at one (eta, xi); the nuclear norm has a single cell. */
export interface SweepCell {
  readonly spec: ModelSpec;
  readonly eta?: number;
  readonly xi?: number;
}

/**
 * The cells of the sweep: udv at radius 1 and at the data-matched radius, Burer-Monteiro and
 * depth 3 at every (eta, xi), and the nuclear norm once (step 1/||A||^2, no initialization).
 */
export function sweepCells(models: readonly ModelName[] = MODEL_NAMES): SweepCell[] {
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

/** The sweep's result file: what ran, how, and the rows. */
export interface SweepReport {
  readonly format: 'factorflow-udv-sweep/1';
  readonly setup: SetupName;
  readonly description: string;
  readonly seed: number;
  readonly maxIterations: number;
  readonly rows: readonly RunSummary[];
}

/** Runs every cell of the sweep on one setup (problem seed and initialization seed = `seed`). */
export function runSweep(
  setup: SetupName,
  options: { readonly seed: number; readonly maxIterations: number; readonly models?: readonly ModelName[]; readonly onRow?: (row: RunSummary) => void },
): SweepReport {
  const problem = completionProblem({ ...SWEEP_SETUPS[setup].options, seed: options.seed });
  const rows = sweepCells(options.models).map((cell) => {
    const row = summaryOf(runModel(problem, cell.spec, { eta: cell.eta, xi: cell.xi, seed: options.seed, maxIterations: options.maxIterations }));
    options.onRow?.(row);
    return row;
  });
  return { format: 'factorflow-udv-sweep/1', setup, description: SWEEP_SETUPS[setup].description, seed: options.seed, maxIterations: options.maxIterations, rows };
}

/**
 * Radii of the radius sweep as multiples of {@link dataRadius}: from half to twice the matched
 * radius, denser below it, where the runs of setup (a) change from not fitting to exactly low rank.
 */
export const RADIUS_FACTORS: readonly number[] = [0.5, 0.625, 0.75, 0.875, 1, 1.25, 1.5, 2];
/** Initialization scales of the radius sweep: the issue's three, and xi = 1 (no small initialization). */
export const RADIUS_XIS: readonly number[] = [1, 1e-2, 1e-4, 1e-6];
/** The step of the radius sweep: the one at which udv fits both setups in the (eta, xi) sweep. */
export const RADIUS_ETA = 1e-3;

/** The radius sweep's result file. Rows run over factors (outer) and xi (inner). */
export interface RadiusSweepReport {
  readonly format: 'factorflow-udv-radius-sweep/1';
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

/**
 * udv at radius factor x {@link dataRadius} for every factor in {@link RADIUS_FACTORS} and xi in
 * {@link RADIUS_XIS}, at one step size: where, if anywhere, projected GD on the balls returns an X
 * of exactly the true rank, and whether that depends on the initialization scale.
 */
export function runRadiusSweep(
  setup: SetupName,
  options: { readonly seed: number; readonly maxIterations: number; readonly eta?: number; readonly onRow?: (row: RunSummary) => void },
): RadiusSweepReport {
  const problem = completionProblem({ ...SWEEP_SETUPS[setup].options, seed: options.seed });
  const matched = dataRadius(problem);
  const eta = options.eta ?? RADIUS_ETA;
  const rows: RunSummary[] = [];
  for (const factor of RADIUS_FACTORS) {
    for (const xi of RADIUS_XIS) {
      const row = summaryOf(runModel(problem, { model: 'udv', radius: factor * matched }, { eta, xi, seed: options.seed, maxIterations: options.maxIterations }));
      options.onRow?.(row);
      rows.push(row);
    }
  }
  return {
    format: 'factorflow-udv-radius-sweep/1',
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
 * The radius sweep as a markdown grid: one row per radius factor, one column per xi, each cell
 * "test error, rank at 1e-3 / 1e-10, zeros in d".
 */
export function formatRadiusTable(report: RadiusSweepReport): string {
  const lines = [
    `| a / a_data (a) | ${report.xis.map((xi) => `xi = ${xi >= 0.01 ? String(xi) : xi.toExponential(0)}`).join(' | ')} |`,
    `|---|${report.xis.map(() => '---').join('|')}|`,
  ];
  report.factors.forEach((factor, i) => {
    const cells = report.xis.map((_, j) => {
      const row = report.rows[i * report.xis.length + j];
      return `${row.stop === 'converged' ? '' : `${row.stop}, `}test ${short(row.testError)}, rank ${row.rank.approximate} / ${row.rank.exact}, zeros ${row.exactZerosInD ?? '-'}`;
    });
    lines.push(`| ${factor} (${short(factor * report.dataRadius, 3)}) | ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}

function short(value: number | null, digits = 2): string {
  if (value === null) return '-';
  if (value === 0) return '0';
  return Math.abs(value) >= 1e3 || Math.abs(value) < 1e-2 ? value.toExponential(digits - 1) : value.toPrecision(digits);
}

/** The model column: udv with its radius, or the baseline's name. */
export function modelLabel(row: Pick<RunSummary, 'model' | 'radius'>): string {
  if (row.model === 'udv') return `udv (a = ${short(row.radius, 3)})`;
  return { bm: 'Burer-Monteiro', deep: 'depth 3', nuclear: 'nuclear norm', udv: 'udv' }[row.model];
}

/** A markdown table of sweep rows. */
export function formatSweepTable(rows: readonly RunSummary[]): string {
  const lines = [
    '| model | eta | xi | stop | iterations | f / f(0) | test error | rank 1e-3 / 1e-6 / 1e-10 | zeros in d | dead columns | time (s) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${modelLabel(row)} | ${short(row.eta)} | ${short(row.xi)} | ${row.stop} | ${row.iterations} | ${short(row.relativeLoss)} | ${short(row.testError)} | ${row.rank.approximate} / ${row.rank.numerical} / ${row.rank.exact} | ${row.exactZerosInD ?? '-'} | ${row.deadColumns ?? '-'} | ${row.seconds.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

/** Settings of the teacher-student experiment. */
export interface NetworkSettings {
  readonly outputs: number;
  readonly inputs: number;
  readonly teacherRank: number;
  readonly samples: number;
  readonly noise: number;
  readonly eta: number;
  readonly xi: number;
  readonly maxIterations: number;
}

export const NETWORK_DEFAULTS: NetworkSettings = {
  outputs: 20,
  inputs: 30,
  teacherRank: 3,
  samples: 200,
  noise: 0.01,
  eta: 1e-3,
  xi: 1e-2,
  maxIterations: 20_000,
};

/** One network of the teacher-student experiment, before and after pruning to the teacher's rank. */
export interface NetworkSummary {
  readonly network: 'constrained-diagonal' | 'plain-two-layer';
  /** Hidden units (of min(outputs, inputs)) that still carry signal: d_j > 0 with u_j, v_j != 0 (constrained) or all (plain). */
  readonly activeUnits: number;
  readonly rank: RunSummary['rank'];
  /** ||W - W*||_F / ||W*||_F, the excess test risk's square root for N(0, I) inputs. */
  readonly testError: number;
  /** The same after keeping the teacher's rank r of W (truncated SVD). */
  readonly prunedTestError: number;
  readonly relativeLoss: number;
  readonly iterations: number;
}

/**
 * The constrained linear network with a diagonal middle layer, f(x) = sum_j v_j w_j u_j^T x with
 * sum ||u_j||^2 <= a^2, sum ||v_j||^2 <= a^2, w_j >= 0 (udv on the regression problem, a the
 * data-matched radius), against the plain two-layer linear network V U^T x (Burer-Monteiro),
 * both of width min(outputs, inputs), on a teacher of rank r with noisy labels. Pruning keeps the
 * r largest singular directions of the learned W.
 */
export function runNetworkExperiment(settings: NetworkSettings, seed: number): NetworkSummary[] {
  const problem = regressionProblem({
    outputs: settings.outputs,
    inputs: settings.inputs,
    rank: settings.teacherRank,
    samples: settings.samples,
    noise: settings.noise,
    seed,
  });
  const summaries: NetworkSummary[] = [];
  for (const spec of [{ model: 'udv', radius: 'data' }, { model: 'bm' }] as const) {
    const run = runModel(problem, spec, { eta: settings.eta, xi: settings.xi, seed, maxIterations: settings.maxIterations });
    const { X, rows, columns } = run.result;
    const factors = run.result.factors;
    const width = Math.min(rows, columns);
    const activeUnits = isUdvFactors(factors) ? width - countInactive(factors) : width;
    summaries.push({
      network: spec.model === 'udv' ? 'constrained-diagonal' : 'plain-two-layer',
      activeUnits,
      rank: run.rank,
      testError: run.testError ?? Number.NaN,
      prunedTestError: truncatedError(problem, X, rows, columns, settings.teacherRank),
      relativeLoss: run.relativeLoss,
      iterations: run.iterations,
    });
  }
  return summaries;
}

/** Hidden units that carry nothing: d_j = 0, or u_j = 0, or v_j = 0. */
function countInactive({ U, d, V, width }: UdvLikeFactors): number {
  let inactive = 0;
  for (let c = 0; c < width; c++) if (d[c] === 0 || zeroColumn(U, width, c) || (V !== null && zeroColumn(V, width, c))) inactive++;
  return inactive;
}

/** ||P_r(X) - X*||_F / ||X*||_F with P_r the best rank-r approximation. */
function truncatedError(problem: LeastSquaresProblem, X: Float64Array, rows: number, columns: number, r: number): number {
  const truth = problem.truth;
  if (truth === null) return Number.NaN;
  const truncated = bestRankApproximation(X, rows, columns, r);
  let difference = 0;
  let norm = 0;
  for (let i = 0; i < truth.length; i++) {
    difference += (truncated[i] - truth[i]) ** 2;
    norm += truth[i] ** 2;
  }
  return Math.sqrt(difference / norm);
}

function bestRankApproximation(X: Float64Array, rows: number, columns: number, r: number): Float64Array {
  const matrix = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) matrix.set(i, j, X[i * columns + j]);
  const svd = new SingularValueDecomposition(matrix, { autoTranspose: true });
  const { leftSingularVectors: left, rightSingularVectors: right, diagonal } = svd;
  const result = new Float64Array(rows * columns);
  for (let c = 0; c < Math.min(r, diagonal.length); c++) {
    for (let i = 0; i < rows; i++) {
      const scaled = left.get(i, c) * diagonal[c];
      for (let j = 0; j < columns; j++) result[i * columns + j] += scaled * right.get(j, c);
    }
  }
  return result;
}
