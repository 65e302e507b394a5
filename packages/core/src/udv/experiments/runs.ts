/**
 * One training run of the U D V^T model of Hou, Sra & Yurtsever (2025) (our reading of the
 * abstract) or of a baseline on a seeded problem, summarized the way the experiments compare them:
 * loss, test error, the numerical rank at three thresholds, the exact zeros of d and the dead
 * columns. Shared by the sweeps, the network experiment, `factorflow udv` and the verify suites.
 */
import { FactorflowInputError } from '../../errors.js';
import {
  type FieldCheck,
  nullable,
  optional,
  requireChoice,
  requireFields,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from '../../validate.js';
import { exactZeros, spectrumReport } from '../lowRankMetrics.js';
import { type LeastSquaresProblem, validateProblem } from '../measurements/problem.js';
import { burerMonteiro } from '../models/burerMonteiro.js';
import { deepFactorization } from '../models/deepFactorization.js';
import { liveColumns } from '../models/liveColumns.js';
import { type FactorizationModel, requireNormalization } from '../models/model.js';
import { nuclearNorm } from '../models/nuclearNorm.js';
import { type UdvFactors, udv } from '../models/udv.js';
import { type TrainingResult, trainFactorization } from '../training.js';

/**
 * The models of the comparison: udv (Hou, Sra & Yurtsever 2025), Burer-Monteiro (Burer & Monteiro
 * 2003), depth 3 (Arora et al. 2019) and the nuclear norm.
 */
export type ModelName = 'udv' | 'bm' | 'deep' | 'nuclear';

/** Every {@link ModelName}, in the order the reports list them. */
export const MODEL_NAMES: readonly ModelName[] = ['udv', 'bm', 'deep', 'nuclear'];

/**
 * Relative tolerances at which a run's rank is reported: approximately, numerically, to rounding
 * (the three of `REPORTED_RANK_TOLERANCES`, by name).
 */
const RANK_TOLERANCES = { approximate: 1e-3, numerical: 1e-6, exact: 1e-10 } as const;

/**
 * ||X*||_F estimated from the data alone, for matching the radius of the model of Hou, Sra &
 * Yurtsever (2025) to a problem: E ||A(X)||^2 = c ||X||_F^2 with c = m / (n1 n2) for sampled
 * entries, m / n^2 for the sensing matrices N(0, 1/n^2), 1 for regression on N(0, I) inputs.
 *
 * @param problem - a problem from the generators (the constants c assume their distributions).
 * @returns the estimate of ||X*||_F.
 * @throws FactorflowInputError on a malformed problem.
 * @example
 * ```ts
 * dataScale(completionProblem({ ...PAPER_COMPLETION, seed: 1 })); // close to ||X*||_F = 100
 * ```
 */
export function dataScale(problem: LeastSquaresProblem): number {
  const { largest, factor } = scaledDataScale(problem);
  const scale = largest * factor;
  if (!Number.isFinite(scale)) {
    throw new FactorflowInputError('out-of-range', 'problem', `the estimate of ||X*||_F exceeds double precision (observations up to ${largest.toExponential(3)}); rescale the observations.`);
  }
  return scale;
}

/**
 * dataScale as `largest` times `factor`, each representable where their product may not be. Where
 * the plain sum of squares of b neither overflows (entries from about 1e154) nor underflows, it is
 * used as is (largest = 1), so that the estimate is bit for bit the plain formula; elsewhere the
 * entries are divided by the largest first.
 */
function scaledDataScale(problem: LeastSquaresProblem): { largest: number; factor: number } {
  const { operator, observations } = validateProblem(problem);
  let squared = 0;
  for (const value of observations) squared += value * value;
  let largest = 1;
  if (!(squared > 1e-280 && squared < 1e300)) {
    largest = observations.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    if (largest === 0) return { largest, factor: 0 };
    squared = observations.reduce((sum, value) => sum + (value / largest) ** 2, 0);
  }
  const norm = Math.sqrt(squared);
  const m = observations.length;
  if (operator.kind === 'entries') return { largest, factor: norm * Math.sqrt((operator.rows * operator.columns) / m) };
  if (operator.kind === 'gaussian') return { largest, factor: (norm * operator.rows) / Math.sqrt(m) };
  return { largest, factor: norm };
}

/**
 * The radius of U and V in the model of Hou, Sra & Yurtsever (2025) matched to the data:
 * X = U diag(d) V^T is invariant under (U, V, d) -> (s U, s V, d / s^2), and scaling X* by c acts
 * on the projected dynamics like scaling the radius by c^{1/3} (with eta scaled by c^{-4/3}).
 * Radius 1 on data with ||X*||_F = 1 therefore corresponds to ||X*||_F^{1/3} here, estimated by
 * {@link dataScale}.
 *
 * @param problem - a problem from the generators.
 * @returns cbrt(dataScale(problem)), finite even where that scale is not.
 * @throws FactorflowInputError on a malformed problem.
 * @example
 * ```ts
 * udv({ radius: dataRadius(problem) });
 * ```
 */
export function dataRadius(problem: LeastSquaresProblem): number {
  const { largest, factor } = scaledDataScale(problem);
  const scale = largest * factor;
  // cbrt of each factor where the scale itself is not representable: the radius still is.
  return Number.isFinite(scale) && (scale > 1e-300 || scale === 0) ? Math.cbrt(scale) : Math.cbrt(largest) * Math.cbrt(factor);
}

/** Which model to train, and for udv (Hou, Sra & Yurtsever 2025) the radius: a number, or 'data' for {@link dataRadius}. */
export interface ModelSpec {
  readonly model: ModelName;
  readonly radius?: number | 'data';
  /** udv only: projection onto the ball (default) or rescaling onto the sphere. */
  readonly normalization?: 'ball' | 'sphere';
}

/** One training run of a model of the comparison (Hou, Sra & Yurtsever 2025), summarized. */
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
  /** Numerical rank of X at the relative tolerances 1e-3 (approximate), 1e-6 (numerical), 1e-10 (exact). */
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

/** A {@link RunSummary} with the training result and the singular values of X it was computed from. */
export type ModelRun = RunSummary & { readonly result: TrainingResult<unknown>; readonly singularValues: Float64Array };

function modelOf(spec: ModelSpec, problem: LeastSquaresProblem): { model: FactorizationModel<unknown>; radius: number | null } {
  switch (spec.model) {
    case 'udv': {
      const radius = spec.radius === 'data' ? dataRadius(problem) : (spec.radius ?? 1);
      if (!(radius > 0)) {
        throw new FactorflowInputError('out-of-range', 'spec.radius', "'data' matches the radius to ||X*||_F, estimated from b, which is 0 here; give a radius > 0 instead.");
      }
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

/** An integer >= `min` (a count of iterations, units, ranks). */
export const count =
  (min: number): FieldCheck =>
  (value, argument) =>
    requireInteger(value as number, argument, min, Number.MAX_SAFE_INTEGER);
const positive: FieldCheck = (value, argument) => requirePositive(value as number, argument);
const nonNegative: FieldCheck = (value, argument) => requireNonNegative(value as number, argument);

const MODEL_SPEC_FIELDS: Readonly<Record<string, FieldCheck>> = {
  model: (value, argument) => requireChoice(value, MODEL_NAMES, argument),
  radius: optional((value, argument) => (value === 'data' ? value : requirePositive(value as number, argument))),
  normalization: optional(requireNormalization),
};

const SUMMARY_FIELDS = {
  model: MODEL_SPEC_FIELDS.model,
  radius: nullable(positive),
  eta: positive,
  xi: nullable(positive),
  iterations: count(0),
  stop: ((value, argument) => requireChoice(value, ['converged', 'diverged', 'max-iterations', 'finished'], argument)) as FieldCheck,
  relativeLoss: nonNegative,
  testError: nullable(nonNegative),
  rank: ((value, argument) => requireFields(value, argument, '{ approximate, numerical, exact }', { approximate: count(0), numerical: count(0), exact: count(0) }, true)) as FieldCheck,
  tailRatio: nullable(nonNegative),
  effectiveRank: nonNegative,
  exactZerosInD: nullable(count(0)),
  deadColumns: nullable(count(0)),
  truthRank: nullable(count(0)),
  seconds: nonNegative,
};

/** Checks a {@link RunSummary} (or a run, which has its fields), e.g. a row read back from a report file. */
export const requireRunSummary: FieldCheck = (value, argument) =>
  requireFields(value, argument, 'a RunSummary from summaryOf(runModel(...))', SUMMARY_FIELDS, true);

/** Whether a model's factors are those of udv: the runs hold them as `unknown`. */
export function isUdvFactors(factors: unknown): factors is UdvFactors {
  return typeof factors === 'object' && factors !== null && 'd' in factors && 'U' in factors;
}

/** Columns c with U[:, c] = 0 (and V[:, c] = 0): exactly pruned hidden units. */
function countDeadColumns({ U, V, width }: UdvFactors, rows: number, columns: number): number {
  return width - liveColumns(U, rows, V, columns, width, new Int32Array(width));
}

/**
 * Trains `spec` on `problem` and summarizes the run (see {@link RunSummary}): the unit of every
 * experiment on the model of Hou, Sra & Yurtsever (2025) and its baselines. The nuclear norm runs
 * at its own step and from X = 0, so `eta` and `xi` apply to the other models; the history is
 * recorded about 200 times.
 *
 * @param problem - the problem to train on.
 * @param spec - the model (and udv's radius).
 * @param options - eta and xi (model defaults when omitted), the initialization seed, the step cap.
 * @returns the summary, the training result and the singular values of X.
 * @throws FactorflowInputError on a malformed problem or option.
 * @example
 * ```ts
 * const run = runModel(problem, { model: 'udv', radius: 'data' }, { eta: 1e-3, xi: 1e-2, seed: 1, maxIterations: 5000 });
 * run.rank.exact; run.exactZerosInD;
 * ```
 */
export function runModel(
  problem: LeastSquaresProblem,
  spec: ModelSpec,
  options: { readonly eta?: number; readonly xi?: number; readonly seed: number; readonly maxIterations: number },
): ModelRun {
  validateProblem(problem);
  requireFields(spec, 'spec', '{ model, radius?, normalization? }', MODEL_SPEC_FIELDS);
  requireFields(options, 'options', '{ eta?, xi?, seed, maxIterations }', { maxIterations: count(0) });
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
    deadColumns: udvFactors ? countDeadColumns(udvFactors, rows, columns) : null,
    truthRank: problem.truthRank,
    seconds,
    result,
    singularValues: report.singularValues,
  };
}

/**
 * The {@link RunSummary} of a run alone, without the training result and the spectrum: what the
 * reports of the experiments on the model of Hou, Sra & Yurtsever (2025) store.
 *
 * @param run - from {@link runModel}.
 * @returns a plain summary, fit for JSON.
 * @throws FactorflowInputError when `run` is not a run (a field missing or of the wrong type).
 * @example
 * ```ts
 * JSON.stringify(summaryOf(runModel(problem, { model: 'bm' }, { seed: 1, maxIterations: 1000 })));
 * ```
 */
export function summaryOf(run: ModelRun): RunSummary {
  requireRunSummary(run, 'run');
  const { model, radius, eta, xi, iterations, stop, relativeLoss, testError, rank, tailRatio, effectiveRank, exactZerosInD, deadColumns, truthRank, seconds } = run;
  return { model, radius, eta, xi, iterations, stop, relativeLoss, testError, rank, tailRatio, effectiveRank, exactZerosInD, deadColumns, truthRank, seconds };
}

/** A number for a report table: two significant digits, exponent form outside [1e-2, 1e3), '-' for null. */
export function formatNumber(value: number | null, digits = 2): string {
  if (value === null) return '-';
  if (value === 0) return '0';
  return Math.abs(value) >= 1e3 || Math.abs(value) < 1e-2 ? value.toExponential(digits - 1) : value.toPrecision(digits);
}

/**
 * The model column of a report: udv (Hou, Sra & Yurtsever 2025) with its radius, or the
 * baseline's name.
 *
 * @param row - the model and radius of a run.
 * @returns e.g. 'udv (a = 4.64)', 'Burer-Monteiro', 'depth 3', 'nuclear norm'.
 * @throws FactorflowInputError on a model that is not one of MODEL_NAMES or a radius that is not null or > 0.
 * @example
 * ```ts
 * modelLabel({ model: 'deep', radius: null }); // 'depth 3'
 * ```
 */
export function modelLabel(row: Pick<RunSummary, 'model' | 'radius'>): string {
  requireFields(row, 'row', '{ model, radius }', { model: SUMMARY_FIELDS.model, radius: SUMMARY_FIELDS.radius }, true);
  if (row.model === 'udv') return `udv (a = ${formatNumber(row.radius, 3)})`;
  return { bm: 'Burer-Monteiro', deep: 'depth 3', nuclear: 'nuclear norm', udv: 'udv' }[row.model];
}
