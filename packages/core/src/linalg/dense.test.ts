import { Matrix } from 'ml-matrix';
import { beforeAll, describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';
import { basisProduct, fromRowMajor, isSparseBasis, outerProduct } from './dense.js';
import { type Kernel, KERNELS, loadOnKernel } from './onKernel.test-support.js';

describe('fromRowMajor and outerProduct (rows as views of one buffer)', () => {
  it('holds entry (i, j) = data[i * columns + j] for every accessor ml-matrix offers', () => {
    // Distinct entries, so that any transposed, shifted or shared row would show.
    const rows = 3;
    const columns = 4;
    const data = Float64Array.from({ length: rows * columns }, (_, k) => 10 * Math.floor(k / columns) + (k % columns) + 0.5);
    const matrix = fromRowMajor(data, rows, columns);
    expect(Matrix.isMatrix(matrix)).toBe(true);
    expect([matrix.rows, matrix.columns]).toEqual([3, 4]);
    expect(matrix.to2DArray()).toEqual([
      [0.5, 1.5, 2.5, 3.5],
      [10.5, 11.5, 12.5, 13.5],
      [20.5, 21.5, 22.5, 23.5],
    ]);
    expect(matrix.get(2, 1)).toBe(21.5);
    expect(matrix.getColumn(3)).toEqual([3.5, 13.5, 23.5]);
    expect(matrix.transpose().get(3, 0)).toBe(3.5);
  });

  it('copies: later writes to the source or the matrix do not reach the other', () => {
    const data = Float64Array.of(1, 2, 3, 4);
    const matrix = fromRowMajor(data, 2, 2);
    data[0] = 99;
    matrix.set(1, 1, -7);
    expect(matrix.to2DArray()).toEqual([[1, 2], [3, -7]]);
    expect(Array.from(data)).toEqual([99, 2, 3, 4]);
  });

  it('keeps rows apart: writing one row, growing the matrix and ml-matrix arithmetic behave as on a constructed Matrix', () => {
    const matrix = fromRowMajor(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2);
    matrix.setRow(1, [30, 40]);
    expect(matrix.to2DArray()).toEqual([[1, 2], [30, 40], [5, 6]]);
    matrix.addColumn([7, 8, 9]);
    matrix.addRow(0, [-1, -2, -3]);
    const expected = new Matrix([[-1, -2, -3], [1, 2, 7], [30, 40, 8], [5, 6, 9]]);
    expect(matrix.to2DArray()).toEqual(expected.to2DArray());
    expect(matrix.clone().mmul(matrix.transpose()).to2DArray()).toEqual(expected.mmul(expected.transpose()).to2DArray());
    expect(matrix.add(matrix).to2DArray()).toEqual(expected.mul(2).to2DArray());
  });

  it('outerProduct gives U U^T, each matrix with storage of its own', () => {
    const u = Float64Array.of(1, 2, 3, 4);
    const first = outerProduct(u, 2, 2);
    const second = outerProduct(u, 2, 2);
    // [[1, 2], [3, 4]] [[1, 3], [2, 4]] = [[5, 11], [11, 25]] by hand.
    expect(first.to2DArray()).toEqual([[5, 11], [11, 25]]);
    first.set(0, 1, 0);
    expect(second.to2DArray()).toEqual([[5, 11], [11, 25]]);
  });

  it('reads only rows x columns entries of a longer buffer', () => {
    expect(fromRowMajor(Float64Array.of(1, 2, 3, 4, 5), 2, 2).to2DArray()).toEqual([[1, 2], [3, 4]]);
  });
});

describe('basisProduct with the sparsity decided once', () => {
  it('classifies a permutation as sparse and a rotation as dense', () => {
    expect(isSparseBasis(Float64Array.of(0, 1, 1, 0), 2)).toBe(true);
    // 3 x 3 with 7 non-zeros > 2n = 6.
    expect(isSparseBasis(Float64Array.of(1, 1, 1, 1, 1, 0, 1, 0, 1), 3)).toBe(false);
  });

  it('gives the same product whichever path the flag selects', () => {
    // Q = [[0, 2], [3, 0]], B = [[1, 2], [3, 4]]: Q B = [[6, 8], [3, 6]], Q^T B = [[9, 12], [2, 4]] by hand.
    const q = Float64Array.of(0, 2, 3, 0);
    const b = Float64Array.of(1, 2, 3, 4);
    for (const sparse of [true, false]) {
      expect(Array.from(basisProduct(q, 2, b, 2, false, new Float64Array(4), sparse))).toEqual([6, 8, 3, 6]);
      expect(Array.from(basisProduct(q, 2, b, 2, true, new Float64Array(4), sparse))).toEqual([9, 12, 2, 4]);
    }
  });
});

type DenseModule = typeof import('./dense.js');

/** dense.ts loaded afresh, its products on `kernel` (see onKernel.test-support.ts). */
function loadDense(kernel: Kernel): Promise<DenseModule> {
  return loadOnKernel(kernel, () => import('./dense.js'));
}

/** U U^T by the definition, each entry summed over k in order: exact for the small integers used here. */
function referenceGram(u: Float64Array, n: number, r: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < r; k++) sum += u[i * r + k] * u[j * r + k];
      return sum;
    }),
  );
}

/** Sizes around the product's register block (4) and row block (64), ranks on both sides of the full-product limit (8). */
const GRAM_SIZES = [1, 2, 3, 5, 7, 64, 65, 130];
const GRAM_RANKS = [0, 1, 2, 5, 8, 9, 16];

describe.each(KERNELS)('outerProduct = U U^T (%s kernel)', (kernel) => {
  let dense: DenseModule;
  let gramInto: typeof import('./product.js').gramInto;
  beforeAll(async () => {
    dense = await loadDense(kernel);
    // The same module instance dense.js uses, so that both sides run the same kernel.
    ({ gramInto } = await import('./product.js'));
  });

  it('is exact on integer factors, for every size and rank (both the full product and the mirrored upper triangle)', () => {
    const random = createRandom(PROPERTY_SEED);
    for (const n of GRAM_SIZES) {
      for (const r of GRAM_RANKS) {
        // |entries| <= 1000: every product and partial sum is an integer below 2^53, so the sum is exact in any order.
        const u = Float64Array.from({ length: n * r }, () => Math.floor(random.uniform() * 2001) - 1000);
        expect(dense.outerProduct(u, n, r).to2DArray(), `n=${n} r=${r} seed=${PROPERTY_SEED}`).toEqual(referenceGram(u, n, r));
      }
    }
  });

  it('is symmetric bit for bit and gives the bits gramInto gives, on rounded (Gaussian) factors', () => {
    const random = createRandom(PROPERTY_SEED + 1);
    for (const n of GRAM_SIZES) {
      for (const r of GRAM_RANKS) {
        const u = Float64Array.from({ length: n * r }, () => random.normal() * 2 ** (random.uniform() * 40 - 20));
        const W = dense.outerProduct(u, n, r);
        const upperMirrored = gramInto(u, n, r, 'rows', new Float64Array(n * n).fill(Number.NaN));
        const mismatches: string[] = [];
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (!Object.is(W.get(i, j), W.get(j, i)) || !Object.is(W.get(i, j), upperMirrored[i * n + j])) mismatches.push(`(${i}, ${j})`);
          }
        }
        expect(mismatches, `n=${n} r=${r} seed=${PROPERTY_SEED + 1}`).toEqual([]);
      }
    }
  });
});
