/**
 * Depth-3 matrix factorization X = W3 W2 W1 (Arora et al. 2019, "Implicit regularization in deep
 * matrix factorization", depth N = 3), trained by plain gradient descent from a near-zero start:
 * the deeper implicit-bias baseline against which Hou, Sra & Yurtsever (2025) set their U D V^T model.
 */
import { createRandom } from '../../random.js';
import { adjointTimesInto, adjointTransposeTimesInto, measurementCountOf } from '../measurements/operator.js';
import { validateProblem } from '../measurements/problem.js';
import { multiplyInto, multiplyTransposed, multiplyTransposedInto, transposeInto, transposeMultiplyInto } from '../products.js';
import { requireEntries } from '../../validate.js';
import { type FactorizationModel, MODEL_OPTION_CHECKS, factoredLoss, fillGaussian, requireModelOptions, requireWidth } from './model.js';

/** Options of {@link deepFactorization} (Arora et al. 2019, depth 3). */
export interface DeepFactorizationOptions {
  /** k, the inner width, an integer >= 1 (default min(n1, n2)). */
  readonly width?: number;
}

/** The factors of a trained {@link deepFactorization} model (Arora et al. 2019), X = W3 W2 W1. */
export interface DeepFactors {
  /** k x n2, row-major (applied first). */
  readonly W1: Float64Array;
  /** k x k, row-major. */
  readonly W2: Float64Array;
  /** n1 x k, row-major. */
  readonly W3: Float64Array;
  readonly width: number;
}

/**
 * Depth-3 matrix factorization X = W3 W2 W1 (Arora et al. 2019, depth N = 3), W3 n1 x k, W2 k x k,
 * W1 k x n2, plain gradient descent with G = A^*(A(X) - b):
 *
 *   grad_W3 = G W1^T W2^T,  grad_W2 = W3^T G W1^T,  grad_W1 = W2^T W3^T G.
 *
 * Initialization: every factor xi N(0, 1) entrywise from createRandom(seed), W3, W2, W1 in that
 * order; the product then has entries of size about xi^3 k, small for the default xi = 1e-2
 * (1e-4 at k = 100), the near-zero start of Arora et al. Default eta = 1e-3.
 *
 * Cost per iteration: O(m k) for the measurements plus O((n1 + n2) k^2) for the small products.
 *
 * @param options - width k (default min(n1, n2)).
 * @returns the model.
 * @throws FactorflowInputError at once on a width that is not an integer >= 1; when bound, on a
 *   width whose parameters exceed 2^27 entries.
 * @example
 * ```ts
 * trainFactorization(problem, deepFactorization(), { seed: 1 });
 * ```
 */
export function deepFactorization(options: DeepFactorizationOptions = {}): FactorizationModel<DeepFactors> {
  requireModelOptions(options, '{ width? }', { width: MODEL_OPTION_CHECKS.count });
  return {
    name: 'deep-3',
    bind(problem) {
      validateProblem(problem);
      const { operator, observations } = problem;
      const { rows, columns } = operator;
      const k = requireWidth(options.width, problem, Number.MAX_SAFE_INTEGER);
      const size3 = rows * k;
      const size2 = k * k;
      const parameterCount = requireEntries(size3 + size2 + k * columns, 'width', `the depth-3 parameters of width ${k} (rows k + k^2 + k columns)`);
      const residual = new Float64Array(measurementCountOf(operator));
      const left = new Float64Array(rows * k); // W3 W2
      const right = new Float64Array(columns * k); // W1^T
      const gRight = new Float64Array(rows * k); // G W1^T
      const gLeft = new Float64Array(columns * k); // G^T W3 W2

      const views = (parameters: Float64Array) => ({
        W3: parameters.subarray(0, size3),
        W2: parameters.subarray(size3, size3 + size2),
        W1: parameters.subarray(size3 + size2, parameterCount),
      });

      /** X = left right^T, the form the factored measurement kernels take. */
      const factorize = (parameters: Float64Array) => {
        const { W3, W2, W1 } = views(parameters);
        multiplyInto(W3, W2, rows, k, k, left);
        transposeInto(W1, k, columns, right);
        return { W3, W2, W1 };
      };

      return {
        name: 'deep-3',
        parameterCount,
        defaultEta: 1e-3,
        defaultXi: 1e-2,
        initialize(xi, seed) {
          const parameters = new Float64Array(parameterCount);
          fillGaussian(parameters, xi, createRandom(seed));
          return parameters;
        },
        loss(parameters) {
          factorize(parameters);
          return factoredLoss(operator, observations, left, right, k, residual);
        },
        lossAndGradient(parameters, gradient) {
          const { W3, W2 } = factorize(parameters);
          const loss = factoredLoss(operator, observations, left, right, k, residual);
          const grads = views(gradient);
          adjointTimesInto(operator, residual, right, k, gRight);
          adjointTransposeTimesInto(operator, residual, left, k, gLeft);
          multiplyTransposedInto(gRight, W2, rows, k, k, grads.W3);
          transposeMultiplyInto(W3, gRight, rows, k, k, grads.W2);
          transposeInto(gLeft, columns, k, grads.W1);
          return loss;
        },
        project() {},
        product(parameters) {
          factorize(parameters);
          return multiplyTransposed(left, right, rows, columns, k);
        },
        factors(parameters) {
          const { W3, W2, W1 } = views(parameters);
          return { W1: W1.slice(), W2: W2.slice(), W3: W3.slice(), width: k };
        },
      };
    },
  };
}
