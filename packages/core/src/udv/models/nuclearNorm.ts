/**
 * The convex baseline min_X f(X) + lambda ||X||_* for the least-squares problem of Hou, Sra &
 * Yurtsever (2025): proximal gradient with singular-value thresholding along a continuation path in
 * lambda (soft-impute, Mazumder, Hastie & Tibshirani 2010; continuation as in Toh & Yun 2010). It
 * is the explicit low-rank regularizer the factored models' implicit bias is compared with.
 */
import { SingularValueDecomposition } from 'ml-matrix';

import { FactorflowInputError } from '../../errors.js';
import { fromRowMajor } from '../../linalg/dense.js';
import { createRandom } from '../../random.js';
import { describe } from '../../validate.js';
import { adjointInto, measureInto, measurementCountOf, operatorNormSquared } from '../measurements/operator.js';
import { residualLoss, validateProblem } from '../measurements/problem.js';
import { type FactorizationModel, MODEL_OPTION_CHECKS, requireModelOptions } from './model.js';

/** Options of {@link nuclearNorm} (soft-impute with continuation, Mazumder et al. 2010; Toh & Yun 2010). */
export interface NuclearNormOptions {
  /** Factor lambda shrinks by at each stage of the continuation, in (0, 1) (default 0.7). */
  readonly decay?: number;
  /**
   * A stage ends when the proximal step moves X by at most this fraction of ||X||_F (default 1e-4),
   * or after `stageIterations` steps. Tighter follows the regularization path more closely.
   */
  readonly settleTolerance?: number;
  /** Most steps spent at one lambda (default 100). */
  readonly stageIterations?: number;
  /**
   * The final lambda. Default: 1e-8 lambda_0 for a noiseless problem, otherwise
   * 2 noise ||A^*(g)||_2 with g a fixed N(0, I) draw (the usual lambda >= 2 ||A^*(noise)||_2).
   */
  readonly floor?: number;
}

/** The state of a trained {@link nuclearNorm} model (Mazumder et al. 2010). */
export interface NuclearNormFactors {
  /** The lambda of the last proximal step. */
  readonly lambda: number;
  /** rank of the last iterate: singular values left after thresholding. */
  readonly rank: number;
}

/** Largest singular value of a row-major matrix (ml-matrix SVD, dense). */
function spectralNormOf(data: Float64Array, rows: number, columns: number): number {
  return thresholdSingularValues(data, rows, columns, 0).largest;
}

/**
 * Singular-value thresholding, X <- U max(S - tau, 0) V^T, in place, by a dense ml-matrix SVD
 * (O(n1 n2 min(n1, n2)), the cost of every proximal step). The matrix is scaled to unit largest
 * entry first, as ml-matrix's SVD loses accuracy when products of entries underflow.
 */
function thresholdSingularValues(
  data: Float64Array,
  rows: number,
  columns: number,
  tau: number,
): { largest: number; rank: number } {
  let scale = 0;
  for (const value of data) scale = Math.max(scale, Math.abs(value));
  if (scale === 0 || !Number.isFinite(scale)) return { largest: scale, rank: 0 };
  const svd = new SingularValueDecomposition(fromRowMajor(data.map((value) => value / scale), rows, columns), { autoTranspose: true });
  const singular = svd.diagonal;
  const largest = Math.max(0, ...singular) * scale;
  if (tau === 0) return { largest, rank: singular.filter((value) => value > 0).length };
  const left = svd.leftSingularVectors;
  const right = svd.rightSingularVectors;
  data.fill(0);
  let rank = 0;
  singular.forEach((value, c) => {
    const shrunk = value * scale - tau;
    if (!(shrunk > 0)) return;
    rank++;
    for (let i = 0; i < rows; i++) {
      const weight = shrunk * left.get(i, c);
      if (weight === 0) continue;
      for (let j = 0; j < columns; j++) data[i * columns + j] += weight * right.get(j, c);
    }
  });
  return { largest, rank };
}

/**
 * The convex baseline min_X f(X) + lambda ||X||_* for the problems of Hou, Sra & Yurtsever (2025),
 * by proximal gradient (for completion with eta = 1 this is soft-impute, Mazumder, Hastie &
 * Tibshirani 2010):
 *
 *   X_{t+1} = SVT_{eta lambda}(X_t - eta A^*(A(X_t) - b)),  SVT_tau(Y) = U max(S - tau, 0) V^T,
 *
 * eta = 1 / ||A||^2 by default (1 for completion with distinct entries, power iteration on A^* A
 * otherwise). Continuation along the regularization path with warm starts (Mazumder et al.
 * 2010; Toh & Yun 2010): lambda_j = max(floor, lambda_0 decay^(j+1)) with
 * lambda_0 = ||A^*(b)||_2, the smallest lambda at which X = 0 is optimal; stage j ends once a step
 * moves X by at most settleTolerance ||X||_F or after stageIterations steps. The path must be
 * followed rather than jumped: a faster decay or a looser tolerance ends at a worse X.
 *
 * The run counts as converged only once lambda has reached the floor (a small loss at a large
 * lambda is not yet this baseline's solution), and `finished` stops it when the last stage has
 * settled, which is how noisy problems (whose loss stays near the noise level) end. The SVD is
 * dense (ml-matrix, O(n1 n2 min(n1, n2)) per step), affordable at the sizes of the paper's
 * experiments. X_0 = 0; xi and the seed are not used.
 *
 * @param options - decay (0.7), settleTolerance (1e-4), stageIterations (100), floor (1e-8 lambda_0
 *   noiseless, else 2 noise ||A^*(g)||_2 with g ~ N(0, I) from a fixed seed).
 * @returns the model.
 * @throws FactorflowInputError at once: `out-of-range` on a decay outside (0, 1), a negative
 *   floor or tolerance, or a stageIterations below 1.
 * @example
 * ```ts
 * trainFactorization(problem, nuclearNorm(), { seed: 1, maxIterations: 3000 });
 * ```
 */
export function nuclearNorm(options: NuclearNormOptions = {}): FactorizationModel<NuclearNormFactors> {
  requireModelOptions(options, '{ decay?, settleTolerance?, stageIterations?, floor? }', {
    decay: (value, argument) => {
      if (typeof value !== 'number' || !(value > 0 && value < 1)) {
        throw new FactorflowInputError('out-of-range', argument, `must be in (0, 1), got ${describe(value)}; lambda shrinks by this factor per stage.`);
      }
    },
    settleTolerance: MODEL_OPTION_CHECKS.nonNegative,
    stageIterations: MODEL_OPTION_CHECKS.count,
    floor: MODEL_OPTION_CHECKS.nonNegative,
  });
  return {
    name: 'nuclear-norm',
    bind(problem) {
      validateProblem(problem);
      const { operator, observations } = problem;
      const { rows, columns } = operator;
      const decay = options.decay ?? 0.7;
      const settleTolerance = options.settleTolerance ?? 1e-4;
      const stageIterations = options.stageIterations ?? 100;
      const size = rows * columns;
      const m = measurementCountOf(operator);
      const lipschitz = operatorNormSquared(operator);
      const back = new Float64Array(size);
      adjointInto(operator, observations, back);
      const lambda0 = spectralNormOf(back, rows, columns);
      let floor: number;
      if (options.floor !== undefined) {
        floor = options.floor;
      } else if (problem.noise > 0) {
        const random = createRandom(0x0e5e);
        const noise = Float64Array.from({ length: m }, () => random.normal());
        adjointInto(operator, noise, back);
        floor = 2 * problem.noise * spectralNormOf(back, rows, columns);
      } else {
        floor = 1e-8 * lambda0;
      }
      const residual = new Float64Array(m);
      const previous = new Float64Array(size);
      let stage = 0;
      let stepsInStage = 0;
      let lastLambda = lambda0;
      let lastRank = 0;
      let settledAtFloor = false;

      const lossOf = (X: Float64Array) => {
        measureInto(operator, X, residual);
        return residualLoss(residual, observations);
      };

      return {
        name: 'nuclear-norm',
        parameterCount: size,
        defaultEta: lipschitz > 0 ? 1 / lipschitz : 1,
        defaultXi: 1,
        initialize() {
          stage = 0;
          stepsInStage = 0;
          settledAtFloor = false;
          previous.fill(0);
          return new Float64Array(size);
        },
        loss: lossOf,
        lossAndGradient(parameters, gradient) {
          const loss = lossOf(parameters);
          adjointInto(operator, residual, gradient);
          return loss;
        },
        project(parameters, eta) {
          lastLambda = Math.max(floor, lambda0 * decay ** (stage + 1));
          lastRank = thresholdSingularValues(parameters, rows, columns, eta * lastLambda).rank;
          let change = 0;
          let squared = 0;
          for (let index = 0; index < size; index++) {
            change += (parameters[index] - previous[index]) ** 2;
            squared += parameters[index] ** 2;
          }
          previous.set(parameters);
          stepsInStage++;
          const settled = change <= settleTolerance * settleTolerance * squared;
          settledAtFloor = settled && lastLambda <= floor;
          if (settled || stepsInStage >= stageIterations) {
            stage++;
            stepsInStage = 0;
          }
        },
        product(parameters) {
          return parameters.slice();
        },
        factors() {
          return { lambda: lastLambda, rank: lastRank };
        },
        settled: () => lastLambda <= floor,
        finished: () => settledAtFloor,
      };
    },
  };
}
