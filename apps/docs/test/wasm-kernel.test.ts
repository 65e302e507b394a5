/**
 * The core product's WebAssembly SIMD kernel (issue 21) is used in the browser, on the page's main
 * thread (live code blocks and static figures run core there) and in a web worker (the
 * explorers). Core falls back to its JS kernel, silently, when the engine refuses the module, so
 * the explorers' tests would pass without it; this test fails instead. It loads core's built
 * product modules (packages/core/dist/linalg, what the site bundles) from blob URLs, asks which
 * kernel they picked and checks an integer product, which must be exact.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { useSite } from './site.js';

const site = useSite();

/** product.js, productWasm.js and productWasmBytes.js from core's build, each importing the next. */
const MODULES = ['product.js', 'productWasm.js', 'productWasmBytes.js'].map((name) =>
  readFileSync(new URL(`../../../packages/core/dist/linalg/${name}`, import.meta.url), 'utf8'),
);

/** Run in the page and in a module worker: the kernel core picks, and the largest error of a 9 x 10 x 11 integer product. */
const PROBE = `async function probe([product, loader, bytes]) {
  const url = (source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const bytesUrl = url(bytes);
  const loaderUrl = url(loader.replace("'./productWasmBytes.js'", JSON.stringify(bytesUrl)));
  const { productInto } = await import(url(product.replace("'./productWasm.js'", JSON.stringify(loaderUrl))));
  const { productKernel } = await import(loaderUrl);
  const [m, n, k] = [9, 10, 11];
  const a = Float64Array.from({ length: m * k }, (_, i) => (i % 7) - 3);
  const b = Float64Array.from({ length: k * n }, (_, i) => (i % 5) - 2);
  const c = productInto(a, b, new Float64Array(m * n), m, n, k);
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let l = 0; l < k; l++) sum += a[i * k + l] * b[l * n + j];
      worst = Math.max(worst, Math.abs(c[i * n + j] - sum));
    }
  }
  return { kernel: productKernel(), worst };
}`;

interface ProbeResult {
  readonly kernel: string;
  readonly worst: number;
}

describe('the WebAssembly SIMD product kernel in the browser', () => {
  it('is the kernel core picks, with exact integer products, on the main thread and in a web worker', async () => {
    const { page, problems } = await site.open('/');
    const onMainThread = await page.evaluate(
      ({ source, modules }) => (new Function(`return (${source})`)() as (modules: string[]) => Promise<ProbeResult>)(modules),
      { source: PROBE, modules: MODULES },
    );
    expect(onMainThread).toEqual({ kernel: 'wasm-simd', worst: 0 });
    const inWorker = await page.evaluate(
      ({ source, modules }) =>
        new Promise<ProbeResult | string>((resolve) => {
          const script = `const probe = ${source}; onmessage = async (event) => postMessage(await probe(event.data));`;
          const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), { type: 'module' });
          worker.onmessage = (event: MessageEvent<ProbeResult>) => resolve(event.data);
          worker.onerror = (event) => resolve(`worker error: ${event.message}`);
          worker.postMessage(modules);
        }),
      { source: PROBE, modules: MODULES },
    );
    expect(inWorker).toEqual({ kernel: 'wasm-simd', worst: 0 });
    expect(problems.console).toEqual([]);
    await page.close();
  });
});
