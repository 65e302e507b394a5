/**
 * Factorization models of X for the least-squares problem (LS) f(X) = 1/2 ||A(X) - b||_2^2 of
 * `measurements.ts`, behind one loss/gradient interface, and the gradient-descent driver that trains
 * any of them:
 *
 * - {@link udv}: X = U diag(d) V^T (or U diag(d) U^T) with ||U||_F, ||V||_F <= radius and d >= 0,
 *   trained by projected gradient descent (Hou, Sra & Yurtsever 2025, arXiv 2501.16322);
 * - {@link burerMonteiro}: X = U V^T (or U U^T), plain gradient descent (Burer & Monteiro 2003;
 *   the implicit-bias setting of Gunasekar et al. 2017);
 * - {@link deepFactorization}: X = W3 W2 W1, plain gradient descent (Arora et al. 2019);
 * - {@link nuclearNorm}: the convex baseline min f(X) + lambda ||X||_*, proximal gradient with
 *   singular-value thresholding and a continuation schedule on lambda (soft-impute, Mazumder,
 *   Hastie & Tibshirani 2010; continuation as in Toh & Yun 2010).
 *
 * Every model flattens its unknowns into one parameter vector p and exposes f(p), grad f(p) and a
 * projection (identity for plain descent, the constraint set for udv, the proximal step for the
 * nuclear norm), so {@link trainFactorization} runs the same iteration for all of them:
 *
 *   p_{t+1} = project(p_t - eta grad f(p_t)).
 *
 * For completion every factored model costs O(m k) per iteration through measureFactored and the
 * adjoint products (symmetric completion: one pass over the observed pairs), on preallocated
 * Float64Arrays; nothing n1 x n2 is formed on the hot path except for the test error, every
 * `record` steps. Entries below the smallest normal double are flushed to zero after each step
 * (see trainFactorization), and all-zero factor columns are skipped.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

import { FactorflowInputError } from '../errors.js';
import { requireInteger } from '../validate.js';
import {
  type LeastSquaresProblem,
  type MeasurementOperator,
  adjointInto,
  adjointTimesInto,
  adjointTransposeTimesInto,
  measureFactoredInto,
  measureInto,
  measurementCount,
  multiplyInto,
  multiplyTransposed,
  requireFiniteArray,
  symmetricPairs,
  symmetricResidualAndProduct,
  testErrorEvaluator,
  validateProblem,
} from './measurements.js';
import { createRandom } from '../random.js';

/**
 * A model bound to one problem: its parameter vector and the maps the driver needs. Instances own
 * scratch buffers and are not reentrant (one training run at a time).
 */
export interface BoundModel<Factors> {
  /** The model's name, e.g. 'udv'. */
  readonly name: string;
  /** Length of the parameter vector p. */
  readonly parameterCount: number;
  /** Step size used when the caller gives none. */
  readonly defaultEta: number;
  /** Initialization scale used when the caller gives none. */
  readonly defaultXi: number;
  /** p_0 from scale xi and a seed (feasible for constrained models). */
  initialize(xi: number, seed: number): Float64Array;
  /** f(p) = 1/2 ||A(X(p)) - b||^2; writes grad f(p) into `gradient` (length parameterCount). */
  lossAndGradient(parameters: Float64Array, gradient: Float64Array): number;
  /** f(p) alone. */
  loss(parameters: Float64Array): number;
  /** The map applied after each gradient step (in place): projection or proximal step. */
  project(parameters: Float64Array, eta: number, iteration: number): void;
  /** X(p), row-major rows x columns. */
  product(parameters: Float64Array): Float64Array;
  /** The model's own factors, copied out of p. */
  factors(parameters: Float64Array): Factors;
  /**
   * Whether the model's own schedule lets the run stop after `iteration` steps (default: always).
   * The nuclear-norm baseline says no until its continuation has reached the final lambda, since a
   * small data loss at a large lambda is not yet the solution it stands for.
   */
  readonly settled?: (iteration: number) => boolean;
  /** Whether the model has converged by its own criterion, which stops the run (default: never). */
  readonly finished?: () => boolean;
}

/** A factorization model: binds to a problem. Create with {@link udv}, {@link burerMonteiro}, ... */
export interface FactorizationModel<Factors> {
  readonly name: string;
  bind(problem: LeastSquaresProblem): BoundModel<Factors>;
}

/** Options of {@link udv}. */
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

/** The factors of a trained {@link udv} model. */
export interface UdvFactors {
  /** n1 x k, row-major, ||U||_F <= radius. */
  readonly U: Float64Array;
  /** k diagonal entries, each >= 0; exact zeros are pruned directions. */
  readonly d: Float64Array;
  /** n2 x k, row-major, or null for the symmetric model (V = U). */
  readonly V: Float64Array | null;
  readonly width: number;
}

/** Options of {@link burerMonteiro}. */
export interface BurerMonteiroOptions {
  /** k, the number of columns of U and V, in [1, min(n1, n2)] (default min(n1, n2)). */
  readonly width?: number;
  /** X = U U^T instead of U V^T (default: problem.symmetric). */
  readonly symmetric?: boolean;
}

/** The factors of a trained {@link burerMonteiro} model. */
export interface BurerMonteiroFactors {
  /** n1 x k, row-major. */
  readonly U: Float64Array;
  /** n2 x k, row-major, or null for the symmetric model (V = U). */
  readonly V: Float64Array | null;
  readonly width: number;
}

/** Options of {@link deepFactorization}. */
export interface DeepFactorizationOptions {
  /** k, the inner width, an integer >= 1 (default min(n1, n2)). */
  readonly width?: number;
}

/** The factors of a trained {@link deepFactorization} model, X = W3 W2 W1. */
export interface DeepFactors {
  /** k x n2, row-major (applied first). */
  readonly W1: Float64Array;
  /** k x k, row-major. */
  readonly W2: Float64Array;
  /** n1 x k, row-major. */
  readonly W3: Float64Array;
  readonly width: number;
}

/** Options of {@link nuclearNorm}. */
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

/** The state of a trained {@link nuclearNorm} model. */
export interface NuclearNormFactors {
  /** The lambda of the last proximal step. */
  readonly lambda: number;
  /** rank of the last iterate: singular values left after thresholding. */
  readonly rank: number;
}

/** Options of {@link trainFactorization}. */
export interface TrainingOptions {
  /** Step size > 0 (default: the model's `defaultEta`). */
  readonly eta?: number;
  /** Initialization scale > 0 (default: the model's `defaultXi`). */
  readonly xi?: number;
  /** Seed of the initialization, an integer in [0, 2^32). */
  readonly seed: number;
  /** Largest number of steps (default 1e5). */
  readonly maxIterations?: number;
  /**
   * Stop once f(X) <= lossTolerance * f(0) = lossTolerance ||b||^2 / 2, a tolerance relative to the
   * loss of X = 0 so it means the same at every scale of X* and m (default 1e-8; absolute when b = 0).
   */
  readonly lossTolerance?: number;
  /** Record loss and test error every `record` steps (default 100), plus the first and last. */
  readonly record?: number;
  /** Start from these parameters instead of `initialize(xi, seed)` (copied, not modified). */
  readonly initial?: Float64Array;
}

/** One entry of the training history. */
export interface TrainingRecord {
  readonly iteration: number;
  /** f(X_t). */
  readonly loss: number;
  /** testError(problem, X_t), or null when the problem has no truth. */
  readonly testError: number | null;
}

/**
 * Why {@link trainFactorization} stopped: the loss tolerance was met, the model's own criterion
 * (the nuclear norm's last stage settled), the iteration budget ran out, or the loss diverged.
 */
export type StopReason = 'loss-tolerance' | 'model-finished' | 'max-iterations' | 'diverged';

/** What {@link trainFactorization} returns. */
export interface TrainingResult<Factors> {
  /** The last finite iterate's product X, row-major rows x columns. */
  readonly X: Float64Array;
  readonly rows: number;
  readonly columns: number;
  /** The model's factors at that iterate. */
  readonly factors: Factors;
  /** The model's parameter vector at that iterate: pass it as `initial` to resume training. */
  readonly parameters: Float64Array;
  /** Steps taken to reach X. */
  readonly iterations: number;
  /** f(X). */
  readonly loss: number;
  /** True when f(X) <= lossTolerance f(0) (for the nuclear norm: with lambda at its floor). */
  readonly converged: boolean;
  /** Why the run stopped. */
  readonly stopReason: StopReason;
  /**
   * Set when the loss became non-finite or exceeded 1e10 times max(f(X_0), f(0)) at `iteration`
   * (its value in `loss`); X and factors are then those of the iterate before.
   */
  readonly diverged: { readonly iteration: number; readonly loss: number } | null;
  /** The step size and initialization scale used. */
  readonly eta: number;
  readonly xi: number;
  readonly history: TrainingRecord[];
}

/** Growth of the loss that counts as divergence. */
const DIVERGENCE_FACTOR = 1e10;

/** The smallest positive normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

function requireOptionalPositive(value: number | undefined, fallback: number, argument: string, hint: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new FactorflowInputError(
      typeof value === 'number' && Number.isNaN(value) ? 'not-finite' : 'out-of-range',
      argument,
      `must be a finite number > 0, got ${String(value)}. ${hint}`,
    );
  }
  return value;
}

function requireWidth(width: number | undefined, problem: LeastSquaresProblem, upper: number): number {
  const { rows, columns } = problem.operator;
  if (width === undefined) return Math.min(rows, columns);
  return requireInteger(width, 'width', 1, upper);
}

function requireSymmetricShape(symmetric: boolean, problem: LeastSquaresProblem, model: string): void {
  const { rows, columns } = problem.operator;
  if (symmetric && rows !== columns) {
    throw new FactorflowInputError(
      'shape',
      'symmetric',
      `the symmetric ${model} model needs a square X, but the problem is ${rows} x ${columns}; use symmetric: false.`,
    );
  }
}

/** Fills `target` with xi * N(0, 1) draws. */
function fillGaussian(target: Float64Array, xi: number, random: { normal(): number }): void {
  for (let index = 0; index < target.length; index++) target[index] = xi * random.normal();
}

/**
 * Shared plumbing of the models whose X is L R^T for factors computed from p: the residual
 * r = A(L R^T) - b and the loss, on preallocated buffers.
 */
function residualOf(
  operator: MeasurementOperator,
  observations: Float64Array,
  L: Float64Array,
  R: Float64Array,
  k: number,
  residual: Float64Array,
): number {
  measureFactoredInto(operator, L, R, k, residual);
  let sum = 0;
  for (let l = 0; l < residual.length; l++) {
    const gap = residual[l] - observations[l];
    residual[l] = gap;
    sum += gap * gap;
  }
  return 0.5 * sum;
}

/**
 * The live columns of the factors: c with U[:, c] or V[:, c] (V = null: symmetric) not identically
 * zero, written to `live`; returns their number. A dead column contributes nothing to X and gets a
 * zero gradient in every factored model here (each gradient column is G or G^T times a column c of
 * the factors, scaled by d_c, and grad d_c = U[:, c]^T G V[:, c]), so it stays dead and the models
 * evaluate only the live columns, packed contiguously: exact, and O(m live) instead of O(m k).
 * Under udv's projections most columns die (flushed to zero once subnormal), so this is what
 * makes long udv runs cheap.
 */
function liveColumns(U: Float64Array, rowsU: number, V: Float64Array | null, rowsV: number, k: number, live: Int32Array): number {
  let count = 0;
  for (let c = 0; c < k; c++) {
    let alive = false;
    for (let i = 0; i < rowsU && !alive; i++) alive = U[i * k + c] !== 0;
    if (V !== null) for (let j = 0; j < rowsV && !alive; j++) alive = V[j * k + c] !== 0;
    if (alive) live[count++] = c;
  }
  return count;
}

/** target (n x count) = the live columns of source (n x k). */
function packColumns(source: Float64Array, n: number, k: number, live: Int32Array, count: number, target: Float64Array): void {
  for (let i = 0; i < n; i++) for (let a = 0; a < count; a++) target[i * count + a] = source[i * k + live[a]];
}

/** target (n x k) = source (n x count) in the live columns, 0 elsewhere. */
function unpackColumns(source: Float64Array, n: number, k: number, live: Int32Array, count: number, target: Float64Array): void {
  target.fill(0, 0, n * k);
  for (let i = 0; i < n; i++) for (let a = 0; a < count; a++) target[i * k + live[a]] = source[i * count + a];
}

/** Scales a factor onto the Frobenius ball of the given radius (in place); NaN passes through. */
function projectOntoBall(factor: Float64Array, radius: number, onSphere: boolean): void {
  let squared = 0;
  for (let index = 0; index < factor.length; index++) squared += factor[index] * factor[index];
  const norm = Math.sqrt(squared);
  if (norm > radius || (onSphere && norm > 0)) {
    const scale = radius / norm;
    for (let index = 0; index < factor.length; index++) factor[index] *= scale;
  }
}

/**
 * The model of Hou, Sra & Yurtsever (2025, arXiv 2501.16322):
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
 * (U row by row, then V), then projected, so every iterate is feasible.
 *
 * Defaults: eta = 1e-3 (stable on the presets for radius up to about 5; 1e-2 already oscillates) and
 * xi = 1e-2. The radius sets the balance between the factors: with X* normalized to RMS entry 1
 * (singular values 45-60 on the presets), radius 1 forces d up to ~sigma / ||u_c||^2 while U moves
 * on the unit sphere, and on PAPER_COMPLETION the run locks onto one direction (rank 1, the other
 * 99 columns of U decay to zero; bench/factorization.ts). The gradient flow maps onto itself under
 * X* -> s X*, (U, V, d) -> s^{1/3} (U, V, d), radius -> s^{1/3} radius, with time stretched by
 * s^{-4/3} (so eta -> s^{-4/3} eta): radius ||X*||_F^{1/3} (4.64 there) is the counterpart of
 * radius 1 for a unit-norm X*.
 *
 * Columns of U (and V) that reach exactly zero are skipped (see `liveColumns`), so a run that
 * prunes gets cheaper: O(m k_live) per iteration.
 *
 * @param options - radius (default 1), width k (default min(n1, n2)), symmetric (default problem.symmetric).
 * @returns the model; bind it with `trainFactorization(problem, udv(), { seed })`.
 * @throws FactorflowInputError when bound: `out-of-range` on a bad radius or width, `shape` for
 *   the symmetric model on a non-square problem.
 * @example
 * ```ts
 * const problem = completionProblem({ rows: 20, columns: 20, rank: 2, observed: 120, seed: 3, symmetric: true });
 * const result = trainFactorization(problem, udv({ radius: 20 }), { seed: 4, eta: 1e-3, xi: 1 });
 * exactZeros(result.factors.d); // 11 of 20 directions switched off exactly; X has rank 2
 * ```
 */
export function udv(options: UdvOptions = {}): FactorizationModel<UdvFactors> {
  return {
    name: 'udv',
    bind(problem) {
      validateProblem(problem);
      const { operator, observations } = problem;
      const { rows, columns } = operator;
      const radius = requireOptionalPositive(options.radius, 1, 'radius', 'radius bounds ||U||_F and ||V||_F.');
      const k = requireWidth(options.width, problem, Math.min(rows, columns));
      const symmetric = options.symmetric ?? problem.symmetric;
      requireSymmetricShape(symmetric, problem, 'udv');
      const onSphere = options.normalization === 'sphere';
      const sizeU = rows * k;
      const sizeV = symmetric ? 0 : columns * k;
      const parameterCount = sizeU + k + sizeV;
      const residual = new Float64Array(measurementCount(operator));
      const scaledU = new Float64Array(sizeU);
      const transposeProduct = new Float64Array(columns * k);
      // Symmetric completion: one pass over the unordered pairs instead of two over the entries.
      const pairs = symmetric ? symmetricPairs(operator, observations) : null;
      const live = new Int32Array(k);
      const packed = {
        U: new Float64Array(sizeU),
        d: new Float64Array(k),
        V: new Float64Array(columns * k),
        gradU: new Float64Array(sizeU),
        gradD: new Float64Array(k),
        gradV: new Float64Array(columns * k),
      };
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

      /** f and its gradient for factors of width kk (V === U when symmetric). */
      const evaluate = (
        U: Float64Array,
        d: Float64Array,
        V: Float64Array,
        kk: number,
        gradU: Float64Array,
        gradD: Float64Array,
        gradV: Float64Array,
      ): number => {
        for (let i = 0; i < rows; i++) for (let c = 0; c < kk; c++) scaledU[i * kk + c] = U[i * kk + c] * d[c];
        gradD.fill(0, 0, kk);
        if (pairs !== null) {
          // gradU holds H = (G + G^T) U; G is exactly symmetric here, so diag(U^T G U) = diag(U^T H) / 2.
          const loss = symmetricResidualAndProduct(pairs, scaledU, U, kk, residual, gradU);
          for (let i = 0; i < rows; i++) for (let c = 0; c < kk; c++) gradD[c] += 0.5 * U[i * kk + c] * gradU[i * kk + c];
          for (let i = 0; i < rows; i++) for (let c = 0; c < kk; c++) gradU[i * kk + c] *= d[c];
          return loss;
        }
        const loss = residualOf(operator, observations, scaledU, V, kk, residual);
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
          for (let j = 0; j < columns; j++) for (let c = 0; c < kk; c++) gradV[j * kk + c] = transposeProduct[j * kk + c] * d[c];
        }
        return loss;
      };

      const lossAndGradient = (parameters: Float64Array, gradient: Float64Array): number => {
        const { U, d, V } = views(parameters);
        const grad = views(gradient);
        const count = liveColumns(U, rows, symmetric ? null : V, columns, k, live);
        if (count === k) return evaluate(U, d, V, k, grad.U, grad.d, grad.V);
        packColumns(U, rows, k, live, count, packed.U);
        for (let a = 0; a < count; a++) packed.d[a] = d[live[a]];
        if (!symmetric) packColumns(V, columns, k, live, count, packed.V);
        const loss = evaluate(packed.U, packed.d, symmetric ? packed.U : packed.V, count, packed.gradU, packed.gradD, packed.gradV);
        unpackColumns(packed.gradU, rows, k, live, count, grad.U);
        grad.d.fill(0);
        for (let a = 0; a < count; a++) grad.d[live[a]] = packed.gradD[a];
        if (!symmetric) unpackColumns(packed.gradV, columns, k, live, count, grad.V);
        return loss;
      };

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
        product(parameters) {
          const { U, d, V } = views(parameters);
          for (let i = 0; i < rows; i++) for (let c = 0; c < k; c++) scaledU[i * k + c] = U[i * k + c] * d[c];
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

/**
 * Burer-Monteiro factorization X = U V^T (symmetric: U U^T) trained by plain gradient descent,
 * with G = A^*(A(X) - b):
 *
 *   grad_U = G V, grad_V = G^T U  (symmetric: grad_U = (G + G^T) U).
 *
 * Initialization: U_0, V_0 = xi N(0, 1) entrywise from createRandom(seed), U then V. Its implicit
 * low-rank bias needs a small xi (Gunasekar et al. 2017; Arora et al. 2019).
 *
 * Defaults: eta = 1e-2, xi = 1e-3. With the presets' RMS-1 entries, eta = 3e-2 already stalls on
 * PAPER_COMPLETION, and eta = 0.1 diverges within 10 steps there and on ARORA_COMPLETION_5000
 * (reported as divergence; seed 1), though not on ARORA_COMPLETION_2000.
 *
 * @param options - width k (default min(n1, n2)), symmetric (default problem.symmetric).
 * @returns the model.
 * @throws FactorflowInputError when bound: `out-of-range` on a bad width, `shape` for the symmetric
 *   model on a non-square problem.
 * @example
 * ```ts
 * trainFactorization(problem, burerMonteiro({ width: 10 }), { seed: 1, eta: 1e-3, xi: 1e-3 });
 * ```
 */
export function burerMonteiro(options: BurerMonteiroOptions = {}): FactorizationModel<BurerMonteiroFactors> {
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
      const residual = new Float64Array(measurementCount(operator));
      const transposeProduct = new Float64Array(columns * k);
      const pairs = symmetric ? symmetricPairs(operator, observations) : null;
      const live = new Int32Array(k);
      const packed = {
        U: new Float64Array(sizeU),
        V: new Float64Array(columns * k),
        gradU: new Float64Array(sizeU),
        gradV: new Float64Array(columns * k),
      };
      const scratch = new Float64Array(parameterCount);

      const views = (parameters: Float64Array) => {
        const U = parameters.subarray(0, sizeU);
        return { U, V: symmetric ? U : parameters.subarray(sizeU, parameterCount) };
      };

      /** f and its gradient for factors of width kk (V === U when symmetric). */
      const evaluate = (U: Float64Array, V: Float64Array, kk: number, gradU: Float64Array, gradV: Float64Array): number => {
        if (pairs !== null) return symmetricResidualAndProduct(pairs, U, U, kk, residual, gradU);
        const loss = residualOf(operator, observations, U, V, kk, residual);
        adjointTimesInto(operator, residual, V, kk, gradU);
        if (symmetric) {
          adjointTransposeTimesInto(operator, residual, U, kk, transposeProduct);
          for (let index = 0; index < rows * kk; index++) gradU[index] += transposeProduct[index];
        } else {
          adjointTransposeTimesInto(operator, residual, U, kk, gradV);
        }
        return loss;
      };

      const lossAndGradient = (parameters: Float64Array, gradient: Float64Array): number => {
        const { U, V } = views(parameters);
        const grad = views(gradient);
        const count = liveColumns(U, rows, symmetric ? null : V, columns, k, live);
        if (count === k) return evaluate(U, V, k, grad.U, grad.V);
        packColumns(U, rows, k, live, count, packed.U);
        if (!symmetric) packColumns(V, columns, k, live, count, packed.V);
        const loss = evaluate(packed.U, symmetric ? packed.U : packed.V, count, packed.gradU, packed.gradV);
        unpackColumns(packed.gradU, rows, k, live, count, grad.U);
        if (!symmetric) unpackColumns(packed.gradV, columns, k, live, count, grad.V);
        return loss;
      };

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

/**
 * Depth-3 matrix factorization X = W3 W2 W1 (Arora et al. 2019, "Implicit regularization in deep
 * matrix factorization", depth N = 3), W3 n1 x k, W2 k x k, W1 k x n2, plain gradient
 * descent with G = A^*(A(X) - b):
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
 * @throws FactorflowInputError when bound: `out-of-range` on a bad width.
 * @example
 * ```ts
 * trainFactorization(problem, deepFactorization(), { seed: 1 });
 * ```
 */
export function deepFactorization(options: DeepFactorizationOptions = {}): FactorizationModel<DeepFactors> {
  return {
    name: 'deep-3',
    bind(problem) {
      validateProblem(problem);
      const { operator, observations } = problem;
      const { rows, columns } = operator;
      const k = requireWidth(options.width, problem, Number.MAX_SAFE_INTEGER);
      const size3 = rows * k;
      const size2 = k * k;
      const size1 = k * columns;
      const parameterCount = size3 + size2 + size1;
      const residual = new Float64Array(measurementCount(operator));
      const left = new Float64Array(rows * k); // W3 W2
      const right = new Float64Array(columns * k); // W1^T
      const gRight = new Float64Array(rows * k); // G W1^T
      const gLeft = new Float64Array(columns * k); // G^T W3 W2

      const views = (parameters: Float64Array) => ({
        W3: parameters.subarray(0, size3),
        W2: parameters.subarray(size3, size3 + size2),
        W1: parameters.subarray(size3 + size2, parameterCount),
      });

      const factorize = (parameters: Float64Array) => {
        const { W3, W2, W1 } = views(parameters);
        multiplyInto(W3, W2, rows, k, k, left);
        for (let c = 0; c < k; c++) for (let j = 0; j < columns; j++) right[j * k + c] = W1[c * columns + j];
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
          return residualOf(operator, observations, left, right, k, residual);
        },
        lossAndGradient(parameters, gradient) {
          const { W3, W2 } = factorize(parameters);
          const loss = residualOf(operator, observations, left, right, k, residual);
          const grads = views(gradient);
          adjointTimesInto(operator, residual, right, k, gRight);
          adjointTransposeTimesInto(operator, residual, left, k, gLeft);
          // grad_W3 = (G W1^T) W2^T.
          for (let i = 0; i < rows; i++) {
            for (let a = 0; a < k; a++) {
              let sum = 0;
              for (let c = 0; c < k; c++) sum += gRight[i * k + c] * W2[a * k + c];
              grads.W3[i * k + a] = sum;
            }
          }
          // grad_W2 = W3^T (G W1^T).
          grads.W2.fill(0);
          for (let i = 0; i < rows; i++) {
            for (let a = 0; a < k; a++) {
              const weight = W3[i * k + a];
              if (weight === 0) continue;
              for (let c = 0; c < k; c++) grads.W2[a * k + c] += weight * gRight[i * k + c];
            }
          }
          // grad_W1 = (G^T W3 W2)^T.
          for (let c = 0; c < k; c++) for (let j = 0; j < columns; j++) grads.W1[c * columns + j] = gLeft[j * k + c];
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

/**
 * ||A||^2 = lambda_max(A^* A), the Lipschitz constant of grad f. Exact for completion (the largest
 * multiplicity of a measured entry, 1 for distinct entries); power iteration on A^* A otherwise,
 * from a fixed seeded start, until the Rayleigh quotient changes by less than 1e-12 relative.
 */
export function operatorNormSquared(operator: MeasurementOperator): number {
  const { rows, columns } = operator;
  if (operator.kind === 'entries') {
    const counts = new Map<number, number>();
    let largest = 0;
    for (let l = 0; l < operator.rowIndex.length; l++) {
      const key = operator.rowIndex[l] * columns + operator.columnIndex[l];
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count > largest) largest = count;
    }
    return largest;
  }
  const size = rows * columns;
  const random = createRandom(0x5eed);
  let vector = Float64Array.from({ length: size }, () => random.normal());
  const measured = new Float64Array(measurementCount(operator));
  const image = new Float64Array(size);
  let estimate = 0;
  for (let iteration = 0; iteration < 1000; iteration++) {
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    for (let index = 0; index < size; index++) vector[index] /= norm;
    measureInto(operator, vector, measured);
    adjointInto(operator, measured, image);
    let quotient = 0;
    for (let index = 0; index < size; index++) quotient += vector[index] * image[index];
    const previous = estimate;
    estimate = quotient;
    vector = image.slice();
    if (iteration > 0 && Math.abs(estimate - previous) <= 1e-12 * estimate) break;
  }
  return estimate;
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
  const matrix = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) matrix.set(i, j, data[i * columns + j] / scale);
  const svd = new SingularValueDecomposition(matrix, { autoTranspose: true });
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
 * The convex baseline min_X f(X) + lambda ||X||_* by proximal gradient (for completion with
 * eta = 1 this is soft-impute, Mazumder, Hastie & Tibshirani 2010):
 *
 *   X_{t+1} = SVT_{eta lambda}(X_t - eta A^*(A(X_t) - b)),  SVT_tau(Y) = U max(S - tau, 0) V^T,
 *
 * eta = 1 / ||A||^2 by default (1 for completion with distinct entries, power iteration on A^* A
 * otherwise). Continuation along the regularization path with warm starts (Mazumder et al.
 * 2010; Toh & Yun 2010): lambda_j = max(floor, lambda_0 decay^(j+1)) with
 * lambda_0 = ||A^*(b)||_2, the smallest lambda at which X = 0 is optimal; stage j ends once a step
 * moves X by at most settleTolerance ||X||_F or after stageIterations steps. Measured on
 * PAPER_COMPLETION (seed 1): the default schedule stops after 986 steps at test error 10.1%,
 * settleTolerance 1e-5 after 3425 steps at 6.5%, a per-step decay of 0.9 at 46%: the path must be
 * followed, not jumped.
 *
 * The run counts as converged only once lambda has reached the floor (a small loss at a large
 * lambda is not yet this baseline's solution), and `finished` stops it when the last stage has
 * settled, which is how noisy problems (whose loss stays near the noise level) end. The SVD is dense
 * (ml-matrix, O(n1 n2 min(n1, n2)) per step, about 17 ms at 100 x 100): fine at the experiments'
 * size. X_0 = 0; xi and the seed are not used.
 *
 * @param options - decay (0.7), settleTolerance (1e-4), stageIterations (100), floor (1e-8 lambda_0
 *   noiseless, else 2 noise ||A^*(g)||_2 with g ~ N(0, I) from a fixed seed).
 * @returns the model.
 * @throws FactorflowInputError when bound: `out-of-range` on a decay outside (0, 1), a negative
 *   floor or tolerance, or a stageIterations below 1.
 * @example
 * ```ts
 * trainFactorization(problem, nuclearNorm(), { seed: 1, maxIterations: 3000 });
 * ```
 */
export function nuclearNorm(options: NuclearNormOptions = {}): FactorizationModel<NuclearNormFactors> {
  return {
    name: 'nuclear-norm',
    bind(problem) {
      validateProblem(problem);
      const { operator, observations } = problem;
      const { rows, columns } = operator;
      const decay = options.decay ?? 0.7;
      if (typeof decay !== 'number' || !(decay > 0 && decay < 1)) {
        throw new FactorflowInputError('out-of-range', 'decay', `must be in (0, 1), got ${String(decay)}; lambda shrinks by this factor per stage.`);
      }
      const settleTolerance = options.settleTolerance ?? 1e-4;
      if (typeof settleTolerance !== 'number' || !(settleTolerance >= 0 && settleTolerance < Infinity)) {
        throw new FactorflowInputError('out-of-range', 'settleTolerance', `must be a finite number >= 0, got ${String(settleTolerance)}.`);
      }
      const stageIterations = requireInteger(options.stageIterations ?? 100, 'stageIterations', 1, Number.MAX_SAFE_INTEGER);
      const size = rows * columns;
      const m = measurementCount(operator);
      const lipschitz = operatorNormSquared(operator);
      const back = new Float64Array(size);
      adjointInto(operator, observations, back);
      const lambda0 = spectralNormOf(back, rows, columns);
      let floor: number;
      if (options.floor !== undefined) {
        if (typeof options.floor !== 'number' || !Number.isFinite(options.floor) || options.floor < 0) {
          throw new FactorflowInputError('out-of-range', 'floor', `must be a finite number >= 0, got ${String(options.floor)}.`);
        }
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
        let sum = 0;
        for (let l = 0; l < m; l++) {
          const gap = residual[l] - observations[l];
          residual[l] = gap;
          sum += gap * gap;
        }
        return 0.5 * sum;
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

/**
 * Trains a factorization model on (LS) by (projected or proximal) gradient descent,
 *
 *   p_{t+1} = project(p_t - eta grad f(p_t)),
 *
 * until f(X_t) <= lossTolerance f(0) (converged), t = maxIterations, the model's own stopping rule
 * (nuclear norm), or divergence: a loss that is not finite or exceeds 1e10 max(f(X_0), f(0)) stops
 * the run and is reported in `diverged` with its iteration; the returned X is then the last iterate
 * before it, never NaN.
 *
 * After each gradient step, entries of magnitude below 2^-1022 (subnormal) are set to 0 before the
 * projection, as flush-to-zero hardware does; this changes nothing representable in X and keeps
 * x86 arithmetic at full speed when factor columns decay (see the comment in the loop).
 *
 * @param problem - A, b and (optionally) X*.
 * @param model - from {@link udv}, {@link burerMonteiro}, {@link deepFactorization} or {@link nuclearNorm}.
 * @param options - seed (required); eta, xi (model defaults); maxIterations (1e5); lossTolerance
 *   (1e-8, relative to f(0) = ||b||^2 / 2); record (100); initial parameters.
 * @returns X, the model's factors, iterations, loss, converged, diverged, history.
 * @throws FactorflowInputError on a malformed problem or option (`out-of-range`, `not-finite`,
 *   `shape`); divergence is returned, not thrown.
 * @example
 * ```ts
 * const problem = completionProblem({ ...PAPER_COMPLETION, seed: 1 });
 * const result = trainFactorization(problem, udv(), { seed: 2, eta: 1e-3, xi: 1e-2 });
 * result.converged; result.history.at(-1)?.testError;
 * ```
 */
export function trainFactorization<Factors>(
  problem: LeastSquaresProblem,
  model: FactorizationModel<Factors>,
  options: TrainingOptions,
): TrainingResult<Factors> {
  if (options === null || typeof options !== 'object') {
    throw new FactorflowInputError('out-of-range', 'options', 'expected an object { seed, eta?, xi?, maxIterations?, lossTolerance?, record? }.');
  }
  if (model === null || typeof model !== 'object' || typeof model.bind !== 'function') {
    throw new FactorflowInputError('out-of-range', 'model', 'expected a model from udv(), burerMonteiro(), deepFactorization() or nuclearNorm().');
  }
  const bound = model.bind(validateProblem(problem));
  const eta = requireOptionalPositive(options.eta, bound.defaultEta, 'eta', 'eta is the gradient step size.');
  const xi = requireOptionalPositive(options.xi, bound.defaultXi, 'xi', 'xi is the initialization scale.');
  const seed = requireInteger(options.seed, 'seed', 0, 0xffffffff);
  const maxIterations = requireInteger(options.maxIterations ?? 100_000, 'maxIterations', 0, Number.MAX_SAFE_INTEGER);
  const lossTolerance = requireOptionalPositive(options.lossTolerance, 1e-8, 'lossTolerance', 'it is relative to ||b||^2 / 2.');
  const record = requireInteger(options.record ?? 100, 'record', 1, Number.MAX_SAFE_INTEGER);

  let current: Float64Array =
    options.initial === undefined
      ? bound.initialize(xi, seed)
      : requireFiniteArray(options.initial, bound.parameterCount, 'initial', `the ${bound.name} parameter vector`).slice();
  let next: Float64Array = new Float64Array(bound.parameterCount);
  const gradient = new Float64Array(bound.parameterCount);
  const evaluate = testErrorEvaluator(problem);
  const history: TrainingRecord[] = [];

  let lossOfZero = 0;
  for (const value of problem.observations) lossOfZero += value * value;
  lossOfZero *= 0.5;
  const target = lossOfZero > 0 ? lossTolerance * lossOfZero : lossTolerance;

  const snapshot = (iteration: number, loss: number) => {
    history.push({ iteration, loss, testError: evaluate === null ? null : evaluate(bound.product(current)) });
  };

  let limit = Infinity;
  let iteration = 0;
  let loss = NaN;
  let converged = false;
  let stopReason: StopReason = 'max-iterations';
  let diverged: { iteration: number; loss: number } | null = null;
  let lastLoss = NaN;
  for (;;) {
    const value = bound.lossAndGradient(current, gradient);
    if (iteration === 0) limit = DIVERGENCE_FACTOR * Math.max(value, lossOfZero);
    if (!Number.isFinite(value) || value > limit) {
      diverged = { iteration, loss: value };
      stopReason = 'diverged';
      if (iteration > 0) {
        // `next` still holds the previous iterate after the swap below.
        [current, next] = [next, current];
        iteration--;
      }
      loss = lastLoss;
      break;
    }
    loss = value;
    if (value <= target && (bound.settled === undefined || bound.settled(iteration))) {
      converged = true;
      stopReason = 'loss-tolerance';
      break;
    }
    if (iteration > 0 && bound.finished !== undefined && bound.finished()) {
      stopReason = 'model-finished';
      break;
    }
    if (iteration === maxIterations) break;
    if (iteration % record === 0) snapshot(iteration, value);
    for (let index = 0; index < next.length; index++) {
      const stepped = current[index] - eta * gradient[index];
      // Flush to zero below the smallest normal double, as FTZ hardware does: factor columns that
      // the projection keeps shrinking reach the subnormal range, where x86 arithmetic is ~15x
      // slower (measured: 0.45 -> 7.5 ms per udv iteration on PAPER_COMPLETION) and such entries
      // contribute nothing representable to X. NaN fails both comparisons and passes through.
      next[index] = stepped > -MIN_NORMAL && stepped < MIN_NORMAL ? 0 : stepped;
    }
    bound.project(next, eta, iteration);
    [current, next] = [next, current];
    lastLoss = value;
    iteration++;
  }
  if (Number.isFinite(loss) && (history.length === 0 || history[history.length - 1].iteration !== iteration)) {
    snapshot(iteration, loss);
  }
  return {
    X: bound.product(current),
    rows: problem.operator.rows,
    columns: problem.operator.columns,
    factors: bound.factors(current),
    parameters: current.slice(),
    iterations: iteration,
    loss,
    converged,
    stopReason,
    diverged,
    eta,
    xi,
    history,
  };
}
