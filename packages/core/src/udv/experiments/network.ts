/**
 * The teacher-student linear network: the architecture Hou, Sra & Yurtsever (2025) carry their
 * U D V^T model over to (our reading of the abstract: constrained layers with a diagonal component),
 * f(x) = sum_j v_j w_j u_j^T x with sum ||u_j||^2, sum ||v_j||^2 <= a^2 and w_j >= 0, against the
 * plain two-layer linear network, on a low-rank teacher with noisy labels.
 */
import { SingularValueDecomposition } from 'ml-matrix';

import { fromRowMajor } from '../../linalg/dense.js';
import type { LeastSquaresProblem } from '../measurements/problem.js';
import { isZeroColumn } from '../models/liveColumns.js';
import type { UdvFactors } from '../models/udv.js';
import { regressionProblem } from '../problems.js';
import { type FieldCheck, renamingArgument, requireFields, requireNonNegative, requirePositive } from '../../validate.js';
import { type RunSummary, count, isUdvFactors, runModel } from './runs.js';

/** Settings of the teacher-student experiment on the network of Hou, Sra & Yurtsever (2025). */
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

/** The default {@link NetworkSettings}: a 20 x 30 teacher of rank 3, 200 samples, label noise 0.01. */
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

/** One network of the teacher-student experiment (Hou, Sra & Yurtsever 2025), before and after pruning to the teacher's rank. */
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
 * The constrained linear network with a diagonal middle layer of Hou, Sra & Yurtsever (2025),
 * f(x) = sum_j v_j w_j u_j^T x with sum ||u_j||^2 <= a^2, sum ||v_j||^2 <= a^2, w_j >= 0 (udv on
 * the regression problem, a the data-matched radius), against the plain two-layer linear network
 * V U^T x (Burer-Monteiro), both of width min(outputs, inputs), on a teacher of rank r with noisy
 * labels. Pruning keeps the r largest singular directions of the learned W.
 *
 * @param settings - teacher, data, step size, initialization scale and step cap.
 * @param seed - the problem and initialization seed.
 * @returns the constrained network's summary, then the plain one's.
 * @throws FactorflowInputError on bad settings or seed.
 * @example
 * ```ts
 * const [constrained, plain] = runNetworkExperiment(NETWORK_DEFAULTS, 1);
 * constrained.activeUnits; plain.prunedTestError / plain.testError;
 * ```
 */
export function runNetworkExperiment(settings: NetworkSettings, seed: number): NetworkSummary[] {
  const positive: FieldCheck = (value, argument) => requirePositive(value as number, argument);
  requireFields(settings, 'settings', '{ outputs, inputs, teacherRank, samples, noise, eta, xi, maxIterations }', {
    teacherRank: count(1),
    noise: (value, argument) => requireNonNegative(value as number, argument),
    eta: positive,
    xi: positive,
    maxIterations: count(0),
  });
  const problem = renamingArgument(
    () => regressionProblem({ outputs: settings.outputs, inputs: settings.inputs, rank: settings.teacherRank, samples: settings.samples, noise: settings.noise, seed }),
    'rank',
    'teacherRank',
  );
  const summaries: NetworkSummary[] = [];
  for (const spec of [{ model: 'udv', radius: 'data' }, { model: 'bm' }] as const) {
    const run = runModel(problem, spec, { eta: settings.eta, xi: settings.xi, seed, maxIterations: settings.maxIterations });
    const { X, rows, columns } = run.result;
    const factors = run.result.factors;
    const width = Math.min(rows, columns);
    const activeUnits = isUdvFactors(factors) ? width - countInactive(factors, rows, columns) : width;
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
function countInactive({ U, d, V, width }: UdvFactors, rows: number, columns: number): number {
  let inactive = 0;
  for (let c = 0; c < width; c++) {
    if (d[c] === 0 || isZeroColumn(U, rows, width, c) || (V !== null && isZeroColumn(V, columns, width, c))) inactive++;
  }
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

/**
 * P_r(X) by a truncated SVD. It needs the singular vectors, which core's own bidiagonal routine
 * does not compute, hence ml-matrix's SVD here.
 */
function bestRankApproximation(X: Float64Array, rows: number, columns: number, r: number): Float64Array {
  const svd = new SingularValueDecomposition(fromRowMajor(X, rows, columns), { autoTranspose: true });
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
