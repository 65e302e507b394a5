/**
 * What every factorization model of X for the least-squares problem (LS) f(X) = 1/2 ||A(X) - b||^2
 * provides to the training driver: the U D V^T model of Hou, Sra & Yurtsever (2025) (our reading of
 * the abstract) and its baselines, Burer-Monteiro (Burer & Monteiro 2003), depth 3 (Arora et al.
 * 2019) and the nuclear norm, all behind one loss/gradient/projection interface, and the checks and
 * buffers they share.
 *
 * Every model flattens its unknowns into one parameter vector p and exposes f(p), grad f(p) and a
 * projection (identity for plain descent, the constraint set for udv, the proximal step for the
 * nuclear norm), so `trainFactorization` runs the same iteration p <- project(p - eta grad f(p))
 * for all of them.
 */
import { FactorflowInputError } from '../../errors.js';
import {
  type FieldCheck,
  MAX_ENTRIES,
  optional,
  requireBoolean,
  requireChoice,
  requireFields,
  requireFunction,
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireString,
} from '../../validate.js';
import { type MeasurementOperator, measureFactoredInto } from '../measurements/operator.js';
import { type LeastSquaresProblem, residualLoss } from '../measurements/problem.js';

/**
 * A factorization model bound to one problem (LS) of Hou, Sra & Yurtsever (2025): its parameter
 * vector and the maps the training driver needs. Instances own scratch buffers and are not
 * reentrant (one training run at a time).
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
  /**
   * Moves a caller's initial parameters into the feasible set (in place): udv's Frobenius balls and
   * d >= 0. Absent for models without constraints.
   */
  readonly projectInitial?: (parameters: Float64Array) => void;
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

/**
 * A factorization model of X for (LS): the U D V^T model of Hou, Sra & Yurtsever (2025) or a
 * baseline. Create with `udv`, `burerMonteiro`, `deepFactorization` or `nuclearNorm`; it binds to a
 * problem when trained.
 */
export interface FactorizationModel<Factors> {
  readonly name: string;
  bind(problem: LeastSquaresProblem): BoundModel<Factors>;
}

/** Checks of the options the model factories share, applied when the model is made (before any problem is at hand). */
export const MODEL_OPTION_CHECKS = {
  positive: ((value, argument) => requirePositive(value as number, argument)) as FieldCheck,
  nonNegative: ((value, argument) => requireNonNegative(value as number, argument)) as FieldCheck,
  count: ((value, argument) => requireInteger(value as number, argument, 1, Number.MAX_SAFE_INTEGER)) as FieldCheck,
  flag: requireBoolean as FieldCheck,
} as const;

/** Checks a model factory's options object: undefined (all defaults) or an object whose given fields pass `checks`. */
export function requireModelOptions(options: unknown, shape: string, checks: Readonly<Record<string, FieldCheck>>): void {
  requireFields(options, 'options', shape, Object.fromEntries(Object.entries(checks).map(([key, check]) => [key, optional(check)])));
}

const BOUND_MODEL_FIELDS: Readonly<Record<string, FieldCheck>> = {
  name: requireString,
  parameterCount: (value, argument) => requireInteger(value as number, argument, 0, MAX_ENTRIES),
  defaultEta: MODEL_OPTION_CHECKS.positive,
  defaultXi: MODEL_OPTION_CHECKS.positive,
  ...Object.fromEntries(['initialize', 'lossAndGradient', 'loss', 'project', 'product', 'factors'].map((key) => [key, (value: unknown, argument: string) => requireFunction(value, argument, 'of a BoundModel')])),
  ...Object.fromEntries(['projectInitial', 'settled', 'finished'].map((key) => [key, optional((value, argument) => requireFunction(value, argument, 'of a BoundModel'))])),
};

/** Checks what `model.bind(problem)` returned is a {@link BoundModel} (a custom model may get it wrong). */
export function requireBoundModel<Factors>(bound: unknown): BoundModel<Factors> {
  requireFields(bound, 'model', 'the BoundModel that model.bind(problem) returns', BOUND_MODEL_FIELDS, true);
  return bound as BoundModel<Factors>;
}

/** Checks the normalization option of udv. */
export const requireNormalization: FieldCheck = (value, argument) => requireChoice(value, ['ball', 'sphere'], argument);

/** k, the number of factor columns: min(n1, n2) unless given, then an integer in [1, upper]. */
export function requireWidth(width: number | undefined, problem: LeastSquaresProblem, upper: number): number {
  const { rows, columns } = problem.operator;
  if (width === undefined) return Math.min(rows, columns);
  return requireInteger(width, 'width', 1, upper);
}

/** Throws unless a symmetric model (X = U diag(d) U^T or U U^T) is asked of a square problem. */
export function requireSymmetricShape(symmetric: boolean, problem: LeastSquaresProblem, model: string): void {
  const { rows, columns } = problem.operator;
  if (symmetric && rows !== columns) {
    throw new FactorflowInputError(
      'shape',
      'symmetric',
      `the symmetric ${model} model needs a square X, but the problem is ${rows} x ${columns}; use symmetric: false.`,
    );
  }
}

/** Fills `target` with xi * N(0, 1) draws, the small random initialization of every factor model. */
export function fillGaussian(target: Float64Array, xi: number, random: { normal(): number }): void {
  for (let index = 0; index < target.length; index++) target[index] = xi * random.normal();
}

/** f for X = L R^T, leaving the residual A(L R^T) - b in `residual` for the gradient. */
export function factoredLoss(
  operator: MeasurementOperator,
  observations: Float64Array,
  L: Float64Array,
  R: Float64Array,
  k: number,
  residual: Float64Array,
): number {
  measureFactoredInto(operator, L, R, k, residual);
  return residualLoss(residual, observations);
}
