/**
 * The U D V^T model of Hou, Sra & Yurtsever (2025), "Implicit Bias in Matrix Factorization and its
 * Explicit Realization in a New Architecture" (arXiv 2501.16322), as we read the abstract: X is
 * factored as U diag(d) V^T with U and V confined to Frobenius balls and d >= 0, and trained by
 * projected gradient descent. The projection onto d >= 0 sets exact zeros, which is how the model
 * reaches truly, not approximately, low-rank solutions.
 */
import { createRandom } from '../../random.js';
import { adjointTimesInto, adjointTransposeTimesInto, measurementCountOf } from '../measurements/operator.js';
import { validateProblem } from '../measurements/problem.js';
import { symmetricPairs, symmetricResidualAndProduct } from '../measurements/symmetricPairs.js';
import { multiplyTransposed, scaleColumnsInto } from '../products.js';
import { type FactorViews, evaluateOnLiveColumns, liveColumnBuffers } from './liveColumns.js';
import { type FactorizationModel, MODEL_OPTION_CHECKS, factoredLoss, fillGaussian, requireModelOptions, requireNormalization, requireSymmetricShape, requireWidth } from './model.js';

/** Options of {@link udv}, the model of Hou, Sra & Yurtsever (2025). */
export interface UdvOptions {
  /** The Frobenius-ball radius of U and V, > 0 (default 1). */
  readonly radius?: number;
  /** k, the number of columns of U and V, in [1, min(n1, n2)] (default min(n1, n2)). */
  readonly width?: number;
  /** X = U diag(d) U^T instead of U diag(d) V^T (default: problem.symmetric). */
  readonly symmetric?: boolean;
  /**
   * 'ball' (default): project U and V onto ||.||_F <= radius, the constraint set of the paper.
   * 'sphere': rescale them to ||.||_F = radius after every step, the other reading of "rescale onto
   * the ball"; it makes the initialization scale xi irrelevant by construction.
   */
  readonly normalization?: 'ball' | 'sphere';
}

/** The factors of a trained {@link udv} model (Hou, Sra & Yurtsever 2025), X = U diag(d) V^T. */
export interface UdvFactors {
  /** n1 x k, row-major, ||U||_F <= radius. */
  readonly U: Float64Array;
  /** k diagonal entries, each >= 0; exact zeros are pruned directions. */
  readonly d: Float64Array;
  /** n2 x k, row-major, or null for the symmetric model (V = U). */
  readonly V: Float64Array | null;
  readonly width: number;
}

/**
 * ||factor||_F. The plain sum of squares overflows for entries from about 1e154 (the norm became
 * Infinity and the projection set the factor to 0) and underflows below about 1e-154 (the norm
 * became 0 and 'sphere' did not rescale); outside the range where it is exact, the entries are
 * divided by the largest first, as LAPACK's dnrm2 does.
 */
function frobeniusNorm(factor: Float64Array): number {
  let squared = 0;
  for (let index = 0; index < factor.length; index++) squared += factor[index] * factor[index];
  if (squared > 1e-280 && squared < 1e300) return Math.sqrt(squared);
  let largest = 0;
  for (let index = 0; index < factor.length; index++) largest = Math.max(largest, Math.abs(factor[index]));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let scaled = 0;
  for (let index = 0; index < factor.length; index++) scaled += (factor[index] / largest) ** 2;
  return largest * Math.sqrt(scaled);
}

/** Scales a factor onto the Frobenius ball of the given radius (in place); NaN passes through. */
function projectOntoBall(factor: Float64Array, radius: number, onSphere: boolean): void {
  const norm = frobeniusNorm(factor);
  if (norm > radius || (onSphere && norm > 0)) {
    const scale = radius / norm;
    // radius / norm overflows for a subnormal norm; each entry / norm is at most 1 and cannot.
    if (Number.isFinite(scale)) for (let index = 0; index < factor.length; index++) factor[index] *= scale;
    else for (let index = 0; index < factor.length; index++) factor[index] = (factor[index] / norm) * radius;
  }
}

/**
 * The model of Hou, Sra & Yurtsever (2025, arXiv 2501.16322), as we read the abstract:
 *
 *   X = U diag(d) V^T  (symmetric: U diag(d) U^T),  ||U||_F <= radius, ||V||_F <= radius, d >= 0,
 *
 * trained by projected gradient descent: all gradients at the current iterate, with
 * G = A^*(A(X) - b),
 *
 *   grad_U = G V D,  grad_V = G^T U D,  grad_d = diag(U^T G V)
 *   (symmetric: grad_U = (G + G^T) U D, grad_d = diag(U^T G U)),
 *
 * then U <- U min(1, radius / ||U||_F), V likewise, d <- max(d, 0), which sets exact zeros in d.
 * Initialization: d_0 = 1 (D_0 = I), U_0 and V_0 = xi N(0, 1) entrywise from createRandom(seed)
 * (U row by row, then V), then projected, so every iterate is feasible. Defaults: eta = 1e-3,
 * xi = 1e-2.
 *
 * The radius sets the balance between the factors: with X* normalized to RMS entry 1 (singular
 * values about n / sqrt(r)), radius 1 forces d up to about sigma / ||u_c||^2 while U moves on the
 * unit sphere. The gradient flow maps onto itself under X* -> s X*, (U, V, d) -> s^{1/3} (U, V, d),
 * radius -> s^{1/3} radius, with time stretched by s^{-4/3} (so eta -> s^{-4/3} eta): radius
 * ||X*||_F^{1/3} is the counterpart of radius 1 for a unit-norm X* (4.64 for the 100 x 100 presets,
 * whose ||X*||_F = 100).
 *
 * Columns of U (and V) that reach exactly zero are skipped, so a run that prunes gets cheaper:
 * O(m k_live) per iteration.
 *
 * @param options - radius (default 1), width k (default min(n1, n2)), symmetric (default problem.symmetric).
 * @returns the model; bind it with `trainFactorization(problem, udv(), { seed })`.
 * @throws FactorflowInputError at once on a malformed option (a radius that is not > 0, a width
 *   that is not an integer >= 1, a symmetric that is not a boolean, a normalization that is not
 *   'ball' or 'sphere'); when bound, `out-of-range` on a width above min(n1, n2) and `shape` for the
 *   symmetric model on a non-square problem.
 * @example
 * ```ts
 * const problem = completionProblem({ rows: 20, columns: 20, rank: 2, observed: 120, seed: 3, symmetric: true });
 * const result = trainFactorization(problem, udv({ radius: 20 }), { seed: 4, eta: 1e-3, xi: 1 });
 * exactZeros(result.factors.d); // the directions the projection d >= 0 switched off exactly
 * ```
 */
export function udv(options: UdvOptions = {}): FactorizationModel<UdvFactors> {
  requireModelOptions(options, '{ radius?, width?, symmetric?, normalization? }', {
    radius: MODEL_OPTION_CHECKS.positive,
    width: MODEL_OPTION_CHECKS.count,
    symmetric: MODEL_OPTION_CHECKS.flag,
    normalization: requireNormalization,
  });
  return {
    name: 'udv',
    bind(problem) {
      validateProblem(problem);
      const { operator, observations } = problem;
      const { rows, columns } = operator;
      const radius = options.radius ?? 1;
      const k = requireWidth(options.width, problem, Math.min(rows, columns));
      const symmetric = options.symmetric ?? problem.symmetric;
      requireSymmetricShape(symmetric, problem, 'udv');
      const onSphere = options.normalization === 'sphere';
      const sizeU = rows * k;
      const sizeV = symmetric ? 0 : columns * k;
      const parameterCount = sizeU + k + sizeV;
      const residual = new Float64Array(measurementCountOf(operator));
      const scaledU = new Float64Array(sizeU);
      const transposeProduct = new Float64Array(columns * k);
      // Symmetric completion: one pass over the unordered pairs instead of two over the entries.
      const pairs = symmetric ? symmetricPairs(operator, observations) : null;
      const buffers = liveColumnBuffers(rows, columns, k, symmetric, true);
      const scratch = new Float64Array(parameterCount);

      const views = (parameters: Float64Array) => {
        const U = parameters.subarray(0, sizeU);
        const d = parameters.subarray(sizeU, sizeU + k);
        const V = symmetric ? U : parameters.subarray(sizeU + k, parameterCount);
        return { U, d, V };
      };

      const project = (parameters: Float64Array) => {
        const { U, d } = views(parameters);
        projectOntoBall(U, radius, onSphere);
        if (!symmetric) projectOntoBall(parameters.subarray(sizeU + k, parameterCount), radius, onSphere);
        // `< 0` rather than max(): a NaN must survive to be reported as divergence.
        for (let c = 0; c < k; c++) if (d[c] < 0) d[c] = 0;
      };

      // Feasible up to rounding: the norm of a factor just projected reads radius (1 +- a few ulps).
      const onBall = (factor: Float64Array) => {
        const norm = frobeniusNorm(factor);
        return norm <= radius * (1 + 1e-12) && (!onSphere || norm === 0 || norm >= radius * (1 - 1e-12));
      };
      // The parameters of an earlier run are kept bit for bit, so that resuming continues exactly.
      const projectInitial = (parameters: Float64Array) => {
        const { U, d } = views(parameters);
        const feasible = onBall(U) && (symmetric || onBall(parameters.subarray(sizeU + k, parameterCount))) && d.every((value) => value >= 0);
        if (!feasible) project(parameters);
      };

      /** f and its gradient for factors of width kk (V === U when symmetric). */
      const evaluate = (factors: FactorViews, gradient: FactorViews, kk: number): number => {
        const { U, V } = factors;
        const d = factors.d as Float64Array;
        const gradU = gradient.U;
        const gradD = gradient.d as Float64Array;
        scaleColumnsInto(U, d, rows, kk, scaledU);
        gradD.fill(0, 0, kk);
        if (pairs !== null) {
          // gradU holds H = (G + G^T) U; G is exactly symmetric here, so diag(U^T G U) = diag(U^T H) / 2.
          const loss = symmetricResidualAndProduct(pairs, scaledU, U, kk, residual, gradU);
          for (let i = 0; i < rows; i++) for (let c = 0; c < kk; c++) gradD[c] += 0.5 * U[i * kk + c] * gradU[i * kk + c];
          for (let i = 0; i < rows; i++) for (let c = 0; c < kk; c++) gradU[i * kk + c] *= d[c];
          return loss;
        }
        const loss = factoredLoss(operator, observations, scaledU, V, kk, residual);
        // gradU holds G V (symmetric: G U) first; grad_d = diag(U^T G V) is read off it before
        // the columns are scaled by d.
        adjointTimesInto(operator, residual, V, kk, gradU);
        adjointTransposeTimesInto(operator, residual, U, kk, transposeProduct);
        for (let i = 0; i < rows; i++) for (let c = 0; c < kk; c++) gradD[c] += U[i * kk + c] * gradU[i * kk + c];
        if (symmetric) {
          for (let i = 0; i < rows; i++) {
            for (let c = 0; c < kk; c++) gradU[i * kk + c] = (gradU[i * kk + c] + transposeProduct[i * kk + c]) * d[c];
          }
        } else {
          for (let i = 0; i < rows; i++) for (let c = 0; c < kk; c++) gradU[i * kk + c] *= d[c];
          for (let j = 0; j < columns; j++) for (let c = 0; c < kk; c++) gradient.V[j * kk + c] = transposeProduct[j * kk + c] * d[c];
        }
        return loss;
      };

      const lossAndGradient = (parameters: Float64Array, gradient: Float64Array): number =>
        evaluateOnLiveColumns(buffers, views(parameters), views(gradient), evaluate);

      return {
        name: 'udv',
        parameterCount,
        defaultEta: 1e-3,
        defaultXi: 1e-2,
        initialize(xi, seed) {
          const parameters = new Float64Array(parameterCount);
          const random = createRandom(seed);
          const { U, d, V } = views(parameters);
          fillGaussian(U, xi, random);
          if (!symmetric) fillGaussian(V, xi, random);
          d.fill(1);
          project(parameters);
          return parameters;
        },
        loss: (parameters) => lossAndGradient(parameters, scratch),
        lossAndGradient,
        project,
        projectInitial,
        product(parameters) {
          const { U, d, V } = views(parameters);
          scaleColumnsInto(U, d, rows, k, scaledU);
          return multiplyTransposed(scaledU, V, rows, columns, k);
        },
        factors(parameters) {
          const { U, d, V } = views(parameters);
          return { U: U.slice(), d: d.slice(), V: symmetric ? null : V.slice(), width: k };
        },
      };
    },
  };
}
