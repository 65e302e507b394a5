import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { gramInto, productInto } from './product.js';
import { createRandom } from '../random.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';

/** Small integers: every product and partial sum of a k <= 600 dot product is an exact double. */
function integers(length: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => Math.floor(random.uniform() * 2001) - 1000);
}

function gaussian(length: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.normal());
}

/** The former kernel: C[i][j] = sum_l op(A)[i][l] op(B)[l][j] summed in order, the reference. */
function naiveProduct(a: Float64Array, b: Float64Array, m: number, n: number, k: number, transposeA: boolean, transposeB: boolean): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let l = 0; l < k; l++) sum += (transposeA ? a[l * m + i] : a[i * k + l]) * (transposeB ? b[j * k + l] : b[l * n + j]);
      c[i * n + j] = sum;
    }
  }
  return c;
}

/** Sizes around the register block (4), the row block (64) and the depth block (256). */
const SIZES = [1, 2, 3, 4, 5, 7, 63, 64, 65, 130];
const DEPTHS = [1, 3, 4, 9, 255, 256, 257, 600];

describe('productInto', () => {
  it('is exact on integer matrices, for every transpose and sizes across the block edges', () => {
    let seed = 1;
    for (const [m, n] of [[1, 1], [3, 5], [5, 3], [64, 65], [130, 7], [7, 130]]) {
      for (const k of DEPTHS) {
        for (const transposeA of [false, true]) {
          for (const transposeB of [false, true]) {
            const a = integers(m * k, seed++);
            const b = integers(k * n, seed++);
            const c = productInto(a, b, new Float64Array(m * n).fill(Number.NaN), m, n, k, { transposeA, transposeB });
            expect(c, `m=${m} n=${n} k=${k} tA=${transposeA} tB=${transposeB}`).toEqual(naiveProduct(a, b, m, n, k, transposeA, transposeB));
          }
        }
      }
    }
  });

  it('applies alpha and beta as C = alpha AB + beta C (exact with integers and powers of two)', () => {
    const [m, n, k] = [9, 6, 300];
    const a = integers(m * k, 11);
    const b = integers(k * n, 12);
    const c0 = integers(m * n, 13);
    const result = productInto(a, b, c0.slice(), m, n, k, { alpha: -0.5, beta: 4 });
    const reference = naiveProduct(a, b, m, n, k, false, false).map((value, i) => -0.5 * value + 4 * c0[i]);
    expect(result).toEqual(reference);
    // beta = 0 never reads C (a NaN there is not propagated); alpha = 0 leaves beta C.
    expect(productInto(a, b, new Float64Array(m * n).fill(Number.NaN), m, n, k, { alpha: 0 }).every((value) => value === 0)).toBe(true);
    expect(productInto(a, b, c0.slice(), m, n, k, { alpha: 0, beta: 2 })).toEqual(c0.map((value) => 2 * value));
  });

  it('agrees with the in-order sum within gamma_k |A||B| on Gaussian matrices of every shape', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIZES),
        fc.constantFrom(...SIZES),
        fc.constantFrom(...DEPTHS),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (m, n, k, transposeA, transposeB, seed) => {
          const a = gaussian(m * k, seed);
          const b = gaussian(k * n, seed + 1);
          const c = productInto(a, b, new Float64Array(m * n), m, n, k, { transposeA, transposeB });
          const reference = naiveProduct(a, b, m, n, k, transposeA, transposeB);
          const magnitude = naiveProduct(a.map(Math.abs), b.map(Math.abs), m, n, k, transposeA, transposeB);
          // Both sums are within gamma_k |A||B| of the exact product, hence within twice that of each other.
          const unitRoundoff = Number.EPSILON / 2;
          const gammaK = (k * unitRoundoff) / (1 - k * unitRoundoff);
          for (let i = 0; i < m * n; i++) expect(Math.abs(c[i] - reference[i])).toBeLessThanOrEqual(2 * gammaK * magnitude[i]);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 60 },
    );
  });
});

describe('gramInto', () => {
  it('is exact on integer matrices and symmetric bit for bit on Gaussian ones, for rows and columns', () => {
    for (const [rows, columns] of [[1, 1], [5, 3], [3, 5], [65, 257], [130, 9], [9, 130]]) {
      const a = integers(rows * columns, rows * 1000 + columns);
      const ofRows = gramInto(a, rows, columns, 'rows', new Float64Array(rows * rows).fill(Number.NaN));
      expect(ofRows).toEqual(naiveProduct(a, a, rows, rows, columns, false, true));
      const ofColumns = gramInto(a, rows, columns, 'columns', new Float64Array(columns * columns).fill(Number.NaN));
      expect(ofColumns).toEqual(naiveProduct(a, a, columns, columns, rows, true, false));
      const g = gaussian(rows * columns, rows + columns);
      for (const [of, size] of [['rows', rows], ['columns', columns]] as const) {
        const gram = gramInto(g, rows, columns, of, new Float64Array(size * size));
        for (let i = 0; i < size; i++) {
          for (let j = 0; j < i; j++) expect(Object.is(gram[i * size + j], gram[j * size + i]), `${of} ${i},${j}`).toBe(true);
        }
      }
    }
  });

  it('matches the general product on the upper triangle (the same sums in the same order)', () => {
    const [rows, columns] = [77, 300];
    const a = gaussian(rows * columns, 5);
    const gram = gramInto(a, rows, columns, 'rows', new Float64Array(rows * rows));
    const full = productInto(a, a, new Float64Array(rows * rows), rows, rows, columns, { transposeB: true });
    for (let i = 0; i < rows; i++) {
      for (let j = i; j < rows; j++) expect(gram[i * rows + j]).toBe(full[i * rows + j]);
    }
  });
});
