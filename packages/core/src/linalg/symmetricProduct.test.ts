import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { type Kernel, KERNELS, loadOnKernel } from './onKernel.test-support.js';

type Module = typeof import('./symmetricProduct.js');
type HouseholderModule = typeof import('./householder.js');

/** The modules loaded afresh on `kernel` (see onKernel.test-support.ts). */
function load(kernel: Kernel): Promise<{ symmetric: Module; householder: HouseholderModule }> {
  return loadOnKernel(kernel, async () => ({ symmetric: await import('./symmetricProduct.js'), householder: await import('./householder.js') }));
}

/** A symmetric n x n row-major matrix of small integers (or Gaussian entries), with junk above the diagonal that must not be read. */
function symmetric(n: number, seed: number, integers: boolean): Float64Array {
  const random = createRandom(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      a[i * n + j] = integers ? Math.floor(random.uniform() * 201) - 100 : random.normal();
      if (j < i) a[j * n + i] = Number.NaN;
    }
  }
  return a;
}

/** B v summed row by row from the full symmetric B (lower triangle mirrored), the reference. */
function plainProduct(a: Float64Array, n: number, from: number, v: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let i = from; i < n; i++) {
    let sum = 0;
    for (let j = from; j < n; j++) sum += (j <= i ? a[i * n + j] : a[j * n + i]) * v[j];
    out[i] = sum;
  }
  return out;
}

function vector(n: number, seed: number, integers: boolean): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => (integers ? Math.floor(random.uniform() * 201) - 100 : random.normal()));
}

/** Orders around the four-row blocks, the wasm threshold (32) and a panel's block. */
const ORDERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 32, 33, 34, 35, 64, 130];

describe.each(KERNELS)('symmetricBlock (%s kernel)', (kernel) => {
  it('gives B v exactly on small integers (every partial sum exact), for every start and from, never reading above the diagonal', async () => {
    const { symmetric: module } = await load(kernel);
    for (const n of ORDERS) {
      const a = symmetric(n, 100 + n, true);
      const v = vector(n, 200 + n, true);
      for (const start of [0, 1, Math.floor(n / 2)].filter((s) => s < n)) {
        const block = module.symmetricBlock(a, n, start);
        for (const from of [start, start + 1, start + 3, n - 1].filter((f) => f >= start && f < n)) {
          const out = new Float64Array(n).fill(7);
          block.product(from, v, out);
          const expected = plainProduct(a, n, from, v);
          expect(Array.from(out.subarray(from)), `n ${n}, start ${start}, from ${from}`).toEqual(Array.from(expected.subarray(from)));
          // Entries before `from` are left as they were.
          expect(out.subarray(0, from).every((x) => x === 7)).toBe(true);
        }
      }
    }
  });

  it('reads the block as it was taken: later changes to the columns left of `from` are not seen', async () => {
    const { symmetric: module } = await load(kernel);
    const n = 40;
    const a = symmetric(n, 41, true);
    const v = vector(n, 42, true);
    const block = module.symmetricBlock(a, n, 0);
    const expected = plainProduct(a, n, 5, v);
    for (let i = 4; i < n; i++) a[i * n + 4] = 1e300;
    const out = new Float64Array(n);
    block.product(5, v, out);
    expect(Array.from(out.subarray(5))).toEqual(Array.from(expected.subarray(5)));
  });
});

describe('the wasm and JS symmetric products', () => {
  it('give the same bits on Gaussian entries (same order of operations)', async () => {
    const wasm = (await load('wasm-simd')).symmetric;
    const js = (await load('js')).symmetric;
    for (const n of ORDERS) {
      const a = symmetric(n, 300 + n, false);
      const v = vector(n, 400 + n, false);
      for (const from of [0, 1, 2, 3].filter((f) => f < n)) {
        const fromWasm = new Float64Array(n);
        const fromJs = new Float64Array(n);
        wasm.symmetricBlock(a, n, 0).product(from, v, fromWasm);
        js.symmetricBlock(a, n, 0).product(from, v, fromJs);
        expect(Array.from(fromWasm), `n ${n}, from ${from}`).toEqual(Array.from(fromJs));
        // Both are B v to rounding (Higham, Lemma 3.1 with the absolute values).
        const expected = plainProduct(a, n, from, v);
        const bound = plainProduct(a.map(Math.abs), n, from, v.map(Math.abs));
        for (let i = from; i < n; i++) expect(Math.abs(fromWasm[i] - expected[i])).toBeLessThanOrEqual(2 * n * Number.EPSILON * bound[i]);
      }
    }
  });

  it('so the tridiagonalization is bit for bit the same on both (n = 200 and n = 97 across panels)', async () => {
    const wasm = (await load('wasm-simd')).householder;
    const js = (await load('js')).householder;
    for (const [n, blockedFrom] of [[200, 128], [97, 18]] as const) {
      const a = symmetric(n, 500 + n, false).map((x) => (Number.isNaN(x) ? 0 : x));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a[i * n + j] = a[j * n + i];
      const scale = a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      const fromWasm = wasm.tridiagonalize(a.map((x) => x / scale), n, true, blockedFrom);
      const fromJs = js.tridiagonalize(a.map((x) => x / scale), n, true, blockedFrom);
      expect(Array.from(fromWasm.diagonal)).toEqual(Array.from(fromJs.diagonal));
      expect(Array.from(fromWasm.offDiagonal)).toEqual(Array.from(fromJs.offDiagonal));
      expect(Array.from(fromWasm.taus)).toEqual(Array.from(fromJs.taus));
      expect(Array.from(fromWasm.reflectors ?? [])).toEqual(Array.from(fromJs.reflectors ?? []));
    }
  });
});
