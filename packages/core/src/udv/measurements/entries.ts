/**
 * Matrix completion, the measurements of the completion experiments of Hou, Sra & Yurtsever (2025)
 * (our reading of the abstract) and of Arora et al. (2019): A(X)_l = X[i_l, j_l]. Every factored
 * product costs O(m k), so a factorization model never forms the n1 x n2 matrix on its hot path.
 */
import { FactorflowInputError } from '../../errors.js';
import { rowAxpy, rowDot } from '../products.js';
import type { MeasurementKernels } from './operator.js';

/** Matrix completion: A(X)_l = X[rowIndex[l], columnIndex[l]] (Hou, Sra & Yurtsever 2025; Arora et al. 2019). */
export interface EntryMeasurements {
  readonly kind: 'entries';
  /** n1, the rows of X. */
  readonly rows: number;
  /** n2, the columns of X. */
  readonly columns: number;
  /** i_l for each measurement l, in [0, rows). */
  readonly rowIndex: Int32Array;
  /** j_l for each measurement l, in [0, columns), same length as `rowIndex`. */
  readonly columnIndex: Int32Array;
}

/** An explicit list of entries of X, the test set of `testError` when a problem gives one. */
export interface EntrySet {
  readonly rowIndex: Int32Array;
  readonly columnIndex: Int32Array;
}

/** Throws unless both index arrays are Int32Arrays of one length with entries in range. */
export function requireEntrySet(set: EntrySet, rows: number, columns: number, argument: string): void {
  if (!(set.rowIndex instanceof Int32Array) || !(set.columnIndex instanceof Int32Array)) {
    throw new FactorflowInputError(
      'not-a-matrix',
      argument,
      'rowIndex and columnIndex must be Int32Arrays (use Int32Array.from(indices)).',
    );
  }
  if (set.rowIndex.length !== set.columnIndex.length) {
    throw new FactorflowInputError(
      'shape',
      argument,
      `rowIndex has ${set.rowIndex.length} entries but columnIndex has ${set.columnIndex.length}; each measured entry needs both.`,
    );
  }
  for (let l = 0; l < set.rowIndex.length; l++) {
    const i = set.rowIndex[l];
    const j = set.columnIndex[l];
    if (i < 0 || i >= rows || j < 0 || j >= columns) {
      throw new FactorflowInputError(
        'out-of-range',
        argument,
        `entry ${l} is (${i}, ${j}), outside a ${rows} x ${columns} matrix; indices are 0-based.`,
      );
    }
  }
}

/**
 * out (rows x k) = sum_l r_l e_{target_l} factor[source_l, :]: A^*(r) R with target = i, source = j,
 * and A^*(r)^T L with the roles swapped, since A^*(r)^T is the entry operator of the transposed
 * entry list. O(m k).
 */
function scatterRows(
  target: Int32Array,
  source: Int32Array,
  rows: number,
  residual: Float64Array,
  factor: Float64Array,
  k: number,
  out: Float64Array,
): void {
  out.fill(0, 0, rows * k);
  for (let l = 0; l < target.length; l++) rowAxpy(out, target[l] * k, residual[l], factor, source[l] * k, k);
}

/** The kernels of matrix completion (see {@link MeasurementKernels}). */
export const entryKernels: MeasurementKernels<EntryMeasurements> = {
  validate(operator, argument) {
    requireEntrySet(operator, operator.rows, operator.columns, argument);
  },
  measure({ columns, rowIndex, columnIndex }, X, out) {
    for (let l = 0; l < rowIndex.length; l++) out[l] = X[rowIndex[l] * columns + columnIndex[l]];
  },
  measureFactored({ rowIndex, columnIndex }, L, R, k, out) {
    for (let l = 0; l < rowIndex.length; l++) out[l] = rowDot(L, rowIndex[l] * k, R, columnIndex[l] * k, k);
  },
  adjoint({ rows, columns, rowIndex, columnIndex }, residual, out) {
    // Repeated entries add up.
    out.fill(0, 0, rows * columns);
    for (let l = 0; l < rowIndex.length; l++) out[rowIndex[l] * columns + columnIndex[l]] += residual[l];
  },
  adjointTimes({ rows, rowIndex, columnIndex }, residual, R, k, out) {
    scatterRows(rowIndex, columnIndex, rows, residual, R, k, out);
  },
  adjointTransposeTimes({ columns, rowIndex, columnIndex }, residual, L, k, out) {
    scatterRows(columnIndex, rowIndex, columns, residual, L, k, out);
  },
};

/** ||A||^2 = lambda_max(A^* A) of an entry list: the largest multiplicity of a measured entry. */
export function entryNormSquared({ columns, rowIndex, columnIndex }: EntryMeasurements): number {
  const counts = new Map<number, number>();
  let largest = 0;
  for (let l = 0; l < rowIndex.length; l++) {
    const key = rowIndex[l] * columns + columnIndex[l];
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > largest) largest = count;
  }
  return largest;
}
