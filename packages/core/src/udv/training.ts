/**
 * The training driver shared by the U D V^T model of Hou, Sra & Yurtsever (2025) (our reading of
 * the abstract) and its baselines: (projected or proximal) gradient descent on the model's
 * parameter vector, p_{t+1} = project(p_t - eta grad f(p_t)), with the stopping rules, divergence
 * detection and history every experiment reports.
 */
import { FactorflowInputError } from '../errors.js';
import { given, requireFiniteArray, requireInteger, requireOptionalPositive, requireOptions } from '../validate.js';
import { type LeastSquaresProblem, testErrorEvaluator, validateProblem } from './measurements/problem.js';
import { type FactorizationModel, requireBoundModel } from './models/model.js';

/** Options of {@link trainFactorization} (gradient descent on a model of Hou, Sra & Yurtsever 2025 or a baseline). */
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

/** One entry of the training history of {@link trainFactorization}. */
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

/** What {@link trainFactorization} returns: the trained model of Hou, Sra & Yurtsever (2025) or a baseline. */
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
   * (its value in `loss`: +Infinity when it left the doubles); X and factors are then those of the
   * iterate before.
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

/**
 * Trains a factorization model on (LS) f(X) = 1/2 ||A(X) - b||^2 by (projected or proximal)
 * gradient descent, the training of Hou, Sra & Yurtsever (2025) for their U D V^T model and of the
 * baselines (Burer & Monteiro 2003; Arora et al. 2019; the nuclear norm),
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
 * @param model - from `udv`, `burerMonteiro`, `deepFactorization` or `nuclearNorm`.
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
  requireOptions(options, 'options', '{ seed, eta?, xi?, maxIterations?, lossTolerance?, record? }');
  if (model === null || typeof model !== 'object' || typeof model.bind !== 'function') {
    throw new FactorflowInputError('out-of-range', 'model', 'expected a model from udv(), burerMonteiro(), deepFactorization() or nuclearNorm().');
  }
  const bound = requireBoundModel<Factors>(model.bind(validateProblem(problem)));
  const eta = requireOptionalPositive(options.eta, bound.defaultEta, 'eta', 'eta is the gradient step size.');
  const xi = requireOptionalPositive(options.xi, bound.defaultXi, 'xi', 'xi is the initialization scale.');
  const seed = requireInteger(options.seed, 'seed', 0, 0xffffffff);
  const maxIterations = requireInteger(given(options.maxIterations, 100_000), 'maxIterations', 0, Number.MAX_SAFE_INTEGER);
  const lossTolerance = requireOptionalPositive(options.lossTolerance, 1e-8, 'lossTolerance', 'it is relative to ||b||^2 / 2.');
  const record = requireInteger(given(options.record, 100), 'record', 1, Number.MAX_SAFE_INTEGER);

  let current: Float64Array;
  if (options.initial === undefined) {
    current = requireFiniteArray(bound.initialize(xi, seed), bound.parameterCount, 'model', `the parameters model.bind(problem).initialize returns`);
  } else {
    current = requireFiniteArray(options.initial, bound.parameterCount, 'initial', `the ${bound.name} parameter vector`).slice();
    // An infeasible start (outside udv's balls, d < 0) would make the first step leave from outside the constraint set.
    bound.projectInitial?.(current);
  }
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
    if (iteration === 0) {
      // With no earlier iterate to fall back on, a non-finite loss at the start is a matter of the start's scale.
      if (!Number.isFinite(value)) {
        throw new FactorflowInputError(
          'out-of-range',
          options.initial === undefined ? 'xi' : 'initial',
          `the loss at the initial parameters is ${value}; ${options.initial === undefined ? `lower xi (${xi}), or the model's own scale (udv's radius with 'sphere')` : 'give smaller initial parameters'} so that X(p_0) stays within double precision.`,
        );
      }
      limit = DIVERGENCE_FACTOR * Math.max(value, lossOfZero);
    }
    if (!Number.isFinite(value) || value > limit) {
      // NaN and -Infinity are a loss that left the doubles as surely as +Infinity is.
      diverged = { iteration, loss: Number.isNaN(value) ? Infinity : value };
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
      // the projection keeps shrinking reach the subnormal range, where x86 arithmetic is an order
      // of magnitude slower, and such entries contribute nothing representable to X. NaN fails
      // both comparisons and passes through.
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
