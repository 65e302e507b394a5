/**
 * What a certificate needs from (Y, W0): Y's eigenvalues, exact only when Y is diagonal up to
 * order (then Phi is a signed permutation and Phi^T U0 is exact), and the enclosure model of the
 * closed form (enclosure.ts); or the reason no certificate can be given.
 */
import { FactorflowInputError } from '../../errors.js';
import { type MatrixInput, toMatrix, toSymmetricMatrix } from '../../validate.js';
import { toRowMajor } from '../../linalg/dense.js';
import { type PreparedTarget, requirePsdSpectrum, targetOf } from '../../linalg/spectral.js';
import { type Initialization, type InitialConditioning, riccatiModel } from '../../flow/riccatiModel.js';
import { pointMatrix } from '../../linalg/interval/intervalMatrix.js';
import { type EnclosureModel, enclosureModel } from './enclosureModel.js';

/** A validated problem: the enclosure model, or why none can be built. */
export interface CertificationProblem {
  /** Eigenvalues of Y, decreasing. */
  readonly lambda: Float64Array;
  /** Number of eigenvalues of Y above its rounding level (the ranks k = 1..K of the windows). */
  readonly K: number;
  readonly model: EnclosureModel | null;
  /** Why `model` is null. */
  readonly unproved: string | null;
  readonly conditioning: InitialConditioning;
}

/**
 * Validates (Y, init) as the closed form does (riccatiModel) and builds the enclosure model.
 * Only an exact eigenbasis is used: for Y that is not diagonal up to order the computed
 * eigenvectors carry an error that this certificate does not propagate, so it answers `unproved`.
 */
export function certificationProblem(Y: MatrixInput | PreparedTarget, init: Initialization): CertificationProblem {
  const riccati = riccatiModel(Y, init);
  const target = targetOf(Y);
  const { n, phi } = target;
  const lambda = target.values.slice();
  const zero = requirePsdSpectrum(lambda, 'Y', 'the certificate compares W(t) with best rank-k approximations of Y PSD');
  const K = lambda.filter((value) => value > zero).length;
  if (K === 0) throw new FactorflowInputError('out-of-range', 'Y', 'Y has no non-zero eigenvalue: there is nothing to learn.');
  const base = { lambda, K, conditioning: riccati.conditioning };
  const row = signedPermutation(phi, n);
  const diagonal = row !== null && lambda.every((value, j) => target.matrix.get(row[j].index, row[j].index) === value);
  if (row === null || !diagonal) {
    return {
      ...base,
      model: null,
      unproved:
        "Y is not diagonal up to order: its eigenvectors are computed, and the certificate does not yet bound their error (it never certifies on unverified eigenvectors); give Y in its eigenbasis (diag of its eigenvalues, with U0 -> Phi^T U0)",
    };
  }
  const start = startInEigenbasis(init, row, n);
  const model = enclosureModel({ lo: lambda, hi: lambda }, 'U' in start ? { U: pointMatrix(start.U, n, start.r) } : { W: pointMatrix(start.W, n, n) });
  return typeof model === 'string' ? { ...base, model: null, unproved: model } : { ...base, model, unproved: null };
}

/** For each eigenvector j (a column of Phi with a single entry +-1): its row and sign; null otherwise. */
function signedPermutation(phi: Float64Array, n: number): { index: number; sign: number }[] | null {
  const result: { index: number; sign: number }[] = [];
  for (let j = 0; j < n; j++) {
    let found: { index: number; sign: number } | null = null;
    for (let i = 0; i < n; i++) {
      const value = phi[i * n + j];
      if (value === 0) continue;
      if ((value !== 1 && value !== -1) || found !== null) return null;
      found = { index: i, sign: value };
    }
    if (found === null) return null;
    result.push(found);
  }
  return result;
}

/** Phi^T U0 (or Phi^T W0 Phi), exact: Phi only permutes and flips signs. */
function startInEigenbasis(init: Initialization, row: readonly { index: number; sign: number }[], n: number): { U: Float64Array; r: number } | { W: Float64Array } {
  if ('U0' in init && init.U0 !== undefined) {
    const u0 = toRowMajor(toMatrix(init.U0, 'init.U0'));
    const r = u0.length / n;
    const U = new Float64Array(n * r);
    row.forEach(({ index, sign }, j) => {
      for (let c = 0; c < r; c++) U[j * r + c] = sign * u0[index * r + c];
    });
    return { U, r };
  }
  const w0 = toRowMajor(toSymmetricMatrix((init as { readonly W0: MatrixInput }).W0, 'init.W0'));
  const W = new Float64Array(n * n);
  row.forEach((a, i) => row.forEach((b, j) => (W[i * n + j] = a.sign * b.sign * w0[a.index * n + b.index])));
  return { W };
}
