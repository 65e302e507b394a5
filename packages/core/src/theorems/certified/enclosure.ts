/**
 * Rigorous enclosures of ||W(t) - Y_hat_k||_2 over a whole time interval, from the closed form of
 * Min & Vidal (2025), Proposition 1 (eq. (5)-(6)), evaluated in outward-rounded interval arithmetic
 * (linalg/interval). The form used, in an exactly orthogonal eigenbasis V of Y (enclosureModel.ts:
 * Prop. 1 is basis-covariant, W = V W~ V^T):
 *
 *   W~(t) = E U (I + U^T G U)^{-1} U^T E,  E = diag(e^{lambda_i t}),  G = diag((e^{2 lambda_i t} - 1) / lambda_i).
 *
 * Choose pivot rows P of U = V^T U0 with U_P of full row rank rho: every row of U outside P is
 * a combination X U_P of them (exactly: when U_P is square X = U_other U_P^{-1} is enclosed by a
 * verified inverse, otherwise the dependence of the stored doubles is decided and X found in exact
 * rational arithmetic, linalg/interval/rational.ts). Then
 *
 *   W~(t) = S Q^{-1} S^T,  S = E L D^{-1},  Q = D^{-1} (U_P U_P^T)^{-1} D^{-1} + S^T Gamma S,
 *
 * with L = [I; X] (rows P, then the others), D = diag(e^{lambda_p t}, p in P) and
 * Gamma = E^{-1} G E^{-1} = diag((1 - e^{-2 lambda_i t}) / lambda_i). Every factor is a sum of
 * products of e^{-lambda_p t}, e^{(lambda_i - lambda_p) t} and gamma_i(t), each enclosed for every
 * t in [tlo, thi] and every lambda in its enclosure [lo_i, hi_i] at once: e^x is increasing, so an
 * enclosure of the exponent (an interval product of the rate's and t's intervals) gives one of the
 * exponential; gamma increases with t and decreases with lambda (rounding.ts, growthInterval). No
 * derivative bound is needed. The data from the start (U_P's inverse, X) is enclosed for every start
 * in its box too, so the result holds for the exact eigenvalues and start, whatever they are
 * inside their enclosures. For rho = n (W0 invertible) this is
 * W(t)^{-1} = E^{-1} W0^{-1} E^{-1} + Gamma. Q is graded (entries from
 * 1/alpha to 1/sigma_1); it is scaled by powers of two to unit diagonal, inverted approximately, and
 * the inverse verified by a Neumann bound (its first-order error enclosed, weighted by S'); the
 * spectral norm is bounded by symmetricSpectralBounds.
 */
import { type Interval, add, down, divPositive, expInterval, expm1Interval, growthInterval, mul, up } from '../../linalg/interval/rounding.js';
import {
  type IntervalMatrix,
  approximateInverse,
  intervalProduct,
  magnitude,
  normBound,
  nonnegativeSpectralBound,
  pointMatrix,
  residualOfInverse,
  symmetricNormBound,
  symmetricSpectralBounds,
  transpose,
  zeroMatrix,
} from '../../linalg/interval/intervalMatrix.js';
import { symmetricEigenpairs } from '../../linalg/eigenpairs.js';
import { type EigenvalueEnclosure, type EnclosureModel, powerOfTwoNear } from './enclosureModel.js';

/** Upper (and on request lower) bounds of ||W(t) - Y_hat_k||_2 over t in [tlo, thi]. */
export interface DistanceBounds {
  /** Holds for every t in the interval; Infinity when nothing could be proved. */
  readonly upper: number;
  /** Holds at some t of the interval (at every t for a point interval); 0 when not asked or not proved. */
  readonly lower: number;
  /**
   * The enclosure at the left end t = tlo alone (null for an unbounded interval, enclosed at once,
   * or when it failed). When its `upper` exceeds epsilon, no piece starting at tlo can be proved,
   * however short. Pass it back in `options.anchor` for another piece starting at tlo (a left half).
   */
  readonly anchor: Anchor | null;
}

/** The enclosure of W at one time t and what the forward bound from t needs (see {@link distanceBounds}). */
export interface Anchor {
  readonly model: EnclosureModel;
  readonly k: number;
  readonly t: number;
  /** Bounds of ||W(t) - Y_hat_k||_2 at t; `lower` only when `withLower`. */
  readonly upper: number;
  readonly lower: number;
  readonly withLower: boolean;
  /** W(t) is within `remainder` (2-norm) of a matrix in `W`. */
  readonly W: IntervalMatrix;
  readonly remainder: number;
  /** ||W'(t)|| and lambda_max(Y - 2 W(t)) bounds, computed on first use by a finite piece. */
  rates: { readonly slope: number; readonly rate: number } | null;
}

/** The enclosure of W~(t) on an interval: W~ is within `remainder` (2-norm) of S' M S'^T for some M in `middle`. */
interface FactoredEnclosure {
  readonly sides: IntervalMatrix;
  /** R + (E R + R E^T) / 2, enclosing the first-order part of Q'^{-1}. */
  readonly middle: IntervalMatrix;
  /** Upper bound of the second-order part, ||S' E|| ||E|| ||Q'^{-1}|| ||S'|| (2-norms). */
  readonly remainder: number;
}

/** The anchor at t, or null when the enclosure fails there. */
function anchorAt(model: EnclosureModel, k: number, t: number, withLower: boolean): Anchor | null {
  const factored = factoredEnclosure(model, t, t);
  if (factored === null) return null;
  const W = enclosedW(factored);
  const { upper, lower } = distanceOfEnclosure(model, k, W, factored.remainder, withLower);
  return { model, k, t, upper, lower, withLower, W, remainder: factored.remainder, rates: null };
}

/**
 * Bounds of ||W(t) - Y_hat_k||_2 over t in [tlo, thi] (thi may be Infinity), with
 * Y_hat_k = diag(lambda_1..lambda_k, 0..0) in the eigenbasis.
 *
 * A finite interval is bounded forward from its left end t_a, where W and W' = WY + YW - 2W^2
 * (eq. (4)) are enclosed at a point (tight): ||W(t) - Y_hat_k|| <= ||W(t_a) - Y_hat_k|| + phi with
 * phi >= ||W(t) - W(t_a)||. Differentiating eq. (4), V = W' solves V' = A V + V A with A = Y - 2W, so
 * V(t) = P V(t_a) P^T with ||P|| <= e^{mu (t - t_a)}, mu >= lambda_max(A) on the interval (the
 * logarithmic norm of a symmetric A): ||W'(t)|| <= ||W'(t_a)|| e^{2 mu (t - t_a)}. Inside a window
 * mu is about lambda_{k+1}, the rate of the next mode, so the bound follows the flow's own growth.
 * mu is taken as lambda_max(Y - 2 W(t_a)) + 2 phi and phi confirmed by a bootstrap: if
 * F(phi) = ||W'(t_a)|| int_0^s e^{2 (mu_a + 2 phi) u} du < phi, the variation can never reach phi on
 * the interval (at the first time it did, it would be at most F(phi)). An unbounded interval
 * [tlo, Infinity) is enclosed at once. `lower` (when asked) is a Rayleigh quotient at t_a. Given
 * `epsilon`, a finite interval whose left end is already bounded above epsilon returns upper =
 * Infinity without the variation bound (the answer could not be below epsilon anyway). Given the
 * `anchor` of an earlier call at the same tlo (same model and k), only the scalar bootstrap is
 * redone: bisection evaluates every left half from its parent's anchor.
 */
export function distanceBounds(
  model: EnclosureModel,
  k: number,
  tlo: number,
  thi: number,
  options: { readonly wantLower?: boolean; readonly epsilon?: number; readonly anchor?: Anchor | null } = {},
): DistanceBounds {
  const wantLower = options.wantLower === true;
  const failed = { upper: Number.POSITIVE_INFINITY, lower: 0, anchor: null };
  if (!Number.isFinite(thi)) {
    const box = factoredEnclosure(model, tlo, thi);
    return box === null ? failed : { ...distanceOfEnclosure(model, k, enclosedW(box), box.remainder, wantLower), anchor: null };
  }
  const given = options.anchor;
  const reusable = given !== undefined && given !== null && given.model === model && given.k === k && given.t === tlo && (given.withLower || !wantLower);
  const anchor = reusable ? given : anchorAt(model, k, tlo, wantLower);
  if (anchor === null) return failed;
  const span = up(thi - tlo);
  if (span === 0 || tlo === thi) return { upper: anchor.upper, lower: anchor.lower, anchor };
  // Past epsilon at the left end, the variation cannot help: skip its cost.
  if (options.epsilon !== undefined && anchor.upper > options.epsilon) return { upper: Number.POSITIVE_INFINITY, lower: anchor.lower, anchor };
  anchor.rates ??= variationRates(model, anchor.W, anchor.remainder);
  const upper = up(anchor.upper + forwardVariation(anchor.rates, span));
  return { upper: Number.isNaN(upper) ? Number.POSITIVE_INFINITY : upper, lower: anchor.lower, anchor };
}

/**
 * Whether the forward bound from the anchor's time t (W' of eq. (4), Min & Vidal 2025, bounded as in
 * {@link distanceBounds}) proves the claim on [t, t + span]: false means
 * no piece starting at t and at least that long can be proved (the bound grows with the length),
 * so a caller with a shortest useful length can give up at t without bisecting down to it.
 */
export function provableFrom(anchor: Anchor, span: number, epsilon: number): boolean {
  if (anchor.upper > epsilon) return false;
  anchor.rates ??= variationRates(anchor.model, anchor.W, anchor.remainder);
  return up(anchor.upper + forwardVariation(anchor.rates, up(span))) <= epsilon;
}

/**
 * For W(t_a) within r of B: slope >= ||W'(t_a)||_2 and rate >= lambda_max(Y - 2 W(t_a)), the
 * data of the forward bound (see {@link distanceBounds}).
 */
function variationRates(model: EnclosureModel, B: IntervalMatrix, r: number): { slope: number; rate: number } {
  const slope = derivativeBound(model, B, r);
  const n = model.n;
  // Y - 2B: lambda_max of it, plus 2r for W(t_a) - B.
  const shifted: IntervalMatrix = { rows: n, columns: n, lo: B.lo.map((x) => down(-2 * x)), hi: B.hi.map((x) => up(-2 * x)) };
  for (let i = 0; i < n; i++) {
    shifted.lo[i * n + i] = down(-2 * B.hi[i * n + i] + model.lambda.lo[i]);
    shifted.hi[i * n + i] = up(-2 * B.lo[i * n + i] + model.lambda.hi[i]);
  }
  return { slope, rate: up(symmetricSpectralBounds(shifted).largest + up(2 * r)) };
}

/**
 * A proved bound phi of ||W(t) - W(t_a)||_2 for t in [t_a, t_a + span] from the rates at t_a (see
 * {@link distanceBounds}); Infinity when the bootstrap fails.
 */
function forwardVariation({ slope, rate }: { readonly slope: number; readonly rate: number }, span: number): number {
  if (slope === 0) return 0;
  // F(phi) = slope int_0^s e^{2 mu u} du with mu = rate + 2 phi; increasing in mu.
  const growth = (phi: number): number => {
    const mu = up(rate + up(2 * phi));
    if (!(mu > 0)) return up(slope * span);
    const exponent = up(2 * up(mu * span));
    const [, factor] = expm1Interval(exponent, exponent);
    return up(slope * up(factor / down(2 * mu)));
  };
  let phi = up(2 * growth(0));
  for (let attempt = 0; attempt < 3; attempt++) {
    const next = growth(phi);
    if (next < phi) return phi;
    phi = up(2 * next);
  }
  return Number.POSITIVE_INFINITY;
}

/** S' M S'^T over M in `middle`: W~(t) lies within `remainder` (2-norm) of it. */
function enclosedW(factored: FactoredEnclosure): IntervalMatrix {
  return intervalProduct(intervalProduct(factored.sides, factored.middle), factored.sides, true);
}

/** Bounds of ||W - Y_hat_k||_2 for W within `remainder` of the symmetric interval matrix B. */
function distanceOfEnclosure(model: EnclosureModel, k: number, B: IntervalMatrix, remainder: number, wantLower: boolean): Omit<DistanceBounds, 'anchor'> {
  const n = model.n;
  const A: IntervalMatrix = { rows: n, columns: n, lo: B.lo.slice(), hi: B.hi.slice() };
  for (let i = 0; i < k; i++) {
    A.lo[i * n + i] = down(A.lo[i * n + i] - model.lambda.hi[i]);
    A.hi[i * n + i] = up(A.hi[i * n + i] - model.lambda.lo[i]);
  }
  const upper = up(symmetricNormBound(A) + remainder);
  return { upper: Number.isNaN(upper) ? Number.POSITIVE_INFINITY : upper, lower: wantLower ? rayleighLowerBound(A, remainder) : 0 };
}

/**
 * An upper bound of ||W'(t)||_2 = ||W Y + Y W - 2 W^2||_2 (eq. (4)) for every W = B + Delta, B in
 * the interval matrix, ||Delta||_2 <= r: the interval part evaluated entrywise (Y = diag(lambda) in
 * the eigenbasis, (lambda_i + lambda_j) B_ij - 2 (B^2)_ij with lambda_i + lambda_j enclosed) and
 * bounded by the spectral radius of its magnitudes, the rest by 2 ||Y|| r + 4 ||B|| r + 2 r^2.
 */
function derivativeBound(model: EnclosureModel, B: IntervalMatrix, r: number): number {
  const { n, lambda } = model;
  const { lo: lambdaLo, hi: lambdaHi } = lambda;
  const square = intervalProduct(B, B);
  const magnitudes = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const at = i * n + j;
      const [plo, phi] = mul(B.lo[at], B.hi[at], down(lambdaLo[i] + lambdaLo[j]), up(lambdaHi[i] + lambdaHi[j]));
      const lo = down(plo - up(2 * square.hi[at]));
      const hi = up(phi - down(2 * square.lo[at]));
      magnitudes[at] = Math.max(Math.abs(lo), Math.abs(hi));
    }
  }
  const size = up(nonnegativeSpectralBound(magnitude(B), n) + r);
  const largestRate = largestMagnitude(lambda);
  const rest = up(up(up(2 * up(largestRate * r)) + up(4 * up(size * r))) + up(2 * up(r * r)));
  const bound = up(nonnegativeSpectralBound(magnitudes, n) + rest);
  return Number.isNaN(bound) ? Number.POSITIVE_INFINITY : bound;
}

/** >= |lambda_i| for every i and every lambda_i in its enclosure: ||Y||_2. */
function largestMagnitude(lambda: EigenvalueEnclosure): number {
  let largest = 0;
  lambda.lo.forEach((lo, i) => (largest = Math.max(largest, Math.abs(lo), Math.abs(lambda.hi[i]))));
  return largest;
}

/**
 * Encloses lambda_i - lambda_p over the enclosures. Exactly 0 when both are the same point (a
 * repeated eigenvalue of a diagonal Y): e^{0 t} = 1 then, with no rounding to widen it.
 */
function rateDifference(lambda: EigenvalueEnclosure, i: number, p: number): Interval {
  const { lo, hi } = lambda;
  if (lo[i] === hi[i] && lo[p] === hi[p] && lo[i] === lo[p]) return [0, 0];
  return [down(lo[i] - hi[p]), up(hi[i] - lo[p])];
}

/** A lower bound of ||A||_2 - remainder from the Rayleigh quotient of the dominant eigenvector of mid(A). */
function rayleighLowerBound(A: IntervalMatrix, remainder: number): number {
  const n = A.rows;
  if (!A.lo.every(Number.isFinite) || !A.hi.every(Number.isFinite)) return 0;
  const mid = A.lo.map((lo, i) => 0.5 * lo + 0.5 * A.hi[i]);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) mid[j * n + i] = mid[i * n + j];
  const { values, phi } = symmetricEigenpairs(mid, n);
  if (!values.every(Number.isFinite)) return 0;
  const index = Math.abs(values[0]) >= Math.abs(values[n - 1]) ? 0 : n - 1;
  const x = pointMatrix(Float64Array.from({ length: n }, (_, i) => phi[i * n + index]), 1, n);
  const quotient = intervalProduct(intervalProduct(x, A), x, true);
  const norm = intervalProduct(x, x, true);
  const smallest = quotient.lo[0] > 0 ? quotient.lo[0] : quotient.hi[0] < 0 ? -quotient.hi[0] : 0;
  return Math.max(0, down(down(smallest / norm.hi[0]) - remainder));
}

/** S' (n x rho), R ~ Q'^{-1} and the remainder bound, or null when the enclosure fails. */
function factoredEnclosure(model: EnclosureModel, tlo: number, thi: number): FactoredEnclosure | null {
  const { n, lambda, pivots, others, scale, gramInverse, combination } = model;
  const rho = pivots.length;
  const decay = Array.from(pivots, (p, j): Interval => {
    const [xlo, xhi] = mul(-lambda.hi[p], -lambda.lo[p], tlo, thi);
    const [elo, ehi] = expInterval(xlo, xhi);
    return divPositive(elo, ehi, scale[j]);
  });
  const gamma = Array.from(lambda.lo, (lo, i): Interval => growthInterval(lo, lambda.hi[i], tlo, thi));
  // S restricted to the other rows: e^{(lambda_i - lambda_p) t} X_ip.
  const lower = zeroMatrix(others.length, rho);
  others.forEach((i, a) => {
    pivots.forEach((p, j) => {
      const at = a * rho + j;
      if (combination.lo[at] === 0 && combination.hi[at] === 0) return;
      const rate = rateDifference(lambda, i, p);
      const [xlo, xhi] = mul(rate[0], rate[1], tlo, thi);
      const [elo, ehi] = expInterval(xlo, xhi);
      const [slo, shi] = mul(elo, ehi, combination.lo[at], combination.hi[at]);
      [lower.lo[at], lower.hi[at]] = divPositive(slo, shi, scale[j]);
    });
  });
  const weighted = zeroMatrix(others.length, rho);
  others.forEach((i, a) => {
    for (let j = 0; j < rho; j++) [weighted.lo[a * rho + j], weighted.hi[a * rho + j]] = mul(gamma[i][0], gamma[i][1], lower.lo[a * rho + j], lower.hi[a * rho + j]);
  });
  const Q = others.length > 0 ? intervalProduct(transpose(lower), weighted) : zeroMatrix(rho, rho);
  for (let j = 0; j < rho; j++) {
    for (let l = 0; l < rho; l++) {
      const [clo, chi] = mul(decay[j][0], decay[j][1], decay[l][0], decay[l][1]);
      const [plo, phi] = mul(clo, chi, gramInverse.lo[j * rho + l], gramInverse.hi[j * rho + l]);
      const extra: Interval = j === l ? gamma[pivots[j]] : [0, 0];
      Q.lo[j * rho + l] = down(down(Q.lo[j * rho + l] + plo) + extra[0]);
      Q.hi[j * rho + l] = up(up(Q.hi[j * rho + l] + phi) + extra[1]);
    }
  }
  // Scale Q to unit diagonal by powers of two: Q' = w Q w, S' = S w.
  const w = Float64Array.from({ length: rho }, (_, j) => 1 / powerOfTwoNear(Math.sqrt(0.5 * Q.lo[j * rho + j] + 0.5 * Q.hi[j * rho + j])));
  const scaledQ = zeroMatrix(rho, rho);
  for (let j = 0; j < rho; j++) {
    for (let l = 0; l < rho; l++) {
      // Q is symmetric: the lower triangle's enclosure serves both entries.
      const at = j >= l ? j * rho + l : l * rho + j;
      [scaledQ.lo[j * rho + l], scaledQ.hi[j * rho + l]] = mul(Q.lo[at], Q.hi[at], w[j] * w[l], w[j] * w[l]);
    }
  }
  const mid = scaledQ.lo.map((lo, i) => 0.5 * lo + 0.5 * scaledQ.hi[i]);
  const approximate = approximateInverse(mid, rho);
  if (approximate === null) return null;
  const inverse = approximate.map((value, i) => 0.5 * value + 0.5 * approximate[(i % rho) * rho + Math.floor(i / rho)]);
  const residual = residualOfInverse(inverse, scaledQ);
  const beta = Math.sqrt(up(normBound(residual, 'rows') * normBound(residual, 'columns')));
  if (!(up(beta) < 1)) return null;
  const sides = zeroMatrix(n, rho);
  pivots.forEach((p, j) => {
    sides.lo[p * rho + j] = w[j];
    sides.hi[p * rho + j] = w[j];
  });
  others.forEach((i, a) => {
    for (let j = 0; j < rho; j++) [sides.lo[i * rho + j], sides.hi[i * rho + j]] = mul(lower.lo[a * rho + j], lower.hi[a * rho + j], w[j], w[j]);
  });
  // With E = I - R Q': Q'^{-1} = R + E Q'^{-1} = R + Q'^{-1} E^T, so
  // Q'^{-1} = R + (E R + R E^T) / 2 + (E^2 Q'^{-1} + Q'^{-1} (E^T)^2) / 2: the first-order part is
  // enclosed (symmetric for each E), the rest is bounded in norm by ||S' E|| ||E|| ||Q'^{-1}|| ||S'||.
  // Weighting by S' matters: Q' is ill-conditioned along modes not yet learned, where S' is tiny.
  const R = pointMatrix(inverse, rho, rho);
  const ER = intervalProduct(residual, R);
  const middle = zeroMatrix(rho, rho);
  for (let j = 0; j < rho; j++) {
    for (let l = 0; l < rho; l++) {
      const [slo, shi] = add(ER.lo[j * rho + l], ER.hi[j * rho + l], ER.lo[l * rho + j], ER.hi[l * rho + j]);
      middle.lo[j * rho + l] = down(inverse[j * rho + l] + 0.5 * slo);
      middle.hi[j * rho + l] = up(inverse[j * rho + l] + 0.5 * shi);
    }
  }
  const inverseNorm = up(nonnegativeSpectralBound(inverse.map(Math.abs), rho) / down(1 - up(beta)));
  const sidesResidual = intervalProduct(sides, residual);
  const weightedNorm = Math.sqrt(up(normBound(sidesResidual, 'rows') * normBound(sidesResidual, 'columns')));
  const sidesNorm = Math.sqrt(up(normBound(sides, 'rows') * normBound(sides, 'columns')));
  const remainder = up(up(up(up(weightedNorm) * up(beta)) * inverseNorm) * up(sidesNorm));
  return Number.isFinite(remainder) ? { sides, middle, remainder } : null;
}
