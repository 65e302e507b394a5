import { describe, expect, it } from 'vitest';

import {
  type MeasurementOperator,
  adjoint,
  adjointTimes,
  adjointTransposeTimes,
  measure,
  measureFactored,
  measurementCount,
} from './operator.js';
import { leastSquaresLoss } from './problem.js';
import { symmetricPairs, symmetricResidualAndProduct } from './symmetricPairs.js';
import { createRandom, type RandomSource } from '../../random.js';
import { expectInputErrors } from '../../testing/errors.js';
import { completionProblem } from '../problems.js';
import { multiplyTransposed } from '../products.js';

const SEEDS = [11, 12, 13];

function gaussian(random: RandomSource, length: number): Float64Array {
  return Float64Array.from({ length }, () => random.normal());
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index] * b[index];
  return sum;
}

function maxGap(a: Float64Array, b: Float64Array): number {
  let gap = 0;
  for (let index = 0; index < a.length; index++) gap = Math.max(gap, Math.abs(a[index] - b[index]));
  return gap;
}

function maxAbs(a: Float64Array): number {
  return a.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
}

/** One operator of each kind, 5 x 4, from a seed; the entry list repeats an entry on purpose. */
function operators(seed: number): MeasurementOperator[] {
  const random = createRandom(seed);
  const rows = 5;
  const columns = 4;
  const count = 9;
  const rowIndex = Int32Array.from({ length: count }, () => Math.floor(random.uniform() * rows));
  const columnIndex = Int32Array.from({ length: count }, () => Math.floor(random.uniform() * columns));
  rowIndex[count - 1] = rowIndex[0];
  columnIndex[count - 1] = columnIndex[0];
  return [
    { kind: 'entries', rows, columns, rowIndex, columnIndex },
    { kind: 'gaussian', rows, columns, count: 7, matrices: gaussian(random, 7 * rows * columns) },
    { kind: 'regression', rows, columns, samples: 6, inputs: gaussian(random, columns * 6) },
  ];
}

/** (L R^T)^T L' style reference products, straight from the definitions. */
function times(A: Float64Array, B: Float64Array, rows: number, inner: number, k: number): Float64Array {
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) for (let c = 0; c < k; c++) for (let j = 0; j < inner; j++) out[i * k + c] += A[i * inner + j] * B[j * k + c];
  return out;
}

function transpose(A: Float64Array, rows: number, columns: number): Float64Array {
  const out = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out[j * rows + i] = A[i * columns + j];
  return out;
}

describe('measurement operators', () => {
  it('adjoint is the adjoint: <A(X), r> = <X, A^*(r)> for every kind', () => {
    for (const seed of SEEDS) {
      for (const operator of operators(seed)) {
        const random = createRandom(seed + 100);
        const X = gaussian(random, operator.rows * operator.columns);
        const r = gaussian(random, measurementCount(operator));
        const left = dot(measure(operator, X), r);
        const right = dot(X, adjoint(operator, r));
        expect(Math.abs(left - right), `seed ${seed}, kind ${operator.kind}`).toBeLessThan(1e-12 * (Math.abs(left) + 1));
      }
    }
  });

  it('measures entries, inner products and regression outputs by their definitions', () => {
    const X = Float64Array.of(1, 2, 3, 4, 5, 6); // 2 x 3
    const entries = { kind: 'entries', rows: 2, columns: 3, rowIndex: Int32Array.of(1, 0), columnIndex: Int32Array.of(2, 1) } as const;
    expect(Array.from(measure(entries, X))).toEqual([6, 2]);
    const sensing = { kind: 'gaussian', rows: 2, columns: 3, count: 1, matrices: Float64Array.of(1, 0, 0, 0, 0, -1) } as const;
    expect(Array.from(measure(sensing, X))).toEqual([1 - 6]);
    // W = [[1, 2, 3], [4, 5, 6]], one sample x = (1, 1, 1): W x = (6, 15), s = 1.
    const regression = { kind: 'regression', rows: 2, columns: 3, samples: 1, inputs: Float64Array.of(1, 1, 1) } as const;
    expect(Array.from(measure(regression, X))).toEqual([6, 15]);
  });

  it('factored products equal the dense ones: A(L R^T), A^*(r) R, A^*(r)^T L', () => {
    for (const seed of SEEDS) {
      for (const operator of operators(seed)) {
        const { rows, columns } = operator;
        const random = createRandom(seed + 200);
        const k = 3;
        const L = gaussian(random, rows * k);
        const R = gaussian(random, columns * k);
        const r = gaussian(random, measurementCount(operator));
        const message = `seed ${seed}, kind ${operator.kind}`;
        const dense = measure(operator, multiplyTransposed(L, R, rows, columns, k));
        expect(maxGap(measureFactored(operator, L, R, k), dense), message).toBeLessThan(1e-12 * (maxAbs(dense) + 1));
        const G = adjoint(operator, r);
        const GR = times(G, R, rows, columns, k);
        expect(maxGap(adjointTimes(operator, r, R, k), GR), message).toBeLessThan(1e-12 * (maxAbs(GR) + 1));
        const GtL = times(transpose(G, rows, columns), L, columns, rows, k);
        expect(maxGap(adjointTransposeTimes(operator, r, L, k), GtL), message).toBeLessThan(1e-12 * (maxAbs(GtL) + 1));
      }
    }
  });

  it('the symmetric pair kernel equals the entry-list loss and (G + G^T) U', () => {
    for (const seed of SEEDS) {
      const problem = completionProblem({ rows: 7, columns: 7, rank: 2, observed: 15, seed, symmetric: true });
      const pairs = symmetricPairs(problem.operator, problem.observations);
      expect(pairs, `seed ${seed}`).not.toBeNull();
      if (pairs === null) continue;
      const random = createRandom(seed + 300);
      const k = 3;
      const U = gaussian(random, 7 * k);
      const residual = new Float64Array(pairs.first.length);
      const H = new Float64Array(7 * k);
      const loss = symmetricResidualAndProduct(pairs, U, U, k, residual, H);
      const X = multiplyTransposed(U, U, 7, 7, k);
      expect(loss, `seed ${seed}`).toBeCloseTo(leastSquaresLoss(problem, X), 12);
      const r = measure(problem.operator, X).map((value, l) => value - problem.observations[l]);
      const expected = adjointTimes(problem.operator, r, U, k).map((value, index) => value + adjointTransposeTimes(problem.operator, r, U, k)[index]);
      expect(maxGap(H, expected), `seed ${seed}`).toBeLessThan(1e-12 * (maxAbs(expected) + 1));
    }
  });

  it('has no pair form unless entries are closed under transposition with symmetric values', () => {
    const operator = { kind: 'entries', rows: 2, columns: 2, rowIndex: Int32Array.of(0, 1), columnIndex: Int32Array.of(1, 0) } as const;
    expect(symmetricPairs(operator, Float64Array.of(1, 1))?.weights).toEqual(Float64Array.of(2));
    expect(symmetricPairs(operator, Float64Array.of(1, 2))).toBeNull();
    expect(symmetricPairs({ ...operator, rowIndex: Int32Array.of(0, 0), columnIndex: Int32Array.of(1, 1) }, Float64Array.of(1, 1))).toBeNull();
  });

  it('rejects malformed operators and arrays with typed errors', () => {
    const good = { kind: 'entries', rows: 2, columns: 2, rowIndex: Int32Array.of(0), columnIndex: Int32Array.of(1) } as const;
    const X = new Float64Array(4);
    expectInputErrors([
      [() => measure({ ...good, rowIndex: Int32Array.of(2) }, X), 'out-of-range'],
      [() => measure({ ...good, columnIndex: Int32Array.of(0, 1) }, X), 'shape'],
      [() => measure({ ...good, rows: 0 }, X), 'out-of-range'],
      [() => measure({ ...good, kind: 'bogus' } as unknown as MeasurementOperator, X), 'out-of-range'],
      [() => measure(good, new Float64Array(3)), 'shape'],
      [() => measure(good, Float64Array.of(0, NaN, 0, 0)), 'not-finite'],
      [() => measure(good, [0, 0, 0, 0] as unknown as Float64Array), 'not-a-matrix'],
      [() => adjoint(good, new Float64Array(2)), 'shape'],
      [() => measureFactored(good, new Float64Array(2), new Float64Array(2), 0), 'out-of-range'],
      [() => adjointTimes(good, new Float64Array(1), new Float64Array(3), 1), 'shape'],
      [() => measure({ kind: 'gaussian', rows: 1, columns: 1, count: 2, matrices: new Float64Array(1) }, new Float64Array(1)), 'shape'],
      [() => measure({ kind: 'regression', rows: 1, columns: 1, samples: 0, inputs: new Float64Array(0) }, new Float64Array(1)), 'out-of-range'],
    ]);
  });
});
