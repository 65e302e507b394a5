/**
 * The t-independent data of the certified enclosure (enclosure.ts) of the closed form of Min &
 * Vidal (2025), Proposition 1 (eq. (5)-(6)), in an eigenbasis V of Y: Y = V diag(lambda) V^T with V
 * exactly orthogonal. Prop. 1 is basis-covariant, so W(t) = V W~(t) V^T where W~ is the flow for
 * diag(lambda) from the start V^T U0 (or V^T W0 V), and ||W(t) - Y_hat_k||_2 = ||W~(t) -
 * diag(lambda_1..lambda_k, 0..0)||_2 exactly. V itself is never needed, only enclosures: each
 * lambda_i in [lo_i, hi_i] (points when Y is diagonal up to order) and the start as an interval
 * matrix (linalg/interval/verifiedEigenbasis.ts makes both).
 */
import { divPositive, mul } from '../../linalg/interval/rounding.js';
import { type IntervalMatrix, intervalProduct, transpose, verifiedInverse, zeroMatrix } from '../../linalg/interval/intervalMatrix.js';
import { type Rational, enclose, exactCombination, plus, times } from '../../linalg/interval/rational.js';

/** Enclosures of Y's eigenvalues, decreasing: lambda_i in [lo[i], hi[i]]. */
export interface EigenvalueEnclosure {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** The t-independent data of the enclosure (see enclosure.ts). */
export interface EnclosureModel {
  readonly n: number;
  /** Eigenvalues of Y, decreasing, as enclosures (points for Y diagonal up to order). */
  readonly lambda: EigenvalueEnclosure;
  /** Rows of U in P (eigen indices), rho of them. */
  readonly pivots: Int32Array;
  /** The other rows. */
  readonly others: Int32Array;
  /** Power-of-two scale of each pivot row: U_P = diag(scale) U_P~. */
  readonly scale: Float64Array;
  /** (U_P~ U_P~^T)^{-1}, rho x rho. */
  readonly gramInverse: IntervalMatrix;
  /** X diag(scale): the other rows of U in terms of the scaled pivot rows, others x rho. */
  readonly combination: IntervalMatrix;
}

/**
 * The start in the eigenbasis, enclosed: W~0 = U G U^T with U = V^T U0 (n x r; G = I) or
 * U = V^T C for an exact column factor U0 U0^T = C G C^T (`gramInverse` encloses G^{-1}, see
 * {@link exactColumnFactor}); or W = V^T W0 V (n x n).
 */
export type EigenbasisStart = FactorStart | { readonly W: IntervalMatrix };

/** A start given by a factor: W~0 = U G U^T, G = I unless `gramInverse` encloses G^{-1}. */
export interface FactorStart {
  readonly U: IntervalMatrix;
  readonly gramInverse?: IntervalMatrix;
}

/** A power of two near |x| (1 for 0), so that x / it is near 1 and dividing by it is exact. */
export function powerOfTwoNear(x: number): number {
  return x > 0 && Number.isFinite(x) ? 2 ** Math.round(Math.log2(x)) : 1;
}

/** The middle of an interval; the point itself for a point interval (0.5 lo + 0.5 hi can round a subnormal). */
function middle(lo: number, hi: number): number {
  return lo === hi ? lo : 0.5 * lo + 0.5 * hi;
}

/**
 * The t-independent data of the closed form of Min & Vidal (2025), Proposition 1 (eq. (5)-(6)),
 * rewritten on pivot rows (enclosure.ts), for the start enclosed in `start`, every matrix in it at
 * once: the pivot rows P are
 * chosen on the midpoints (a heuristic; the verified inverses decide), and every quantity derived
 * from the start is enclosed for each matrix of its box. A string says why no model can be built
 * (an inverse that cannot be verified, a rank deficiency that is not exact or not decidable).
 *
 * Three cases, by the rank rho of the pivot rows of U (n x r): rho = r (U_P square: X = U_other
 * U_P^{-1} and (U_P U_P^T)^{-1} = U_P^{-T} U_P^{-1} from one verified inverse); rho = n < r (no
 * other rows; the verified inverse of U_P U_P^T proves full row rank for the whole box); rho <
 * min(n, r), where the other rows must be exact combinations of the pivot rows: decided in rational
 * arithmetic, which needs point data (an exact eigenbasis). For an enclosed start in that case the
 * answer is a reason: a box of width > 0 holds matrices of every rank up to min(n, r), so the rank
 * deficiency the form relies on cannot hold for all of them.
 *
 * @param lambda - enclosures of Y's eigenvalues, decreasing (lambda_i in [lo_i, hi_i]).
 * @param start - the enclosed start in the eigenbasis.
 * @returns the model, or why it cannot be built.
 */
export function enclosureModel(lambda: EigenvalueEnclosure, start: EigenbasisStart): EnclosureModel | string {
  const n = lambda.lo.length;
  if ('W' in start) {
    const { W } = start;
    const scale = Float64Array.from({ length: n }, (_, i) => powerOfTwoNear(Math.sqrt(middle(W.lo[i * n + i], W.hi[i * n + i]))));
    const scaled = zeroMatrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) [scaled.lo[i * n + j], scaled.hi[i * n + j]] = divPositive(W.lo[i * n + j], W.hi[i * n + j], scale[i] * scale[j]);
    }
    const gramInverse = verifiedInverse(scaled);
    if (gramInverse === null) return 'W0 is singular or too ill-conditioned for a verified inverse: the certificate handles an invertible W0 (or a factor U0)';
    return { n, lambda, pivots: Int32Array.from({ length: n }, (_, i) => i), others: new Int32Array(0), scale, gramInverse, combination: zeroMatrix(0, n) };
  }
  const { U } = start;
  const r = U.columns;
  const mid = U.lo.map((lo, i) => middle(lo, U.hi[i]));
  const pivots = pivotRows(mid, n, r);
  const rho = pivots.length;
  const isPivot = new Uint8Array(n);
  for (const p of pivots) isPivot[p] = 1;
  const others = Int32Array.from({ length: n }, (_, i) => i).filter((i) => !isPivot[i]);
  const scale = Float64Array.from(pivots, (p) => powerOfTwoNear(rowNorm(mid, p, r)));
  const scaledRows = zeroMatrix(rho, r);
  pivots.forEach((p, j) => {
    for (let c = 0; c < r; c++) [scaledRows.lo[j * r + c], scaledRows.hi[j * r + c]] = divPositive(U.lo[p * r + c], U.hi[p * r + c], scale[j]);
  });
  const otherRows = zeroMatrix(others.length, r);
  others.forEach((i, a) => {
    otherRows.lo.set(U.lo.subarray(i * r, (i + 1) * r), a * r);
    otherRows.hi.set(U.hi.subarray(i * r, (i + 1) * r), a * r);
  });
  if (rho === r) {
    const inverse = verifiedInverse(scaledRows);
    if (inverse === null) return 'the pivot rows of the start in the eigenbasis (V^T U0) are too ill-conditioned for a verified inverse';
    // (U_P G U_P^T)^{-1} = U_P^{-T} G^{-1} U_P^{-1}; X = U_other U_P^{-1} does not depend on G.
    const left = start.gramInverse === undefined ? transpose(inverse) : intervalProduct(transpose(inverse), start.gramInverse);
    return { n, lambda, pivots, others, scale, gramInverse: intervalProduct(left, inverse), combination: intervalProduct(otherRows, inverse) };
  }
  if (start.gramInverse !== undefined) return `the column factor of U0 (rank ${r}) has only ${rho} rows independent in the eigenbasis: it is not of full column rank there`;
  const gramInverse = verifiedInverse(intervalProduct(scaledRows, scaledRows, true));
  if (gramInverse === null) return 'U0 U0^T restricted to its pivot rows in the eigenbasis is too ill-conditioned for a verified inverse';
  if (others.length === 0) return { n, lambda, pivots, others, scale, gramInverse, combination: zeroMatrix(0, rho) };
  // rho < min(n, r): the form needs the other rows as exact combinations X U_P of the pivot rows, so
  // the dependence of the stored doubles is decided in exact rational arithmetic and X enclosed.
  if (!U.lo.every((lo, i) => lo === U.hi[i])) {
    return `V^T U0 has numerical rank ${rho} < min(n, r) = ${Math.min(n, r)}, and Y's eigenvectors are enclosed, not exact: an exact rank deficiency cannot be proved for every start in the enclosure (factor it first, exactColumnFactor)`;
  }
  const X = exactCombination(rowsOf(mid, pivots, r), rho, rowsOf(mid, others, r), others.length, r);
  if (X === null) {
    return `Phi^T U0 has numerical rank ${rho} < min(n, r) = ${Math.min(n, r)} but its stored entries are not exactly of that rank (checked in rational arithmetic): its factor is not exact`;
  }
  const combination = zeroMatrix(others.length, rho);
  X.forEach((row, a) =>
    row.forEach((value, j) => {
      const [lo, hi] = enclose(value);
      [combination.lo[a * rho + j], combination.hi[a * rho + j]] = mul(lo, hi, scale[j], scale[j]);
    }),
  );
  return { n, lambda, pivots, others, scale, gramInverse, combination };
}

/**
 * For U0 (n x r, doubles) of numerical rank rho < min(n, r): rho columns C of U0 and the exact
 * rational X with the other columns equal to C X^T, so that U0 U0^T = C G C^T exactly with
 * G = I + X^T X (rho x rho), and an enclosure of G^{-1}. W0 = U0 U0^T of Min & Vidal (2025),
 * Proposition 1, then has the factor C of full column rank, which an enclosed eigenbasis can take
 * (V^T C enclosed, G exact): the dependence is decided before the rotation, on the stored doubles.
 *
 * @returns null when U0 has full rank min(n, r) numerically (no factor needed); a reason when its
 *   columns are not exactly dependent as the numerical rank says; the factor otherwise.
 */
export function exactColumnFactor(U: Float64Array, n: number, r: number): { C: Float64Array; rho: number; gramInverse: IntervalMatrix } | string | null {
  const transposed = new Float64Array(r * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < r; c++) transposed[c * n + i] = U[i * r + c];
  const columns = pivotRows(transposed, r, n);
  const rho = columns.length;
  if (rho >= Math.min(n, r)) return null;
  const isPivot = new Uint8Array(r);
  for (const c of columns) isPivot[c] = 1;
  const others = Int32Array.from({ length: r }, (_, c) => c).filter((c) => !isPivot[c]);
  const X = exactCombination(rowsOf(transposed, columns, n), rho, rowsOf(transposed, others, n), others.length, n);
  if (X === null) {
    return `U0 has numerical rank ${rho} < min(n, r) = ${Math.min(n, r)} but its stored columns are not exactly of that rank (checked in rational arithmetic): its factor is not exact`;
  }
  const gram = zeroMatrix(rho, rho);
  for (let j = 0; j < rho; j++) {
    for (let l = 0; l < rho; l++) {
      let sum: Rational = { p: j === l ? 1n : 0n, q: 1n };
      for (const row of X) sum = plus(sum, times(row[j], row[l]));
      [gram.lo[j * rho + l], gram.hi[j * rho + l]] = enclose(sum);
    }
  }
  const gramInverse = verifiedInverse(gram);
  if (gramInverse === null) return 'I + X^T X of the column factor of U0 could not be inverted with a verified bound';
  const C = new Float64Array(n * rho);
  for (let i = 0; i < n; i++) columns.forEach((c, j) => (C[i * rho + j] = U[i * r + c]));
  return { C, rho, gramInverse };
}

/** The given rows of a row-major matrix with r columns, stacked. */
function rowsOf(data: Float64Array, rows: Int32Array, r: number): Float64Array {
  const out = new Float64Array(rows.length * r);
  rows.forEach((i, a) => out.set(data.subarray(i * r, (i + 1) * r), a * r));
  return out;
}

function rowNorm(U: Float64Array, row: number, r: number): number {
  let largest = 0;
  for (let c = 0; c < r; c++) largest = Math.max(largest, Math.abs(U[row * r + c]));
  return largest;
}

/**
 * Rows of U in eigen order (largest lambda first) that are not numerically in the span of those
 * already taken (Gram-Schmidt on row-normalized copies), at most min(n, r): a heuristic only, the
 * verified inverse decides whether the choice works.
 */
function pivotRows(U: Float64Array, n: number, r: number): Int32Array {
  const basis: Float64Array[] = [];
  const chosen: number[] = [];
  for (let i = 0; i < n && chosen.length < Math.min(n, r); i++) {
    const size = rowNorm(U, i, r);
    if (size === 0) continue;
    const v = Float64Array.from(U.subarray(i * r, (i + 1) * r), (value) => value / size);
    const before = Math.hypot(...v);
    for (const b of basis) {
      let dot = 0;
      for (let c = 0; c < r; c++) dot += b[c] * v[c];
      for (let c = 0; c < r; c++) v[c] -= dot * b[c];
    }
    const after = Math.hypot(...v);
    if (after <= 1e-8 * before) continue;
    basis.push(v.map((value) => value / after));
    chosen.push(i);
  }
  return Int32Array.from(chosen);
}
