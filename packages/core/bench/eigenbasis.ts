/**
 * Verified eigenbasis benchmark (issue 20): time of verifiedEigenbasis and projectOnto for a rotated
 * Y = Q diag(s) Q^T (s = n, n - 1, .., 1, gap 1) at n = 10, 50, 100, the first call in a fresh process
 * (cold) and the median of 10 later ones (warm), with the widths obtained. Run from packages/core:
 *
 *   npx tsx --conditions=source bench/eigenbasis.ts
 *
 * Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';

import { randomOrthogonal, symmetricWithSpectrum } from '../src/linalg/orthogonal.js';
import { projectOnto, verifiedEigenbasis } from '../src/linalg/interval/verifiedEigenbasis.js';

const EPS = 2 ** -52;
for (const n of [50, 10, 100]) {
  const Y = symmetricWithSpectrum(randomOrthogonal(n, 7), Array.from({ length: n }, (_, i) => n - i));
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flat[i * n + j] = Y.get(Math.min(i, j), Math.max(i, j));
  const U = Float64Array.from({ length: n * n }, (_, k) => Math.sin(k + 1));
  const run = () => {
    const start = performance.now();
    const basis = verifiedEigenbasis(flat, n);
    if (typeof basis === 'string') throw new Error(basis);
    const middle = performance.now();
    const projected = projectOnto(basis, U, n);
    return { basis, projected, basisMs: middle - start, projectMs: performance.now() - middle };
  };
  const cold = run();
  const warm = Array.from({ length: 10 }, run).sort((a, b) => a.basisMs - b.basisMs)[5];
  const eigenWidth = Math.max(...cold.basis.lo.map((lo, i) => cold.basis.hi[i] - lo)) / (n * EPS * n);
  const projectedWidth = Math.max(...cold.projected.lo.map((lo, i) => cold.projected.hi[i] - lo)) / (n * EPS * n * Math.sqrt(n));
  console.log(
    `n = ${n}: verifiedEigenbasis cold ${cold.basisMs.toFixed(1)} ms, warm ${warm.basisMs.toFixed(1)} ms; projectOnto (n x n U) cold ${cold.projectMs.toFixed(1)} ms, warm ${warm.projectMs.toFixed(1)} ms; ` +
      `widths: eigenvalues ${eigenWidth.toFixed(1)} n eps ||Y||, V^T U ${projectedWidth.toFixed(1)} n eps ||Y|| ||u_c|| / gap`,
  );
}
