/**
 * The instances of the necessity searches: raw parameters fast-check generates and shrinks, and
 * the case they build (Y, U0bar, eps, alpha) with Theorem 3's or 4's quantities evaluated by core's
 * formulas and which hypotheses hold.
 *
 * Quantities the theorems leave undefined on a violating instance get a stated substitute: with a
 * repeated value the separation ratio is taken over the distinct levels; with sigma_{i,0} = 0
 * (Theorem 3), C_eps uses the smallest positive sigma_{i,0}; with W~0 singular (Theorem 4), M uses
 * the smallest non-zero singular value of U0bar (W0bar restricted to its range, Remark III-C2).
 */
import fc from 'fast-check';
import type { Matrix } from 'ml-matrix';

import {
  type AlphaBounds,
  alphaBounds,
  alphaHypotheses,
  gaussianInit,
  initializationM,
  separationRatio,
  singularSpectrum,
  spectralInit,
  theorem3Constants,
  theorem4Constants,
} from '@factorflow/core';
import { seed32 } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

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

/** Theorem 3/4 quantities of an instance (natural logarithms), defining I_k by eq. (16). */
interface Quantities extends AlphaBounds {
  /** max sigma_{k+1} / sigma_k over the distinct consecutive levels. */
  readonly rho: number;
  /** Theorem 4's M (or its substitute); 0 for Theorem 3. */
  readonly M: number;
}

/** The hypotheses of Theorems 3 and 4, by name as in core's planners (the epsilon range split in its two halves). */
type HypothesisName =
  | 'distinct-singular-values'
  | 'init-positive-on-support'
  | 'init-invertible'
  | 'epsilon-le-sigma-K'
  | 'epsilon-le-1'
  | 'alpha-small'
  | 'alpha-separation';

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

const position = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Raw parameters: n in [nMin, nMax], K from `kRange(n)`, scale, ratios in [ratioMin, ratioMax],
 * special from `specialRange(n, K)`, r from `rRange(n)`.
 */
export function rawArbitrary(options: {
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
 * The separation ratio over consecutive distinct non-zero levels (0 when K = 1 or all tied): the
 * substitute when the distinct-singular-values hypothesis fails.
 */
function distinctRatio(sigma: readonly number[], K: number): number {
  return separationRatio(Float64Array.from(new Set(sigma.slice(0, K))));
}

/** Theorem 3's quantities, with C_eps from the smallest positive sigma_{i,0} when one is zero. */
export function theorem3Quantities(sigmaY: readonly number[], K: number, sigma0: readonly number[], epsilon: number): Quantities {
  const smallestPositive = Math.min(...sigma0.slice(0, K).filter((value) => value > 0));
  const rho = distinctRatio(sigmaY, K);
  return { ...alphaBounds(theorem3Constants(sigmaY[0], Math.max(...sigma0), smallestPositive, epsilon), rho), rho, M: 0 };
}

/** Theorem 4's M from the singular values of U0bar, with the smallest non-zero one when W0bar is singular. */
export function theorem4M(U0bar: Matrix): number {
  const singular = Array.from(singularSpectrum(Float64Array.from(U0bar.to1DArray()), U0bar.rows, U0bar.columns));
  const nonZero = singular.filter((value) => value > 16 * U0bar.rows * Number.EPSILON * singular[0]);
  return initializationM(singular[0], nonZero[nonZero.length - 1]);
}

/** Theorem 4's quantities for M (or its substitute). */
export function theorem4Quantities(sigmaY: readonly number[], K: number, M: number, epsilon: number): Quantities {
  const rho = distinctRatio(sigmaY, K);
  return { ...alphaBounds(theorem4Constants(sigmaY[0], M, epsilon), rho), rho, M };
}

/** eps at `position` in (0, upper]: upper * (0.05 + 0.95 position). */
function epsilonIn(upper: number, epsilonPosition: number): number {
  return upper * (0.05 + 0.95 * epsilonPosition);
}

/** eps strictly above `low`, up to `high`, log-uniform: low (high / low)^{1e-3 + (1 - 1e-3) position}. */
export function epsilonAbove(low: number, high: number, epsilonPosition: number): number {
  return low * (high / low) ** (1e-3 + (1 - 1e-3) * epsilonPosition);
}

/**
 * low + position (high - low) for log alpha, kept 0.1% of the range off both ends: the violated
 * condition fails strictly and the ones that must hold (strict inequalities such as the
 * separation condition) are not decided by rounding at the boundary.
 */
export function between(low: number, high: number, alphaPosition: number): number {
  return low + (1e-3 + (1 - 2e-3) * alphaPosition) * (high - low);
}

/** How a search departs from an instance satisfying every hypothesis; everything left out is admissible. */
interface Departure {
  /** The repeated value j: sigma_j = sigma_{j+1}. */
  readonly tie?: number;
  /** Y's spectrum rescaled so that sigma_K = raw.scale (the epsilon searches). */
  readonly bottom?: boolean;
  /** Theorem 3's sigma_{i,0} instead of raw.sigma0. */
  readonly sigma0?: readonly number[];
  /** Theorem 4: the eigenvector of Y (1-based) along which U0bar loses its component. */
  readonly drop?: number;
  /** eps for Y's singular values; by default eps in the theorem's range (0, sigma_K] or (0, min(sigma_K, 1)]. */
  readonly epsilon?: (sigmaY: readonly number[]) => number;
  /** log alpha for the quantities (null: the range is empty); by default alpha_max 10^{-(1e-6 + 6 position)}. */
  readonly logAlpha?: (quantities: Quantities) => number | null;
}

/**
 * The case of a Theorem 3 (spectral init U0bar = Phi diag(sigma0)^{1/2}) or Theorem 4 (Gaussian
 * U0bar, n x r) search: null when alpha leaves the range [1e-250, Infinity) or the violating range is empty.
 */
export function buildCase(theorem: 3 | 4, raw: Raw, departure: Departure = {}): Case | null {
  const { K } = raw;
  const tie = departure.tie ?? 0;
  const sigmaY = departure.bottom === true ? spectrumWithBottom(raw) : spectrumOf(raw, tie);
  const epsilon =
    departure.epsilon?.(sigmaY) ?? epsilonIn(theorem === 3 ? sigmaY[K - 1] : Math.min(sigmaY[K - 1], 1), raw.epsilonPosition);
  const Q = randomOrthogonal(raw.n, raw.basisSeed);
  const Y = symmetricWithSpectrum(Q, sigmaY);
  const sigma0 = departure.sigma0 ?? raw.sigma0;
  const drop = departure.drop ?? 0;
  let U0bar = theorem === 3 ? null : gaussianInit(raw.n, raw.r, 1, raw.shapeSeed);
  if (U0bar !== null && drop > 0) {
    const q = Q.getColumnVector(drop - 1);
    U0bar = U0bar.clone().sub(q.mmul(q.transpose().mmul(U0bar)));
  }
  const quantities = U0bar === null ? theorem3Quantities(sigmaY, K, sigma0, epsilon) : theorem4Quantities(sigmaY, K, theorem4M(U0bar), epsilon);
  // By default strictly inside both alpha conditions.
  const logAlpha = departure.logAlpha ? departure.logAlpha(quantities) : quantities.logAlphaMax - Math.LN10 * (1e-6 + 6 * raw.alphaPosition);
  if (logAlpha === null || !Number.isFinite(logAlpha) || logAlpha < Math.log(1e-250)) return null;
  const singular = raw.r < raw.n || drop > 0;
  const [alphaSmall, alphaSeparation] = alphaHypotheses({
    logAlpha,
    logBound: quantities.logBound,
    boundName: theorem === 3 ? 'c_eps' : 'c_eps / M',
    logc: quantities.logc,
    logC: quantities.logC,
    rho: quantities.rho,
    K,
    atSupremum: false,
  });
  const holds: Record<HypothesisName, boolean> = {
    'distinct-singular-values': tie === 0 && quantities.rho < 1,
    'init-positive-on-support': theorem === 4 || sigma0.slice(0, K).every((value) => value > 0),
    'init-invertible': theorem === 3 || !singular,
    'epsilon-le-sigma-K': epsilon > 0 && epsilon <= sigmaY[K - 1],
    'epsilon-le-1': theorem === 3 || epsilon <= 1,
    'alpha-small': alphaSmall.holds,
    'alpha-separation': alphaSeparation.holds,
  };
  const shape =
    U0bar === null
      ? `sigma0=[${sigma0.map((value) => value.toPrecision(4)).join(', ')}]`
      : `U0bar = gaussianInit(${raw.n}, ${U0bar.columns}, 1, ${raw.shapeSeed})${singular ? ` minus its component along eigenvector ${raw.special}` : ''}, M=${quantities.M.toPrecision(4)}`;
  const description =
    `n=${raw.n}, sigmaY=[${sigmaY.map((value) => value.toPrecision(4)).join(', ')}] (basis seed ${raw.basisSeed}), ${shape}, ` +
    `eps=${epsilon.toPrecision(4)}, alpha=${Math.exp(logAlpha).toExponential(3)} = 10^${((logAlpha - quantities.logAlphaMax) / Math.LN10).toFixed(2)} alpha_max (alpha_max=${Math.exp(quantities.logAlphaMax).toExponential(3)}, c_eps=${Math.exp(quantities.logc).toExponential(3)}, C_eps=${Math.exp(quantities.logC).toExponential(3)})`;
  return { theorem, sigmaY, K, tie, Y, U0bar: U0bar ?? spectralInit(Y, sigma0, 1), epsilon, logAlpha, quantities, holds, description };
}

/** Whether exactly the searched hypotheses of Theorem 3/4 fail on the case (all others hold). */
export function violatesOnly(search: HypothesisSearch, value: Case): boolean {
  const names = Object.keys(value.holds) as HypothesisName[];
  const failing = names.filter((name) => !value.holds[name]);
  if (search.violates.length > 1) return failing.length > 0 && failing.every((name) => search.violates.includes(name));
  return failing.length === 1 && failing[0] === search.violates[0];
}
