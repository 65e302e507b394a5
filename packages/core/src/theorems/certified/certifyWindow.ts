import { FactorflowInputError } from '../../errors.js';
import { type MatrixInput, given, requireExtendedReal, requireInteger, requireNonNegative, requireOptions, requirePositive } from '../../validate.js';
import { type PreparedTarget } from '../../linalg/spectral.js';
import { type Initialization } from '../../flow/riccatiModel.js';
import { distanceBounds } from './enclosure.js';
import { type EnclosureModel } from './enclosureModel.js';
import { certificationProblem } from './problem.js';

/** A piece of an interval on which ||W(t) - Y_hat_k||_2 <= upperBound is proved for every t. */
export interface CertifiedPiece {
  readonly start: number;
  /** Infinity for a tail [start, Infinity) proved at once. */
  readonly end: number;
  readonly upperBound: number;
}

/** Why an interval was not certified. */
export type CertificateFailure =
  /** ||W(at) - Y_hat_k||_2 >= lowerBound > epsilon is proved: the claim is false at t = at. */
  | { readonly kind: 'violated'; readonly at: number; readonly lowerBound: number }
  /** Neither proved nor refuted near t = at; `detail` says why (budget, unverified eigenvectors, ...). */
  | { readonly kind: 'unproved'; readonly at: number; readonly detail: string };

/** Result of {@link certifyWindow}. */
export interface WindowCertificate {
  /** True only when ||W(t) - Y_hat_k||_2 <= epsilon is proved for every t of the interval, rounding included. */
  readonly certified: boolean;
  readonly k: number;
  readonly epsilon: number;
  readonly interval: { readonly start: number; readonly end: number };
  /** The largest proved upper bound over the pieces when certified; when not, a bound proved for the whole interval at once, or null. */
  readonly bound: number | null;
  /** The pieces proved (all of them, covering the interval in order, when certified). */
  readonly pieces: readonly CertifiedPiece[];
  /** Null when certified. */
  readonly reason: CertificateFailure | null;
  /** Number of interval evaluations of the closed form spent. */
  readonly evaluations: number;
}

/** Options of {@link certifyWindow}. */
export interface CertifyWindowOptions {
  /** Most interval evaluations of the closed form before answering `unproved` (default 4000). */
  readonly maxEvaluations?: number;
}

/**
 * Proves, or fails to prove, that the gradient flow stays epsilon-close to the best rank-k
 * approximation on a whole time interval: ||W(t) - Y_hat_k||_2 <= epsilon for every t in
 * [start, end], the conclusion (17)/(23) of Theorems 3 and 4 of Min & Vidal (2025), with W(t) the
 * closed form of Proposition 1 (eq. (5)-(6)) and every floating-point rounding accounted for.
 *
 * Method: Y's eigenbasis is verified first (linalg/interval/verifiedEigenbasis.ts: one exactly
 * orthogonal V with Y = V diag(lambda) V^T, from the computed eigenvectors by a polar-factor bound,
 * Weyl and Kato-Temple for the eigenvalues, Davis-Kahan for the vectors; exact for Y diagonal up to
 * order). Prop. 1 is basis-covariant, so ||W(t) - Y_hat_k||_2 = ||W~(t) - diag(lambda_1..lambda_k,
 * 0..0)||_2 with W~ the flow for diag(lambda) from V^T U0, enclosed with the eigenvalues and the
 * start as intervals. The closed form W~ = S Q^{-1} S^T (see enclosure.ts) is a sum of products of
 * functions monotone in t and lambda (e^{-lambda t}, e^{(lambda_i - lambda_p) t},
 * (1 - e^{-2 lambda t}) / lambda), so evaluating it in outward-rounded interval arithmetic at an
 * interval of t encloses W~(t) for every t in it and every lambda, start in their enclosures. Q^{-1} is verified by a Neumann bound and ||.||_2
 * bounded from above by Weyl's inequality around a computed eigendecomposition with its residual
 * enclosed. A finite piece [t_a, t_b] is bounded from its left end: W(t_a) and W'(t_a) enclosed at
 * the point, and ||W(t) - W(t_a)|| bounded through V' = (Y - 2W) V + V (Y - 2W) for V = W'
 * (eq. (4) differentiated) with the logarithmic norm lambda_max(Y - 2W) (see enclosure.ts). The
 * interval is bisected adaptively (a budget of `maxEvaluations`); a piece that cannot be decided is
 * also tested for a violation (a Rayleigh quotient of the enclosure at its left end, a proved lower
 * bound). When the enclosure at a piece's left end alone straddles epsilon, the claim there is
 * within rounding of epsilon and no bisection can decide it: the answer is `unproved` at once,
 * instead of spending the budget on ever shorter pieces. An unbounded interval is split
 * at ever later times and its tail [T, Infinity) enclosed at once (possible when every pivot mode
 * has lambda > 0; Y's kernel makes gamma = 2t unbounded, and the tail then stays unproved).
 *
 * Limits: Y's eigenvalues must be separated by more than about n eps ||Y||_2 (a cluster or a
 * repeated eigenvalue of a Y that is not diagonal is answered `unproved`, naming the eigenvalues);
 * computed eigenvectors are never trusted, only their proved enclosure. A U0 of rank below
 * min(n, r) is certified when its stored entries have exactly that rank (decided in rational
 * arithmetic: on the rows of V^T U0 for Y diagonal up to order, on the columns of U0 before the
 * rotation otherwise, U0 U0^T = C G C^T with C of full column rank); a W0 given as a matrix must
 * be invertible.
 *
 * @param Y - symmetric PSD n x n target, or its {@link PreparedTarget}.
 * @param init - `{ U0 }` (n x r) or `{ W0 }` as in riccatiClosedForm.
 * @param epsilon - tolerance > 0.
 * @param k - rank, 1..K (K = number of non-zero eigenvalues of Y).
 * @param interval - `{ start, end }` with 0 <= start <= end; end may be Infinity.
 * @param options - `maxEvaluations` (default 4000).
 * @returns the {@link WindowCertificate}: `certified`, the proved bound and pieces, or the reason.
 * @throws FactorflowInputError on malformed Y or init, Y not PSD, epsilon <= 0, k outside 1..K,
 *   start < 0, start > end, or a non-integer budget.
 * @example
 * ```ts
 * const Y = [[10, 0], [0, 2]];
 * const certificate = certifyWindow(Y, { U0: [[1e-4, 2e-5], [1e-5, 1e-4]] }, 0.5, 1, { start: 1.2, end: 3 });
 * certificate.certified; // true: ||W(t) - Y_hat_1|| <= 0.5 (bound 0.4954) for every t in [1.2, 3]
 * ```
 */
export function certifyWindow(
  Y: MatrixInput | PreparedTarget,
  init: Initialization,
  epsilon: number,
  k: number,
  interval: { readonly start: number; readonly end: number },
  options: CertifyWindowOptions = {},
): WindowCertificate {
  requirePositive(epsilon, 'epsilon');
  requireOptions(interval, 'interval', '{ start, end }');
  const start = requireNonNegative(interval.start, 'interval.start');
  const end = requireExtendedReal(interval.end, 'interval.end', 'the end of the interval; Infinity for [start, Infinity)');
  if (end < start) throw new FactorflowInputError('out-of-range', 'interval.end', `must be >= interval.start = ${start}, got ${end}.`);
  requireOptions(options, 'options', '{ maxEvaluations? }');
  const maxEvaluations = requireInteger(given(options.maxEvaluations, 4000), 'options.maxEvaluations', 1, 1e7);
  const problem = certificationProblem(Y, init);
  requireInteger(k, 'k', 1, problem.K);
  const base = { k, epsilon, interval: { start, end } };
  if (problem.model === null) {
    return { ...base, certified: false, bound: null, pieces: [], reason: { kind: 'unproved', at: start, detail: problem.unproved ?? '' }, evaluations: 0 };
  }
  return { ...base, ...proveInterval(problem.model, k, epsilon, start, end, maxEvaluations) };
}

/** The adaptive bisection of {@link certifyWindow} on a validated problem. */
export function proveInterval(
  model: EnclosureModel,
  k: number,
  epsilon: number,
  start: number,
  end: number,
  maxEvaluations: number,
): Pick<WindowCertificate, 'certified' | 'bound' | 'pieces' | 'reason' | 'evaluations'> {
  const whole = distanceBounds(model, k, start, end, { wantLower: true });
  let anchor = whole.anchor;
  let evaluations = 1;
  const wholeBound = Number.isFinite(whole.upper) ? whole.upper : null;
  if (whole.upper <= epsilon) return { certified: true, bound: whole.upper, pieces: [{ start, end, upperBound: whole.upper }], reason: null, evaluations };
  if (whole.lower > epsilon) return { certified: false, bound: wholeBound, pieces: [], reason: { kind: 'violated', at: start, lowerBound: whole.lower }, evaluations };
  const pieces: CertifiedPiece[] = [];
  const timeScale = 1 / Math.max(model.lambda.hi[0], Number.MIN_VALUE);
  // Depth first, left half first: pieces are proved in increasing t.
  const first = splitPiece(start, end, timeScale);
  if (first === null) {
    return { certified: false, bound: wholeBound, pieces, reason: { kind: 'unproved', at: start, detail: `the bound ${whole.upper.toPrecision(6)} > epsilon on a point or a piece too short to split` }, evaluations };
  }
  const stack: [number, number][] = [first[1], first[0]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const bounds = distanceBounds(model, k, a, b, { wantLower: true, epsilon, anchor });
    anchor = bounds.anchor;
    evaluations++;
    if (bounds.upper <= epsilon) {
      pieces.push({ start: a, end: b, upperBound: bounds.upper });
      continue;
    }
    const middle = Number.isFinite(b) ? 0.5 * a + 0.5 * b : a;
    if (bounds.lower > epsilon) return { certified: false, bound: wholeBound, pieces, reason: { kind: 'violated', at: a, lowerBound: bounds.lower }, evaluations };
    // Every piece starting at a shares this point enclosure: bisecting cannot decide it.
    if (anchor !== null && anchor.upper > epsilon) {
      const detail = `at t = ${a} the claim is within rounding of epsilon: ||W(t) - Y_hat_k||_2 is enclosed in [${bounds.lower.toPrecision(17)}, ${anchor.upper.toPrecision(17)}], which contains epsilon, and no shorter piece can do better at this point`;
      return { certified: false, bound: wholeBound, pieces, reason: { kind: 'unproved', at: a, detail }, evaluations };
    }
    const halves = splitPiece(a, b, timeScale);
    if (halves === null || evaluations + 2 > maxEvaluations) {
      const detail =
        halves === null
          ? `the bound ${bounds.upper.toPrecision(6)} > epsilon on [${a}, ${b}], a piece too short to split further: ||W(t) - Y_hat_k||_2 is within rounding of epsilon there`
          : `the budget of ${maxEvaluations} evaluations ran out (bound ${bounds.upper.toPrecision(6)} > epsilon on [${a}, ${b}])`;
      return { certified: false, bound: wholeBound, pieces, reason: { kind: 'unproved', at: middle, detail }, evaluations };
    }
    stack.push(halves[1], halves[0]);
  }
  const bound = pieces.reduce((largest, piece) => Math.max(largest, piece.upperBound), 0);
  return { certified: true, bound, pieces, reason: null, evaluations };
}

/**
 * The two halves of [a, b], or null when b - a is at the rounding level of t. An unbounded piece
 * [a, Infinity) is split at 2a + 1/lambda_1, so repeated splits push its tail later geometrically.
 */
export function splitPiece(a: number, b: number, timeScale: number): [[number, number], [number, number]] | null {
  if (!Number.isFinite(b)) {
    const cut = 2 * a + timeScale;
    return Number.isFinite(cut) ? [[a, cut], [cut, b]] : null;
  }
  const middle = 0.5 * a + 0.5 * b;
  if (!(b - a > 4 * Number.EPSILON * Math.max(Math.abs(b), Number.MIN_VALUE)) || middle <= a || middle >= b) return null;
  return [[a, middle], [middle, b]];
}
