/**
 * Whether an initialization shape is a spectral initialization of Min & Vidal (2025), Theorem 3,
 * decided from the matrices, and if so its Theorem 3 plan.
 */
import { FactorflowInputError } from '../errors.js';
import { type MatrixInput, requirePositive, toMatrix, requireOptions } from '../validate.js';
import { type PreparedTarget, requirePsdSpectrum, spectralNorm, symmetricEigen, asPrepared } from '../linalg/spectral.js';
import { type TheoremPlan, optionalAlpha } from './intervals.js';
import { theorem3Plan } from './theorem3.js';

/** Input of {@link spectralShape}: the target, an initialization shape and Theorem 3's tolerance. */
export interface SpectralShapeInput {
  /** Symmetric PSD n x n target, or its {@link PreparedTarget}. */
  readonly Y: MatrixInput | PreparedTarget;
  /** The initialization shape U0bar, n x r (U(0) = alpha^{1/2} U0bar). */
  readonly U0bar: MatrixInput;
  /** Error tolerance of Theorem 3, > 0; outside (0, sigma_{K,Y}] the shape is still classified but not planned. */
  readonly epsilon: number;
  /** Initialization scale the plan is made at; default Theorem 3's alpha_max. */
  readonly alpha?: number;
}

/** Whether U0bar is a spectral initialization, the numbers that decide it, and the Theorem 3 plan. */
export interface SpectralShape {
  /** ||Y W0 - W0 Y||_2 / (||Y||_2 ||W0||_2), W0 = U0bar U0bar^T (0 when W0 = 0). */
  readonly commutator: number;
  /** Largest off-diagonal |(Phi^T W0 Phi)_ij| / ||W0||_2 (0 when W0 = 0). */
  readonly offDiagonal: number;
  /** sigma_{i,0} = (Phi^T W0 Phi)_ii, paired with the eigenvalues of Y in decreasing order (all n). */
  readonly sigma0: Float64Array;
  /**
   * W0 commutes with Y up to rounding (`commutator` <= 1e-10) and is diagonal in Y's eigenbasis
   * (`offDiagonal` <= 1e-8), and Theorem 3 could be planned: `plan` is not null.
   */
  readonly applicable: boolean;
  /** Why Theorem 3 applies or not, with the numbers. */
  readonly reason: string;
  /** The Theorem 3 plan; `null` when not applicable. */
  readonly plan: TheoremPlan | null;
}

/**
 * Relative commutator below which W0 counts as commuting with Y: far above the ~1e-15 that
 * rounding leaves in the two products, far below what a generic shape gives (0.11 for the CLI's
 * example).
 */
const COMMUTATOR_TOLERANCE = 1e-10;
/**
 * Relative off-diagonal size of Phi^T W0 Phi below which it counts as diagonal: looser than the
 * commutator, because the computed eigenvectors Phi are only accurate to about eps ||Y|| / (eigenvalue gap).
 */
const DIAGONAL_TOLERANCE = 1e-8;

/**
 * Decides whether U(0) = alpha^{1/2} U0bar is a spectral initialization of Theorem 3 (Min & Vidal
 * 2025, Section III-A: U0bar = Phi Sigma_{U0} V^T, so W0 = U0bar U0bar^T = Phi Sigma_{U0}^2 Phi^T
 * shares Y's eigenvectors) and, if so, plans Theorem 3 from it.
 *
 * The test is on W0, not on U0bar (any V^T is allowed): W0 must commute with Y up to rounding,
 * ||Y W0 - W0 Y||_2 <= 1e-10 ||Y||_2 ||W0||_2, and Phi^T W0 Phi must be diagonal up to 1e-8 ||W0||_2
 * (for Y with nearly repeated eigenvalues a commuting W0 need not be diagonal in the computed Phi,
 * and Theorem 3 assumes distinct values). Then sigma_{i,0} = (Phi^T W0 Phi)_ii and the plan is
 * {@link theorem3Plan} with those sigma_{i,0}, giving c_eps, C_eps, alpha_max and the I_k of eq. (16).
 * When epsilon lies outside Theorem 3's range (0, sigma_{K,Y}], the shape is reported as spectral
 * but not applicable, with theorem3Plan's message as the reason.
 *
 * @param input - `Y` (symmetric PSD, or prepared), `U0bar` (n x r), `epsilon` > 0, optional `alpha` > 0.
 * @returns the commutator, the off-diagonal size, sigma_{i,0}, the verdict with its reason, and the plan.
 * @throws FactorflowInputError on malformed Y or U0bar, Y not PSD, U0bar with a number of rows other
 *   than n, epsilon <= 0 or not finite, alpha <= 0, or sigma_{i,0} beyond double precision (`U0bar`).
 * @example
 * ```ts
 * const Y = prepareTarget([[10, 0], [0, 8]]);
 * const shape = spectralShape({ Y, U0bar: spectralInit(Y, [1, 2], 1), epsilon: 0.5 });
 * shape.applicable;    // true
 * shape.sigma0;        // [1, 2]
 * shape.plan?.alphaMax;
 * ```
 */
export function spectralShape(input: SpectralShapeInput): SpectralShape {
  requireOptions(input, 'input', '{ Y, U0bar, epsilon, alpha? }');
  const target = asPrepared(input.Y);
  const n = target.n;
  const factor = toMatrix(input.U0bar, 'U0bar');
  if (factor.rows !== n) {
    throw new FactorflowInputError('shape', 'U0bar', `has ${factor.rows} rows but Y is ${n} x ${n}; U0bar must be n x r.`);
  }
  requirePositive(input.epsilon, 'epsilon');
  const alpha = optionalAlpha(input.alpha);
  requirePsdSpectrum(target.values, 'Y', 'Theorem 3 assumes Y PSD');

  const Y = target.matrix;
  // Both verdicts are invariant under U0bar -> c U0bar: with c a power of two (exact) that puts
  // max |U0bar_ij| near 1, W0 = U0bar U0bar^T can neither overflow nor underflow on the way.
  const largest = Math.max(factor.max(), -factor.min());
  const scale = largest > 0 ? 2 ** Math.round(Math.log2(largest)) : 1;
  const W0 = factor.clone().div(scale).mmul(factor.clone().div(scale).transpose());
  const normY = spectralNorm(Y);
  const normW0 = spectralNorm(W0);
  const { values, vectors } = symmetricEigen(target);
  const rotated = vectors.transpose().mmul(W0).mmul(vectors);
  const sigma0 = Float64Array.from({ length: n }, (_, i) => rotated.get(i, i) * scale * scale);
  if (!sigma0.every(Number.isFinite)) {
    throw new FactorflowInputError(
      'out-of-range',
      'U0bar',
      `entries up to ${largest.toExponential(3)} make sigma_{i,0} = (Phi^T U0bar U0bar^T Phi)_ii exceed double precision; ` +
        'rescale U0bar (U(0) = alpha^{1/2} U0bar: alpha absorbs the scale).',
    );
  }
  let largestOff = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) largestOff = Math.max(largestOff, Math.abs(rotated.get(i, j)));
  // Y = 0 or W0 = 0 commutes with everything: the relative commutator is 0, not 0 / 0.
  const commutator = normW0 === 0 || normY === 0 ? 0 : spectralNorm(Y.mmul(W0).sub(W0.mmul(Y))) / (normY * normW0);
  const offDiagonal = normW0 === 0 ? 0 : largestOff / normW0;
  const numbers = { commutator, offDiagonal, sigma0 };
  if (commutator > COMMUTATOR_TOLERANCE) {
    return {
      ...numbers,
      applicable: false,
      reason:
        `U0 is not a spectral initialization: ||Y W0 - W0 Y|| = ${commutator.toExponential(3)} ||Y|| ||W0|| > ${COMMUTATOR_TOLERANCE} ` +
        '(W0 = U0 U0^T does not commute with Y); Theorem 3 does not apply, Theorem 4 does.',
      plan: null,
    };
  }
  if (offDiagonal > DIAGONAL_TOLERANCE) {
    return {
      ...numbers,
      applicable: false,
      reason:
        `W0 = U0 U0^T commutes with Y but Phi^T W0 Phi is not diagonal (off-diagonal ${offDiagonal.toExponential(3)} ||W0||): ` +
        'Y has (nearly) repeated eigenvalues, so its eigenbasis is not determined and Theorem 3 (distinct values) does not apply.',
      plan: null,
    };
  }
  // Y and W0 are PSD: negative eigenvalues and diagonal entries here are rounding.
  const clamp = (value: number): number => Math.max(value, 0);
  try {
    const plan = theorem3Plan({ sigmaY: Array.from(values, clamp), sigma0: Array.from(sigma0, clamp), epsilon: input.epsilon, alpha });
    return {
      ...numbers,
      applicable: true,
      reason:
        `U0 is a spectral initialization: ||Y W0 - W0 Y|| = ${commutator.toExponential(3)} ||Y|| ||W0|| <= ${COMMUTATOR_TOLERANCE}, ` +
        'sigma_{i,0} = (Phi^T W0 Phi)_ii.',
      plan,
    };
  } catch (error) {
    if (!(error instanceof FactorflowInputError)) throw error;
    return { ...numbers, applicable: false, reason: `U0 is a spectral initialization but Theorem 3 cannot be planned: ${error.message}`, plan: null };
  }
}
