import { FactorflowInputError } from '../errors.js';
import { type MatrixInput, given, requireInteger, requireOptions, requirePositive, timeLimit } from '../validate.js';
import { gramInto } from '../linalg/product.js';
import { goldenSectionMinimum } from '../linalg/minimize.js';
import { eigenbasisFactorEvaluator } from './riccati.js';
import { type Initialization, type InitialConditioning, type RiccatiModel, riccatiModel, timeScaleOf } from './riccatiModel.js';
import { type PreparedTarget, requirePsdSpectrum } from '../linalg/spectral.js';
import { symmetricEigenvalues } from '../linalg/tridiagonal.js';

/** A closed time interval [start, end]; `end` is `Infinity` when the condition holds for all later t. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** The measured windows for one rank k. */
export interface RankWindows {
  /** Rank k, 1-based. */
  readonly k: number;
  /** Maximal intervals on which ||W(t) - Y_hat_k||_2 <= epsilon, in increasing order. */
  readonly windows: TimeWindow[];
  /** Smallest ||W(t) - Y_hat_k||_2 seen by the search (grid, dips, bisection): how close the flow comes to Y_hat_k. */
  readonly closestApproach: number;
}

/** Result of {@link measuredWindows}. */
export interface MeasuredWindows {
  readonly epsilon: number;
  /** Number K of non-zero eigenvalues of Y. */
  readonly K: number;
  /** End of the dense search grid; beyond it every growing mode has saturated. */
  readonly horizon: number;
  /**
   * Largest spacing of the search grid, that of its last stretch; before each mode's saturation
   * time t_p the spacing is at most t_p / gridSize. Windows are also searched for between grid
   * points (local minima).
   */
  readonly resolution: number;
  readonly perRank: RankWindows[];
  /** Whether the windows depend on components of W0 that rounding hid (see `riccatiModel`). */
  readonly conditioning: InitialConditioning;
}

/** Options of {@link measuredWindows}. */
export interface MeasuredWindowsOptions {
  /** Number of grid intervals on [0, t_p] for each mode's saturation time t_p (default 512). */
  readonly gridSize?: number;
  /** Relative accuracy of each window end (default 1e-9). */
  readonly relativeTolerance?: number;
}

/**
 * The time windows on which the gradient flow is actually epsilon-close to the best rank-k
 * approximation, ||W(t) - Y_hat_k||_2 <= epsilon (the conclusion (17)/(23) of Theorems 3 and 4 of
 * Min & Vidal 2025), for k = 1..K, from the closed form of Proposition 1. Compare with the
 * guaranteed intervals I_k of eq. (16) from {@link theorem3Plan} / {@link theorem4Plan}.
 *
 * Method: g_k(t) = ||F F^T - diag(sigma_1..sigma_k, 0..0)||_2 in Y's eigenbasis (F from the stable
 * closed form) is sampled up to a horizon where every growing mode has saturated
 * (e^{-2 lambda t} < 1e-10 of its initial weight), on a grid graded by the modes' own saturation
 * times t_p: spacing at most t_p / gridSize on each stretch up to t_p, so a fast mode's transition,
 * and a window between two fast modes, are sampled as finely as the slowest mode's (a uniform grid
 * up to the slowest mode's horizon stepped over them); each sign change of g_k - epsilon,
 * and each grid-local minimum (deeper than 1e-10 ||Y|| on one side) that dips below epsilon (found
 * by golden-section search), is refined
 * by bisection to the requested relative accuracy. Past the horizon only the zero modes move
 * (monotonically, like 1/(2t)), so the last window is extended to infinity or, if g_k is still
 * above epsilon there, the later crossing is located on a logarithmic scale.
 *
 * A window narrower than the grid spacing whose interior does not contain a grid-local minimum can
 * be missed; `resolution` reports the largest spacing.
 *
 * @param Y - symmetric PSD n x n target (the theorems' setting), or its {@link PreparedTarget}.
 * @param init - `{ U0 }` or `{ W0 }` as in riccatiClosedForm.
 * @param epsilon - tolerance > 0 (any; the theorems' range is not required here).
 * @param options - grid size and relative tolerance.
 * @throws FactorflowInputError on malformed input, Y not PSD, Y = 0 or epsilon <= 0.
 * @example
 * ```ts
 * const measured = measuredWindows(Y, { U0 }, 0.1);
 * measured.perRank[0].windows; // e.g. [{ start: 0.71, end: 1.42 }]
 * ```
 */
export function measuredWindows(
  Y: MatrixInput | PreparedTarget,
  init: Initialization,
  epsilon: number,
  options: MeasuredWindowsOptions = {},
): MeasuredWindows {
  requirePositive(epsilon, 'epsilon');
  requireOptions(options, 'options', '{ gridSize?, relativeTolerance? }');
  const gridSize = requireInteger(given(options.gridSize, 512), 'options.gridSize', 8, 1e6);
  const relativeTolerance = requirePositive(given(options.relativeTolerance, 1e-9), 'options.relativeTolerance');
  const model = riccatiModel(Y, init);
  const zero = requirePsdSpectrum(model.lambda, 'Y', 'the theorems compare W(t) with best rank-k approximations of Y PSD');
  const K = model.lambda.filter((value) => value > zero).length;
  if (K === 0) throw new FactorflowInputError('out-of-range', 'Y', 'Y has no non-zero eigenvalue: there is nothing to learn.');

  const noise = 1e-10 * Math.max(model.lambda[0], epsilon);
  const saturation = saturationTimes(model, zero);
  const search = { K, epsilon, saturation, gridSize, relativeTolerance, noise, limit: timeLimit(timeScaleOf(model.lambda)) };
  const { perRank, resolution } = searchWindows(distanceToBestRankK(model), search);
  return { epsilon, K, horizon: saturation[saturation.length - 1], resolution, perRank, conditioning: model.conditioning };
}

/** What {@link searchWindows} needs besides the distance. */
export interface WindowSearch {
  /** Ranks 1..K are searched. */
  readonly K: number;
  readonly epsilon: number;
  /**
   * The growing modes' saturation times from {@link saturationTimes}, increasing: the grid is graded
   * by them, and the last is the horizon, past which the distance is monotone in t (see extendPastHorizon).
   */
  readonly saturation: readonly number[];
  readonly gridSize: number;
  readonly relativeTolerance: number;
  /** Differences of the distance below this are rounding, not features of the flow. */
  readonly noise: number;
  /** The largest time the problem accepts. */
  readonly limit: number;
}

/**
 * The windows where distance(t, k) <= epsilon for k = 1..K: the grid + dip + bisection search of
 * {@link measuredWindows}, for any distance of the flow to a target of rank k (the symmetric
 * ||W(t) - Y_hat_k||_2, the asymmetric ||X(t) - Y_hat_k||_2). The distance is asked for every k at
 * one t before the next t, so it can reuse one evaluation of the flow per time.
 */
export function searchWindows(distance: (t: number, k: number) => number, search: WindowSearch): { perRank: RankWindows[]; resolution: number } {
  const { K, epsilon, saturation, gridSize, relativeTolerance, noise, limit } = search;
  const horizon = saturation[saturation.length - 1];
  const grid = gradedGrid(saturation, gridSize);
  const last = grid.length - 1;
  const closestApproach = new Float64Array(K + 1).fill(Number.POSITIVE_INFINITY);
  const excess = (t: number, k: number): number => {
    const value = distance(t, k);
    closestApproach[k] = Math.min(closestApproach[k], value);
    return value - epsilon;
  };
  // Time outer, rank inner: the flow is then evaluated once per grid point for all K ranks.
  const valuesPerRank = Array.from({ length: K + 1 }, () => new Float64Array(grid.length));
  grid.forEach((t, i) => {
    for (let k = 1; k <= K; k++) valuesPerRank[k][i] = excess(t, k);
  });
  const perRank: RankWindows[] = [];
  for (let k = 1; k <= K; k++) {
    const values = valuesPerRank[k];
    const excessAtRank = (t: number): number => excess(t, k);
    const windows = windowsOnGrid(grid, values, excessAtRank, relativeTolerance, noise);
    extendPastHorizon(windows, horizon, values[last] <= 0, excessAtRank, relativeTolerance, limit);
    perRank.push({ k, windows, closestApproach: closestApproach[k] });
  }
  return { perRank, resolution: grid[last] - grid[last - 1] };
}

/**
 * 0 = t_0 < ... up to the last saturation time, uniform on each stretch between consecutive
 * saturation times (s, e] with spacing at most e / gridSize: each mode's transition and the windows
 * before it are resolved relative to its own time scale, at a cost of at most about
 * gridSize (1 + ln(horizon / first saturation time)) points instead of gridSize.
 */
function gradedGrid(saturation: readonly number[], gridSize: number): Float64Array {
  const points = [0];
  let from = 0;
  for (const end of saturation) {
    if (!(end > from)) continue;
    const intervals = Math.ceil((gridSize * (end - from)) / end);
    const step = (end - from) / intervals;
    for (let i = 1; i < intervals; i++) points.push(from + i * step);
    points.push(end);
    from = end;
  }
  return Float64Array.from(points);
}

/**
 * (t, k) -> ||W(t) - Y_hat_k||_2, computed in Y's eigenbasis where Y_hat_k is diagonal. The Gram
 * matrix F F^T of the last t is kept, so asking for every k at one t costs one evaluation of W(t).
 */
function distanceToBestRankK(model: RiccatiModel): (t: number, k: number) => number {
  const { n, rank, lambda } = model;
  const factorAt = eigenbasisFactorEvaluator(model);
  const gram = new Float64Array(n * n);
  const difference = new Float64Array(n * n);
  let gramTime = Number.NaN;
  return (t, k) => {
    if (t !== gramTime) {
      gramInto(factorAt(t), n, rank, 'rows', gram);
      gramTime = t;
    }
    difference.set(gram);
    for (let a = 0; a < k; a++) difference[a * n + a] -= lambda[a];
    const spectrum = symmetricEigenvalues(difference, n);
    return Math.max(Math.abs(spectrum[0]), Math.abs(spectrum[n - 1]));
  };
}

/**
 * For each pivot p with lambda_p > 0, a time by which its mode has saturated (Min & Vidal 2025,
 * eq. (5)): the D^{-2} term of the stable closed form, e^{-2 lambda_p t}, is below 1e-10 of the
 * mode's weight gamma L_pj^2. Only those beyond 1 / lambda_1, the flow's own time scale, are kept
 * (1 / lambda_1 itself when none is); increasing and distinct, each with a 25% margin; the last is
 * a horizon by which every growing mode has saturated. Computed in logarithms: for alpha near the
 * bottom of the double range L_pj^2 underflows, while the times, about log(1/alpha) / (2 lambda_p),
 * stay moderate.
 */
export function saturationTimes(model: RiccatiModel, zero: number): number[] {
  const { rank, lambda, pivots, factor } = model;
  const floor = 1 / lambda[0];
  const times: number[] = [];
  for (let j = 0; j < rank; j++) {
    const rate = lambda[pivots[j]];
    const entry = Math.abs(factor[pivots[j] * rank + j]);
    // A zero pivot entry is a direction the initialization does not excite: it never grows.
    if (rate <= zero || entry === 0) continue;
    const logWeight = 2 * Math.log(entry) - Math.log(rate);
    const time = (10 * Math.LN10 - logWeight) / (2 * rate);
    // Nothing in the flow needs a stretch of its own shorter than its fastest time scale 1 / lambda_1
    // (a mode saturated at t = 0 has no transition at all): it would only cost gridSize points.
    if (time > floor) times.push(time);
  }
  if (times.length === 0) times.push(floor);
  return [...new Set(times)].sort((a, b) => a - b).map((time) => 1.25 * time);
}

/**
 * Sign changes and sub-grid dips of `excess` on the grid, refined by bisection. A grid-local
 * minimum deeper than `noise` on neither side is rounding on a flat stretch (after saturation g_k
 * is constant): searching each of those for a sub-grid dip cost 20x the grid itself at n = 50.
 */
function windowsOnGrid(
  grid: Float64Array,
  values: Float64Array,
  excess: (t: number) => number,
  relativeTolerance: number,
  noise: number,
): TimeWindow[] {
  const windows: TimeWindow[] = [];
  let start: number | null = values[0] <= 0 ? 0 : null;
  for (let i = 1; i < grid.length; i++) {
    const before = values[i - 1];
    const after = values[i];
    if (before > 0 && after <= 0) start = bisect(excess, grid[i - 1], grid[i], relativeTolerance);
    if (before <= 0 && after > 0 && start !== null) {
      windows.push({ start, end: bisect(excess, grid[i - 1], grid[i], relativeTolerance) });
      start = null;
    }
    const next = values[i + 1];
    const dips = after < before && after <= next && (after < before - noise || after < next - noise);
    if (i + 1 < grid.length && before > 0 && after > 0 && next > 0 && dips) {
      const dip = goldenSectionMinimum(excess, grid[i - 1], grid[i + 1], { stopAtOrBelow: 0 });
      if (dip.value <= 0) {
        windows.push({
          start: bisect(excess, grid[i - 1], dip.x, relativeTolerance),
          end: bisect(excess, dip.x, grid[i + 1], relativeTolerance),
        });
      }
    }
  }
  if (start !== null) windows.push({ start, end: grid[grid.length - 1] });
  return windows.sort((a, b) => a.start - b.start);
}

/**
 * Past the horizon the positive modes have converged and the zero modes decrease, so the
 * distance is monotone: a window open at the horizon lasts forever, and one not yet open
 * opens once (searched on a logarithmic scale up to 1e12 horizons, or the problem's time limit).
 */
function extendPastHorizon(
  windows: TimeWindow[],
  horizon: number,
  insideAtHorizon: boolean,
  excess: (t: number) => number,
  relativeTolerance: number,
  limit: number,
): void {
  if (insideAtHorizon) {
    const last = windows[windows.length - 1];
    windows[windows.length - 1] = { start: last.start, end: Number.POSITIVE_INFINITY };
    return;
  }
  let low = horizon;
  for (let high = horizon * 4; high <= Math.min(horizon * 1e12, limit); low = high, high *= 4) {
    if (excess(high) <= 0) {
      windows.push({ start: bisect(excess, low, high, relativeTolerance), end: Number.POSITIVE_INFINITY });
      return;
    }
  }
}

/** The crossing of a continuous function with a sign change on [a, b], to relative accuracy. */
function bisect(f: (t: number) => number, a: number, b: number, relativeTolerance: number): number {
  let low = a;
  let high = b;
  const lowInside = f(low) <= 0;
  while (high - low > relativeTolerance * Math.max(Math.abs(low), Math.abs(high), Number.MIN_VALUE)) {
    const middle = 0.5 * (low + high);
    if (middle <= low || middle >= high) break;
    if ((f(middle) <= 0) === lowInside) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}
