import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { createRandom } from '../random.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';
import { type Kernel, KERNELS, loadOnKernel } from './onKernel.test-support.js';

type ProductModule = typeof import('./product.js');

/** product.ts loaded afresh on `kernel` (see onKernel.test-support.ts). */
function loadProduct(kernel: Kernel): Promise<ProductModule> {
  return loadOnKernel(kernel, () => import('./product.js'));
}

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

describe.each(KERNELS)('productInto (%s kernel)', (kernel) => {
  let productInto: ProductModule['productInto'];
  beforeAll(async () => {
    ({ productInto } = await loadProduct(kernel));
  });

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

describe.each(KERNELS)('gramInto (%s kernel)', (kernel) => {
  let productInto: ProductModule['productInto'];
  let gramInto: ProductModule['gramInto'];
  beforeAll(async () => {
    ({ productInto, gramInto } = await loadProduct(kernel));
  });

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

describe('the WebAssembly SIMD and JS kernels', () => {
  let wasm: ProductModule;
  let js: ProductModule;
  beforeAll(async () => {
    wasm = await loadProduct('wasm-simd');
    js = await loadProduct('js');
  });

  it('give the same bits: the same sums in the same order, across shapes, transposes, alpha and beta', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIZES),
        fc.constantFrom(...SIZES),
        fc.constantFrom(...DEPTHS),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(1, -0.3, 2.5),
        fc.constantFrom(0, 1, 0.7),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (m, n, k, transposeA, transposeB, alpha, beta, seed) => {
          const a = gaussian(m * k, seed);
          const b = gaussian(k * n, seed + 1);
          const c0 = gaussian(m * n, seed + 2);
          const options = { transposeA, transposeB, alpha, beta };
          const fromWasm = wasm.productInto(a, b, c0.slice(), m, n, k, options);
          const fromJs = js.productInto(a, b, c0.slice(), m, n, k, options);
          for (let i = 0; i < m * n; i++) expect(Object.is(fromWasm[i], fromJs[i]), `entry ${i}: ${fromWasm[i]} vs ${fromJs[i]}`).toBe(true);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 80 },
    );
    for (const [rows, columns] of [[7, 300], [130, 65], [65, 9]]) {
      const g = gaussian(rows * columns, rows + columns);
      for (const [of, size] of [['rows', rows], ['columns', columns]] as const) {
        const fromWasm = wasm.gramInto(g, rows, columns, of, new Float64Array(size * size));
        expect(js.gramInto(g, rows, columns, of, new Float64Array(size * size)), `${of} ${rows}x${columns}`).toEqual(fromWasm);
      }
    }
  });

  it('propagate infinities and NaN alike (0 * Inf in the zero padding of an edge block is never written)', () => {
    const [m, n, k] = [6, 7, 300];
    const a = gaussian(m * k, 21);
    const b = gaussian(k * n, 22);
    a[5] = Infinity;
    b[3 * n + 6] = -Infinity;
    b[9 * n + 2] = Number.NaN;
    const fromWasm = wasm.productInto(a, b, new Float64Array(m * n), m, n, k);
    const fromJs = js.productInto(a, b, new Float64Array(m * n), m, n, k);
    expect(fromWasm).toEqual(fromJs);
    // Row 0 meets the infinity of A, column 6 the infinity of B and column 2 the NaN of B: the rest is finite.
    expect(Array.from({ length: m }, (_, i) => fromWasm[i * n + 2]).every(Number.isNaN)).toBe(true);
    expect(fromWasm.filter(Number.isFinite).length).toBe((m - 1) * (n - 2));
  });

  it('fall back to JS when the engine rejects the module (WebAssembly without SIMD128)', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', {
      Module: class {
        constructor() {
          throw new Error('CompileError: invalid SIMD opcode');
        }
      },
      Instance: class {},
    });
    try {
      const { productKernel } = await import('./productWasm.js');
      expect(productKernel()).toBe('js');
      const { productInto } = await import('./product.js');
      const a = integers(20 * 30, 31);
      const b = integers(30 * 10, 32);
      expect(productInto(a, b, new Float64Array(200), 20, 10, 30)).toEqual(naiveProduct(a, b, 20, 10, 30, false, false));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('leave to the JS kernel a product whose arrays would not fit in 2 GiB of wasm memory (i32 offsets)', async () => {
    vi.resetModules();
    const { wasmProduct } = await import('./productWasm.js');
    const c = Float64Array.of(7);
    // 1 x 1 x 2^27: A and B hold 2^27 doubles each, 2 GiB together; only the shapes are read before declining.
    expect(wasmProduct(new Float64Array(1), new Float64Array(1), c, 1, 1, 2 ** 27, false, false, 1, false)).toBe(false);
    expect(c[0]).toBe(7);
    expect(wasmProduct(Float64Array.of(2), Float64Array.of(3), c, 1, 1, 1, false, false, 1, false)).toBe(true);
    expect(c[0]).toBe(13);
  });

  it('with overwrite never read C, and with upperOnly mirror the upper triangle (a rank-5 Gram matrix, as W = U U^T)', async () => {
    vi.resetModules();
    const { wasmProduct } = await import('./productWasm.js');
    const [n, r] = [70, 5];
    const u = integers(n * r, 41);
    const gram = naiveProduct(u, u, n, n, r, false, true);
    const c = new Float64Array(n * n).fill(Number.NaN);
    expect(wasmProduct(u, u, c, n, n, r, false, true, 1, true, true)).toBe(true);
    expect(c).toEqual(gram);
    // Without overwrite the product is added to C's old contents, on both triangles alike.
    const c0 = integers(n * n, 42);
    const symmetricC0 = c0.map((_, i) => c0[Math.min(i % n, Math.floor(i / n)) * n + Math.max(i % n, Math.floor(i / n))]);
    const sum = symmetricC0.slice();
    expect(wasmProduct(u, u, sum, n, n, r, false, true, 1, true, false)).toBe(true);
    expect(sum).toEqual(gram.map((value, i) => value + symmetricC0[i]));
  });

  it('run from bytes that are what product.wat assembles to (scripts/build-wasm.mjs --check)', () => {
    const script = fileURLToPath(new URL('../../scripts/build-wasm.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
