import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { type Kernel, KERNELS, loadOnKernel } from './onKernel.test-support.js';

// Review of the panels' symmetric product (symmetricProduct.ts, product.wat), the blocked
// tridiagonalization and the blocked application of Q (householder.ts), on adversarial inputs:
// subnormal and huge scales, zero blocks (tau = 0 reflectors inside a panel), already tridiagonal
// or diagonal matrices, orders around the four-row blocks and the panel boundaries, and a
// WebAssembly memory growth between decompositions. References are exact integer sums and the
// backward error Q T Q^T - A with Q^T Q - I, which share no code with the kernels under test.

interface Modules {
  symmetric: typeof import('./symmetricProduct.js');
  householder: typeof import('./householder.js');
  product: typeof import('./product.js');
  eigenpairs: typeof import('./eigenpairs.js');
}

/** The modules loaded afresh on `kernel`, with a fresh WebAssembly memory (see onKernel.test-support.ts). */
function load(kernel: Kernel): Promise<Modules> {
  return loadOnKernel(kernel, async () => ({
    symmetric: await import('./symmetricProduct.js'),
    householder: await import('./householder.js'),
    product: await import('./product.js'),
    eigenpairs: await import('./eigenpairs.js'),
  }));
}

const EPS = Number.EPSILON;

/** Small integers in [-100, 100], seeded. */
function integers(count: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: count }, () => Math.floor(random.uniform() * 201) - 100);
}

/** B v over the full symmetric block from its lower triangle, summed in integers (exact), then scaled. */
function exactProduct(a: Float64Array, n: number, from: number, v: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = from; i < n; i++) {
    let sum = 0;
    for (let j = from; j < n; j++) sum += (j <= i ? a[i * n + j] : a[j * n + i]) * v[j];
    out[i] = sum * scale;
  }
  return out;
}

describe.each(KERNELS)('symmetricBlock at the ends of the exponent range (%s kernel)', (kernel) => {
  // Entries k 2^-540 times v_j = l 2^-530 are multiples of 2^-1070, all below 2^-1022: every product
  // and partial sum is an exact subnormal, so any flush to zero or reordering that rounds shows.
  // The same integers scaled by 2^+500 and 2^+400 stay exact near the top of the range. Products
  // over the last 0..5 rows run the kernel at m = 0..5 inside a block with more rows per stride.
  const orders = [1, 2, 3, 4, 5, 6, 7, 9, 11, 33, 35, 37, 64, 97];
  for (const [entryScale, vectorScale] of [[2 ** -540, 2 ** -530], [2 ** 500, 2 ** 400]] as const) {
    it(`is exact for entries scaled by 2^${Math.log2(entryScale)} and v by 2^${Math.log2(vectorScale)}, every start, from and order`, async () => {
      const { symmetric } = await load(kernel);
      for (const n of orders) {
        const ints = integers(n * n, 1000 + n);
        const vInts = integers(n, 2000 + n);
        // The upper triangle holds a huge value that must never be read.
        const a = ints.map((x, index) => (index % n > Math.floor(index / n) ? 1e308 : x * entryScale));
        const v = vInts.map((x) => x * vectorScale);
        for (const start of [0, 1, 2, 3, Math.floor(n / 2)].filter((s) => s < n)) {
          const block = symmetric.symmetricBlock(a, n, start);
          for (const from of [start, start + 1, start + 2, start + 5, n - 5, n - 4, n - 3, n - 2, n - 1, n].filter((f) => f >= start && f <= n)) {
            const out = new Float64Array(n).fill(-3);
            block.product(from, v, out);
            const expected = exactProduct(ints, n, from, vInts, entryScale * vectorScale);
            expect(Array.from(out.subarray(from)), `n ${n}, start ${start}, from ${from}`).toEqual(Array.from(expected.subarray(from)));
            expect(out.subarray(0, from).every((x) => x === -3)).toBe(true);
          }
        }
      }
    });
  }
});

/** A symmetric n x n matrix (both triangles) with max |entry| = 1, of a named kind. */
function testMatrix(kind: string, n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const a = new Float64Array(n * n);
  const set = (i: number, j: number, x: number): void => {
    a[i * n + j] = x;
    a[j * n + i] = x;
  };
  // Block boundaries, for the kinds with zero couplings: tau = 0 at the two columns before each.
  const bounds = [0, 5, 12, 13, 30, 47, n].filter((b) => b <= n);
  const blockOf = (i: number): number => bounds.findIndex((b) => b > i);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = random.normal();
      if (kind === 'dense') set(i, j, x);
      else if (kind === 'diagonal') set(i, j, i === j ? x : 0);
      else if (kind === 'tridiagonal') set(i, j, i - j <= 1 ? x : 0);
      else if (kind === 'blocks') set(i, j, blockOf(i) === blockOf(j) ? x : 0);
      // Blocks with the one at 13..29 zero: a zero trailing column inside a panel, then reflections again.
      else if (kind === 'zero-block') set(i, j, blockOf(i) === blockOf(j) && blockOf(i) !== 4 ? x : 0);
      else throw new Error(kind);
    }
  }
  const scale = a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return scale === 0 ? a : a.map((x) => x / scale);
}

/** max |Q T Q^T - A| and max |Q^T Q - I| for the tridiagonalization of A, with Q formed by applyReflectors on I. */
function backwardErrors(householder: Modules['householder'], a: Float64Array, n: number, blockedFrom: number): { residual: number; orthogonality: number; taus: Float64Array } {
  const tri = householder.tridiagonalize(a.slice(), n, true, blockedFrom);
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  householder.applyReflectors(tri, n, q);
  // Q T: column j of T couples j - 1, j, j + 1.
  const qt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = q[i * n + j] * tri.diagonal[j];
      if (j > 0) sum += q[i * n + j - 1] * tri.offDiagonal[j - 1];
      if (j + 1 < n) sum += q[i * n + j + 1] * tri.offDiagonal[j];
      qt[i * n + j] = sum;
    }
  }
  let residual = 0;
  let orthogonality = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let rebuilt = 0;
      let gram = 0;
      for (let l = 0; l < n; l++) {
        rebuilt += qt[i * n + l] * q[j * n + l];
        gram += q[l * n + i] * q[l * n + j];
      }
      residual = Math.max(residual, Math.abs(rebuilt - a[i * n + j]));
      orthogonality = Math.max(orthogonality, Math.abs(gram - (i === j ? 1 : 0)));
    }
  }
  return { residual, orthogonality, taus: tri.taus };
}

const KINDS = ['dense', 'diagonal', 'tridiagonal', 'blocks', 'zero-block'] as const;

describe('the blocked tridiagonalization and the blocked Q on adversarial matrices', () => {
  // n = 1..6 (unblocked), 17..20 with panels from 18 (a panel needs PANEL + 2 rows), 48..50 (Q by
  // blocks), 95..98 and 127..130 (the default panel threshold, 96, and one more panel).
  const cases: [number, number][] = [
    ...[1, 2, 3, 4, 5, 6].map((n): [number, number] => [n, Infinity]),
    ...[17, 18, 19, 20, 35, 49].map((n): [number, number] => [n, 18]),
    ...[95, 96, 97, 98, 127, 128, 129, 130].map((n): [number, number] => [n, 96]),
  ];
  it.each(KERNELS)('Q T Q^T = A and Q^T Q = I to 4 n eps, and the two kernels give the same bits (%s kernel)', async (kernel) => {
    const { householder } = await load(kernel);
    const js = kernel === 'wasm-simd' ? (await load('js')).householder : null;
    for (const [n, blockedFrom] of cases) {
      for (const kind of KINDS) {
        const a = testMatrix(kind, n, 31 * n + kind.length);
        const { residual, orthogonality, taus } = backwardErrors(householder, a, n, blockedFrom);
        const label = `${kind}, n ${n}, panels from ${blockedFrom}`;
        expect(residual, label).toBeLessThanOrEqual(4 * n * EPS);
        expect(orthogonality, label).toBeLessThanOrEqual(4 * n * EPS);
        // Diagonal and tridiagonal input need no reflection at all; the block kinds some zero taus.
        if (kind === 'diagonal' || kind === 'tridiagonal') expect(taus.every((t) => t === 0), label).toBe(true);
        if ((kind === 'blocks' || kind === 'zero-block') && n > 13) expect(taus.slice(0, 12).some((t) => t === 0), label).toBe(true);
        if (js !== null) {
          const fromWasm = householder.tridiagonalize(a.slice(), n, true, blockedFrom);
          const fromJs = js.tridiagonalize(a.slice(), n, true, blockedFrom);
          expect(Array.from(fromWasm.diagonal), label).toEqual(Array.from(fromJs.diagonal));
          expect(Array.from(fromWasm.offDiagonal), label).toEqual(Array.from(fromJs.offDiagonal));
          expect(Array.from(fromWasm.reflectors ?? []), label).toEqual(Array.from(fromJs.reflectors ?? []));
        }
      }
    }
  });
});

/** max_j ||A phi_j - lambda_j phi_j||_inf / max |A| and max |Phi^T Phi - I| of symmetricEigenpairs. */
function eigenErrors(eigenpairs: Modules['eigenpairs'], a: Float64Array, n: number): { residual: number; orthogonality: number } {
  const { values, phi } = eigenpairs.symmetricEigenpairs(a, n);
  const norm = a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  let residual = 0;
  let orthogonality = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      let gram = 0;
      for (let l = 0; l < n; l++) {
        sum += a[i * n + l] * phi[l * n + j];
        gram += phi[l * n + i] * phi[l * n + j];
      }
      residual = Math.max(residual, Math.abs(sum - values[j] * phi[i * n + j]) / norm);
      orthogonality = Math.max(orthogonality, Math.abs(gram - (i === j ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

describe.each(KERNELS)('symmetricEigenpairs through the panels at extreme scales and with subnormal entries (%s kernel)', (kernel) => {
  it('is backward stable at 2^600, 2^-600 and with a subnormal tail, n = 97 and 130', async () => {
    const { eigenpairs } = await load(kernel);
    for (const n of [97, 130]) {
      const base = testMatrix('blocks', n, 7 * n);
      const subnormal = base.map((x, index) => (Math.floor(index / n) >= 60 || index % n >= 60 ? x * 2 ** -1060 : x));
      for (const [label, a] of [['2^600', base.map((x) => x * 2 ** 600)], ['2^-600', base.map((x) => x * 2 ** -600)], ['subnormal tail', subnormal]] as const) {
        const { residual, orthogonality } = eigenErrors(eigenpairs, a, n);
        expect(residual, `${label}, n ${n}`).toBeLessThanOrEqual(4 * n * EPS);
        expect(orthogonality, `${label}, n ${n}`).toBeLessThanOrEqual(4 * n * EPS);
      }
    }
  });
});

describe('a WebAssembly memory growth between decompositions', () => {
  /** A product large enough to grow the module's memory past every earlier use (about 20 MB). */
  function growMemory(product: Modules['product']): void {
    const size = 900;
    const a = integers(size * size, 5);
    const c = product.productInto(a, a, new Float64Array(size * size), size, size, size);
    // Integer entries: the product is exact, so one entry checks the call ran.
    let expected = 0;
    for (let p = 0; p < size; p++) expected += a[p] * a[p * size + 7];
    expect(c[7]).toBe(expected);
  }

  // On a fresh memory the growth also falls inside the first decomposition: the first panel's
  // block takes 135 KB, its trailing update grows the memory to 456 KB, and the next panels' blocks
  // are copied into the grown memory (seen by logging reserve's growths while writing this test).
  it('changes no bit: eigen on a fresh memory, then a large product, then eigen again; and the reverse order', async () => {
    const n = 130;
    const a = testMatrix('zero-block', n, 77);
    const reference = (await load('js')).eigenpairs.symmetricEigenpairs(a, n);
    for (const order of ['eigen first', 'product first'] as const) {
      const { eigenpairs, product } = await load('wasm-simd');
      if (order === 'product first') growMemory(product);
      const first = eigenpairs.symmetricEigenpairs(a, n);
      if (order === 'eigen first') growMemory(product);
      const second = eigenpairs.symmetricEigenpairs(a, n);
      for (const result of [first, second]) {
        expect(Array.from(result.values), order).toEqual(Array.from(reference.values));
        expect(Array.from(result.phi), order).toEqual(Array.from(reference.phi));
      }
    }
  });

  it('a block taken after a growth reads the grown memory (the workspace view is renewed)', async () => {
    const { symmetric, product } = await load('wasm-simd');
    const n = 40;
    const ints = integers(n * n, 9);
    const v = integers(n, 10);
    const before = new Float64Array(n);
    symmetric.symmetricBlock(ints, n, 0).product(0, v, before);
    growMemory(product);
    const after = new Float64Array(n);
    symmetric.symmetricBlock(ints, n, 0).product(0, v, after);
    expect(Array.from(after)).toEqual(Array.from(exactProduct(ints, n, 0, v, 1)));
    expect(Array.from(before)).toEqual(Array.from(after));
  });
});

describe.each(KERNELS)('productInto with one array as both A and B of different sizes (%s kernel)', (kernel) => {
  // The wasm route copies an array passed as both operands once; that is right only when both
  // read the same number of entries (m k = k n): else B read past A's copy, or C overlapped A.
  it('is exact on integers for m != n (A m x k and B k x n both prefixes of one array)', async () => {
    const { product } = await load(kernel);
    for (const [m, n, k] of [[6, 5, 4], [5, 6, 4], [9, 3, 8], [3, 9, 8], [20, 7, 5]]) {
      const x = integers(Math.max(m, n) * k, m * 100 + n);
      const c = product.productInto(x, x, new Float64Array(m * n).fill(NaN), m, n, k);
      const expected = new Float64Array(m * n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          for (let p = 0; p < k; p++) expected[i * n + j] += x[i * k + p] * x[p * n + j];
        }
      }
      expect(Array.from(c), `m ${m}, n ${n}, k ${k}`).toEqual(Array.from(expected));
    }
  });
});

describe.each(KERNELS)('outerProduct at the ends of the exponent range (%s kernel)', (kernel) => {
  // Factors mixing 2^300, 2^-300 and subnormal entries: W_ij and W_ji must still be the same sum
  // in the same order (so equal bit for bit, signed zeros included) and the bits gramInto gives.
  it('is exactly symmetric and equal to gramInto for r = 0..9 and n around the 4 x 4 tiles', async () => {
    const { product } = await load(kernel);
    const { outerProduct } = await import('./dense.js');
    const scales = [2 ** 300, 2 ** -300, 2 ** -1070, 1];
    for (const n of [1, 2, 3, 5, 8, 13, 33, 70]) {
      for (let r = 0; r <= 9; r++) {
        const random = createRandom(n * 10 + r);
        const u = Float64Array.from({ length: n * r }, (_, index) => random.normal() * scales[(index * 7 + r) % 4]);
        const w = outerProduct(u, n, r);
        const gram = product.gramInto(u, n, r, 'rows', new Float64Array(n * n));
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(Object.is(w.get(i, j), w.get(j, i)), `n ${n}, r ${r}, (${i}, ${j})`).toBe(true);
            expect(Object.is(w.get(i, j), gram[i * n + j]), `n ${n}, r ${r}, (${i}, ${j})`).toBe(true);
          }
        }
      }
    }
  });
});
