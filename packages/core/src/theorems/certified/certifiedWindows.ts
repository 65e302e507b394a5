import { type MatrixInput, given, requireInteger, requireOptions, requirePositive } from '../../validate.js';
import { type PreparedTarget, asPrepared } from '../../linalg/spectral.js';
import { type Initialization, type InitialConditioning } from '../../flow/riccatiModel.js';
import { type MeasuredWindowsOptions, type TimeWindow, measuredWindows } from '../../flow/windows.js';
import { type Anchor, distanceBounds, provableFrom } from './enclosure.js';
import { type EnclosureModel } from './enclosureModel.js';
import { splitPiece } from './certifyWindow.js';
import { certificationProblem } from './problem.js';

/** The certified part of the measured windows of one rank k. */
export interface CertifiedRankWindows {
  readonly k: number;
  /** The windows of {@link measuredWindows}: a floating-point search, accurate but not a proof. */
  readonly measured: readonly TimeWindow[];
  /** Maximal runs of proved pieces inside the measured windows; end Infinity when the tail is proved too. */
  readonly certified: readonly TimeWindow[];
  /**
   * Certified length / measured length in [0, 1] (1 when there is no measured window). Lengths are
   * counted up to `horizon`: a window reaching Infinity is measured on [start, horizon], and its
   * certified tail [T, Infinity) (when proved) counts as covering the rest of it.
   */
  readonly coverage: number;
  /**
   * Null when every measured window was explored to the resolution; otherwise why not: the budget
   * of evaluations ran out at some t, and the rest of that window was not tried.
   */
  readonly stopped: string | null;
}

/** Result of {@link certifiedWindows}. */
export interface CertifiedWindows {
  readonly epsilon: number;
  /** Number of non-zero eigenvalues of Y: ranks 1..K. */
  readonly K: number;
  /** The measured search horizon: lengths of windows reaching Infinity are counted up to it. */
  readonly horizon: number;
  readonly perRank: readonly CertifiedRankWindows[];
  /** As in {@link measuredWindows}: whether the answer depends on components of W0 that rounding hid. */
  readonly conditioning: InitialConditioning;
  /** How the windows were certified, or why they could not be. */
  readonly method: string;
  /** Interval evaluations of the closed form spent. */
  readonly evaluations: number;
}

/** Options of {@link certifiedWindows}. */
export interface CertifiedWindowsOptions {
  /** Options of the measured search ({@link measuredWindows}). */
  readonly measured?: MeasuredWindowsOptions;
  /** Pieces shorter than this fraction of their window are given up (default 1e-5): the resolution of the certified ends. */
  readonly resolution?: number;
  /** Most interval evaluations per measured window (default 1500; a typical window takes 50-150). */
  readonly maxEvaluations?: number;
}

const METHOD =
  "outward-rounded interval arithmetic on the closed form of Proposition 1 in a verified eigenbasis of Y (exact for Y diagonal up to order; " +
  'otherwise eigenvalues and the start enclosed by a polar-factor bound, Weyl, Kato-Temple and Davis-Kahan), evaluated on adaptively bisected ' +
  'time pieces; inverse verified by a Neumann bound; spectral norm bounded by Weyl around an enclosed eigendecomposition';

/**
 * The certified sub-intervals of each measured window (Min & Vidal 2025, Theorems 3-4, conclusion
 * (17)/(23): ||W(t) - Y_hat_k||_2 <= epsilon, W(t) of Proposition 1): every returned interval is
 * proved as by {@link certifyWindow}, rounding included; the measured windows of
 * {@link measuredWindows} say where to look, and `coverage` how much of them the proof reaches.
 * Any Y whose eigenbasis can be verified is certified (see {@link certifyWindow}'s method); when it
 * cannot, every rank has no certified window and `method` says why.
 *
 * Each measured window [s, e] is bisected adaptively: a piece whose enclosure is within epsilon is
 * kept, one that is not is split until it is shorter than `resolution` (e - s), then given up. When
 * the enclosure at a piece's left end alone exceeds epsilon - 1e-12 lambda_1 (the claim is within
 * rounding of epsilon there, e.g. epsilon = sigma_K), a stretch after it is given up at once,
 * doubling with each such end in a row: the budget goes to the part that can be proved. The same
 * holds where the point bound is below epsilon by less than the forward bound grows over half the
 * resolution (the claim holds with a margin far below the flow's speed times the resolution): the
 * known weak case is k = K with epsilon close to sigma_K (e.g. Y = diag(10, 2), epsilon = 2, k = 2),
 * where ||W(t) - Y_hat_K|| stays within about alpha e^{2 sigma_K t} of epsilon until the last mode is
 * learned; that stretch is given up in O(log) evaluations and the window is certified from where
 * the margin lets pieces of the resolution's length through. Each window's cost is bounded by
 * `maxEvaluations`; when it runs out, `stopped` says where.
 * Adjacent kept pieces are merged. A window reaching Infinity is covered on [s, T] (T the
 * measured horizon, or 2s + 1/lambda_1 past it) and its tail [T, Infinity) proved by one
 * enclosure; when Y is singular the tail stays unproved (the kernel's gamma = 2t is unbounded), and
 * the certified window ends at T.
 *
 * @param Y - symmetric PSD target, or its {@link PreparedTarget}.
 * @param init - `{ U0 }` or `{ W0 }`.
 * @param epsilon - tolerance > 0.
 * @param options - measured-search options, resolution, budget.
 * @returns the measured and certified windows per rank with their coverage.
 * @throws FactorflowInputError on malformed input, Y not PSD, Y = 0, epsilon <= 0, bad options.
 * @example
 * ```ts
 * const result = certifiedWindows([[10, 0], [0, 2]], { U0: [[1e-4, 2e-5], [1e-5, 1e-4]] }, 0.5);
 * result.perRank[0].certified; // [{ start: 1.18145, end: 4.52368 }] of the measured [1.18142, 4.52371]
 * ```
 */
export function certifiedWindows(Y: MatrixInput | PreparedTarget, init: Initialization, epsilon: number, options: CertifiedWindowsOptions = {}): CertifiedWindows {
  requirePositive(epsilon, 'epsilon');
  requireOptions(options, 'options', '{ measured?, resolution?, maxEvaluations? }');
  const resolution = requirePositive(given(options.resolution, 1e-5), 'options.resolution');
  const maxEvaluations = requireInteger(given(options.maxEvaluations, 1500), 'options.maxEvaluations', 1, 1e7);
  const target = asPrepared(Y);
  const measured = measuredWindows(target, init, epsilon, options.measured);
  const problem = certificationProblem(target, init);
  let evaluations = 0;
  const perRank = measured.perRank.map(({ k, windows }): CertifiedRankWindows => {
    const certified: TimeWindow[] = [];
    let measuredLength = 0;
    let certifiedLength = 0;
    let stopped: string | null = null;
    for (const window of windows) {
      const end = Number.isFinite(window.end) ? window.end : Math.max(measured.horizon, window.start);
      measuredLength += end - window.start;
      if (problem.model === null) continue;
      const cover = coverWindow(problem.model, k, epsilon, window.start, window.end, end, resolution, maxEvaluations);
      evaluations += cover.evaluations;
      if (cover.stoppedAt !== null && stopped === null) {
        stopped = `the budget of ${maxEvaluations} evaluations per window ran out at t = ${cover.stoppedAt}: the rest of the window [${window.start}, ${window.end}] was not tried (raise options.maxEvaluations)`;
      }
      for (const run of cover.runs) {
        certified.push(run);
        certifiedLength += Math.min(run.end, end) - Math.min(run.start, end);
      }
    }
    const coverage = measuredLength > 0 ? Math.min(1, certifiedLength / measuredLength) : windows.length > 0 ? (certified.length > 0 ? 1 : 0) : 1;
    return { k, measured: windows, certified, coverage, stopped };
  });
  const method = problem.model === null ? `not certified: ${problem.unproved ?? ''}` : METHOD;
  return { epsilon, K: measured.K, horizon: measured.horizon, perRank, conditioning: measured.conditioning, method, evaluations };
}

/**
 * A left end whose point bound is within this fraction of lambda_1 below epsilon starts a stretch
 * given up: about 10^6 times the width of the enclosure at a point (a few n ulps of lambda_1), so
 * only pieces far below the resolution could be proved from it.
 */
const NEAR_EPSILON = 1e-12;

/**
 * The proved runs inside [start, end] (end may be Infinity; `finiteEnd` is where its finite part
 * stops): adaptive bisection that gives up pieces shorter than resolution (finiteEnd - start).
 */
function coverWindow(
  model: EnclosureModel,
  k: number,
  epsilon: number,
  start: number,
  end: number,
  finiteEnd: number,
  resolution: number,
  maxEvaluations: number,
): { runs: TimeWindow[]; evaluations: number; stoppedAt: number | null } {
  const shortest = resolution * Math.max(finiteEnd - start, Number.MIN_VALUE);
  const timeScale = 1 / Math.max(model.lambda.hi[0], Number.MIN_VALUE);
  const pieces: [number, number][] = [];
  const stack: [number, number][] = Number.isFinite(end) ? [[start, end]] : [[finiteEnd, end], [start, finiteEnd]];
  const nearEpsilon = epsilon - NEAR_EPSILON * model.lambda.hi[0];
  let evaluations = 0;
  // Consecutive left ends whose point enclosure exceeds epsilon: each skips twice as far as the last.
  let streak = 0;
  let anchor: Anchor | null = null;
  while (stack.length > 0 && evaluations < maxEvaluations) {
    const [a, b] = stack.pop() as [number, number];
    evaluations++;
    const bounds = distanceBounds(model, k, a, b, { epsilon, anchor });
    anchor = bounds.anchor;
    if (bounds.upper <= epsilon) {
      pieces.push([a, b]);
      streak = 0;
      continue;
    }
    // Bisection gives up pieces down to shortest / 2 long: the same length is the test and the first step here.
    if (anchor !== null && (anchor.upper > nearEpsilon || !provableFrom(anchor, 0.5 * shortest, epsilon))) {
      // No piece starting at a can be proved (past epsilon), or only pieces too short for the budget
      // (within NEAR_EPSILON of it, or closer to epsilon than W moves in `shortest`): give up a
      // stretch after a instead of bisecting down to it, so a long stretch where the claim is within
      // rounding of epsilon, or within far less than the flow's speed times the resolution, costs
      // log2(stretch / shortest) evaluations, not stretch / shortest. Giving up never certifies anything.
      const skip = a + 0.5 * shortest * 2 ** streak;
      streak++;
      if (skip < b) stack.push([skip, b]);
      continue;
    }
    // An unbounded tail is retried from later times a few times (each split doubles its start).
    const tooShort = Number.isFinite(b) ? b - a < shortest : a > 64 * Math.max(finiteEnd, timeScale);
    const halves = tooShort ? null : splitPiece(a, b, timeScale);
    if (halves !== null) stack.push(halves[1], halves[0]);
  }
  pieces.sort((x, y) => x[0] - y[0]);
  const runs: TimeWindow[] = [];
  for (const [a, b] of pieces) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.end === a) runs[runs.length - 1] = { start: last.start, end: b };
    else runs.push({ start: a, end: b });
  }
  const next = stack[stack.length - 1];
  return { runs, evaluations, stoppedAt: next === undefined ? null : next[0] };
}
