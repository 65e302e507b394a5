/**
 * What a certificate needs from (Y, W0): a verified eigenbasis of Y (linalg/interval/
 * verifiedEigenbasis.ts: one exactly orthogonal V with Y = V diag(lambda) V^T, each lambda_i
 * enclosed; exact when Y is diagonal up to order), the start projected onto it, and the enclosure
 * model of the closed form (enclosureModel.ts); or the reason no certificate can be given.
 */
import { type Matrix } from 'ml-matrix';

import { FactorflowInputError } from '../../errors.js';
import { type MatrixInput, toMatrix, toSymmetricMatrix } from '../../validate.js';
import { toRowMajor } from '../../linalg/dense.js';
import { type PreparedTarget, requirePsdSpectrum, targetOf } from '../../linalg/spectral.js';
import { type IntervalMatrix, zeroMatrix } from '../../linalg/interval/intervalMatrix.js';
import { down, mul, up } from '../../linalg/interval/rounding.js';
import { type VerifiedEigenbasis, projectOnto, projectSymmetric, verifiedEigenbasis } from '../../linalg/interval/verifiedEigenbasis.js';
import { type Initialization, type InitialConditioning, riccatiModel } from '../../flow/riccatiModel.js';
import { type EnclosureModel, type FactorStart, enclosureModel, exactColumnFactor } from './enclosureModel.js';

/** A validated problem: the enclosure model, or why none can be built. */
export interface CertificationProblem {
  /** Eigenvalues of Y as computed, decreasing (they set K; the model holds their enclosures). */
  readonly lambda: Float64Array;
  /** Number of eigenvalues of Y above its rounding level (the ranks k = 1..K of the windows). */
  readonly K: number;
  /** The verified eigenbasis of Y, or null when it could not be proved (then `model` is null). */
  readonly basis: VerifiedEigenbasis | null;
  readonly model: EnclosureModel | null;
  /** Why `model` is null. */
  readonly unproved: string | null;
  readonly conditioning: InitialConditioning;
}

/**
 * Validates (Y, init) as the closed form does (riccatiModel), verifies Y's eigenbasis and builds
 * the enclosure model of Min & Vidal (2025), Proposition 1 (eq. (5)-(6)) in it: the start U0
 * (W0) is enclosed as V^T U0 (V^T W0 V) for the one exactly orthogonal V the basis fixes, and the
 * eigenvalues as intervals, so the certificate holds for the exact flow of the stored Y. When Y's
 * eigenbasis cannot be verified (eigenvalues closer than about n eps ||Y||_2, which includes
 * repeated eigenvalues of a Y that is not diagonal) the answer is `unproved` with the reason.
 */
export function certificationProblem(Y: MatrixInput | PreparedTarget, init: Initialization): CertificationProblem {
  const riccati = riccatiModel(Y, init);
  const target = targetOf(Y);
  const { n } = target;
  const lambda = target.values.slice();
  const zero = requirePsdSpectrum(lambda, 'Y', 'the certificate compares W(t) with best rank-k approximations of Y PSD');
  const K = lambda.filter((value) => value > zero).length;
  if (K === 0) throw new FactorflowInputError('out-of-range', 'Y', 'Y has no non-zero eigenvalue: there is nothing to learn.');
  const base = { lambda, K, conditioning: riccati.conditioning };
  const basis = verifiedEigenbasis(toRowMajor(target.matrix), n);
  if (typeof basis === 'string') return { ...base, basis: null, model: null, unproved: `Y's eigenbasis could not be verified: ${basis}` };
  const start =
    'U0' in init && init.U0 !== undefined
      ? startOf(basis, toMatrix(init.U0, 'init.U0'))
      : { W: projectSymmetric(basis, toRowMajor(toSymmetricMatrix((init as { readonly W0: MatrixInput }).W0, 'init.W0'))) };
  const model = typeof start === 'string' ? start : enclosureModel(basis, start);
  return typeof model === 'string' ? { ...base, basis, model: null, unproved: model } : { ...base, basis, model, unproved: null };
}

/** V^T U enclosed, for U given as a matrix. */
function projected(basis: VerifiedEigenbasis, U: Matrix): IntervalMatrix {
  return projectOnto(basis, toRowMajor(U), U.columns);
}

/**
 * The start U0 in the basis: V^T U0 enclosed; for an enclosed basis and U0 of rank below
 * min(n, r), V^T C of its exact column factor with G^{-1} (exactColumnFactor), since an enclosure
 * of V^T U0 itself cannot keep the rank deficiency. An exact basis keeps the stored doubles, whose
 * rank deficiency enclosureModel decides exactly.
 */
function startOf(basis: VerifiedEigenbasis, U: Matrix): FactorStart | string {
  if (basis.exact) return { U: projected(basis, U) };
  const factor = exactColumnFactor(toRowMajor(U), U.rows, U.columns);
  if (factor === null) return { U: projected(basis, U) };
  if (typeof factor === 'string') return factor;
  return { U: projectOnto(basis, factor.C, factor.rho), gramInverse: factor.gramInverse };
}

/**
 * The enclosure models for U(0) = alpha^{1/2} U0bar (Min & Vidal 2025, Theorems 3-4's
 * initialization), alpha > 0, in the verified basis of `problem`: V^T U0bar is enclosed once and
 * scaled by an enclosure of alpha^{1/2} (Math.sqrt is correctly rounded, so one ulp either side
 * holds it), which certifies the exact alpha^{1/2} U0bar. For an exact basis (Y diagonal up to
 * order) the start is the stored doubles of U0bar * Math.sqrt(alpha), projected exactly, as
 * {@link certificationProblem} does: an exactly rank-deficient U0bar keeps its exact route.
 *
 * @returns a function of alpha giving the model or why none can be built; null when `problem` has no basis.
 */
export function scaledModels(problem: CertificationProblem, U0bar: Matrix): ((alpha: number) => EnclosureModel | string) | null {
  const { basis } = problem;
  if (basis === null) return null;
  if (basis.exact) return (alpha) => enclosureModel(basis, { U: projected(basis, U0bar.clone().mul(Math.sqrt(alpha))) });
  // alpha^{1/2} U0bar = (alpha^{1/2} C) [I, X] Pi: the column factor scales, G does not.
  const start = startOf(basis, U0bar);
  if (typeof start === 'string') return () => start;
  const Z = start.U;
  return (alpha) => {
    const s = Math.sqrt(alpha);
    const scaled = zeroMatrix(Z.rows, Z.columns);
    for (let i = 0; i < Z.lo.length; i++) [scaled.lo[i], scaled.hi[i]] = mul(Z.lo[i], Z.hi[i], down(s), up(s));
    return enclosureModel(basis, { ...start, U: scaled });
  };
}
