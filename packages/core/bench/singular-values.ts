/**
 * `npm run bench` (core): singular values without vectors, bidiagonal.ts (Householder
 * bidiagonalization, then dqds on the bidiagonal) against ml-matrix's
 * SingularValueDecomposition with both vector options off, on one seeded Gaussian n x n matrix per n,
 * measured in one run. Also checks that both agree to 1e-13 sigma_1. Prints a table; asserts nothing.
 */
import { performance } from 'node:perf_hooks';

import { Matrix, SingularValueDecomposition } from 'ml-matrix';

import { singularValuesOf } from '../src/linalg/bidiagonal.js';
import { createRandom } from '../src/random.js';

function seconds(run: () => unknown, minimumSeconds = 0.3): number {
  run();
  let repetitions = 0;
  const start = performance.now();
  do {
    run();
    repetitions++;
  } while (performance.now() - start < minimumSeconds * 1000);
  return (performance.now() - start) / 1000 / repetitions;
}

const format = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toPrecision(3));

console.log('\nSingular values of a Gaussian n x n matrix, no vectors\n');
console.log('| n | bidiagonal.ts (ms) | ml-matrix SVD (ms) | ratio | max difference / sigma_1 |');
console.log('|---|---|---|---|---|');
for (const n of [10, 50, 100, 200]) {
  const random = createRandom(11 * n);
  const entries = Float64Array.from({ length: n * n }, () => random.normal());
  const matrix = new Matrix(Array.from({ length: n }, (_, i) => Array.from(entries.subarray(i * n, (i + 1) * n))));
  const svd = (): number[] =>
    new SingularValueDecomposition(matrix, { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: true }).diagonal;
  const ours = singularValuesOf(entries, n, n);
  const reference = svd().sort((a, b) => b - a);
  const difference = Math.max(...reference.map((value, i) => Math.abs(value - ours[i]))) / reference[0];
  const kernel = seconds(() => singularValuesOf(entries, n, n));
  const library = seconds(svd);
  console.log(`| ${n} | ${format(kernel * 1000)} | ${format(library * 1000)} | ${format(library / kernel)} | ${difference.toExponential(1)} |`);
}
