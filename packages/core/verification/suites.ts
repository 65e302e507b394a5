/**
 * Core's verification suites: each one draws seeded random instances, checks a statement of
 * Min & Vidal (2025) or a cross-check between independent routes, and returns one row of the
 * report. Pure functions of (instances, seed); report.ts prints them.
 */
import { readFileSync } from 'node:fs';

import { Matrix, QrDecomposition } from 'ml-matrix';

import {
  bestRankK,
  closedFormTrajectory,
  createRandom,
  gaussianInit,
  gradientDescent,
  integrateGradientFlow,
  measuredWindows,
  scalarTrajectory,
  spectralInit,
  spectralNorm,
  theorem3Plan,
  theorem4Plan,
} from '../src/index.js';

/** One row of the report. */
export interface SuiteResult {
  readonly suite: string;
  readonly claim: string;
  readonly instances: number;
  readonly passed: number;
  /** The figure of merit, e.g. the worst relative error, with its meaning in `metricName`. */
  readonly metric: number;
  readonly metricName: string;
  readonly details: string[];
  readonly seconds: number;
}

type Random = ReturnType<typeof createRandom>;

function orthogonal(n: number, seed: number): Matrix {
  return new QrDecomposition(gaussianInit(n, n, 1, seed)).orthogonalMatrix;
}

function symmetric(Q: Matrix, lambda: number[]): Matrix {
  const Y = Q.mmul(Matrix.diag(lambda)).mmul(Q.transpose());
  return Y.add(Y.transpose()).div(2);
}

function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random.uniform() * (max - min + 1));
}

/** Distinct decreasing singular values with ratios in [0.2, maxRatio], padded with zeros. */
function separated(random: Random, n: number, K: number, maxRatio = 0.85): number[] {
  const values = [1 + 9 * random.uniform()];
  for (let k = 1; k < K; k++) values.push(values[k - 1] * (0.2 + (maxRatio - 0.2) * random.uniform()));
  return [...values, ...Array<number>(n - K).fill(0)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
}

function timed(run: () => Omit<SuiteResult, 'seconds'>): SuiteResult {
  const start = performance.now();
  const result = run();
  return { ...result, seconds: (performance.now() - start) / 1000 };
}

interface ReferenceCase {
  readonly name: string;
  readonly Y: number[][];
  readonly init: { U0: number[][] } | { W0: number[][] };
  readonly times: number[];
  readonly W: number[][][];
}

/** Closed form vs the high-precision mpmath evaluation of the literal formula (fixtures/). */
export function referenceSuite(): SuiteResult {
  return timed(() => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/closed-form-reference.json', import.meta.url), 'utf8')) as {
      cases: ReferenceCase[];
    };
    let worst = 0;
    let passed = 0;
    const details: string[] = [];
    for (const reference of fixture.cases) {
      const scale = spectralNorm(reference.Y);
      const { W } = closedFormTrajectory(reference.Y, reference.init, reference.times, { spectrum: false });
      const error = Math.max(...W.map((matrix, i) => matrix.clone().sub(reference.W[i]).abs().max() / scale));
      worst = Math.max(worst, error);
      if (error <= 1e-10) passed++;
      else details.push(`${reference.name}: max |W - W_ref| / ||Y|| = ${error.toExponential(2)}`);
    }
    return {
      suite: 'reference',
      claim: 'closed form = literal eq. (5) in 400-19,400 digit arithmetic, to 1e-10 ||Y||',
      instances: fixture.cases.length,
      passed,
      metric: worst,
      metricName: 'worst |dW| / ||Y||',
      details,
    };
  });
}

/** Closed form vs Dormand-Prince on U' = (Y - U U^T) U (two independent routes to Proposition 1). */
export function odeSuite(instances: number, seed: number): SuiteResult {
  return timed(() => {
    const random = createRandom(seed);
    let worst = 0;
    let passed = 0;
    const details: string[] = [];
    for (let index = 0; index < instances; index++) {
      const n = integer(random, 2, 6);
      const kind = index % 3;
      const lambda = Array.from({ length: n }, (_, i) => {
        const magnitude = 0.5 + 9.5 * random.uniform();
        if (kind === 1 && i > 0 && i >= n - 1 - (index % 2)) return 0;
        return kind === 2 && i % 2 === 1 ? -magnitude : magnitude;
      });
      const Y = symmetric(orthogonal(n, seed + 1000 + index), lambda);
      const r = [1, n, n + 1][index % 3];
      const alpha = [1e-2, 1e-6][index % 2];
      const U0 = gaussianInit(n, r, alpha, seed + 2000 + index);
      const scale = Math.max(...lambda.map(Math.abs));
      const times = Array.from({ length: 9 }, (_, i) => (i * 20) / (8 * scale));
      const closed = closedFormTrajectory(Y, { U0 }, times, { spectrum: false }).W;
      const ode = integrateGradientFlow(Y, U0, { times, rtol: 1e-12 }).W;
      const error = Math.max(...closed.map((matrix, i) => matrix.clone().sub(ode[i]).abs().max())) / scale;
      worst = Math.max(worst, error);
      if (error <= 1e-8) passed++;
      else details.push(`instance ${index} (n = ${n}, r = ${r}, alpha = ${alpha}): gap ${error.toExponential(2)}`);
    }
    return {
      suite: 'closed-vs-ode',
      claim: 'Prop. 1 closed form = RK45 (rtol 1e-12) to 1e-8 ||Y||; PSD, singular, indefinite Y; r < n, = n, > n',
      instances,
      passed,
      metric: worst,
      metricName: 'worst |dW| / ||Y||',
      details,
    };
  });
}

/** Gradient descent tends to gradient flow at rate O(eta): halving eta halves the gap. */
export function gradientDescentSuite(instances: number, seed: number): SuiteResult {
  return timed(() => {
    const random = createRandom(seed);
    const ratios: number[] = [];
    let passed = 0;
    const details: string[] = [];
    for (let index = 0; index < instances; index++) {
      const n = integer(random, 2, 5);
      const lambda = separated(random, n, n);
      const Y = symmetric(orthogonal(n, seed + 3000 + index), lambda);
      const U0 = gaussianInit(n, n, 1e-3, seed + 4000 + index);
      const horizon = Math.log(1e3 * lambda[0]) / (2 * lambda[n - 1]);
      const gaps = [1, 2, 4].map((refinement) => {
        const eta = 0.01 / (lambda[0] * refinement);
        const steps = Math.round(horizon / eta);
        const final = gradientDescent(Y, U0, { eta, steps, record: steps }).W;
        const exact = closedFormTrajectory(Y, { U0 }, [steps * eta], { spectrum: false }).W[0];
        return final.clone().sub(exact).abs().max();
      });
      const ratio = Math.min(gaps[0] / gaps[1], gaps[1] / gaps[2]);
      ratios.push(ratio);
      if (ratio > 1.7 && ratio < 2.3) passed++;
      else details.push(`instance ${index}: gaps ${gaps.map((gap) => gap.toExponential(2)).join(', ')}`);
    }
    return {
      suite: 'gd-to-gf',
      claim: 'GD with step eta is O(eta) from GF: gap(eta) / gap(eta/2) in (1.7, 2.3)',
      instances,
      passed,
      metric: median(ratios),
      metricName: 'median gap ratio',
      details,
    };
  });
}

/** Corollary 2: a spectral initialization stays diagonal in Phi and follows (12)/(13). */
export function corollary2Suite(instances: number, seed: number): SuiteResult {
  return timed(() => {
    const random = createRandom(seed);
    let worst = 0;
    let passed = 0;
    const details: string[] = [];
    for (let index = 0; index < instances; index++) {
      const n = integer(random, 2, 6);
      // At most one zero eigenvalue: in a repeated eigenspace "the i-th eigenvector" is not defined.
      const lambda = separated(random, n, integer(random, n - 1, n));
      const Q = orthogonal(n, seed + 5000 + index);
      const Y = symmetric(Q, lambda);
      const sigma0 = lambda.map(() => (random.uniform() < 0.2 ? 0 : 0.1 + 2 * random.uniform()));
      const alpha = 10 ** -(2 + 10 * random.uniform());
      const U0 = spectralInit(Y, sigma0, alpha);
      const times = [0, 1, 3, 10, 100, 1e4].map((sigmaT) => sigmaT / lambda[0]);
      const { W } = closedFormTrajectory(Y, { U0 }, times, { spectrum: false });
      const error =
        Math.max(
          ...times.map((t, i) => {
            const modes = lambda.map((s, l) => scalarTrajectory({ sigmaY: s, sigma0: sigma0[l], alpha }, t));
            return W[i].clone().sub(symmetric(Q, modes)).abs().max();
          }),
        ) / lambda[0];
      worst = Math.max(worst, error);
      if (error <= 1e-10) passed++;
      else details.push(`instance ${index}: ${error.toExponential(2)}`);
    }
    return {
      suite: 'corollary-2',
      claim: 'spectral init: W(t) = Phi diag(sigma_i,W(t)) Phi^T with (12)/(13), to 1e-10 ||Y||, up to sigma t = 1e4',
      instances,
      passed,
      metric: worst,
      metricName: 'worst |dW| / ||Y||',
      details,
    };
  });
}

function probe(start: number, end: number): number[] {
  if (!Number.isFinite(end)) return [start, 1.5 * start, 4 * start, 100 * start];
  return [start, start + 0.25 * (end - start), 0.5 * (start + end), start + 0.75 * (end - start), end];
}

/** Theorems 3 and 4: on instances satisfying the hypotheses, ||W(t) - Y_hat_k|| <= eps on every I_k. */
export function theoremSuite(theorem: 3 | 4, instances: number, seed: number): SuiteResult {
  return timed(() => {
    const random = createRandom(seed);
    const slacks: number[] = [];
    const windowRatios: number[] = [];
    let passed = 0;
    const details: string[] = [];
    for (let index = 0; index < instances; index++) {
      const n = integer(random, 2, 6);
      const K = integer(random, 1, n);
      const lambda = separated(random, n, K);
      const Q = orthogonal(n, seed + 6000 + index);
      const Y = symmetric(Q, lambda);
      const epsilon = (0.05 + 0.95 * random.uniform()) * (theorem === 3 ? lambda[K - 1] : Math.min(lambda[K - 1], 1));
      const fraction = random.uniform() < 0.3 ? 1 : 10 ** -(6 * random.uniform());
      let U0bar: Matrix;
      let plan;
      if (theorem === 3) {
        const sigma0 = lambda.map(() => 0.2 + 2 * random.uniform());
        U0bar = spectralInit(Y, sigma0, 1);
        const alpha = theorem3Plan({ sigmaY: lambda, sigma0, epsilon }).alphaMax! * fraction;
        plan = theorem3Plan({ sigmaY: lambda, sigma0, epsilon, alpha });
      } else {
        U0bar = gaussianInit(n, n + integer(random, 0, 2), 1, seed + 7000 + index);
        const alphaMax = theorem4Plan(Y, U0bar, epsilon).alphaMax;
        if (alphaMax === null || alphaMax < 1e-280) {
          details.push(`instance ${index}: skipped, alpha_max ${alphaMax} outside double range`);
          continue;
        }
        plan = theorem4Plan(Y, U0bar, epsilon, alphaMax * fraction);
      }
      const alpha = plan.alpha!;
      const U0 = U0bar.clone().mul(Math.sqrt(alpha));
      let worst = 0;
      for (const { k, start, end } of plan.intervals) {
        const target = bestRankK(Y, k);
        for (const W of closedFormTrajectory(Y, { U0 }, probe(start, end), { spectrum: false }).W) {
          worst = Math.max(worst, spectralNorm(W.clone().sub(target)) / epsilon);
        }
      }
      slacks.push(worst);
      const measured = measuredWindows(Y, { U0 }, epsilon, { gridSize: 256 });
      for (const { k, start, end } of plan.intervals) {
        const window = measured.perRank[k - 1].windows.find((w) => w.start <= start * (1 + 1e-9) && end <= w.end * (1 + 1e-9));
        if (window && Number.isFinite(end) && end > start) windowRatios.push((window.end - window.start) / (end - start));
      }
      if (plan.hypothesesHold || !plan.alphaMaxAttained) {
        if (worst <= 1 + 1e-10) passed++;
        else details.push(`instance ${index}: ||W - Y_hat_k|| / eps = ${worst.toFixed(6)} > 1 (seed ${seed})`);
      }
    }
    return {
      suite: `theorem-${theorem}`,
      claim: `Thm ${theorem}: ||W(t) - Y_hat_k|| <= eps on I_k at alpha <= alpha_max; median measured/guaranteed window length ${median(windowRatios).toFixed(1)}x`,
      instances: slacks.length,
      passed,
      metric: Math.max(...slacks),
      metricName: `worst slack ||W-Y_k||/eps (median ${median(slacks).toFixed(3)})`,
      details,
    };
  });
}
