import { Matrix } from 'ml-matrix';

import { FactorflowInputError } from './errors.js';

/** A matrix as accepted at the public boundary: an ml-matrix `Matrix` or an array of rows. */
export type MatrixInput = Matrix | readonly (readonly number[])[];

/**
 * Relative tolerance for "equal up to rounding" decisions on an n x n input: a few
 * hundred ulps times n, the size of rounding error a product such as Q diag(s) Q^T
 * leaves behind.
 */
export function roundingTolerance(n: number): number {
  return 128 * Math.max(n, 1) * Number.EPSILON;
}

/** A copy of `value` as a `Matrix`, after checking it is a non-empty rectangular array of finite numbers. */
export function toMatrix(value: MatrixInput, argument: string): Matrix {
  let rows: readonly (readonly number[])[];
  if (Matrix.isMatrix(value)) {
    rows = (value as Matrix).to2DArray();
  } else if (Array.isArray(value)) {
    rows = value;
  } else {
    throw new FactorflowInputError(
      'not-a-matrix',
      argument,
      'expected an ml-matrix Matrix or an array of rows (number[][]).',
    );
  }
  if (rows.length === 0 || !Array.isArray(rows[0]) || rows[0].length === 0) {
    throw new FactorflowInputError('shape', argument, 'the matrix is empty; give at least one row and one column.');
  }
  const columns = rows[0].length;
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new FactorflowInputError(
        'not-a-matrix',
        argument,
        `row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries but row 0 has ${columns}; every row must have the same length.`,
      );
    }
    row.forEach((entry, j) => {
      if (typeof entry !== 'number' || !Number.isFinite(entry)) {
        throw new FactorflowInputError(
          'not-finite',
          argument,
          `entry (${i}, ${j}) is ${String(entry)}; every entry must be a finite number.`,
        );
      }
    });
  });
  return new Matrix(rows.map((row) => Array.from(row)));
}

/** Like {@link toMatrix}, and the matrix must be square. */
function toSquareMatrix(value: MatrixInput, argument: string): Matrix {
  const matrix = toMatrix(value, argument);
  if (matrix.rows !== matrix.columns) {
    throw new FactorflowInputError(
      'shape',
      argument,
      `expected a square matrix, got ${matrix.rows} x ${matrix.columns}.`,
    );
  }
  return matrix;
}

/**
 * A symmetric copy of a square input: (A + A^T) / 2 when A is symmetric up to rounding
 * (entrywise within {@link roundingTolerance} of its largest entry), an error otherwise.
 */
export function toSymmetricMatrix(value: MatrixInput, argument: string): Matrix {
  const matrix = toSquareMatrix(value, argument);
  const n = matrix.rows;
  const scale = Math.max(matrix.max(), -matrix.min());
  const tolerance = roundingTolerance(n) * scale;
  let worst = 0;
  let worstAt: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gap = Math.abs(matrix.get(i, j) - matrix.get(j, i));
      if (gap > worst) {
        worst = gap;
        worstAt = [i, j];
      }
      const mean = 0.5 * (matrix.get(i, j) + matrix.get(j, i));
      matrix.set(i, j, mean);
      matrix.set(j, i, mean);
    }
  }
  if (worst > tolerance) {
    const [i, j] = worstAt;
    throw new FactorflowInputError(
      'not-symmetric',
      argument,
      `entries (${i}, ${j}) and (${j}, ${i}) differ by ${worst.toExponential(3)}, more than rounding ` +
        `(${tolerance.toExponential(3)}); pass a symmetric matrix, e.g. (A + A^T) / 2 if that is what you mean.`,
    );
  }
  return matrix;
}

/** Checks a scalar is finite and strictly positive. */
export function requirePositive(value: number, argument: string, hint = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new FactorflowInputError(
      typeof value === 'number' && !Number.isFinite(value) ? 'not-finite' : 'out-of-range',
      argument,
      `must be a finite number > 0, got ${String(value)}.${hint ? ` ${hint}` : ''}`,
    );
  }
  return value;
}

/**
 * Largest supported time in units of the problem's time scale 1/s, s = ||Y||_2 (the fastest rate
 * e^{2 lambda t} of the flow): t s <= MAX_TIME. Every mode of the flow has converged to working
 * precision long before (a mode on Y's kernel is below 1/(2t) = 5e-301 s by then). In units of
 * 1/s the limit accepts one problem at every scale: t is accepted for (Y, W0) exactly when t / c is
 * for (c Y, c W0), so a problem scaled by 2^-1000 reaches its own transition times. Where
 * 1e300 / s leaves the doubles (s < 2.2e-8, or s = 0) the limit is {@link LARGEST_TIME}.
 */
export const MAX_TIME = 1e300;

/** The largest time any route accepts: 2t and an integrator's t + h stay finite below it. */
export const LARGEST_TIME = Number.MAX_VALUE / 4;

/** The time limit min(MAX_TIME / s, LARGEST_TIME) of a problem with rate s = ||Y||_2 >= 0 (see {@link MAX_TIME}). */
export function timeLimit(scale: number): number {
  return scale > 0 ? Math.min(MAX_TIME / scale, LARGEST_TIME) : LARGEST_TIME;
}

/**
 * Checks a time is finite and in [0, timeLimit(scale)] (gradient flow runs forward from t = 0).
 * Without a scale (a route that has no Y, such as the generic integrator) the limit is LARGEST_TIME.
 */
export function requireTime(value: number, argument: string, scale?: number): number {
  const limit = scale === undefined ? LARGEST_TIME : timeLimit(scale);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > limit) {
    const range =
      scale === undefined || limit === LARGEST_TIME
        ? `[0, ${limit.toPrecision(4)}]`
        : `[0, 1e300 / ||Y||_2] = [0, ${limit.toPrecision(4)}] (1e300 time scales 1/||Y||_2; every mode has converged long before)`;
    throw new FactorflowInputError(
      typeof value === 'number' && !Number.isFinite(value) ? 'not-finite' : 'out-of-range',
      argument,
      `a time must be a finite number in ${range}, got ${String(value)}; the flow starts at t = 0 and runs forward.`,
    );
  }
  return value;
}

/** Checks a list of times (each as {@link requireTime} with the same scale) and returns it as a Float64Array. */
export function requireTimes(values: ArrayLike<number>, argument: string, scale?: number): Float64Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number' || values.length === 0) {
    throw new FactorflowInputError('shape', argument, 'expected a non-empty array of times.');
  }
  const times = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) times[i] = requireTime(values[i], `${argument}[${i}]`, scale);
  return times;
}

/** Checks an integer lies in [min, max]. */
export function requireInteger(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new FactorflowInputError(
      'out-of-range',
      argument,
      `must be an integer in [${min}, ${max}], got ${String(value)}.`,
    );
  }
  return value;
}

/** What `value` is, for an error message: 'null', a primitive type, or a constructor name. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'an object';
}

/**
 * Checks `values` is a Float64Array of exactly `length` finite entries. `what` says what the array
 * holds (e.g. 'a row-major 3 x 4 matrix'), so the message tells the caller which dimension to fix.
 */
export function requireFiniteArray(values: unknown, length: number, argument: string, what: string): Float64Array {
  if (!(values instanceof Float64Array)) {
    throw new FactorflowInputError('not-a-matrix', argument, `expected a Float64Array (${what}), got ${describe(values)}.`);
  }
  if (values.length !== length) {
    throw new FactorflowInputError(
      'shape',
      argument,
      `has ${values.length} entries but ${what} needs ${length}; check the dimensions you passed.`,
    );
  }
  for (let index = 0; index < length; index++) {
    if (!Number.isFinite(values[index])) {
      throw new FactorflowInputError(
        'not-finite',
        argument,
        `entry ${index} is ${String(values[index])}; every entry must be a finite number.`,
      );
    }
  }
  return values;
}

/**
 * An optional option that must be finite and > 0: `fallback` when it is undefined. NaN is reported
 * as `not-finite`, every other bad value (infinities included) as `out-of-range`, since an infinite
 * step size or scale is a value outside the range rather than a broken computation.
 */
export function requireOptionalPositive(value: number | undefined, fallback: number, argument: string, hint: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new FactorflowInputError(
      typeof value === 'number' && Number.isNaN(value) ? 'not-finite' : 'out-of-range',
      argument,
      `must be a finite number > 0, got ${String(value)}. ${hint}`,
    );
  }
  return value;
}

/** Checks a scalar is finite and >= 0 (`out-of-range` otherwise, NaN included); `note` says what it is. */
export function requireNonNegative(value: number, argument: string, note = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FactorflowInputError('out-of-range', argument, `must be a finite number >= 0${note ? ` (${note})` : ''}, got ${String(value)}.`);
  }
  return value;
}

/** Checks an options argument is an object; `shape` lists its fields, e.g. '{ seed, eta? }'. */
export function requireOptions(options: unknown, shape: string): void {
  if (options === null || typeof options !== 'object') {
    throw new FactorflowInputError('out-of-range', 'options', `expected an object ${shape}.`);
  }
}
