/**
 * The WebAssembly SIMD route of the matrix product (product.wat, assembled into
 * productWasmBytes.ts by scripts/build-wasm.mjs). It runs the same packed, blocked algorithm as the
 * JS kernel in product.ts, with each row pair of the 4 x 4 register block in f64x2 lanes, so every
 * entry of C is the same sequence of rounded multiplies and adds and the two routes agree bit for
 * bit; measured about 5x faster than the scalar JS kernel from n = 50 to 500 (issue 21). The same
 * module's `symmetricProduct` (B v for the tridiagonalization's panels) is reached through
 * {@link wasmWorkspace} by symmetricProduct.ts.
 *
 * The module is compiled synchronously (`new WebAssembly.Module`, about 2.2 KB, under Chrome's
 * 4 KB limit for synchronous compiles on a page's main thread), once, on first use. Where
 * WebAssembly or its SIMD is missing (an older engine rejects the module), the product stays on
 * the JS kernel.
 */
import { PRODUCT_WASM_BASE64 } from './productWasmBytes.js';

/** Depth and rows of a packed block; the same values as KC and MC in product.ts and in product.wat. */
const KC = 256;
const MC = 64;
/** Bytes reserved at address 0 for the kernel's edge block (4 x 4 doubles). */
const EDGE_BYTES = 128;
const PAGE_BYTES = 65536;
/** Largest memory used: every byte offset product.wat computes then fits a signed i32. */
const MAX_BYTES = 2 ** 31;

/** The part of the WebAssembly JS API used here (core compiles without the DOM library, which declares it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  readonly Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  readonly Instance: new (module: object) => { readonly exports: Record<string, unknown> };
}

interface ProductInstance {
  readonly memory: WasmMemory;
  readonly product: (a: number, b: number, c: number, m: number, n: number, k: number, ta: number, tb: number, alpha: number, upper: number, pa: number, pb: number) => void;
  readonly symmetricProduct: SymmetricProductExport;
}

/** product.wat's `symmetricProduct(a, ld, m, v, out)`: out = B v for the m x m block at byte `a` with `ld` doubles per row. */
export type SymmetricProductExport = (a: number, ld: number, m: number, v: number, out: number) => void;

/** The instance, null when unavailable, undefined before the first attempt. */
let instance: ProductInstance | null | undefined;
/** A view of the instance's memory, renewed when the memory grows (growing detaches the old one). */
let heap = new Float64Array(0);

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function load(): ProductInstance | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    const exports = new wasm.Instance(new wasm.Module(decode(PRODUCT_WASM_BASE64))).exports;
    return {
      memory: exports.memory as WasmMemory,
      product: exports.product as ProductInstance['product'],
      symmetricProduct: exports.symmetricProduct as SymmetricProductExport,
    };
  } catch {
    // A CompileError (no SIMD128) or a RangeError (a synchronous compile refused): use the JS kernel.
    return null;
  }
}

/** Which kernel {@link wasmProduct} runs on this engine: 'wasm-simd', or 'js' when it declines every call. */
export function productKernel(): 'wasm-simd' | 'js' {
  if (instance === undefined) instance = load();
  return instance === null ? 'js' : 'wasm-simd';
}

/**
 * C += alpha op(A) op(B) through the SIMD kernel, with the contract of `blockedProduct` in
 * product.ts (m, n, k >= 1; with `upperOnly`, C square, only register blocks on and above the
 * diagonal computed, and the strict upper triangle then mirrored onto the lower). A, B and C are copied into the module's memory and C back: O(mn + mk + kn)
 * against the 2mnk flops of the product. When `a` and `b` are the same array (a Gram matrix) it is
 * copied once. With `overwrite`, C's old contents are never read: C = alpha op(A) op(B) is
 * accumulated from zeros set in the module's memory and mirrored there, so every element of `c` is
 * written once and nothing else touches it.
 * For a rank-r Gram matrix of order n the passes over C cost about as much as its n^2 r flops
 * (at n = 500, r = 5, 0.38 ms a Gram matrix before this, 0.34 ms after, into a reused array), and
 * a newly allocated `c` (each W(t) of a trajectory) is memory the system maps page by page on first
 * touch, which costs more than the product itself: touching it once is the least possible.
 * Returns false, having done nothing, when WebAssembly SIMD is unavailable or the arrays would not
 * fit in 2 GiB of its memory.
 */
export function wasmProduct(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
  alpha: number,
  upperOnly: boolean,
  overwrite = false,
): boolean {
  if (instance === undefined) instance = load();
  if (instance === null) return false;
  const sizeA = m * k;
  const sizeB = k * n;
  const sizeC = m * n;
  // One copy serves both operands only when both read the same entries (m k = k n): else B would
  // read past it, or C overlap it.
  const shared = a === b && sizeA === sizeB;
  // Byte offsets: edge block, packed A (MC x KC), packed B (KC x n rounded up to 4), A, B, C.
  const packedA = EDGE_BYTES;
  const packedB = packedA + 8 * MC * KC;
  const offsetA = packedB + 8 * KC * 4 * Math.ceil(n / 4);
  const offsetB = shared ? offsetA : offsetA + 8 * sizeA;
  const offsetC = offsetB + 8 * sizeB;
  const end = offsetC + 8 * sizeC;
  if (!reserve(instance.memory, end)) return false;
  heap.set(a.subarray(0, sizeA), offsetA / 8);
  if (!shared) heap.set(b.subarray(0, sizeB), offsetB / 8);
  const resultC = heap.subarray(offsetC / 8, offsetC / 8 + sizeC);
  if (overwrite) resultC.fill(0);
  else resultC.set(c.subarray(0, sizeC));
  instance.product(offsetA, offsetB, offsetC, m, n, k, transposeA ? 1 : 0, transposeB ? 1 : 0, alpha, upperOnly ? 1 : 0, packedA, packedB);
  if (upperOnly) mirrorUpper(resultC, m);
  c.set(resultC);
  return true;
}

/**
 * Grows the module's memory to at least `bytes` and renews {@link heap}; false, with nothing done,
 * beyond 2 GiB or when the engine will not give the memory (a RangeError): the JS kernels need none.
 */
function reserve(memory: WasmMemory, bytes: number): boolean {
  if (bytes > MAX_BYTES) return false;
  if (memory.buffer.byteLength < bytes) {
    try {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES));
    } catch {
      return false;
    }
  }
  if (heap.buffer !== memory.buffer) heap = new Float64Array(memory.buffer);
  return true;
}

/**
 * The module's memory as doubles, at least `bytes` long, with its symmetric product kernel, for
 * symmetricProduct.ts, which lays out its own arrays there; null when WebAssembly SIMD is
 * unavailable or the memory cannot grow that far. The memory is shared with {@link wasmProduct}:
 * what is placed there lasts until the next product, and the view until the memory grows.
 */
export function wasmWorkspace(bytes: number): { readonly heap: Float64Array; readonly symmetricProduct: SymmetricProductExport } | null {
  if (instance === undefined) instance = load();
  if (instance === null || !reserve(instance.memory, bytes)) return null;
  return { heap, symmetricProduct: instance.symmetricProduct };
}

/** Side of the tiles the upper triangle is mirrored by, so that the strided writes stay in cache. */
const MIRROR_TILE = 32;

/** Copies the strict upper triangle of a square row-major array onto the lower one, tile by tile (for gramInto in product.ts too). */
export function mirrorUpper(out: Float64Array, size: number): void {
  for (let i0 = 0; i0 < size; i0 += MIRROR_TILE) {
    const iEnd = Math.min(i0 + MIRROR_TILE, size);
    for (let j0 = i0; j0 < size; j0 += MIRROR_TILE) {
      const jEnd = Math.min(j0 + MIRROR_TILE, size);
      for (let i = i0; i < iEnd; i++) {
        for (let j = Math.max(j0, i + 1); j < jEnd; j++) out[j * size + i] = out[i * size + j];
      }
    }
  }
}
