/**
 * The t-independent part of the stable closed form of Proposition 1 (Min & Vidal 2025, eq. (5)):
 * Y's eigendecomposition and a pivoted factor of Phi^T W0 Phi, with a record of what rounding
 * left undetermined about W0 (see riccati.ts for the derivation and factorization.ts for the bounds).
 */
import { FactorflowInputError } from '../errors.js';
import { type MatrixInput, requireInitialization, requireRepresentableSquare, toMatrix, toSymmetricMatrix } from '../validate.js';
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
  readonly causes: readonly ('basis' | 'factor' | 'W0' | 'subnormal')[];
}

/**
 * An eigen-direction of Y along which W0 has a component that was kept, but is known only to a
 * relative accuracy `bound / component` coarse enough to matter: the mode is learned at a time
 * off by about that fraction of 1 / (2 lambda), so W(t) around its transition may be off by up
 * to about (bound / component) lambda.
 */
export interface UncertainDirection extends UnresolvedDirection {
  /** The computed component of U0 along this eigenvector (units of U0); `bound` is its uncertainty. */
  readonly component: number;
}

/**
 * How well the initial condition determines W(t): whether the answer depends on components of
 * W0 at the rounding level of its change of basis or factorization.
 */
export interface InitialConditioning {
  /** Phi is a signed permutation (Y diagonal up to order): the change of basis is exact. */
  readonly exactBasis: boolean;
  /** Directions with lambda > 0 where a hidden component could grow; empty when W(t) is determined for every t. */
  readonly droppedDirections: readonly UnresolvedDirection[];
  /**
   * Kept directions with lambda > 0 whose relative uncertainty could move W(t) by more than
   * 1e-10 ||Y||_2 around their transition; empty when none.
   */
  readonly uncertainDirections: readonly UncertainDirection[];
  /** The earliest `from` of the dropped and uncertain directions: W(t) is accurate to rounding up to it; `null` when none. */
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
 * on what rounding hid there; `conditioning` says so, and from which time. So it does for a kept
 * component known only coarsely (a rotated W0 with eigenvalues near eps ||W0||, whose factoring
 * rounds at that level): its mode is learned at a time off by that fraction of 1 / (2 lambda_i).
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
  const change = basisChange(phi, n, start.data, start.columns, target.exactVectors);
  const factoring = factoringNoise(phi, n, start.rounding, change.projected, start.columns);
  const noise = change.noise.map((value, i) => value + factoring[i]);
  const lower = pivotedLowerFactor(change.projected, n, start.columns, noise);
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
    const causes = causesOf(change.noise[i] > 0 && lower.hidden[i] > 0, lower.reflectionNoise[i] > 0 && lower.hidden[i] > 0, hiddenInW0[i] > 0 || (factoring[i] > 0 && lower.hidden[i] > 0));
    // In logarithms: bound^2 underflows for the components this is about.
    const timeToReach = (level: number): number => Math.max(0, (Math.log(level) - 2 * Math.log(bound)) / (2 * lambda[i]));
    droppedDirections.push({ index: i, lambda: lambda[i], bound, from: timeToReach(Number.EPSILON * scale), saturatesBy: timeToReach(lambda[i]), causes });
  }
  const uncertainDirections: UncertainDirection[] = [];
  pivots.forEach((i, j) => {
    const component = Math.abs(factor[i * pivots.length + j]);
    // The row's whole error bound: basis change, factoring W0, the reflections before it became a
    // pivot, and for a component below the normal doubles the absolute rounding (2^-1075 per
    // operation) of the subnormal arithmetic that evaluating its mode then takes.
    const subnormal = component < MIN_NORMAL;
    const bound = noise[i] + lower.reflectionNoise[i] + (subnormal ? SUBNORMAL_ERROR : 0);
    if (!(lambda[i] > 0) || bound === 0 || (bound / component) * lambda[i] <= UNCERTAIN_TOLERANCE * scale) return;
    // The uncertain part shows first through the cross term 2 component bound e^{2 lambda t}.
    const from = Math.max(0, (Math.log(Number.EPSILON * scale) - Math.log(2 * component) - Math.log(bound)) / (2 * lambda[i]));
    const saturatesBy = Math.max(0, (Math.log(lambda[i]) - 2 * Math.log(component)) / (2 * lambda[i]));
    const causes = causesOf(change.noise[i] > 0, lower.reflectionNoise[i] > 0, factoring[i] > 0, subnormal);
    uncertainDirections.push({ index: i, lambda: lambda[i], bound, component, from, saturatesBy, causes });
  });
  const unreliable = [...droppedDirections, ...uncertainDirections];
  const conditioning: InitialConditioning = {
    exactBasis: change.exact,
    droppedDirections,
    uncertainDirections,
    reliableUntil: unreliable.length === 0 ? null : Math.min(...unreliable.map((direction) => direction.from)),
    warning: conditioningWarning(droppedDirections, uncertainDirections, scaledNorm(start.data, 0, start.data.length), 'W0' in init),
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

/**
 * Relative size ((bound / component) lambda / ||Y||_2) of the first-order error a kept component's
 * uncertainty can cause in W(t) beyond which it is reported: far above what the rounding bounds give
 * for a generic initialization (about n^2 eps for n up to a few hundred), far below what matters
 * to a reader; a rotated W0 with eigenvalues at eps ||W0|| is off by 1e-3 ||Y||_2 at its transitions.
 */
const UNCERTAIN_TOLERANCE = 1e-10;

/** The computations whose rounding a direction's bound comes from, in a fixed order. */
function causesOf(basis: boolean, factor: boolean, w0: boolean, subnormal = false): UnresolvedDirection['causes'] {
  return [
    ...(basis ? (['basis'] as const) : []),
    ...(factor ? (['factor'] as const) : []),
    ...(w0 ? (['W0'] as const) : []),
    ...(subnormal ? (['subnormal'] as const) : []),
  ];
}

/**
 * The rounding of factoring W0 as a bound on the error of each row of Phi^T L: the backward error
 * E of pivoted Cholesky (L L^T = W0 + E, |E_kl| <= sqrt(e_k e_l) with e its diagonal bound, since
 * |L| |L|^T is a Gram matrix) changes the squared norm of row i of Phi^T L by at most
 * tau_i = ((|Phi|^T sqrt(e))_i)^2, so the row, of computed norm c_i, by at most
 * sqrt(c_i^2 + tau_i) - c_i = tau_i / (c_i + sqrt(c_i^2 + tau_i)): tau_i / (2 c_i) for a well
 * determined row, sqrt(tau_i) for an empty one. Zero for { U0 } and wherever nothing was rounded.
 */
function factoringNoise(phi: Float64Array, n: number, rounding: Float64Array, projected: Float64Array, r: number): Float64Array {
  if (!rounding.some((value) => value > 0)) return new Float64Array(n);
  const spread = basisProduct(phi.map(Math.abs), n, rounding.map(Math.sqrt), 1, true);
  return spread.map((root, i) => {
    const tau = root * root;
    const size = scaledNorm(projected, i * r, (i + 1) * r);
    return tau === 0 ? 0 : tau / (size + Math.sqrt(size * size + tau));
  });
}

const CAUSE_TEXT = {
  basis: "the change of basis Phi^T U0 (Y's computed eigenvectors)",
  factor: 'the pivoted LQ factor of Phi^T U0',
  W0: 'factoring W0',
  subnormal: 'subnormal arithmetic (a component below 2.2e-308; rescale Y -> 4^k Y, U0 -> 2^k U0, t -> t / 4^k to avoid it)',
} as const;

/** The smallest positive normal double, 2^-1022. */
const MIN_NORMAL = 2 ** -1022;

/**
 * Absolute error of evaluating a mode whose component is subnormal: a few operations at 2^-1075
 * each (the component is multiplied, squared and combined before it reaches W). With the component
 * itself at 2^-1074 this makes its relative uncertainty of order 1, as observed (u0 = 2^-1074 gave
 * W = 1.0 where the flow is at 0.982).
 */
const SUBNORMAL_ERROR = 2 ** -1071;

/** The one-paragraph warning of {@link InitialConditioning}, or null when nothing is undetermined. */
function conditioningWarning(dropped: readonly UnresolvedDirection[], uncertain: readonly UncertainDirection[], size: number, fromW0: boolean): string | null {
  if (dropped.length === 0 && uncertain.length === 0) return null;
  const unit = fromW0 ? 'trace(W0)^{1/2}' : '||U0||_F';
  const causeText = (directions: readonly UnresolvedDirection[]) => [...new Set(directions.flatMap((direction) => direction.causes))].map((cause) => CAUSE_TEXT[cause]).join(' and ');
  const lambdas = (directions: readonly UnresolvedDirection[]) => directions.map((direction) => direction.lambda.toPrecision(4)).join(', ');
  const earliest = (values: readonly number[]) => Math.min(...values).toPrecision(4);
  const parts: string[] = [];
  if (dropped.length > 0) {
    const relative = Math.max(...dropped.map((direction) => direction.bound)) / size;
    parts.push(
      `W0 may have components of up to ${relative.toExponential(2)} ${unit} along ${dropped.length} eigenvector(s) of Y ` +
        `with lambda = ${lambdas(dropped)}, below the rounding error of ${causeText(dropped)}; they were taken as 0. They cannot change W(t) ` +
        `by more than eps ||Y||_2 before t = ${earliest(dropped.map((d) => d.from))}, but could saturate their modes by t = ${earliest(dropped.map((d) => d.saturatesBy))}, ` +
        'so W(t) after that depends on digits the input does not determine.',
    );
  }
  if (uncertain.length > 0) {
    const relative = Math.max(...uncertain.map((direction) => direction.bound / direction.component));
    parts.push(
      `The components of W0 along ${uncertain.length} eigenvector(s) of Y with lambda = ${lambdas(uncertain)} are known only to a relative ` +
        `${relative.toExponential(2)}, the rounding error of ${causeText(uncertain)}: W(t) from t = ${earliest(uncertain.map((d) => d.from))}, ` +
        `around the transitions near t = ${earliest(uncertain.map((d) => d.saturatesBy))}, may be off by up to about that fraction of lambda.`,
    );
  }
  // A subnormal component is the only cause: the basis is exact, and rescaling is the remedy its text names.
  if ([...dropped, ...uncertain].every((direction) => direction.causes.every((cause) => cause === 'subnormal'))) return parts.join(' ');
  return (
    `${parts.join(' ')} For an exact answer give Y diagonal (its eigenbasis is then exact)` +
    `${fromW0 ? ', or W0 as a factor { U0 }' : ''}, or remove the rounding-level components along these eigenvectors.`
  );
}

/** U0 (n x r, row-major) from either form of the initial condition, with what factoring W0 may have hidden and its rounding bounds (zeros for U0). */
function initialFactor(init: Initialization, n: number): { columns: number; data: Float64Array; hidden: Float64Array; rounding: Float64Array } {
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
    return { columns: u0.columns, data, hidden: new Float64Array(n), rounding: new Float64Array(n) };
  }
  const w0 = toSymmetricMatrix(init.W0, 'init.W0');
  if (w0.rows !== n) {
    throw new FactorflowInputError('shape', 'init.W0', `is ${w0.rows} x ${w0.columns} but Y is ${n} x ${n}.`);
  }
  const entries = toRowMajor(w0);
  requirePsdSpectrum(symmetricEigenvalues(entries, n), 'init.W0', 'W0 = U0 U0^T in Proposition 1');
  const { factor, rank, hidden, rounding } = pivotedCholesky(entries, n);
  return { columns: rank, data: factor, hidden, rounding };
}
