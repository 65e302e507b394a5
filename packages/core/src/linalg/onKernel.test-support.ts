/**
 * Test support (excluded from the build): modules loaded afresh on a chosen product kernel, so a
 * test runs every linalg path on both the WebAssembly SIMD kernel and the plain-JS fallback.
 */
import { expect, vi } from 'vitest';

/** The kernels `productKernel()` in productWasm.ts can choose. */
export type Kernel = 'wasm-simd' | 'js';

export const KERNELS: readonly Kernel[] = ['wasm-simd', 'js'];

/**
 * Runs `load` (the test's dynamic imports) on a fresh module registry with the kernel chosen by
 * feature detection: for 'js', WebAssembly is hidden while the detection runs, as on an engine
 * without it. The detection runs once per loaded module, so the choice sticks after the global is
 * restored; a fresh registry also means a fresh WebAssembly memory.
 */
export async function loadOnKernel<T>(kernel: Kernel, load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  if (kernel === 'js') vi.stubGlobal('WebAssembly', undefined);
  try {
    const { productKernel } = await import('./productWasm.js');
    expect(productKernel()).toBe(kernel);
    return await load();
  } finally {
    vi.unstubAllGlobals();
  }
}
