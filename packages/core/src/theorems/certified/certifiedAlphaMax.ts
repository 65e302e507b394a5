import { FactorflowInputError } from '../../errors.js';
import { type MatrixInput, given, requireOptions, requirePositive, requireRepresentableSquare, toMatrix } from '../../validate.js';
import { toRowMajor } from '../../linalg/dense.js';
import { type PreparedTarget, asPrepared } from '../../linalg/spectral.js';
import { measuredWindows } from '../../flow/windows.js';
import { theorem4Plan } from '../theorem4.js';
import { proveInterval } from './certifyWindow.js';
import { type EnclosureModel } from './enclosureModel.js';
import { certificationProblem, scaledModels } from './problem.js';

/** One step of the search of {@link certifiedAlphaMax}. */
export interface AlphaStep {
  readonly alpha: number;
  /** Every window k = 1..K holds a certified interval of positive length at this alpha. */
  readonly certified: boolean;
}

/** Result of {@link certifiedAlphaMax}. */
export interface CertifiedAlphaMax {
  /** The largest alpha found at which every window is certified non-empty; null when none was. */
  readonly alpha: number | null;
  readonly logAlpha: number | null;
  /** alpha is within this relative distance of the smallest alpha found not certified (bracket[1]). */
  readonly relativeTolerance: number;
  /** [certified, not certified]: the last bracket of the bisection (either null when not found). */
  readonly bracket: readonly [number | null, number | null];
  /** Every alpha tried, in order. */
  readonly steps: readonly AlphaStep[];
  /** The largest alpha at which every measured window exists (the same search on measuredWindows); null when none was found. */
  readonly measuredAlphaMax: number | null;
  /** Theorem 4's alpha_max (theorem4Plan); null when its hypotheses fail, epsilon is outside its range, or it is not a double. */
  readonly theorem4AlphaMax: number | null;
  /** ln of Theorem 4's alpha_max, exact where alpha_max underflows; null as above. */
  readonly theorem4LogAlphaMax: number | null;
  /** Why no alpha could be certified (e.g. Y's eigenbasis not verified: eigenvalues too close), or null. */
  readonly unproved: string | null;
}

/** Options of {@link certifiedAlphaMax}. */
export interface CertifiedAlphaMaxOptions {
  /** Relative width of the final bracket, in [1e-6, 1] (default 0.01). */
  readonly relativeTolerance?: number;
}

/** Steps of 10^4 down from alpha = sigma_1 / ||U0bar||^2, at most this many, when looking for a first alpha. */
const SCAN_STEPS = 75;

/**
 * The largest initialization scale alpha, U(0) = alpha^{1/2} U0bar, for which every window
 * k = 1..K of incremental learning (Min & Vidal 2025, Theorems 3-4, conclusion (17)/(23)) holds a
 * certified interval of positive length, found by a bisection in log alpha whose every accepted step
 * is certified ({@link certifyWindow}'s method, on the middle of each measured window). Compare with
 * `measuredAlphaMax`, the same search on the measured windows, and Theorem 4's alpha_max.
 * Y's eigenbasis is verified and V^T U0bar enclosed once; each alpha scales that enclosure by an
 * enclosure of alpha^{1/2} (exact doubles for Y diagonal up to order), so a certified alpha is
 * certified for the exact start alpha^{1/2} U0bar.
 *
 * The search assumes what the theorems describe: windows exist below some alpha and not above it.
 * alpha is scanned down from sigma_1 / ||U0bar||_max^2 by factors 10^4 until every measured window
 * exists, bisected against the measured windows, then scanned down by 10 from there until
 * certified and bisected between certified and not certified.
 *
 * @param Y - symmetric PSD target with eigenvalues the verified eigenbasis separates, or its {@link PreparedTarget}.
 * @param U0bar - n x r initialization shape.
 * @param epsilon - tolerance > 0.
 * @param options - `relativeTolerance` of the bracket (default 0.01).
 * @returns the certified alpha with its bracket and steps, the measured and Theorem 4 alpha_max.
 * @throws FactorflowInputError on malformed input, Y not PSD, epsilon <= 0, relativeTolerance outside [1e-6, 1],
 *   U0bar whose U0bar U0bar^T overflows.
 * @example
 * ```ts
 * const result = certifiedAlphaMax([[10, 0], [0, 2]], [[1, 0.2], [0.1, 1]], 0.5);
 * result.alpha; // 0.1526, as result.measuredAlphaMax; Theorem 4's alpha_max is 6.6e-4
 * ```
 */
export function certifiedAlphaMax(Y: MatrixInput | PreparedTarget, U0bar: MatrixInput, epsilon: number, options: CertifiedAlphaMaxOptions = {}): CertifiedAlphaMax {
  requirePositive(epsilon, 'epsilon');
  requireOptions(options, 'options', '{ relativeTolerance? }');
  const relativeTolerance = requirePositive(given(options.relativeTolerance, 0.01), 'options.relativeTolerance');
  // Each halving of the bracket costs a certification of every window: 1e-6 takes about 23 of them.
  if (relativeTolerance < 1e-6 || relativeTolerance > 1) {
    throw new FactorflowInputError('out-of-range', 'options.relativeTolerance', `must be in [1e-6, 1], got ${relativeTolerance}.`);
  }
  const target = asPrepared(Y);
  const shape = toMatrix(U0bar, 'U0bar');
  requireRepresentableSquare(toRowMajor(shape), 'U0bar');
  const initAt = (alpha: number) => ({ U0: shape.clone().mul(Math.sqrt(alpha)) });
  const first = certificationProblem(target, initAt(1));
  const { theorem4AlphaMax, theorem4LogAlphaMax } = theoremAlpha(target, U0bar, epsilon, first.lambda, first.K);
  const largest = Math.max(shape.max(), -shape.min());
  const steps: AlphaStep[] = [];
  const base = { relativeTolerance, theorem4AlphaMax, theorem4LogAlphaMax };

  const measuredExist = (alpha: number) => measuredWindows(target, initAt(alpha), epsilon).perRank.every((rank) => rank.windows.length > 0);
  const top = Math.log(first.lambda[0]) - 2 * Math.log(largest);
  let logLow: number | null = null;
  for (let step = 0; step < SCAN_STEPS && logLow === null; step++) {
    const logAlpha = top - step * Math.log(1e4);
    if (!(Math.exp(logAlpha) * largest * largest > 0)) break;
    if (measuredExist(Math.exp(logAlpha))) logLow = logAlpha;
  }
  if (logLow === null) return { ...base, alpha: null, logAlpha: null, bracket: [null, null], steps, measuredAlphaMax: null, unproved: 'no alpha was found at which every measured window exists' };
  const measured = bisectLog(logLow, logLow === top ? logLow : logLow + Math.log(1e4), relativeTolerance, measuredExist);
  const modelAt = scaledModels(first, shape);
  if (first.model === null || modelAt === null) {
    return { ...base, alpha: null, logAlpha: null, bracket: [null, null], steps, measuredAlphaMax: Math.exp(measured[0]), unproved: first.unproved };
  }
  const certifiedAt = (alpha: number): boolean => {
    const model = modelAt(alpha);
    const result = typeof model !== 'string' && allWindowsCertified(target, model, initAt(alpha), epsilon);
    steps.push({ alpha, certified: result });
    return result;
  };
  let certifiedLog: number | null = null;
  for (let step = 0; step < 30 && certifiedLog === null; step++) {
    const logAlpha = measured[0] - step * Math.LN10;
    if (!(Math.exp(logAlpha) * largest * largest > 0)) break;
    if (certifiedAt(Math.exp(logAlpha))) certifiedLog = logAlpha;
  }
  if (certifiedLog === null) {
    return { ...base, alpha: null, logAlpha: null, bracket: [null, Math.exp(measured[0])], steps, measuredAlphaMax: Math.exp(measured[0]), unproved: 'no alpha within 10^30 below the measured alpha_max was certified' };
  }
  const upperLog = certifiedLog === measured[0] ? measured[1] : certifiedLog + Math.LN10;
  const [low, high] = bisectLog(certifiedLog, upperLog, relativeTolerance, (alpha) => certifiedAt(alpha));
  return { ...base, alpha: Math.exp(low), logAlpha: low, bracket: [Math.exp(low), Math.exp(high)], steps, measuredAlphaMax: Math.exp(measured[0]), unproved: null };
}

/** Bisection in log alpha between a log where `holds` is true and one where it is taken as false. */
function bisectLog(low: number, high: number, relativeTolerance: number, holds: (alpha: number) => boolean): [number, number] {
  let a = low;
  let b = high;
  while (b - a > Math.log1p(relativeTolerance)) {
    const middle = 0.5 * (a + b);
    if (middle <= a || middle >= b) break;
    if (holds(Math.exp(middle))) a = middle;
    else b = middle;
  }
  return [a, b];
}

/**
 * Whether every rank k = 1..K has a certified interval of positive length: the middle half of its
 * longest measured window, then ever shorter middles (1/8, 1/64 of it) around the same point. The
 * model is the certified start; `init` (its doubles) only says where the measured windows are.
 */
function allWindowsCertified(target: PreparedTarget, model: EnclosureModel, init: { readonly U0: MatrixInput }, epsilon: number): boolean {
  const measured = measuredWindows(target, init, epsilon);
  return measured.perRank.every(({ k, windows }) => {
    if (windows.length === 0) return false;
    const longest = windows.reduce((best, window) => (window.end - window.start > best.end - best.start ? window : best));
    const end = Number.isFinite(longest.end) ? longest.end : Math.max(measured.horizon, 2 * longest.start);
    const middle = 0.5 * longest.start + 0.5 * end;
    const half = 0.5 * (end - longest.start);
    return [0.5, 1 / 8, 1 / 64].some((fraction) => {
      const a = middle - fraction * half;
      const b = middle + fraction * half;
      return b > a && proveInterval(model, k, epsilon, a, b, 200).certified;
    });
  });
}

/** Theorem 4's alpha_max when epsilon is in its range (0, min(sigma_K, 1)]; nulls otherwise. */
function theoremAlpha(Y: PreparedTarget, U0bar: MatrixInput, epsilon: number, lambda: Float64Array, K: number): { theorem4AlphaMax: number | null; theorem4LogAlphaMax: number | null } {
  if (epsilon > Math.min(lambda[K - 1], 1)) return { theorem4AlphaMax: null, theorem4LogAlphaMax: null };
  const plan = theorem4Plan({ Y, U0bar, epsilon });
  return { theorem4AlphaMax: plan.alphaMax, theorem4LogAlphaMax: plan.logAlphaMax };
}
