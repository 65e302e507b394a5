/**
 * The t-independent part of the stable closed form of Proposition 1 (Min & Vidal 2025, eq. (5)):
 * Y's eigendecomposition and a pivoted factor of Phi^T W0 Phi, with a record of what rounding
 * left undetermined about W0 (see riccati.ts for the derivation and factorization.ts for the bounds).
 */
import { FactorflowInputError } from '../errors.js';
import { type MatrixInput, requireInitialization, toMatrix, toSymmetricMatrix } from '../validate.js';
import { basisProduct, scaledNorm, toRowMajor } from '../linalg/dense.js';
import { type PreparedTarget, requirePsdSpectrum, targetOf } from '../linalg/spectral.js';
import { symmetricEigenvalues } from '../linalg/tridiagonal.js';
import { basisChange, pivotedCholesky, pivotedLowerFactor } from './factorization.js';

/**
 * Initial condition of the flow: W(0) = W0 (symmetric PSD, singular allowed) or W(0) = U0 U0^T
 * for an n x r factor U0 (any r >= 1).
 */
export type Initialization = { readonly W0: MatrixInput } | { readonly U0: MatrixInput };

/**
 * An eigen-direction of Y along which W0 may hold a component that rounding hid: the computed
 * component was not larger than the rounding error of computing it, so it was taken as 0.
 */
export interface UnresolvedDirection {
  /** Index of the eigenvalue of Y (decreasing order), i.e. the row of Phi^T U0. */
  readonly index: number;
  /** lambda_index > 0: a component there grows like e^{lambda t} until its mode saturates. */
  readonly lambda: number;
  /** Upper bound on the hidden component of U0 along this eigenvector (units of U0), beyond the kept directions. */
  readonly bound: number;
  /** Before this time it cannot change W(t) by more than eps ||Y||_2: bound^2 e^{2 lambda t} = eps ||Y||_2. */
  readonly from: number;
  /** By this time it could have saturated its mode (changed W(t) by about lambda): bound^2 e^{2 lambda t} = lambda. */
  readonly saturatesBy: number;
  /** Which computations could hide it: `basis` (Phi and Phi^T U0), `factor` (the pivoted LQ), `W0` (factoring W0). */
  readonly causes: readonly ('basis' | 'factor' | 'W0')[];
}

/**
 * How well the initial condition determines W(t): whether the late-time answer depends on
 * components of W0 at the rounding level of its change of basis or factorization.
 */
export interface InitialConditioning {
  /** Phi is a signed permutation (Y diagonal up to order): the change of basis is exact. */
  readonly exactBasis: boolean;
  /** Directions with lambda > 0 where a hidden component could grow; empty when W(t) is determined for every t. */
  readonly droppedDirections: readonly UnresolvedDirection[];
  /** The earliest `from` of the dropped directions: W(t) is accurate to rounding up to it; `null` when none. */
  readonly reliableUntil: number | null;
  /** What the dropped directions mean for W(t) and how to avoid them; `null` when there are none. */
  readonly warning: string | null;
}

/**
 * Everything about (Y, W0) that does not depend on t: the data every evaluation of the
 * closed form reuses. Plain data; build it with {@link riccatiModel}.
 */
export interface RiccatiModel {
  /** Dimension n of Y. */
  readonly n: number;
  /** Rank rho of the factor of W0 (see {@link riccatiModel}); W(t) has this rank for all t. */
  readonly rank: number;
  /** Eigenvalues of Y in decreasing order. */
  readonly lambda: Float64Array;
  /** Eigenvectors of Y, row-major n x n: phi[i * n + j] = component i of eigenvector j. */
  readonly phi: Float64Array;
  /** Pivot row p_j of each factor column, strictly increasing. */
  readonly pivots: Int32Array;
  /** L, row-major n x rank, with Phi^T W0 Phi = L L^T and L[i, j] = 0 for i < pivots[j]. */
  readonly factor: Float64Array;
  /** What rounding left undetermined about W0, and from when it matters. */
  readonly conditioning: InitialConditioning;
}

/**
 * Precomputes the eigendecomposition of Y and a pivoted factor of Phi^T W0 Phi, the
 * t-independent part of Proposition 1 (Min & Vidal 2025, eq. (5)).
 *
 * Rank decisions use the rounding error actually made, row by row (factorization.ts): a
 * component of Phi^T U0 is dropped only when it is not larger than the error bound of computing
 * it, however small it is otherwise. For a diagonal Y (Phi a permutation) the change of basis is
 * exact, so a graded U0 or W0 (components down to 1e-300 of the largest) keeps every mode. `{ W0 }`
 * is first factored as W0 = L L^T by Cholesky with diagonal pivoting, then follows the `{ U0 }`
 * route with U0 = L, so the two routes agree.
 *
 * Dropping matters because the flow amplifies a component along eigenvector i by e^{lambda_i t}:
 * rounding noise in an empty direction would otherwise grow into a mode the exact initial
 * condition does not have. When a dropped direction has lambda_i > 0 the late-time answer depends
 * on what rounding hid there; `conditioning` says so, and from which time.
 *
 * @param Y - symmetric n x n target (PSD as in the paper, or indefinite), or its {@link PreparedTarget}.
 * @param init - `{ U0 }` (n x r) or `{ W0 }` (n x n symmetric PSD).
 * @returns the model, with its {@link InitialConditioning}.
 * @throws FactorflowInputError on malformed Y or init, W0 not PSD, or a non-representable W0.
 * @example
 * ```ts
 * const model = riccatiModel([[2, 0], [0, 1]], { U0: [[1e-3], [1e-3]] });
 * model.rank; // 1
 * model.conditioning.warning; // null: Y is diagonal, nothing was hidden
 * ```
 */
export function riccatiModel(Y: MatrixInput | PreparedTarget, init: Initialization): RiccatiModel {
  requireInitialization(init);
  const target = targetOf(Y);
  const { n, phi } = target;
  // The model is the caller's plain data; a prepared target's arrays must stay its own.
  const lambda = target.values.slice();
  const start = initialFactor(init, n);
  const change = basisChange(phi, n, start.data, start.columns);
  const lower = pivotedLowerFactor(change.projected, n, start.columns, change.noise);
  const { factor, pivots } = lower;
  // What factoring W0 left out, in Y's eigenbasis: |Phi|^T bounds each row of Phi^T (hidden factor).
  const hiddenInW0 = start.hidden.some((value) => value > 0) ? basisProduct(phi.map(Math.abs), n, start.hidden, 1, true) : start.hidden;
  const isPivot = new Uint8Array(n);
  for (const p of pivots) isPivot[p] = 1;
  const scale = timeScaleOf(lambda);
  const droppedDirections: UnresolvedDirection[] = [];
  for (let i = 0; i < n; i++) {
    const bound = lower.hidden[i] + hiddenInW0[i];
    if (isPivot[i] || !(lambda[i] > 0) || bound === 0) continue;
    const causes: UnresolvedDirection['causes'] = [
      ...(change.noise[i] > 0 && lower.hidden[i] > 0 ? (['basis'] as const) : []),
      ...(lower.reflectionNoise[i] > 0 && lower.hidden[i] > 0 ? (['factor'] as const) : []),
      ...(hiddenInW0[i] > 0 ? (['W0'] as const) : []),
    ];
    // In logarithms: bound^2 underflows for the components this is about.
    const timeToReach = (level: number): number => Math.max(0, (Math.log(level) - 2 * Math.log(bound)) / (2 * lambda[i]));
    droppedDirections.push({ index: i, lambda: lambda[i], bound, from: timeToReach(Number.EPSILON * scale), saturatesBy: timeToReach(lambda[i]), causes });
  }
  const conditioning: InitialConditioning = {
    exactBasis: change.exact,
    droppedDirections,
    reliableUntil: droppedDirections.length === 0 ? null : Math.min(...droppedDirections.map((direction) => direction.from)),
    warning: conditioningWarning(droppedDirections, scaledNorm(start.data, 0, start.data.length), 'W0' in init),
  };
  return { n, rank: pivots.length, lambda, phi: phi.slice(), pivots, factor, conditioning };
}

/**
 * ||Y||_2 = max |lambda_i| from Y's eigenvalues in decreasing order: the rate of the fastest mode,
 * against which times are limited (`MAX_TIME`).
 */
export function timeScaleOf(lambda: Float64Array): number {
  return Math.max(Math.abs(lambda[0]), Math.abs(lambda[lambda.length - 1]));
}

const CAUSE_TEXT = { basis: "the change of basis Phi^T U0 (Y's computed eigenvectors)", factor: 'the pivoted LQ factor of Phi^T U0', W0: 'factoring W0' } as const;

/** The one-paragraph warning of {@link InitialConditioning}, or null when nothing is undetermined. */
function conditioningWarning(directions: readonly UnresolvedDirection[], size: number, fromW0: boolean): string | null {
  if (directions.length === 0) return null;
  const relative = Math.max(...directions.map((direction) => direction.bound)) / size;
  const unit = fromW0 ? 'trace(W0)^{1/2}' : '||U0||_F';
  const from = Math.min(...directions.map((direction) => direction.from));
  const saturates = Math.min(...directions.map((direction) => direction.saturatesBy));
  const causes = [...new Set(directions.flatMap((direction) => direction.causes))].map((cause) => CAUSE_TEXT[cause]).join(' and ');
  const lambdas = directions.map((direction) => direction.lambda.toPrecision(4)).join(', ');
  return (
    `W0 may have components of up to ${relative.toExponential(2)} ${unit} along ${directions.length} eigenvector(s) of Y ` +
    `with lambda = ${lambdas}, below the rounding error of ${causes}; they were taken as 0. They cannot change W(t) ` +
    `by more than eps ||Y||_2 before t = ${from.toPrecision(4)}, but could saturate their modes by t = ${saturates.toPrecision(4)}, ` +
    'so W(t) after that depends on digits the input does not determine. For an exact answer give Y diagonal ' +
    `(its eigenbasis is then exact)${fromW0 ? ', or W0 as a factor { U0 }' : ''}, or remove the rounding-level components along these eigenvectors.`
  );
}

/** U0 (n x r, row-major) from either form of the initial condition, with what factoring W0 may have hidden (zeros for U0). */
function initialFactor(init: Initialization, n: number): { columns: number; data: Float64Array; hidden: Float64Array } {
  if (init === null || typeof init !== 'object' || (!('U0' in init) && !('W0' in init))) {
    throw new FactorflowInputError('not-a-matrix', 'init', 'expected { U0 } (an n x r factor) or { W0 } (an n x n PSD matrix).');
  }
  if ('U0' in init) {
    const u0 = toMatrix(init.U0, 'init.U0');
    if (u0.rows !== n) {
      throw new FactorflowInputError('shape', 'init.U0', `has ${u0.rows} rows but Y is ${n} x ${n}; U0 must be n x r.`);
    }
    const data = toRowMajor(u0);
    requireRepresentableSquare(data, 'init.U0');
    return { columns: u0.columns, data, hidden: new Float64Array(n) };
  }
  const w0 = toSymmetricMatrix(init.W0, 'init.W0');
  if (w0.rows !== n) {
    throw new FactorflowInputError('shape', 'init.W0', `is ${w0.rows} x ${w0.columns} but Y is ${n} x ${n}.`);
  }
  const entries = toRowMajor(w0);
  requirePsdSpectrum(symmetricEigenvalues(entries, n), 'init.W0', 'W0 = U0 U0^T in Proposition 1');
  const { factor, rank, hidden } = pivotedCholesky(entries, n);
  return { columns: rank, data: factor, hidden };
}

/** W0 = U0 U0^T must itself be a finite double matrix. */
function requireRepresentableSquare(u0: Float64Array, argument: string): void {
  let largest = 0;
  for (const entry of u0) largest = Math.max(largest, Math.abs(entry));
  if (!Number.isFinite(largest * largest * u0.length)) {
    throw new FactorflowInputError(
      'out-of-range',
      argument,
      `entries up to ${largest.toExponential(3)} make W0 = U0 U0^T overflow double precision; rescale the problem.`,
    );
  }
}
