/**
 * The pair form of symmetric matrix completion, the setting of the completion experiment of Hou,
 * Sra & Yurtsever (2025) as we read it (X* symmetric PSD, trained as U diag(d) U^T): an entry list
 * closed under transposition with b_ij = b_ji, stored once per unordered pair {i, j}, so the
 * symmetric models pay one pass over the pairs instead of two over the entries.
 */
import { rowAxpy, rowDot } from '../products.js';
import type { MeasurementOperator } from './operator.js';

/** A symmetric completion operator stored once per unordered pair {i, j}, i <= j. */
interface SymmetricPairs {
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** b_ij (= b_ji). */
  readonly values: Float64Array;
  /** 2 for an off-diagonal pair (both (i, j) and (j, i) are measured), 1 on the diagonal. */
  readonly weights: Float64Array;
}

/**
 * The pair form of a completion problem whose entries are closed under transposition, each
 * measured once, with b_ij === b_ji (as completionProblem builds symmetric problems); null
 * otherwise, and for the other kinds.
 */
export function symmetricPairs(operator: MeasurementOperator, observations: Float64Array): SymmetricPairs | null {
  if (operator.kind !== 'entries' || operator.rows !== operator.columns) return null;
  const n = operator.rows;
  const seen = new Map<number, number>();
  for (let l = 0; l < operator.rowIndex.length; l++) {
    const key = operator.rowIndex[l] * n + operator.columnIndex[l];
    if (seen.has(key)) return null;
    seen.set(key, observations[l]);
  }
  const first: number[] = [];
  const second: number[] = [];
  const values: number[] = [];
  for (const [key, value] of seen) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (i > j) continue;
    if (seen.get(j * n + i) !== value) return null;
    first.push(i);
    second.push(j);
    values.push(value);
  }
  if (2 * first.length - first.filter((i, p) => i === second[p]).length !== operator.rowIndex.length) return null;
  return {
    first: Int32Array.from(first),
    second: Int32Array.from(second),
    values: Float64Array.from(values),
    weights: Float64Array.from(first, (i, p) => (i === second[p] ? 1 : 2)),
  };
}

/**
 * For symmetric completion and X = L U^T with L = U D (D diagonal, so X is symmetric): writes the
 * residual r_p = X_ij - b_ij per pair and H = (G + G^T) U with G = A^*(r), i.e. row i gains
 * 2 r_p U_j and row j gains 2 r_p U_i (once on the diagonal); returns f = 1/2 sum_p w_p r_p^2.
 * O(pairs k), half the entry-list kernels. Internal kernel, no validation.
 */
export function symmetricResidualAndProduct(
  pairs: SymmetricPairs,
  L: Float64Array,
  U: Float64Array,
  k: number,
  residual: Float64Array,
  H: Float64Array,
): number {
  const { first, second, values, weights } = pairs;
  H.fill(0);
  let sum = 0;
  for (let p = 0; p < first.length; p++) {
    const i = first[p] * k;
    const j = second[p] * k;
    const gap = rowDot(L, i, U, j, k) - values[p];
    residual[p] = gap;
    sum += weights[p] * gap * gap;
    rowAxpy(H, i, 2 * gap, U, j, k);
    if (i !== j) rowAxpy(H, j, 2 * gap, U, i, k);
  }
  return 0.5 * sum;
}
