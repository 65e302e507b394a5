/**
 * Which hypotheses of Theorems 3 and 4 of Min & Vidal (2025) are actually needed? For each
 * hypothesis, fast-check searches for instances that violate that hypothesis ONLY (every other
 * one holds, checked on each instance) and break the conclusion (17)/(23).
 *
 * "Break" is defined uniformly, with the I_k of eq. (16) computed from the theorem's own formulas
 * on the violating instance (c_eps, C_eps, and for Theorem 4 M). The conclusion breaks when, for
 * some k,
 * - I_k is non-empty (after clipping to t >= 0) and some probe t in I_k (both ends and seven
 *   interior points, or a geometric tail for I_K) has ||W(t) - Y_hat_k||_2 > eps (1 + 1e-6); or
 * - I_k is empty (the violation can empty it) and no t >= 0 at all has ||W(t) - Y_hat_k||_2 <= eps
 *   (core's measuredWindows, confirmed by a local grid + golden-section search; margin 1e-6), i.e.
 *   rank-k incremental learning does not happen, whatever the interval.
 * When Y has a repeated singular value sigma_j = sigma_{j+1}, Y_hat_j is not unique: the suite uses
 * the best case, the minimum of ||W(t) - Y_hat_j|| over every best rank-j approximation (a rotation
 * angle in the repeated eigenspace), so a break is a break for every choice.
 *
 * Quantities the theorems leave undefined on a violating instance get a stated substitute: with a
 * repeated value the separation ratio is taken over the distinct levels; with sigma_{i,0} = 0
 * (Theorem 3), C_eps uses the smallest positive sigma_{i,0}; with W~0 singular (Theorem 4), M uses
 * the smallest non-zero singular value of U0bar (W0bar restricted to its range, Remark III-C2).
 *
 * The alpha conditions are searched jointly and one at a time. alpha <= c_eps cannot fail alone for
 * K >= 2 below C_eps: for c_eps < alpha < C_eps the separation ratio is negative. Above C_eps both
 * logarithms are negative, the ratio exceeds 1 and the separation condition formally holds again,
 * but then every I_k with k < K is empty and I_K contains t = 0, where W(0) is far from Y: a trivial
 * break, so every alpha search stops below C_eps.
 */
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

import {
  eigenbasisFactorEvaluator,
  gaussianInit,
  goldenSectionMinimum,
  measuredWindows,
  riccatiModel,
  singularSpectrum,
  spectralInit,
} from '@factorflow/core';
import { orthogonalFromSeed, seed32, symmetricFrom } from '@factorflow/core/testing';

import { type InstanceOutcome, type Suite, instanceSeed, metricValues } from '../suite.js';

const NAME = 'hypothesis-necessity';

/** fast-check runs (candidate instances violating one hypothesis of Theorem 3 or 4) per suite instance. */
export const RUNS_PER_INSTANCE = 300;
/** Predicate calls allowed for shrinking a counterexample to Theorem 3/4's conclusion (deterministic: counted, not timed). */
export const SHRINK_CALLS = 200;
/** Relative slack above eps that counts as a break (rounding of the closed form and the norms). */
const TOLERANCE = 1e-6;
/**
 * Relative margin above eps for a break by "no window at all" (an empty I_k): the searches for the
 * closest approach are accurate far beyond it, so such a break is not a grid artifact.
 */
const WINDOW_MARGIN = TOLERANCE;
/** Grid of measuredWindows for the ranks whose I_k is empty. */
const GRID = 256;

/** The raw parameters fast-check generates and shrinks (Y's spectrum, the shape, eps, alpha of Theorems 3/4); each search reads the ones it needs. */
export interface Raw {
  readonly n: number;
  /** Number K of non-zero singular values of Y. */
  readonly K: number;
  /** sigma_1 (or, for the epsilon searches, sigma_K after rescaling). */
  readonly scale: number;
  /** Consecutive ratios sigma_{k+1} / sigma_k, n - 1 of them (the first K - 1 are used). */
  readonly ratios: readonly number[];
  /** A 1-based index: the repeated value j, the zero sigma_{j,0}, or the missing direction of W~0. */
  readonly special: number;
  /** Theorem 3's shape sigma_{i,0} (n entries). */
  readonly sigma0: readonly number[];
  /** Theorem 4: the width r of U0bar. */
  readonly r: number;
  readonly basisSeed: number;
  readonly shapeSeed: number;
  /** Position of eps in its allowed (or violating) range, in [0, 1]. */
  readonly epsilonPosition: number;
  /** Position of log alpha in its allowed (or violating) range, in [0, 1]. */
  readonly alphaPosition: number;
}

/** Theorem 3/4 quantities of an instance (Min & Vidal 2025; natural logarithms), defining I_k by eq. (16). */
export interface Quantities {
  readonly logc: number;
  readonly logC: number;
  /** log of the bound in alpha <= bound: c_eps (Thm 3) or c_eps / M (Thm 4). */
  readonly logBound: number;
  /** log of the separation bound alpha_sep = c (c / C)^{rho / (1 - rho)} (equal to log c when K = 1). */
  readonly logSeparation: number;
  readonly logAlphaMax: number;
  /** max sigma_{k+1} / sigma_k over the distinct consecutive levels. */
  readonly rho: number;
  /** Theorem 4's M (or its substitute); 0 for Theorem 3. */
  readonly M: number;
}

/** A concrete instance of a search: Y, U(0) = alpha^{1/2} U0bar, eps, and which hypotheses of Theorem 3/4 hold. */
export interface Case {
  readonly theorem: 3 | 4;
  /** n singular values of Y, decreasing, K non-zero. */
  readonly sigmaY: readonly number[];
  readonly K: number;
  /** The repeated value j (sigma_j = sigma_{j+1}), or 0. */
  readonly tie: number;
  readonly Y: Matrix;
  /** The shape: U(0) = alpha^{1/2} U0bar. */
  readonly U0bar: Matrix;
  readonly epsilon: number;
  readonly logAlpha: number;
  readonly quantities: Quantities;
  /** Which hypotheses hold (the suite keeps only cases where exactly the searched one fails). */
  readonly holds: Readonly<Record<HypothesisName, boolean>>;
  /** A short printable description. */
  readonly description: string;
}

/** The hypotheses of Theorems 3 and 4 (Min & Vidal 2025), by name as in core's planners (the epsilon range split in its two halves). */
export type HypothesisName =
  | 'distinct-singular-values'
  | 'init-positive-on-support'
  | 'init-invertible'
  | 'epsilon-le-sigma-K'
  | 'epsilon-le-1'
  | 'alpha-small'
  | 'alpha-separation';

/** What evaluating the conclusion (17)/(23) on a case found. */
export interface Verdict {
  readonly breaks: boolean;
  /** Where: the rank k, and the time or 'no window'. */
  readonly reason: string;
  /** Largest ||W(t) - Y_hat_k|| / eps over the probes of the non-empty I_k that were checked. */
  readonly worstRatio: number;
  /** Number of k whose I_k was empty. */
  readonly emptyIntervals: number;
}

/** One search: a hypothesis of Theorem 3 or 4 to violate alone, and how instances are generated. */
export interface HypothesisSearch {
  /** Stable id, e.g. `t3-distinct-singular-values`. */
  readonly id: string;
  readonly theorem: 3 | 4;
  /** The hypothesis (or hypotheses, for the joint alpha search) violated, as named in {@link Case.holds}. */
  readonly violates: readonly HypothesisName[];
  /** The hypothesis as the paper states it. */
  readonly statement: string;
  /** How it is violated. */
  readonly violation: string;
  readonly arbitrary: fc.Arbitrary<Raw>;
  /** The case for raw parameters, or null when the violating range is empty for them (skipped). */
  build(raw: Raw): Case | null;
}

// ---------------------------------------------------------------------------------------------
// Generation

const position = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Raw parameters: n in [nMin, nMax], K from `kRange(n)`, scale, ratios in [ratioMin, ratioMax],
 * special from `specialRange(n, K)`, r from `rRange(n)`.
 */
function rawArbitrary(options: {
  readonly n?: readonly [number, number];
  readonly K: (n: number) => readonly [number, number];
  readonly scale?: readonly [number, number];
  readonly ratios?: readonly [number, number];
  readonly special?: (n: number, K: number) => readonly [number, number];
  readonly r?: (n: number) => readonly [number, number];
}): fc.Arbitrary<Raw> {
  const [nMin, nMax] = options.n ?? [2, 4];
  const [scaleMin, scaleMax] = options.scale ?? [1, 10];
  const [ratioMin, ratioMax] = options.ratios ?? [0.2, 0.9];
  return fc.integer({ min: nMin, max: nMax }).chain((n) => {
    const [kMin, kMax] = options.K(n);
    return fc.integer({ min: kMin, max: kMax }).chain((K) => {
      const [specialMin, specialMax] = options.special?.(n, K) ?? [1, 1];
      const [rMin, rMax] = options.r?.(n) ?? [n, n + 1];
      return fc.record({
        n: fc.constant(n),
        K: fc.constant(K),
        scale: fc.double({ min: scaleMin, max: scaleMax, noNaN: true }),
        ratios: fc.array(fc.double({ min: ratioMin, max: ratioMax, noNaN: true }), { minLength: n - 1, maxLength: n - 1 }),
        special: fc.integer({ min: specialMin, max: specialMax }),
        sigma0: fc.array(fc.double({ min: 0.2, max: 2.2, noNaN: true }), { minLength: n, maxLength: n }),
        r: fc.integer({ min: rMin, max: rMax }),
        basisSeed: seed32,
        shapeSeed: seed32,
        epsilonPosition: position,
        alphaPosition: position,
      });
    });
  });
}

/** sigma_1 = scale, sigma_{k+1} = ratio_k sigma_k for k < K (ratio 1 at `tie`), then zeros. */
function spectrumOf(raw: Raw, tie = 0): number[] {
  const values = [raw.scale];
  for (let k = 1; k < raw.K; k++) values.push(k === tie ? values[k - 1] : values[k - 1] * raw.ratios[k - 1]);
  return [...values, ...Array<number>(raw.n - raw.K).fill(0)];
}

/** The same spectrum rescaled so that sigma_K = raw.scale. */
function spectrumWithBottom(raw: Raw): number[] {
  const values = spectrumOf({ ...raw, scale: 1 });
  const factor = raw.scale / values[raw.K - 1];
  return values.map((value) => value * factor);
}

/**
 * The separation ratio max sigma_{k+1} / sigma_k of Theorems 3 and 4 over consecutive distinct non-zero
 * levels (0 when K = 1 or all tied): the substitute when the distinct-singular-values hypothesis fails.
 */
export function distinctRatio(sigma: readonly number[], K: number): number {
  let rho = 0;
  for (let k = 0; k + 1 < K; k++) if (sigma[k + 1] !== sigma[k]) rho = Math.max(rho, sigma[k + 1] / sigma[k]);
  return rho;
}

function separationLog(rho: number, logC: number, logc: number): number {
  return rho >= 1 ? Number.NEGATIVE_INFINITY : logc + (rho / (1 - rho)) * (logc - logC);
}

/**
 * Theorem 3's quantities (Min & Vidal 2025): c_eps = eps / max_i sigma_{i,0},
 * C_eps = sigma_1^2 / (eps min_{i <= K} sigma_{i,0}) (the minimum over the positive sigma_{i,0} when one
 * is zero), rho over distinct levels; alpha_max = min(c_eps, c_eps (c_eps / C_eps)^{rho / (1 - rho)})
 * as in core's theorem3Plan.
 */
export function theorem3Quantities(sigmaY: readonly number[], K: number, sigma0: readonly number[], epsilon: number): Quantities {
  const maxShape = Math.max(...sigma0);
  const minShape = Math.min(...sigma0.slice(0, K).filter((value) => value > 0));
  const logc = Math.log(epsilon / maxShape);
  const logC = Math.log((sigmaY[0] * sigmaY[0]) / (epsilon * minShape));
  const rho = distinctRatio(sigmaY, K);
  const logSeparation = separationLog(rho, logC, logc);
  return { logc, logC, logBound: logc, logSeparation, logAlphaMax: Math.min(logc, logSeparation), rho, M: 0 };
}

/**
 * Theorem 4's M = max(||W0bar||, ||W0bar^{-1}||) = max(s_1^2, 1 / s_n^2) from the singular values of
 * U0bar; for a singular W0bar, 1 / s^2 of the smallest non-zero singular value (the restriction of
 * W0bar to its range).
 */
export function theorem4M(U0bar: Matrix): number {
  const singular = Array.from(singularSpectrum(Float64Array.from(U0bar.to1DArray()), U0bar.rows, U0bar.columns));
  const nonZero = singular.filter((value) => value > 16 * U0bar.rows * Number.EPSILON * singular[0]);
  const smallest = nonZero[nonZero.length - 1];
  return Math.max(singular[0] * singular[0], 1 / (smallest * smallest));
}

/**
 * Theorem 4's quantities: c_eps = eps / (16 M^2), C_eps = 16 sigma_1^2 M^2 / eps, the bound c_eps / M,
 * rho over distinct levels, alpha_max = min(c_eps / M, c_eps (c_eps / C_eps)^{rho / (1 - rho)}) as in
 * core's theorem4Plan.
 */
export function theorem4Quantities(sigmaY: readonly number[], K: number, M: number, epsilon: number): Quantities {
  const logc = Math.log(epsilon / (16 * M * M));
  const logC = Math.log((16 * sigmaY[0] * sigmaY[0] * M * M) / epsilon);
  const logBound = logc - Math.log(M);
  const rho = distinctRatio(sigmaY, K);
  const logSeparation = separationLog(rho, logC, logc);
  return { logc, logC, logBound, logSeparation, logAlphaMax: Math.min(logBound, logSeparation), rho, M };
}

/** The separation condition (-log alpha + log c) / (-log alpha + log C) > rho (vacuous for K = 1). */
function separationHolds(q: Quantities, K: number, logAlpha: number): boolean {
  return K === 1 || (q.logc - logAlpha) / (q.logC - logAlpha) > q.rho;
}

/** An admissible log alpha: alpha_max 10^{-(1e-6 + 6 position)}, strictly inside both alpha conditions. */
function admissibleLogAlpha(q: Quantities, alphaPosition: number): number {
  return q.logAlphaMax - Math.LN10 * (1e-6 + 6 * alphaPosition);
}

/**
 * low + position (high - low) for log alpha, kept 0.1% of the range off both ends: the violated
 * condition fails strictly and the ones that must hold (strict inequalities such as the
 * separation condition) are not decided by rounding at the boundary.
 */
function between(low: number, high: number, alphaPosition: number): number {
  return low + (1e-3 + (1 - 2e-3) * alphaPosition) * (high - low);
}

interface Ingredients {
  readonly theorem: 3 | 4;
  readonly raw: Raw;
  readonly sigmaY: number[];
  readonly tie: number;
  readonly U0bar: Matrix;
  readonly epsilon: number;
  /** sigma_{i,0} for Theorem 3 (to report and for init-positive). */
  readonly sigma0?: readonly number[];
  readonly quantities: Quantities;
  readonly logAlpha: number;
  readonly singular?: boolean;
}

function assemble(ingredients: Ingredients): Case {
  const { theorem, raw, sigmaY, tie, U0bar, epsilon, sigma0, quantities, logAlpha, singular } = ingredients;
  const K = raw.K;
  const Y = symmetricFrom(orthogonalFromSeed(raw.n, raw.basisSeed), sigmaY);
  const holds: Record<HypothesisName, boolean> = {
    'distinct-singular-values': tie === 0 && distinctRatio(sigmaY, K) < 1,
    'init-positive-on-support': theorem === 4 || (sigma0 ?? []).slice(0, K).every((value) => value > 0),
    'init-invertible': theorem === 3 || singular !== true,
    'epsilon-le-sigma-K': epsilon > 0 && epsilon <= sigmaY[K - 1],
    'epsilon-le-1': theorem === 3 || epsilon <= 1,
    'alpha-small': logAlpha <= quantities.logBound,
    'alpha-separation': separationHolds(quantities, K, logAlpha),
  };
  const shape =
    theorem === 3
      ? `sigma0=[${(sigma0 ?? []).map((value) => value.toPrecision(4)).join(', ')}]`
      : `U0bar = gaussianInit(${raw.n}, ${U0bar.columns}, 1, ${raw.shapeSeed})${singular === true ? ` minus its component along eigenvector ${raw.special}` : ''}, M=${quantities.M.toPrecision(4)}`;
  const description =
    `n=${raw.n}, sigmaY=[${sigmaY.map((value) => value.toPrecision(4)).join(', ')}] (basis seed ${raw.basisSeed}), ${shape}, ` +
    `eps=${epsilon.toPrecision(4)}, alpha=${Math.exp(logAlpha).toExponential(3)} = 10^${((logAlpha - quantities.logAlphaMax) / Math.LN10).toFixed(2)} alpha_max (alpha_max=${Math.exp(quantities.logAlphaMax).toExponential(3)}, c_eps=${Math.exp(quantities.logc).toExponential(3)}, C_eps=${Math.exp(quantities.logC).toExponential(3)})`;
  return { theorem, sigmaY, K, tie, Y, U0bar, epsilon, logAlpha, quantities, holds, description };
}

/** Theorem 3 instance: spectral init U0bar = Phi diag(sigma0)^{1/2} (core's spectralInit). */
function theorem3Case(raw: Raw, sigmaY: number[], tie: number, sigma0: readonly number[], epsilon: number, logAlphaOf: (q: Quantities) => number | null): Case | null {
  const quantities = theorem3Quantities(sigmaY, raw.K, sigma0, epsilon);
  const logAlpha = logAlphaOf(quantities);
  if (logAlpha === null || !Number.isFinite(logAlpha) || logAlpha < Math.log(1e-250)) return null;
  const Y = symmetricFrom(orthogonalFromSeed(raw.n, raw.basisSeed), sigmaY);
  return assemble({ theorem: 3, raw, sigmaY, tie, U0bar: spectralInit(Y, sigma0, 1), epsilon, sigma0, quantities, logAlpha });
}

/** Theorem 4 instance: Gaussian U0bar (n x r), optionally with its component along eigenvector `drop` removed. */
function theorem4Case(raw: Raw, sigmaY: number[], tie: number, epsilon: number, logAlphaOf: (q: Quantities) => number | null, drop = 0): Case | null {
  let U0bar = gaussianInit(raw.n, raw.r, 1, raw.shapeSeed);
  if (drop > 0) {
    const Q = orthogonalFromSeed(raw.n, raw.basisSeed);
    const q = Q.getColumnVector(drop - 1);
    U0bar = U0bar.clone().sub(q.mmul(q.transpose().mmul(U0bar)));
  }
  const singular = raw.r < raw.n || drop > 0;
  const quantities = theorem4Quantities(sigmaY, raw.K, theorem4M(U0bar), epsilon);
  const logAlpha = logAlphaOf(quantities);
  if (logAlpha === null || !Number.isFinite(logAlpha) || logAlpha < Math.log(1e-250)) return null;
  return assemble({ theorem: 4, raw, sigmaY, tie, U0bar, epsilon, quantities, logAlpha, singular });
}

/** eps at `position` in (0, upper]: upper * (0.05 + 0.95 position). */
function epsilonIn(upper: number, epsilonPosition: number): number {
  return upper * (0.05 + 0.95 * epsilonPosition);
}

/** eps strictly above `low`, up to `high`, log-uniform: low (high / low)^{1e-3 + (1 - 1e-3) position}. */
function epsilonAbove(low: number, high: number, epsilonPosition: number): number {
  return low * (high / low) ** (1e-3 + (1 - 1e-3) * epsilonPosition);
}

/**
 * The searches, one per hypothesis of Theorems 3 and 4 (Min & Vidal 2025; Theorem 4's eps range in
 * its two halves, its alpha <= c_eps / M for K >= 2 and K = 1), plus the joint alpha bound and, for
 * Theorem 4, invertibility violated only on ker Y. Suite instance i runs search
 * i mod {@link NECESSITY_SEARCHES}.length.
 */
export const NECESSITY_SEARCHES: readonly HypothesisSearch[] = [
  {
    id: 't3-distinct-singular-values',
    theorem: 3,
    violates: ['distinct-singular-values'],
    statement: 'sigma_1 > sigma_2 > ... > sigma_K > 0',
    violation: 'sigma_j = sigma_{j+1} for one j (separation over the distinct levels; best-case Y_hat_j over the tie)',
    arbitrary: rawArbitrary({ K: (n) => [2, n], special: (_, K) => [1, K - 1] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw, raw.special);
      return theorem3Case(raw, sigmaY, raw.special, raw.sigma0, epsilonIn(sigmaY[raw.K - 1], raw.epsilonPosition), (q) =>
        admissibleLogAlpha(q, raw.alphaPosition),
      );
    },
  },
  {
    id: 't3-init-positive-on-support',
    theorem: 3,
    violates: ['init-positive-on-support'],
    statement: 'sigma_{i,0} > 0 for 1 <= i <= K',
    violation: 'sigma_{j,0} = 0 for one j <= K (C_eps from the smallest positive sigma_{i,0})',
    arbitrary: rawArbitrary({ K: (n) => [1, n], special: (_, K) => [1, K] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      const sigma0 = raw.sigma0.map((value, i) => (i === raw.special - 1 ? 0 : value));
      if (sigma0.slice(0, raw.K).every((value) => value === 0)) return null;
      return theorem3Case(raw, sigmaY, 0, sigma0, epsilonIn(sigmaY[raw.K - 1], raw.epsilonPosition), (q) =>
        admissibleLogAlpha(q, raw.alphaPosition),
      );
    },
  },
  {
    id: 't3-epsilon-le-sigma-K',
    theorem: 3,
    violates: ['epsilon-le-sigma-K'],
    statement: '0 < eps <= sigma_K',
    violation: 'sigma_K < eps <= 4 sigma_1 (log-uniform)',
    arbitrary: rawArbitrary({ K: (n) => [1, n] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      const epsilon = epsilonAbove(sigmaY[raw.K - 1], 4 * sigmaY[0], raw.epsilonPosition);
      return theorem3Case(raw, sigmaY, 0, raw.sigma0, epsilon, (q) => admissibleLogAlpha(q, raw.alphaPosition));
    },
  },
  {
    id: 't3-alpha-bounds',
    theorem: 3,
    violates: ['alpha-small', 'alpha-separation'],
    statement: 'alpha <= c_eps and (-log alpha + log c_eps) / (-log alpha + log C_eps) > max sigma_{k+1}/sigma_k',
    violation: 'alpha_max < alpha <= C_eps, log-uniform (either or both alpha conditions fail)',
    arbitrary: rawArbitrary({ K: (n) => [1, n] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem3Case(raw, sigmaY, 0, raw.sigma0, epsilonIn(sigmaY[raw.K - 1], raw.epsilonPosition), (q) =>
        between(q.logAlphaMax, q.logC, raw.alphaPosition),
      );
    },
  },
  {
    id: 't3-alpha-small',
    theorem: 3,
    violates: ['alpha-small'],
    statement: 'alpha <= c_eps',
    violation:
      'c_eps < alpha <= C_eps with K = 1 (for K >= 2, c_eps < alpha < C_eps makes the separation ratio negative, so alpha <= c_eps cannot fail alone there)',
    arbitrary: rawArbitrary({ n: [1, 4], K: () => [1, 1] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem3Case(raw, sigmaY, 0, raw.sigma0, epsilonIn(sigmaY[0], raw.epsilonPosition), (q) => between(q.logc, q.logC, raw.alphaPosition));
    },
  },
  {
    id: 't3-alpha-separation',
    theorem: 3,
    violates: ['alpha-separation'],
    statement: '(-log alpha + log c_eps) / (-log alpha + log C_eps) > max sigma_{k+1}/sigma_k',
    violation: 'alpha_sep < alpha <= c_eps (K >= 2)',
    arbitrary: rawArbitrary({ K: (n) => [2, n] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem3Case(raw, sigmaY, 0, raw.sigma0, epsilonIn(sigmaY[raw.K - 1], raw.epsilonPosition), (q) =>
        q.logSeparation < q.logc ? between(q.logSeparation, q.logc, raw.alphaPosition) : null,
      );
    },
  },
  {
    id: 't4-distinct-singular-values',
    theorem: 4,
    violates: ['distinct-singular-values'],
    statement: 'sigma_1 > sigma_2 > ... > sigma_K > 0',
    violation: 'sigma_j = sigma_{j+1} for one j (separation over the distinct levels; best-case Y_hat_j over the tie)',
    arbitrary: rawArbitrary({ K: (n) => [2, n], special: (_, K) => [1, K - 1] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw, raw.special);
      return theorem4Case(raw, sigmaY, raw.special, epsilonIn(Math.min(sigmaY[raw.K - 1], 1), raw.epsilonPosition), (q) =>
        admissibleLogAlpha(q, raw.alphaPosition),
      );
    },
  },
  {
    id: 't4-init-invertible',
    theorem: 4,
    violates: ['init-invertible'],
    statement: 'W~0 = Phi^T U0bar U0bar^T Phi invertible',
    violation: 'r < n, or r >= n with the component of U0bar along an eigenvector j <= K of Y removed (M from the range of W0bar)',
    arbitrary: rawArbitrary({ K: (n) => [1, n], special: (_, K) => [1, K], r: (n) => [1, n + 1] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem4Case(
        raw,
        sigmaY,
        0,
        epsilonIn(Math.min(sigmaY[raw.K - 1], 1), raw.epsilonPosition),
        (q) => admissibleLogAlpha(q, raw.alphaPosition),
        raw.r >= raw.n ? raw.special : 0,
      );
    },
  },
  {
    id: 't4-init-invertible-on-ker-Y',
    theorem: 4,
    violates: ['init-invertible'],
    statement: 'W~0 invertible, violated only along ker Y',
    violation: 'K < n, r >= n, the component of U0bar along an eigenvector j > K of Y (sigma_j = 0) removed',
    arbitrary: rawArbitrary({ n: [2, 4], K: (n) => [1, n - 1], special: (n, K) => [K + 1, n], r: (n) => [n, n + 1] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem4Case(
        raw,
        sigmaY,
        0,
        epsilonIn(Math.min(sigmaY[raw.K - 1], 1), raw.epsilonPosition),
        (q) => admissibleLogAlpha(q, raw.alphaPosition),
        raw.special,
      );
    },
  },
  {
    id: 't4-epsilon-le-sigma-K',
    theorem: 4,
    violates: ['epsilon-le-sigma-K'],
    statement: '0 < eps <= sigma_K (the sigma_K half of eps <= min(sigma_K, 1))',
    violation: 'sigma_K < eps <= 1 (sigma_K in [0.05, 0.9])',
    arbitrary: rawArbitrary({ K: (n) => [1, n], scale: [0.05, 0.9] }),
    build: (raw) => {
      const sigmaY = spectrumWithBottom(raw);
      return theorem4Case(raw, sigmaY, 0, epsilonAbove(sigmaY[raw.K - 1], 1, raw.epsilonPosition), (q) =>
        admissibleLogAlpha(q, raw.alphaPosition),
      );
    },
  },
  {
    id: 't4-epsilon-le-1',
    theorem: 4,
    violates: ['epsilon-le-1'],
    statement: 'eps <= 1 (the 1 half of eps <= min(sigma_K, 1))',
    violation: '1 < eps <= sigma_K (sigma_K in [1.1, 5])',
    arbitrary: rawArbitrary({ K: (n) => [1, n], scale: [1.1, 5] }),
    build: (raw) => {
      const sigmaY = spectrumWithBottom(raw);
      return theorem4Case(raw, sigmaY, 0, epsilonAbove(1, sigmaY[raw.K - 1], raw.epsilonPosition), (q) =>
        admissibleLogAlpha(q, raw.alphaPosition),
      );
    },
  },
  {
    id: 't4-alpha-bounds',
    theorem: 4,
    violates: ['alpha-small', 'alpha-separation'],
    statement: 'alpha <= c_eps / M and (-log alpha + log c_eps) / (-log alpha + log C_eps) > max sigma_{k+1}/sigma_k',
    violation: 'alpha_max < alpha <= C_eps, log-uniform (either or both alpha conditions fail)',
    arbitrary: rawArbitrary({ K: (n) => [1, n] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem4Case(raw, sigmaY, 0, epsilonIn(Math.min(sigmaY[raw.K - 1], 1), raw.epsilonPosition), (q) =>
        between(q.logAlphaMax, q.logC, raw.alphaPosition),
      );
    },
  },
  {
    id: 't4-alpha-small',
    theorem: 4,
    violates: ['alpha-small'],
    statement: 'alpha <= c_eps / M',
    violation: 'c_eps / M < alpha < alpha_sep, K >= 2 (well separated spectra, ratios in [0.005, 0.2], so that this range is not empty)',
    arbitrary: rawArbitrary({ K: (n) => [2, n], ratios: [0.005, 0.2] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem4Case(raw, sigmaY, 0, epsilonIn(Math.min(sigmaY[raw.K - 1], 1), raw.epsilonPosition), (q) =>
        q.logSeparation > q.logBound ? between(q.logBound, q.logSeparation, raw.alphaPosition) : null,
      );
    },
  },
  {
    id: 't4-alpha-small-K1',
    theorem: 4,
    violates: ['alpha-small'],
    statement: 'alpha <= c_eps / M (K = 1: the separation condition is vacuous)',
    violation: 'c_eps / M < alpha < C_eps, K = 1',
    arbitrary: rawArbitrary({ n: [1, 4], K: () => [1, 1] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem4Case(raw, sigmaY, 0, epsilonIn(Math.min(sigmaY[0], 1), raw.epsilonPosition), (q) => between(q.logBound, q.logC, raw.alphaPosition));
    },
  },
  {
    id: 't4-alpha-separation',
    theorem: 4,
    violates: ['alpha-separation'],
    statement: '(-log alpha + log c_eps) / (-log alpha + log C_eps) > max sigma_{k+1}/sigma_k',
    violation: 'alpha_sep < alpha <= c_eps / M (K >= 2)',
    arbitrary: rawArbitrary({ K: (n) => [2, n] }),
    build: (raw) => {
      const sigmaY = spectrumOf(raw);
      return theorem4Case(raw, sigmaY, 0, epsilonIn(Math.min(sigmaY[raw.K - 1], 1), raw.epsilonPosition), (q) =>
        q.logSeparation < q.logBound ? between(q.logSeparation, q.logBound, raw.alphaPosition) : null,
      );
    },
  },
];

/** Whether exactly the searched hypotheses of Theorem 3/4 fail on the case (all others hold). */
export function violatesOnly(search: HypothesisSearch, value: Case): boolean {
  const names = Object.keys(value.holds) as HypothesisName[];
  const failing = names.filter((name) => !value.holds[name]);
  if (search.violates.length > 1) return failing.length > 0 && failing.every((name) => search.violates.includes(name));
  return failing.length === 1 && failing[0] === search.violates[0];
}

// ---------------------------------------------------------------------------------------------
// Evaluation of the conclusion

/**
 * ||A||_2 of a symmetric matrix, max |eigenvalue|. Scaled to max |A_ij| = 1 with entries below 1e-150
 * set to zero first, as core does: ml-matrix's tred2/tql2 fail when squares of entries underflow.
 */
function symmetricNorm(entries: number[][]): number {
  let scale = 0;
  for (const row of entries) for (const entry of row) scale = Math.max(scale, Math.abs(entry));
  if (scale === 0) return 0;
  const unit = new Matrix(entries.map((row) => row.map((entry) => (Math.abs(entry / scale) < 1e-150 ? 0 : entry / scale))));
  const values = new EigenvalueDecomposition(unit, { assumeSymmetric: true }).realEigenvalues;
  return scale * Math.max(...values.map(Math.abs));
}

/**
 * Evaluates the conclusion (17)/(23) on a case, with the "break" rule of the module comment.
 * Distances are computed in Y's eigenbasis from the stable closed form of Proposition 1 (core's
 * eigenbasisFactorEvaluator), where Y_hat_k = diag(sigma_1..sigma_k, 0..0).
 */
export function evaluate(value: Case): Verdict {
  const { sigmaY, K, tie, Y, U0bar, epsilon, logAlpha, quantities } = value;
  const n = sigmaY.length;
  const U0 = U0bar.clone().mul(Math.exp(logAlpha / 2));
  const model = riccatiModel(Y, { U0 });
  const factorAt = eigenbasisFactorEvaluator(model);
  const rank = model.rank;
  /** Phi^T W(t) Phi - diag(target), with target = sigma_1..sigma_k (without the tie's j-th when tied). */
  const difference = (t: number, k: number): number[][] => {
    const F = factorAt(t);
    return Array.from({ length: n }, (_, a) =>
      Array.from({ length: n }, (_, b) => {
        let sum = 0;
        for (let j = 0; j < rank; j++) sum += F[a * rank + j] * F[b * rank + j];
        const targeted = a < k && !(tie > 0 && k === tie && a === tie - 1);
        return a === b && targeted ? sum - sigmaY[a] : sum;
      }),
    );
  };
  /** Best case over the tie: min over v = (cos theta, sin theta) in the plane of (j, j+1) of ||D - sigma_j v v^T||. */
  const tieNorm = (base: number[][], thorough: boolean): number => {
    const p = tie - 1;
    const sigma = sigmaY[p];
    const at = (theta: number) => {
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      const matrix = base.map((row) => [...row]);
      matrix[p][p] -= sigma * c * c;
      matrix[p + 1][p + 1] -= sigma * s * s;
      matrix[p][p + 1] -= sigma * c * s;
      matrix[p + 1][p] -= sigma * c * s;
      return symmetricNorm(matrix);
    };
    // The top eigenvector of the tie block of W: the natural choice.
    const guess = 0.5 * Math.atan2(2 * base[p][p + 1], base[p][p] - base[p + 1][p + 1]);
    let best = at(guess);
    if (!thorough) return best;
    let bestTheta = guess;
    for (let i = 0; i < 24; i++) {
      const theta = (i * Math.PI) / 24;
      const trial = at(theta);
      if (trial < best) {
        best = trial;
        bestTheta = theta;
      }
    }
    return Math.min(best, goldenSectionMinimum(at, bestTheta - Math.PI / 24, bestTheta + Math.PI / 24, { iterations: 30, relativeTolerance: 0 }).value);
  };
  const distance = (t: number, k: number, thorough = true): number => {
    const base = difference(t, k);
    return tie > 0 && k === tie ? tieNorm(base, thorough) : symmetricNorm(base);
  };

  let worstRatio = 0;
  let emptyIntervals = 0;
  let measured: ReturnType<typeof measuredWindows> | null = null;
  for (let k = 1; k <= K; k++) {
    const start = (quantities.logC - logAlpha) / (2 * sigmaY[k - 1]);
    const end = k < K ? (quantities.logc - logAlpha) / (2 * sigmaY[k]) : Number.POSITIVE_INFINITY;
    const low = Math.max(start, 0);
    const nonEmpty = end >= 0 && (low <= end || start - end <= 1e-12 * Math.abs(start));
    if (nonEmpty) {
      for (const t of probes(low, Math.max(end, low), sigmaY[K - 1])) {
        const ratio = distance(t, k) / epsilon;
        worstRatio = Math.max(worstRatio, ratio);
        if (ratio > 1 + TOLERANCE) {
          return {
            breaks: true,
            reason: `k=${k}: ||W(t) - Y_hat_k|| = ${ratio.toPrecision(7)} eps at t=${t.toPrecision(4)} in I_k = [${start.toPrecision(4)}, ${end.toPrecision(4)}]`,
            worstRatio,
            emptyIntervals,
          };
        }
      }
      continue;
    }
    emptyIntervals++;
    // An empty I_k breaks the conclusion only if no t >= 0 at all has ||W(t) - Y_hat_k|| <= eps. Both
    // searches below return upper bounds on the true closest approach (values actually attained), so
    // a break needs them to stay above eps by WINDOW_MARGIN: a resolution artifact cannot fake one.
    let closest = Number.POSITIVE_INFINITY;
    if (!(tie > 0 && k === tie)) {
      measured ??= measuredWindows(Y, { U0 }, epsilon, { gridSize: GRID });
      const rankWindows = measured.perRank[k - 1];
      closest = rankWindows.windows.length > 0 ? 0 : rankWindows.closestApproach;
    }
    if (closest > epsilon) closest = Math.min(closest, closestApproach(distance, k, logAlpha, sigmaY, K, epsilon));
    if (closest > epsilon * (1 + WINDOW_MARGIN)) {
      return {
        breaks: true,
        reason: `k=${k}: I_k is empty and no t >= 0 has ||W(t) - Y_hat_k|| <= eps (closest approach ${(closest / epsilon).toPrecision(7)} eps${tie === k ? ', best case over the repeated eigenspace' : ''})`,
        worstRatio,
        emptyIntervals,
      };
    }
  }
  return { breaks: false, reason: 'conclusion holds', worstRatio, emptyIntervals };
}

/** Probe times in [start, end]: both ends and seven interior points, or a geometric tail when end = Infinity. */
function probes(start: number, end: number, sigmaK: number): number[] {
  if (!Number.isFinite(end)) {
    const unit = 1 / sigmaK;
    return [start, 1.5 * start + 0.5 * unit, 4 * start + 2 * unit, 100 * start + 50 * unit];
  }
  return Array.from({ length: 9 }, (_, i) => start + ((end - start) * i) / 8);
}

/**
 * min over t >= 0 of ||W(t) - Y_hat_k|| (for a repeated value, also over the repeated eigenspace):
 * a 400-point grid up to past the last transition (for the repeated value with the natural choice
 * of Y_hat_k, an upper bound), then golden-section refinement in t of the best-case distance around
 * the three best grid minima. Every value returned is attained: an upper bound on the minimum.
 */
function closestApproach(
  distance: (t: number, k: number, thorough?: boolean) => number,
  k: number,
  logAlpha: number,
  sigmaY: readonly number[],
  K: number,
  epsilon: number,
): number {
  const horizon = 1.25 * Math.max(1 / sigmaY[K - 1], (Math.abs(logAlpha) + 2 * Math.abs(Math.log(sigmaY[0] / epsilon)) + 30) / (2 * sigmaY[K - 1]));
  const points = 400;
  const grid = Array.from({ length: points + 1 }, (_, i) => (i * horizon) / points);
  const values = grid.map((t) => distance(t, k, false));
  let closest = Math.min(...values);
  if (closest <= epsilon) return closest;
  const minima = grid
    .map((_, i) => i)
    .filter((i) => (i === 0 || values[i] <= values[i - 1]) && (i === points || values[i] <= values[i + 1]))
    .sort((a, b) => values[a] - values[b])
    .slice(0, 3);
  for (const i of minima) {
    const refined = goldenSectionMinimum((t) => distance(t, k, true), grid[Math.max(i - 1, 0)], grid[Math.min(i + 1, points)], {
      iterations: 40,
      relativeTolerance: 0,
    });
    closest = Math.min(closest, refined.value, distance(grid[i], k, true));
    if (closest <= epsilon) return closest;
  }
  return closest;
}

// ---------------------------------------------------------------------------------------------
// The search

/** Result of one search for a break of (17)/(23) under a single violated hypothesis. */
export interface SearchResult {
  readonly found: boolean;
  /** Candidate instances tried (fast-check runs, skipped ones excluded). */
  readonly tries: number;
  readonly skipped: number;
  /** The shrunk counterexample: raw parameters (JSON), case and verdict. */
  readonly counterexample: { raw: string; value: Case; verdict: Verdict } | null;
  /** Largest ||W(t) - Y_hat_k|| / eps on the probes of non-empty I_k over the candidates that held. */
  readonly worstRatio: number;
  /** Candidates on which some I_k was empty (the conclusion then rests on measured windows). */
  readonly withEmptyIntervals: number;
}

/**
 * Runs one search with fast-check (`fc.check`, fixed seed, `runs` candidates): a candidate is
 * skipped (fc.pre) when the violating range is empty for it or when anything but the searched
 * hypothesis fails; it fails when the conclusion breaks. fast-check then shrinks the counterexample
 * for at most {@link SHRINK_CALLS} further predicate calls (a call count, so the result is
 * deterministic).
 */
export function runSearch(search: HypothesisSearch, seed: number, runs = RUNS_PER_INSTANCE): SearchResult {
  let shrinkCalls = 0;
  let worstRatio = 0;
  let withEmptyIntervals = 0;
  let inInitialRuns = true;
  let tries = 0;
  const property = fc.property(search.arbitrary, (raw) => {
    // After the first failure fast-check only shrinks: stop accepting new failures after the budget.
    if (!inInitialRuns && ++shrinkCalls > SHRINK_CALLS) return true;
    const value = search.build(raw);
    fc.pre(value !== null && violatesOnly(search, value));
    const verdict = evaluate(value!);
    if (inInitialRuns) {
      tries++;
      if (verdict.emptyIntervals > 0) withEmptyIntervals++;
      if (!verdict.breaks) worstRatio = Math.max(worstRatio, verdict.worstRatio);
      else inInitialRuns = false;
    }
    return !verdict.breaks;
  });
  const details = fc.check(property, { seed, numRuns: runs, maxSkipsPerRun: 10 });
  if (!details.failed || details.counterexample === null) {
    return { found: false, tries, skipped: details.numSkips, counterexample: null, worstRatio, withEmptyIntervals };
  }
  const raw = details.counterexample[0];
  const value = search.build(raw)!;
  return {
    found: true,
    tries,
    skipped: details.numSkips,
    counterexample: { raw: JSON.stringify(raw), value, verdict: evaluate(value) },
    worstRatio,
    withEmptyIntervals,
  };
}

/**
 * Necessity of the hypotheses of Theorems 3 and 4 (Min & Vidal 2025; eqs. (16), (17), (23)):
 * instance i searches, with fast-check from a seed derived from instanceSeed, for an instance that
 * violates only hypothesis i mod 15 and breaks the conclusion; on success it reports the shrunk
 * counterexample (a finding: the hypothesis is needed), otherwise "no counterexample in N tries".
 * Exploratory: never a bug.
 */
export const necessitySuite: Suite = {
  name: NAME,
  package: '@factorflow/core',
  claim:
    'Thms 3/4 hypotheses, one at a time: fast-check searches instances violating only that hypothesis for a break of (17)/(23) (a probe in a non-empty I_k with ||W - Y_hat_k|| > eps, or an empty I_k with no window at all); passed = no counterexample found',
  failureIsBug: false,
  instanceCount: (requested) => NECESSITY_SEARCHES.length * Math.max(1, Math.ceil(requested / (4 * NECESSITY_SEARCHES.length))),
  runInstance(seed, index): InstanceOutcome {
    const own = instanceSeed(seed, NAME, index);
    const which = index % NECESSITY_SEARCHES.length;
    const search = NECESSITY_SEARCHES[which];
    const result = runSearch(search, own);
    const metrics: Record<string, number> = {
      search: which,
      found: result.found ? 1 : 0,
      tries: result.tries,
      skipped: result.skipped,
      worstRatio: result.worstRatio,
      withEmptyIntervals: result.withEmptyIntervals,
    };
    if (!result.counterexample) return { passed: true, metrics };
    const { raw, value, verdict } = result.counterexample;
    metrics.log10AlphaOverMax = (value.logAlpha - value.quantities.logAlphaMax) / Math.LN10;
    return {
      passed: false,
      metrics,
      detail: `${search.id} (${search.statement}) is needed: seed ${own}, shrunk counterexample ${value.description}: ${verdict.reason} [raw ${raw}]`,
    };
  },
  summarize(outcomes) {
    const lines: string[] = [];
    let necessary = 0;
    for (const [which, search] of NECESSITY_SEARCHES.entries()) {
      const own = outcomes.filter((outcome) => outcome.metrics.search === which);
      if (own.length === 0) continue;
      const found = own.filter((outcome) => outcome.metrics.found === 1).length;
      const tries = metricValues(own, 'tries').reduce((total, value) => total + value, 0);
      const empty = metricValues(own, 'withEmptyIntervals').reduce((total, value) => total + value, 0);
      const worst = Math.max(0, ...metricValues(own, 'worstRatio'));
      if (found > 0) {
        necessary++;
        const excess = metricValues(own, 'log10AlphaOverMax');
        const alpha = search.violates.some((name) => name.startsWith('alpha'))
          ? `, shrunk alpha as low as 10^${Math.min(...excess).toPrecision(3)} alpha_max`
          : '';
        lines.push(`${search.id}: NEEDED, counterexample in ${found}/${own.length} searches${alpha} (${search.violation})`);
      } else {
        lines.push(
          `${search.id}: not needed in our search, no counterexample in ${tries} tries (${search.violation}; worst ||W - Y_hat_k|| / eps on the I_k ${worst.toPrecision(3)}${empty > 0 ? `, ${empty} tries with an empty I_k all had windows` : ''})`,
        );
      }
    }
    return {
      metric: necessary,
      metricName: `hypotheses with a counterexample (of ${NECESSITY_SEARCHES.length} searches)`,
      findings: lines,
    };
  },
};
