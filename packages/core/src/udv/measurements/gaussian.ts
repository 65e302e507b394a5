/**
 * Matrix sensing: A(X)_l = <A_l, X> with dense sensing matrices A_l, the sensing setting of the
 * implicit-bias literature the U D V^T model of Hou, Sra & Yurtsever (2025) is compared within.
 * Stacking vec(A_l) as the rows of an m x (n1 n2) matrix M makes A(X) = M vec(X) and
 * A^*(r) = M^T r, O(m n1 n2) each; the factored products form L R^T or A^*(r) first.
 */
import { requireFiniteArray, requireInteger } from '../../validate.js';
import { multiplyInto, multiplyTransposed, multiplyTransposedInto, transposeMultiplyInto } from '../products.js';
import type { MeasurementKernels } from './operator.js';

/** Matrix sensing: A(X)_l = <A_l, X> = sum_ij A_l[i, j] X[i, j]. */
export interface GaussianMeasurements {
  readonly kind: 'gaussian';
  readonly rows: number;
  readonly columns: number;
  /** m, the number of measurements. */
  readonly count: number;
  /** A_0, ..., A_{m-1}, each row-major rows x columns, one after another (count * rows * columns). */
  readonly matrices: Float64Array;
}

/** The kernels of matrix sensing (see {@link MeasurementKernels}). */
export const gaussianKernels: MeasurementKernels<GaussianMeasurements> = {
  validate(operator, argument) {
    requireInteger(operator.count, `${argument}.count`, 0, Number.MAX_SAFE_INTEGER);
    requireFiniteArray(operator.matrices, operator.count * (operator.rows * operator.columns), `${argument}.matrices`, 'count * rows * columns sensing matrices');
  },
  measure({ rows, columns, count, matrices }, X, out) {
    multiplyTransposedInto(matrices, X, count, 1, rows * columns, out);
  },
  measureFactored(operator, L, R, k, out) {
    gaussianKernels.measure(operator, multiplyTransposed(L, R, operator.rows, operator.columns, k), out);
  },
  adjoint({ rows, columns, count, matrices }, residual, out) {
    multiplyInto(residual, matrices, 1, count, rows * columns, out);
  },
  adjointTimes(operator, residual, R, k, out) {
    const G = new Float64Array(operator.rows * operator.columns);
    gaussianKernels.adjoint(operator, residual, G);
    multiplyInto(G, R, operator.rows, operator.columns, k, out);
  },
  adjointTransposeTimes(operator, residual, L, k, out) {
    const G = new Float64Array(operator.rows * operator.columns);
    gaussianKernels.adjoint(operator, residual, G);
    transposeMultiplyInto(G, L, operator.rows, operator.columns, k, out);
  },
};
