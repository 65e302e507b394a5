/**
 * Linear regression through a weight matrix, the linear-network setting of Hou, Sra & Yurtsever
 * (2025) (our reading of the abstract: networks with constrained layers and a diagonal component):
 * A(W) = W Xin / sqrt(s) with Xin the inputs (n2 x s), flattened row-major as n1 x s. Factored
 * products go through the k-dimensional factor, O(k (n1 + n2) s), never through W.
 */
import { requireFiniteArray, requireInteger } from '../../validate.js';
import { multiplyInto, multiplyTransposedInto, transposeMultiplyInto } from '../products.js';
import type { MeasurementKernels } from './operator.js';

/** Linear regression through a weight matrix: A(W) = W Xin / sqrt(samples), flattened rows x samples. */
export interface RegressionMeasurements {
  readonly kind: 'regression';
  /** Outputs: the rows of W. */
  readonly rows: number;
  /** Inputs: the columns of W and the rows of Xin. */
  readonly columns: number;
  /** s, the number of samples (columns of Xin). */
  readonly samples: number;
  /** Xin, row-major columns x samples: sample t is column t. */
  readonly inputs: Float64Array;
}

/** The kernels of linear regression (see {@link MeasurementKernels}); r reshaped rows x samples is R_r. */
export const regressionKernels: MeasurementKernels<RegressionMeasurements> = {
  validate(operator, argument) {
    requireInteger(operator.samples, `${argument}.samples`, 1, Number.MAX_SAFE_INTEGER);
    requireFiniteArray(operator.inputs, operator.columns * operator.samples, `${argument}.inputs`, 'the columns x samples inputs');
  },
  measure({ rows, columns, samples, inputs }, X, out) {
    multiplyInto(X, inputs, rows, columns, samples, out, 1 / Math.sqrt(samples));
  },
  measureFactored({ rows, columns, samples, inputs }, L, R, k, out) {
    // A(L R^T) = L H with H = R^T Xin / sqrt(s), k x s.
    const H = new Float64Array(k * samples);
    transposeMultiplyInto(R, inputs, columns, k, samples, H, 1 / Math.sqrt(samples));
    multiplyInto(L, H, rows, k, samples, out);
  },
  adjoint({ rows, columns, samples, inputs }, residual, out) {
    multiplyTransposedInto(residual, inputs, rows, columns, samples, out, 1 / Math.sqrt(samples));
  },
  adjointTimes({ rows, columns, samples, inputs }, residual, R, k, out) {
    // A^*(r) R = R_r Z with Z = Xin^T R / sqrt(s), s x k.
    const Z = new Float64Array(samples * k);
    transposeMultiplyInto(inputs, R, columns, samples, k, Z, 1 / Math.sqrt(samples));
    multiplyInto(residual, Z, rows, samples, k, out);
  },
  adjointTransposeTimes({ rows, columns, samples, inputs }, residual, L, k, out) {
    // A^*(r)^T L = Xin Y / sqrt(s) with Y = R_r^T L, s x k.
    const Y = new Float64Array(samples * k);
    transposeMultiplyInto(residual, L, rows, samples, k, Y);
    multiplyInto(inputs, Y, columns, samples, k, out, 1 / Math.sqrt(samples));
  },
};
