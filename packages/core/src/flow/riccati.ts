/**
 * The closed-form solution of the matrix Riccati ODE W' = WY + YW - 2W^2 (Min & Vidal 2025,
 * Proposition 1, eqs. (4)-(6)), in a form that is stable for every t >= 0 and every
 * symmetric Y.
 *
 * Derivation of the stable form. Write Y = Phi diag(lambda) Phi^T and W0 = U0 U0^T with
 * U~ = Phi^T U0 (n x r). By the push-through identity (Remark III-C2's Woodbury form),
 *
 *   Phi^T W(t) Phi = E U~ (I_r + U~^T G U~)^{-1} U~^T E,  E = diag(e^{lambda_i t}),
 *   G = diag(g_i),  g_i = (e^{2 lambda_i t} - 1) / lambda_i  (= 2t when lambda_i = 0).
 *
 * The literal form overflows once lambda t ~ 355 and loses every digit of the slower modes
 * long before: e^{2 lambda_1 t} swamps e^{2 lambda_k t}. Three steps remove every growing
 * exponential:
 *
 * 1. Right-multiply U~ by an orthogonal T so that L = U~ T is lower trapezoidal with pivot
 *    rows p_1 < p_2 < ... (an LQ factorization taken row by row in decreasing lambda, with column
 *    swaps to the largest entry and reflections only where a row has more than one entry left).
 *    Column j of L vanishes above p_j, so every entry of column j sits in a row with
 *    lambda_i <= lambda_{p_j}. A row whose part outside the earlier pivots' span is not larger
 *    than the rounding error of computing it is set to zero: the error is bounded row by row
 *    (zero for a diagonal Y, whose Phi is a permutation), so a genuinely tiny component is never
 *    dropped for being tiny (factorization.ts holds the bounds, riccatiModel.ts the model and what
 *    the dropped rows mean for the answer). `{ W0 }` is first factored as W0 = L0 L0^T by pivoted
 *    Cholesky and then takes this route with U0 = L0.
 * 2. Scale column j by D_j = e^{lambda_{p_j}^+ t}, lambda^+ = max(lambda, 0). With
 *    s_ij = e^{(lambda_i^+ - lambda_{p_j}^+) t} <= 1 and gamma_i = (1 - e^{-2|lambda_i| t}) / |lambda_i|
 *    (= 2t at lambda_i = 0, always in (0, min(2t, 1/|lambda_i|)]) one has the exact identities
 *
 *      E L D^{-1}                     = diag(e^{lambda_i^- t}) S^,   S^_ij = s_ij L_ij,
 *      D^{-1} (I + L^T G L) D^{-1}    = D^{-2} + C^T C,              C = diag(sqrt(gamma)) S^,
 *
 *    so Phi^T W Phi = B (D^{-2} + C^T C)^{-1} B^T with B = diag(e^{lambda^- t}) S^, and every
 *    factor has entries bounded by those of L.
 * 3. Never form D^{-2} + C^T C: a Householder QR of the stacked matrix [D^{-1}; C] = Q R gives
 *    Phi^T W Phi = F F^T with F = B R^{-1}, so W(t) = (Phi F)(Phi F)^T is PSD by construction
 *    and its eigenvalues are the squared singular values of F.
 *
 * Cost: O(n r^2) once (eigendecomposition O(n^3)), then per time 2 n r^2 for the QR (its top block
 * is diagonal, so each reflection touches n + 1 rows: linalg/qr.ts), n r^2 for F = B R^{-1} (by
 * blocks of columns: linalg/triangular.ts), and 2 n^2 r to 4 n^2 r more to form W (G = Phi F by a
 * blocked product, then W = G G^T by `outerProduct` in linalg/dense.ts).
 *
 * Note on the paper's proof: with A = Sigma_Y and Q = 0 in (7)-(8), equation (4) has the form
 * P' = AP + PA - P R P with R = 2 I_n (the factor 2 of -2W^2), not R = I_n as printed; X1, X2 of
 * (9) solve (8) only for R = 2 I_n (riccati.test.ts checks this numerically). The closed form (5)
 * itself is right.
 */
import { Matrix } from 'ml-matrix';

import { growthIntegral } from './growth.js';
import { type Initialization, type InitialConditioning, type RiccatiModel, riccatiModel, timeScaleOf } from './riccatiModel.js';
import { type MatrixInput, requireFlag, requireOptions, requireRiccatiModel, requireTime, requireTimes } from '../validate.js';
import { basisProduct, isSparseBasis, outerProduct } from '../linalg/dense.js';
import { diagonalStackedQrInto } from '../linalg/qr.js';
import { solveUpperRightInto } from '../linalg/triangular.js';
import { type PreparedTarget, factorSpectrum } from '../linalg/spectral.js';

/** Reusable buffers for evaluating one model at many times without allocation. */
export interface Workspace {
  /** D^{-1}, the diagonal top block of the stacked matrix. */
  readonly inverseScale: Float64Array;
  /** C, column-major n x rank, overwritten by the QR's reflectors. */
  readonly lower: Float64Array;
  readonly bScaled: Float64Array;
  /** R, row-major rank x rank. */
  readonly triangle: Float64Array;
  readonly factorAtT: Float64Array;
  /** Phi F, row-major n x rank. */
  readonly basisFactor: Float64Array;
  /** Whether Phi skips its zeros in {@link basisProduct}, decided once rather than per time. */
  readonly sparseBasis: boolean;
}

/** Buffers for {@link stackedQrInto}, {@link solveFactorInto} and {@link assembleW} on one model (Min & Vidal 2025, eq. (5)). Internal helper. */
export function createWorkspace(model: RiccatiModel): Workspace {
  const { n, rank } = model;
  return {
    inverseScale: new Float64Array(rank),
    lower: new Float64Array(n * rank),
    bScaled: new Float64Array(n * rank),
    triangle: new Float64Array(rank * rank),
    factorAtT: new Float64Array(n * rank),
    basisFactor: new Float64Array(n * rank),
    sparseBasis: isSparseBasis(model.phi, n),
  };
}

/**
 * F(t) with Phi^T W(t) Phi = F F^T (n x rank, row-major, in Y's eigenbasis): steps 2 and 3 of
 * the derivation above. Writes into and returns `work.factorAtT`.
 */
function eigenbasisFactor(model: RiccatiModel, t: number, work: Workspace): Float64Array {
  stackedQrInto(model, t, work);
  return solveFactorInto(work, model.n, model.rank);
}

/**
 * Step 2 and the QR of step 3 of the derivation above (Min & Vidal 2025, eq. (5)): B = diag(e^{lambda^- t}) S^
 * into `work.bScaled`, and R of [D^{-1}; C] into `work.triangle`. Separate from
 * {@link solveFactorInto} so that the benchmark can time each phase. Internal helper, no validation.
 */
export function stackedQrInto(model: RiccatiModel, t: number, work: Workspace): void {
  const { n, rank, lambda, pivots, factor } = model;
  const { inverseScale, lower, bScaled, triangle } = work;
  for (let j = 0; j < rank; j++) inverseScale[j] = Math.exp(-Math.max(lambda[pivots[j]], 0) * t);
  for (let i = 0; i < n; i++) {
    const positive = Math.max(lambda[i], 0);
    const decay = Math.exp(Math.min(lambda[i], 0) * t);
    const rootGamma = Math.sqrt(growthIntegral(lambda[i], t));
    // s_ij depends on j only through lambda_{p_j}^+, which is non-increasing in j and often repeats
    // (every pivot with lambda <= 0 has rate 0): one exponential per run of equal rates.
    let rate = Number.NaN;
    let growth = 0;
    for (let j = 0; j < rank; j++) {
      const entry = factor[i * rank + j];
      // Above its pivot a column is zero, and there s_ij = e^{(lambda_i^+ - lambda_p^+) t} may overflow.
      if (entry === 0) {
        bScaled[i * rank + j] = 0;
        lower[j * n + i] = 0;
        continue;
      }
      const pivotRate = Math.max(lambda[pivots[j]], 0);
      if (pivotRate !== rate) {
        rate = pivotRate;
        growth = Math.exp((positive - pivotRate) * t);
      }
      const scaled = growth * entry;
      bScaled[i * rank + j] = decay * scaled;
      lower[j * n + i] = rootGamma * scaled;
    }
  }
  diagonalStackedQrInto(inverseScale, lower, n, rank, triangle);
}

/**
 * F = B R^{-1} from `work.bScaled` and `work.triangle` (step 3 of the derivation above; Min & Vidal
 * 2025, eq. (5)), into and returning `work.factorAtT`. Internal helper, no validation.
 */
export function solveFactorInto(work: Workspace, n: number, rank: number): Float64Array {
  const { bScaled, triangle, factorAtT } = work;
  factorAtT.set(bScaled.subarray(0, n * rank));
  return solveUpperRightInto(factorAtT, triangle, n, rank);
}

/** W = (Phi F)(Phi F)^T (Min & Vidal 2025, eq. (5)) from F of {@link solveFactorInto}. Internal helper, no validation. */
export function assembleW(model: RiccatiModel, eigenFactor: Float64Array, work: Workspace): Matrix {
  const { n, rank, phi } = model;
  return outerProduct(basisProduct(phi, n, eigenFactor, rank, false, work.basisFactor, work.sparseBasis), n, rank);
}

/**
 * A function t -> F(t) for one model with Phi^T W(t) Phi = F F^T, W(t) of Proposition 1
 * (Min & Vidal 2025, eq. (5)) in the stable form above; F is n x model.rank, row-major, in Y's
 * eigenbasis. Buffers are reused: the returned array is overwritten by the next call. This is
 * the primitive the planners and the window search evaluate thousands of times.
 *
 * @param model - from {@link riccatiModel}.
 * @returns t -> F(t); throws FactorflowInputError for t outside [0, 1e300 / ||Y||_2] (see `MAX_TIME`).
 * @example
 * ```ts
 * const factorAt = eigenbasisFactorEvaluator(riccatiModel(Y, { U0 }));
 * const F = factorAt(2.5); // W(2.5) = Phi F F^T Phi^T
 * ```
 */
export function eigenbasisFactorEvaluator(model: RiccatiModel): (t: number) => Float64Array {
  requireRiccatiModel(model);
  const work = createWorkspace(model);
  const scale = timeScaleOf(model.lambda);
  return (t: number) => eigenbasisFactor(model, requireTime(t, 't', scale), work);
}

/**
 * W(t) of Proposition 1 (Min & Vidal 2025, eq. (5)-(6)): the solution of
 * W' = WY + YW - 2W^2, W(0) = W0 (eq. (4)), equivalently W = U U^T for the gradient flow
 * U' = (Y - U U^T) U of eq. (2).
 *
 * Evaluated in the overflow-free form derived at the top of this module, valid for every
 * t >= 0 and every symmetric Y (indefinite, singular), for W0 of any rank (r < n uses the
 * Woodbury form of Remark III-C2). Relative accuracy is that of a backward-stable QR on
 * factors whose entries are bounded by those of Phi^T U0: no e^{+lambda t} is ever formed.
 *
 * @param Y - symmetric n x n target, or its {@link PreparedTarget} (decomposed once for many calls).
 * @param init - `{ U0 }` (n x r, any r) or `{ W0 }` (symmetric PSD, singular allowed).
 * @param t - time, finite, in [0, 1e300 / ||Y||_2] (1e300 time scales of the flow; see `MAX_TIME`).
 * @returns W(t), symmetric PSD n x n. Whether it depends on components of W0 that rounding hid
 *   is in `riccatiModel(Y, init).conditioning` (and in {@link closedFormTrajectory}'s result).
 * @throws FactorflowInputError on malformed input (shape, symmetry, finiteness, W0 not PSD, t < 0
 *   or beyond the time limit).
 * @example
 * ```ts
 * const W = riccatiClosedForm([[3, 0], [0, 1]], { U0: [[1e-3, 0], [0, 1e-3]] }, 5);
 * // W ~ diag(3, 0.0228...): the top mode is learned first
 * ```
 */
export function riccatiClosedForm(Y: MatrixInput | PreparedTarget, init: Initialization, t: number): Matrix {
  requireTime(t, 't');
  const model = riccatiModel(Y, init);
  const work = createWorkspace(model);
  return assembleW(model, eigenbasisFactor(model, requireTime(t, 't', timeScaleOf(model.lambda)), work), work);
}

/** W(t) and its spectrum along a list of times. */
export interface ClosedFormTrajectory {
  readonly times: Float64Array;
  /** W at each time (empty when `matrices: false`), each with storage of its own: the caller may mutate one without changing another. */
  readonly W: Matrix[];
  /** Eigenvalues of W at each time, decreasing, length n (empty when `spectrum: false`). */
  readonly eigenvaluesW: Float64Array[];
  /** Rank of W0, hence of W(t) for every t. */
  readonly rank: number;
  /** Whether W(t) depends on components of W0 that rounding hid, and from when (see {@link riccatiModel}). */
  readonly conditioning: InitialConditioning;
}

/**
 * W(t) of Proposition 1 (Min & Vidal 2025, eq. (5)) at many times from one eigendecomposition
 * and one pivoted factorization: the fast path the planners, the verification suites and the
 * docs use. Also returns the eigenvalues sigma_i(W(t)) (Figure 1's curves).
 *
 * @param Y - symmetric n x n target, or its {@link PreparedTarget} (decomposed once for many calls).
 * @param init - `{ U0 }` or `{ W0 }` as in {@link riccatiClosedForm}.
 * @param times - finite times in [0, 1e300 / ||Y||_2], any order.
 * @param options - `matrices: false` skips forming W (O(n^2 r) per time) when only the spectrum is
 *   needed; `spectrum: false` skips the eigenvalues (an r x r eigendecomposition per time).
 * @returns W and its eigenvalues per time, the rank of W0, and the {@link InitialConditioning}: its
 *   `warning` is non-null when W(t) from some time on depends on components of W0 below rounding.
 * @throws FactorflowInputError as {@link riccatiClosedForm}.
 * @example
 * ```ts
 * const { eigenvaluesW, conditioning } = closedFormTrajectory(Y, { U0 }, [0, 1, 2, 4], { matrices: false });
 * conditioning.warning; // null unless the answer depends on rounding-level components
 * ```
 */
export function closedFormTrajectory(
  Y: MatrixInput | PreparedTarget,
  init: Initialization,
  times: ArrayLike<number>,
  options: { readonly matrices?: boolean; readonly spectrum?: boolean } = {},
): ClosedFormTrajectory {
  requireOptions(options, 'options', '{ matrices?, spectrum? }');
  requireFlag(options.matrices, true, 'options.matrices');
  requireFlag(options.spectrum, true, 'options.spectrum');
  requireTimes(times, 'times');
  const model = riccatiModel(Y, init);
  const checkedTimes = requireTimes(times, 'times', timeScaleOf(model.lambda));
  const work = createWorkspace(model);
  const W: Matrix[] = [];
  const eigenvaluesW: Float64Array[] = [];
  for (const t of checkedTimes) {
    const eigenFactor = eigenbasisFactor(model, t, work);
    if (options.matrices !== false) W.push(assembleW(model, eigenFactor, work));
    if (options.spectrum !== false) eigenvaluesW.push(factorSpectrum(eigenFactor, model.n, model.rank));
  }
  return { times: checkedTimes, W, eigenvaluesW, rank: model.rank, conditioning: model.conditioning };
}
