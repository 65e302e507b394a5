/**
 * Certified windows benchmark (issue 20): coverage of the measured windows by certified ones,
 * time to certify every window of an instance, and certifiedAlphaMax against the measured and
 * Theorem 4 alpha_max. Run from packages/core:
 *
 *   npx tsx --conditions=source bench/certified.ts [instances] [--alpha] [--verbose] [--n50] [--rotated]
 *
 * Instances are drawn as in the theorems suites, with Y diagonal, or with --rotated Y = Q diag Q^T
 * for a seeded random orthogonal Q (the certificate then goes through the verified eigenbasis):
 * n in 2..10, spectrum `separatedSpectrum(n)`, U0bar Gaussian n x (n + extra), epsilon a fraction of
 * min(sigma_K, 1), alpha = Theorem 4's alpha_max 10^-u, u in [0, 6]. With --n50, also times one
 * n = 50 instance of the same kind. Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';

import fc from 'fast-check';

import { certifiedAlphaMax, certifiedWindows, gaussianInit, randomOrthogonal, symmetricWithSpectrum, theorem4Plan } from '../src/index.js';
import { PROPERTY_SEED, separatedSpectrum } from '../src/testing/index.js';

const count = Number(process.argv[2] ?? 40);
const withAlpha = process.argv.includes('--alpha');
const rotated = process.argv.includes('--rotated');
/** diag(sigma), or Q diag(sigma) Q^T with --rotated. */
const target = (sigma: number[], seed: number) =>
  rotated ? symmetricWithSpectrum(randomOrthogonal(sigma.length, seed), sigma).to2DArray() : sigma.map((value, i) => sigma.map((_, j) => (i === j ? value : 0)));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};

const instance = fc.record({
  n: fc.integer({ min: 2, max: 10 }),
  extra: fc.integer({ min: 0, max: 2 }),
  fraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
  decades: fc.double({ min: 0, max: 6, noNaN: true }),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

const coverages: number[] = [];
const times: number[] = [];
const alphaRatios: number[] = [];
const theoremRatios: number[] = [];
let uncovered = 0;
for (const [index, { n, extra, fraction, decades, seed }] of fc.sample(instance, { seed: PROPERTY_SEED, numRuns: count }).entries()) {
  const sigma = fc.sample(separatedSpectrum(n, { zeros: 'none' }), { seed, numRuns: 1 })[0];
  const Y = target(sigma, seed);
  const U0bar = gaussianInit(n, n + extra, 1, seed);
  const epsilon = fraction * Math.min(sigma[n - 1], 1);
  const alphaMax = theorem4Plan({ Y, U0bar, epsilon }).alphaMax;
  if (alphaMax === null || alphaMax * 10 ** -decades < 1e-250) continue;
  const U0 = U0bar.clone().mul(Math.sqrt(alphaMax * 10 ** -decades));
  const start = performance.now();
  const result = certifiedWindows(Y, { U0 }, epsilon);
  const elapsed = performance.now() - start;
  if (n === 10) times.push(elapsed);
  if (process.argv.includes("--verbose")) console.log(`instance ${index}: n = ${n}, ${elapsed.toFixed(0)} ms, ${result.evaluations} evaluations, coverage ${result.perRank.map((r) => (r.measured.length > 0 ? r.coverage.toFixed(4) : "-")).join(" ")}`);
  for (const rank of result.perRank) {
    if (rank.measured.length === 0) continue;
    coverages.push(rank.coverage);
    if (rank.coverage < 0.99) uncovered++;
  }
  if (withAlpha && index % 4 === 0) {
    const alpha = certifiedAlphaMax(Y, U0bar, epsilon, { relativeTolerance: 0.05 });
    if (alpha.alpha !== null && alpha.measuredAlphaMax !== null) alphaRatios.push(alpha.measuredAlphaMax / alpha.alpha);
    if (alpha.alpha !== null && alpha.theorem4LogAlphaMax !== null) theoremRatios.push(Math.log10(alpha.alpha) - alpha.theorem4LogAlphaMax / Math.LN10);
    console.log(`instance ${index}: n = ${n}, certified alpha ${alpha.alpha?.toExponential(3)}, measured ${alpha.measuredAlphaMax?.toExponential(3)}, theorem 4 ${alphaMax.toExponential(3)}`);
  }
}
console.log(`windows: ${coverages.length}, median coverage ${median(coverages).toFixed(6)}, worst ${Math.min(...coverages).toFixed(6)}, below 99%: ${uncovered}`);
console.log(`n = 10: ${times.length} instances, median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`);
if (withAlpha) console.log(`measured / certified alpha: median ${median(alphaRatios).toFixed(3)}, worst ${Math.max(...alphaRatios).toFixed(3)}; log10(certified / theorem 4): median ${median(theoremRatios).toFixed(2)}`);

if (process.argv.includes('--n50')) {
  const n = 50;
  const sigma = Array.from({ length: n }, (_, i) => 10 * 0.9 ** i);
  const Y = target(sigma, 50);
  const U0bar = gaussianInit(n, n, 1, 50);
  const epsilon = 0.5 * Math.min(sigma[n - 1], 1);
  const U0 = U0bar.clone().mul(Math.sqrt(1e-12));
  const start = performance.now();
  const result = certifiedWindows(Y, { U0 }, epsilon);
  const covered = result.perRank.filter((rank) => rank.measured.length > 0).map((rank) => rank.coverage);
  console.log(`n = 50 (${rotated ? 'rotated' : 'diagonal'}, sigma_i = 10 * 0.9^i, alpha = 1e-12): ${(performance.now() - start).toFixed(0)} ms, ${result.evaluations} evaluations, ${covered.length} windows, median coverage ${median(covered).toFixed(6)}`);
}
