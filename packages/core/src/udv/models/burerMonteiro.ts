/**
 * The Burer-Monteiro factorization X = U V^T (Burer & Monteiro 2003), trained by plain gradient
 * descent from a small initialization: the implicit-bias baseline (Gunasekar et al. 2017; Arora et
 * al. 2019) against which Hou, Sra & Yurtsever (2025) set their U D V^T model.
 */
import { createRandom } from '../../random.js';
import { adjointTimesInto, adjointTransposeTimesInto, measurementCountOf } from '../measurements/operator.js';
import { validateProblem } from '../measurements/problem.js';
import { symmetricPairs, symmetricResidualAndProduct } from '../measurements/symmetricPairs.js';
import { multiplyTransposed } from '../products.js';
import { type FactorViews, evaluateOnLiveColumns, liveColumnBuffers } from './liveColumns.js';
import { type FactorizationModel, MODEL_OPTION_CHECKS, factoredLoss, fillGaussian, requireModelOptions, requireSymmetricShape, requireWidth } from './model.js';

/** Options of {@link burerMonteiro} (Burer & Monteiro 2003). */
export interface BurerMonteiroOptions {
  /** k, the number of columns of U and V, in [1, min(n1, n2)] (default min(n1, n2)). */
  readonly width?: number;
  /** X = U U^T instead of U V^T (default: problem.symmetric). */
  readonly symmetric?: boolean;
}

/** The factors of a trained {@link burerMonteiro} model (Burer & Monteiro 2003), X = U V^T. */
export interface BurerMonteiroFactors {
  /** n1 x k, row-major. */
  readonly U: Float64Array;
  /** n2 x k, row-major, or null for the symmetric model (V = U). */
  readonly V: Float64Array | null;
  readonly width: number;
}

/**
 * Burer-Monteiro factorization X = U V^T (symmetric: U U^T; Burer & Monteiro 2003) trained by
 * plain gradient descent, the baseline of Hou, Sra & Yurtsever (2025), with G = A^*(A(X) - b):
 *
 *   grad_U = G V, grad_V = G^T U  (symmetric: grad_U = (G + G^T) U).
 *
 * Initialization: U_0, V_0 = xi N(0, 1) entrywise from createRandom(seed), U then V. Its implicit
 * low-rank bias needs a small xi (Gunasekar et al. 2017; Arora et al. 2019). Defaults: eta = 1e-2,
 * xi = 1e-3. All-zero columns are skipped, as for udv.
 *
 * @param options - width k (default min(n1, n2)), symmetric (default problem.symmetric).
 * @returns the model.
 * @throws FactorflowInputError at once on a malformed option; when bound, `out-of-range` on a
 *   width above min(n1, n2) and `shape` for the symmetric model on a non-square problem.
 * @example
 * ```ts
 * trainFactorization(problem, burerMonteiro({ width: 10 }), { seed: 1, eta: 1e-3, xi: 1e-3 });
 * ```
 */
export function burerMonteiro(options: BurerMonteiroOptions = {}): FactorizationModel<BurerMonteiroFactors> {
  requireModelOptions(options, '{ width?, symmetric? }', { width: MODEL_OPTION_CHECKS.count, symmetric: MODEL_OPTION_CHECKS.flag });
  return {
    name: 'burer-monteiro',
    bind(problem) {
      validateProblem(problem);
      const { operator, observations } = problem;
      const { rows, columns } = operator;
      const k = requireWidth(options.width, problem, Math.min(rows, columns));
      const symmetric = options.symmetric ?? problem.symmetric;
      requireSymmetricShape(symmetric, problem, 'Burer-Monteiro');
      const sizeU = rows * k;
      const parameterCount = symmetric ? sizeU : sizeU + columns * k;
      const residual = new Float64Array(measurementCountOf(operator));
      const transposeProduct = new Float64Array(columns * k);
      const pairs = symmetric ? symmetricPairs(operator, observations) : null;
      const buffers = liveColumnBuffers(rows, columns, k, symmetric, false);
      const scratch = new Float64Array(parameterCount);

      const views = (parameters: Float64Array): FactorViews => {
        const U = parameters.subarray(0, sizeU);
        return { U, d: null, V: symmetric ? U : parameters.subarray(sizeU, parameterCount) };
      };

      /** f and its gradient for factors of width kk (V === U when symmetric). */
      const evaluate = ({ U, V }: FactorViews, gradient: FactorViews, kk: number): number => {
        if (pairs !== null) return symmetricResidualAndProduct(pairs, U, U, kk, residual, gradient.U);
        const loss = factoredLoss(operator, observations, U, V, kk, residual);
        adjointTimesInto(operator, residual, V, kk, gradient.U);
        if (symmetric) {
          adjointTransposeTimesInto(operator, residual, U, kk, transposeProduct);
          for (let index = 0; index < rows * kk; index++) gradient.U[index] += transposeProduct[index];
        } else {
          adjointTransposeTimesInto(operator, residual, U, kk, gradient.V);
        }
        return loss;
      };

      const lossAndGradient = (parameters: Float64Array, gradient: Float64Array): number =>
        evaluateOnLiveColumns(buffers, views(parameters), views(gradient), evaluate);

      return {
        name: 'burer-monteiro',
        parameterCount,
        defaultEta: 1e-2,
        defaultXi: 1e-3,
        initialize(xi, seed) {
          const parameters = new Float64Array(parameterCount);
          fillGaussian(parameters, xi, createRandom(seed));
          return parameters;
        },
        loss: (parameters) => lossAndGradient(parameters, scratch),
        lossAndGradient,
        project() {},
        product(parameters) {
          const { U, V } = views(parameters);
          return multiplyTransposed(U, V, rows, columns, k);
        },
        factors(parameters) {
          const { U, V } = views(parameters);
          return { U: U.slice(), V: symmetric ? null : V.slice(), width: k };
        },
      };
    },
  };
}
